package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * How an executable is linked, from its ELF headers: static binaries ignore {@code LD_PRELOAD} and so {@code smc_run}.
 */
public record BinaryLinkage(Provenance provenance, String path, boolean elf, boolean staticallyLinked, String interpreter, List<String> needed) implements Fact {
    public BinaryLinkage {
        Objects.requireNonNull(provenance, "provenance");
        needed = List.copyOf(needed);
    }
}
