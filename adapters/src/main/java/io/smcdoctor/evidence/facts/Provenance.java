package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * Where a fact came from: the evidence file (or logical source) name, the 1-based line number
 * (0 when the fact is not tied to one line) and the raw line text (trimmed of the line terminator,
 * at most a few hundred characters).
 */
public record Provenance(String source, int line, String text) {
    /** Longest raw text kept; longer lines are cut and end with an ellipsis. */
    public static final int MAX_TEXT = 400;

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
    }

    /** A provenance for a value that was given directly (builder, live probe), not read from a line. */
    public static Provenance of(String source) {
        return new Provenance(source, 0, "");
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
