package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * One entry of the fallback table of {@code smcr -d stats}: a reason name with its count for the server or client side. {@code code} is 0 for {@code [unknown]}.
 */
public record FallbackCounter(Provenance provenance, String technology, String role, String name, int code, long count) implements Fact {
    public FallbackCounter {
        Objects.requireNonNull(provenance, "provenance");
    }
}
