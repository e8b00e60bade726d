package io.smcdoctor;

import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.facts.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * One ranked root cause with its evidence and fixes. Text fields are in the report's language.
 *
 * @param rank        1 = most likely
 * @param id          the catalog cause id, e.g. {@code nosmcdev-ipv6}
 * @param title       one line
 * @param confidence  0..1, computed as {@code docs/ranking.md} describes
 * @param severity    problem, warning or info (info = status such as "SMC-R works")
 * @param side        which host to fix
 * @param reasonCodes the reason codes it explains, in order ({@code 0x05000000} before the peer's code)
 * @param evidence    the lines that support it, each with file and line
 * @param remedies    what to do, with commands
 * @param references  seed section, kernel constants
 * @param explanation why this cause produces what was seen (catalog text)
 * @param rules       the rules that concluded it, for explainability
 */
public record Diagnosis(int rank, String id, String title, double confidence, Severity severity, Side side,
                        List<Integer> reasonCodes, List<Provenance> evidence, List<SuggestedRemedy> remedies,
                        List<String> references, String explanation, List<String> rules) {
    public Diagnosis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(explanation, "explanation");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        reasonCodes = List.copyOf(reasonCodes);
        evidence = List.copyOf(evidence);
        remedies = List.copyOf(remedies);
        references = List.copyOf(references);
        rules = List.copyOf(rules);
    }

    /** Every command of every remedy, in order. */
    public List<String> commands() {
        return remedies.stream().flatMap(r -> r.commands().stream()).toList();
    }

    /**
     * A fix for a diagnosis, in the report's language: what to do and the exact commands (possibly none).
     *
     * @param summary  one sentence
     * @param commands commands to run, never executed by SMC Doctor
     */
    public record SuggestedRemedy(String summary, List<String> commands) {
        public SuggestedRemedy {
            Objects.requireNonNull(summary, "summary");
            commands = List.copyOf(commands);
        }
    }
}
