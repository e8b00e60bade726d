package io.smcdoctor.evidence;

import java.util.Objects;

/** Something in the input that could not be used; the rest of the input was still read. {@code line} 0 = whole file. */
public record ParseWarning(String source, int line, String message) {
    public ParseWarning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (line > 0 ? source + ":" + line : source) + ": " + message;
    }
}
