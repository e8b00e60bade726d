package io.smcdoctor;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.engine.internal.ReportJson;
import io.smcdoctor.engine.internal.ReportText;
import io.smcdoctor.evidence.ParseWarning;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of {@link Diagnoser#diagnose}: ranked diagnoses, missing evidence, parse warnings and summary numbers.
 * Immutable and thread-safe.
 *
 * @param diagnoses       ranked, most likely first (may be empty when nothing was concluded)
 * @param missingEvidence inputs that would let the diagnosis decide more
 * @param warnings        problems found while reading the inputs, each with file and line
 * @param stats           socket and fallback numbers
 * @param language        the language of the text fields
 */
public record DiagnosisReport(List<Diagnosis> diagnoses, List<MissingEvidence> missingEvidence,
                              List<ParseWarning> warnings, Stats stats, Language language) {
    /** The JSON schema name this report serialises to. */
    public static final String SCHEMA = "smc-doctor/diagnosis/v1";

    public DiagnosisReport {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(language, "language");
        diagnoses = List.copyOf(diagnoses);
        missingEvidence = List.copyOf(missingEvidence);
        warnings = List.copyOf(warnings);
    }

    /** The most likely diagnosis, if any. */
    public Optional<Diagnosis> top() {
        return diagnoses.isEmpty() ? Optional.empty() : Optional.of(diagnoses.get(0));
    }

    /** The diagnosis of a cause id, if concluded. */
    public Optional<Diagnosis> diagnosis(String id) {
        return diagnoses.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The report as JSON, schema {@code smc-doctor/diagnosis/v1} (README, "JSON contracts"; reason codes as lower-case
     * {@code 0x%08x}; fields are only ever added).
     */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** The report as text for people: top diagnosis first, its evidence lines, then the commands to run. */
    public String toText() {
        return ReportText.render(this);
    }

    /**
     * Input the diagnosis would need to decide more, with the command that produces it.
     *
     * @param what    the bundle file ({@code smcr-device.txt}) or, for a cause no file can show, the question to answer
     * @param command the command to run ({@code smcr -d device}); {@code ""} when there is none
     * @param why     what it would tell
     */
    public record MissingEvidence(String what, String command, String why) {
        public MissingEvidence {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Summary numbers of a report.
     *
     * @param sockets    sockets in the smcss listings other than LISTEN (de-duplicated by inode)
     * @param smcSockets sockets in SMCR or SMCD mode
     * @param fallbacks  fallback count per reason code, ordered by code: sockets from smcss (a {@code local/peer} pair
     *                   counts under both codes); a code seen only in the stats counters counts its counter value
     */
    public record Stats(long sockets, long smcSockets, Map<Integer, Long> fallbacks) {
        public Stats {
            Objects.requireNonNull(fallbacks, "fallbacks");
            fallbacks = java.util.Collections.unmodifiableMap(new TreeMap<>(fallbacks));
        }
    }
}
