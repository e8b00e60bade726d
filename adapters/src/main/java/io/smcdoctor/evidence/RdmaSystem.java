package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * {@code rdma system}: network namespace mode of RDMA devices and copy-on-fork.
 *
 * @param provenance where it was read
 * @param netnsMode  as printed, {@code shared} or {@code exclusive}
 * @param copyOnFork {@code on}/{@code off}, {@code ""} when not printed (older iproute2)
 * @param mode       {@code netnsMode} as an enum
 */
public record RdmaSystem(Provenance provenance, String netnsMode, String copyOnFork, RdmaNetnsMode mode) implements Fact {
    public RdmaSystem {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(netnsMode, "netnsMode");
        Objects.requireNonNull(copyOnFork, "copyOnFork");
        Objects.requireNonNull(mode, "mode");
    }

    /** A fact whose mode is derived from {@code netnsMode}. */
    public RdmaSystem(Provenance provenance, String netnsMode, String copyOnFork) {
        this(provenance, netnsMode, copyOnFork, RdmaNetnsMode.of(netnsMode));
    }
}
