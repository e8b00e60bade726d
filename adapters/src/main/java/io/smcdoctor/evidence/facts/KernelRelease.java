package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * The running kernel from {@code uname -a} or {@code uname -r}. {@code distribution} is derived from the release string ({@code alinux3}, {@code debian12}, ...) or {@code ""}.
 */
public record KernelRelease(Provenance provenance, String release, String machine, String distribution) implements Fact {
    public KernelRelease {
        Objects.requireNonNull(provenance, "provenance");
    }
}
