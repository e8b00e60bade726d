package io.smcdoctor;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.engine.internal.pair.PairJson;
import io.smcdoctor.engine.internal.pair.PairText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Diagnoser#diagnose(List)}: each host's own report, unchanged, and the diagnosis of the hosts
 * together: ranked causes with the host to change and evidence cited {@code host:file:line}, causes one host offered
 * that the other's evidence rules out, and how the hosts' connections join. Immutable and thread-safe.
 *
 * @param hosts     the hosts in the order given, each with its single-host report
 * @param diagnoses ranked, most likely first: problems and warnings before information, then by confidence
 * @param ruledOut  causes offered for a peer's code that the peer's own evidence rules out
 * @param missingEvidence inputs that would let the diagnosis decide more, each with the host to run it on (a host's
 *                  request for its peer's files goes to the peer, and is left out when the peer's bundle has them)
 * @param pairings  one per pair of hosts, in the order given
 * @param language  the language of the text fields
 */
public record MultiHostReport(List<Host> hosts, List<HostDiagnosis> diagnoses, List<RuledOutCause> ruledOut,
                              List<Missing> missingEvidence, List<HostPairing> pairings, Language language) {
    /** The JSON schema: the single-host schema with fields added ({@code hosts}, {@code connections}, ...). */
    public static final String SCHEMA = DiagnosisReport.SCHEMA;

    public MultiHostReport {
        Objects.requireNonNull(language, "language");
        hosts = List.copyOf(hosts);
        diagnoses = List.copyOf(diagnoses);
        ruledOut = List.copyOf(ruledOut);
        missingEvidence = List.copyOf(missingEvidence);
        pairings = List.copyOf(pairings);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a report of several hosts needs at least one host");
        }
    }

    /**
     * One host of the report.
     *
     * @param name       the name the report cites it by: the bundle's host name when it names one (and no other host
     *                   has it), else the label
     * @param label      the caller's label ({@link HostEvidence#label()})
     * @param capturedAt when the bundle was collected, if its manifest says
     * @param report     the host's own diagnosis, exactly as {@link Diagnoser#diagnose(io.smcdoctor.evidence.Evidence)}
     *                   gives it
     */
    public record Host(String name, String label, Optional<Instant> capturedAt, DiagnosisReport report) {
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(capturedAt, "capturedAt");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Input one host should provide.
     *
     * @param host     the host to run the command on
     * @param evidence what, the command and why
     */
    public record Missing(String host, MissingEvidence evidence) {
        public Missing {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** The most likely diagnosis, if any. */
    public Optional<HostDiagnosis> top() {
        return diagnoses.isEmpty() ? Optional.empty() : Optional.of(diagnoses.get(0));
    }

    /** The diagnosis of a cause id, if concluded. */
    public Optional<HostDiagnosis> diagnosis(String id) {
        return diagnoses.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** A host by its name in the report. */
    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /**
     * The report as JSON: schema {@code smc-doctor/diagnosis/v1} with fields added ({@code hosts}, {@code connections},
     * {@code ruledOut}; {@code host} and {@code fixOn} on each diagnosis, {@code host} on each evidence line), as
     * {@code docs/two-hosts.md} describes.
     */
    public String toJson() {
        return PairJson.write(this);
    }

    /** The report as text for people: the hosts and how they join, the causes with the host to fix, then each host. */
    public String toText() {
        return PairText.render(this);
    }
}
