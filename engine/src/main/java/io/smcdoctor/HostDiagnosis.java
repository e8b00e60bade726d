package io.smcdoctor;

import java.util.List;
import java.util.Objects;

/**
 * One ranked root cause in a report of several hosts: the diagnosis as the concluding host's report has it, the host
 * to change, and the evidence of every host that supports it.
 *
 * @param rank           1 = most likely
 * @param diagnosis      the diagnosis of the host whose evidence concluded it (id, title, severity, side, codes,
 *                       remedies, explanation; its own evidence and confidence are that host's alone)
 * @param concludedOn    the hosts whose rules concluded this cause from their own evidence (two when both ends show
 *                       it, e.g. "SMC-R works")
 * @param fixOn          the hosts to change: one host; both when either end can be changed (side {@code either}, e.g.
 *                       UEIDs that differ) or when each must be (both miss what the cause needs, e.g. a UEID); none
 *                       for a status or when the host to change is not among the bundles
 * @param fixEach        true when every host of {@code fixOn} must be changed, false when changing one suffices
 * @param confidence     0..1: the concluding host's confidence, raised when the other end's observation confirms it
 *                       (docs/two-hosts.md)
 * @param evidence       the lines of every host that support it, each cited {@code host:file:line}
 * @param corroboratedBy what the other end saw that this cause explains (a peer's decline, the same cause seen from
 *                       the other end)
 */
public record HostDiagnosis(int rank, Diagnosis diagnosis, List<String> concludedOn, List<String> fixOn,
                            boolean fixEach, double confidence, List<HostCitation> evidence, List<Corroboration> corroboratedBy) {
    public HostDiagnosis {
        Objects.requireNonNull(diagnosis, "diagnosis");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        concludedOn = List.copyOf(concludedOn);
        if (concludedOn.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis is concluded on at least one host: " + diagnosis.id());
        }
        fixOn = List.copyOf(fixOn);
        evidence = List.copyOf(evidence);
        corroboratedBy = List.copyOf(corroboratedBy);
    }

    /** The catalog cause id. */
    public String id() {
        return diagnosis.id();
    }

    /**
     * A diagnosis of the other end that this one explains or confirms.
     *
     * @param host        the other end's name
     * @param id          the cause id the other end's rules concluded (e.g. {@code peerdecl-peer-declined})
     * @param reasonCodes the codes it names ({@code 0x05000000} then the peer's code)
     */
    public record Corroboration(String host, String id, List<Integer> reasonCodes) {
        public Corroboration {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(id, "id");
            reasonCodes = List.copyOf(reasonCodes);
        }
    }
}
