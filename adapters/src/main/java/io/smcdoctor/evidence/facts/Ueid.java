package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One User EID from {@code smcr ueid show}.
 */
public record Ueid(Provenance provenance, String ueid) implements Fact {
    public Ueid {
        Objects.requireNonNull(provenance, "provenance");
    }
}
