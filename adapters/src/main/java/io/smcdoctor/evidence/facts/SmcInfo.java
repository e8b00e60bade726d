package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One {@code Label: value} line of {@code smcr info} (e.g. {@code SMC Version} = {@code 2.1}).
 */
public record SmcInfo(Provenance provenance, String key, String value) implements Fact {
    public SmcInfo {
        Objects.requireNonNull(provenance, "provenance");
    }
}
