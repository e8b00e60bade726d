package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * {@code rdma system}: network namespace mode of RDMA devices and copy-on-fork.
 *
 * @param provenance where it was read
 * @param netnsMode  the namespace mode printed ({@code shared} or {@code exclusive})
 * @param copyOnFork {@code on}/{@code off}, {@code ""} when not printed (older iproute2)
 */
public record RdmaSystem(Provenance provenance, RdmaNetnsMode netnsMode, String copyOnFork) implements Fact {
    public RdmaSystem {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(netnsMode, "netnsMode");
        Objects.requireNonNull(copyOnFork, "copyOnFork");
    }
}
