package io.smcdoctor.evidence.facts;

/** What trying a socket option on a real AF_SMC socket gave ({@code outcome} in {@code sockopt-probe.json}). */
public enum ProbeOutcome {
    /** Set without error, and the connection (if any) used SMC. */
    OK("ok"),
    /** {@code setsockopt} (or the connection) failed; the errno says why. */
    ERROR("error"),
    /** Set without error, but the connection fell back to TCP; the fallback code says why. */
    FALLBACK("fallback"),
    /** The probe file named no outcome, or one this version does not know. */
    UNKNOWN("");

    private final String label;

    ProbeOutcome(String label) {
        this.label = label;
    }

    /** The word of {@code sockopt-probe.json}: {@code ok}, {@code error}, {@code fallback} ({@code ""} when unknown). */
    public String label() {
        return label;
    }

    /** The outcome a word of {@code sockopt-probe.json} names; {@link #UNKNOWN} for any other word. */
    public static ProbeOutcome of(String label) {
        for (ProbeOutcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        return UNKNOWN;
    }
}
