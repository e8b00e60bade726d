package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * {@code rdma system}: network namespace mode of RDMA devices ({@code shared} or {@code exclusive}) and copy-on-fork.
 */
public record RdmaSystem(Provenance provenance, RdmaNetnsMode netnsMode, String copyOnFork) implements Fact {
    public RdmaSystem {
        Objects.requireNonNull(provenance, "provenance");
    }
}
