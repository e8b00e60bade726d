package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * One line of {@code lsmod}.
 */
public record LoadedModule(Provenance provenance, String name, long size, int useCount, List<String> usedBy) implements Fact {
    public LoadedModule {
        Objects.requireNonNull(provenance, "provenance");
        usedBy = List.copyOf(usedBy);
    }
}
