package io.smcdoctor.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the fleet keeps of two bundles diagnosed together ({@link PairTask}): both ends, how their connections join and
 * the ranked causes of the two hosts together, or why the pair could not be diagnosed. Plain values, turned into rows
 * of the {@code pairs} table by {@link PairRows}.
 *
 * @param bundleA      the first bundle's path (the smaller path of the two)
 * @param hostA        its host name, as the {@code diagnoses} table names it
 * @param bundleB      the second bundle's path
 * @param hostB        its host name
 * @param matchedKeys  connection keys both bundles share as two ends (the fleet's join, before the engine's)
 * @param relation     the engine's relation of the two ({@code joined}, {@code peers}, {@code unrelated},
 *                     {@code unknown}), null when not diagnosed
 * @param related      true when the engine reasons across the two (joined or peers, ends mostly agreeing)
 * @param consistent   false when joined connections disagree on the two ends
 * @param joined       connections the engine joined
 * @param joinedByCut  of those, joined only through an address smcss cut
 * @param contradicting joined connections whose two ends disagree
 * @param causes       the ranked causes of the two hosts together (empty when none or not diagnosed)
 * @param error        why the pair could not be diagnosed (a bundle unreadable when read again), or null
 */
record PairResult(String bundleA, String hostA, String bundleB, String hostB, long matchedKeys,
                  @Nullable String relation, boolean related, boolean consistent, long joined, long joinedByCut,
                  long contradicting, List<Cause> causes, @Nullable String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    PairResult {
        Objects.requireNonNull(bundleA, "bundleA");
        Objects.requireNonNull(hostA, "hostA");
        Objects.requireNonNull(bundleB, "bundleB");
        Objects.requireNonNull(hostB, "hostB");
        causes = List.copyOf(causes);
    }

    /** A pair that could not be diagnosed. */
    static PairResult failed(String bundleA, String hostA, String bundleB, String hostB, long matchedKeys,
                             String error) {
        return new PairResult(bundleA, hostA, bundleB, hostB, matchedKeys, null, false, false, 0, 0, 0, List.of(),
                error);
    }

    /**
     * One ranked cause of the pair ({@link io.smcdoctor.MultiHostReport.HostDiagnosis}).
     *
     * @param rank        1 = most likely
     * @param id          the catalog cause id
     * @param title       its title (English)
     * @param confidence  the pair confidence, 0..1
     * @param severity    {@code problem}, {@code warning} or {@code info}
     * @param side        the concluding host's side of it: {@code local}, {@code peer}, {@code host}, ...
     * @param concludedOn the hosts whose own evidence concluded it
     * @param fixOn       the hosts to change (none for a status)
     * @param fixEach     true when each host of {@code fixOn} must change, false when one suffices
     * @param reasonCodes the reason codes it explains ({@code 0x%08x})
     * @param evidence    how many evidence lines of both hosts it cites
     */
    record Cause(int rank, String id, String title, double confidence, String severity, String side,
                 List<String> concludedOn, List<String> fixOn, boolean fixEach, List<String> reasonCodes,
                 int evidence) implements Serializable {
        private static final long serialVersionUID = 1L;

        Cause {
            Objects.requireNonNull(id, "id");
            concludedOn = List.copyOf(concludedOn);
            fixOn = List.copyOf(fixOn);
            reasonCodes = List.copyOf(reasonCodes);
        }
    }
}
