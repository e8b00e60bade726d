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

    /**
     * Equal when source, line and text are, as a record's own equals; written out because in a new JVM the first
     * call of a record's generated equals bootstraps the JDK's record methods (about 10 ms of a cold start), and
     * every diagnosis compares citations.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && line == p.line && source.equals(p.source) && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + line) * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
