package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * Whether {@code socket(AF_SMC, SOCK_STREAM, proto)} could be opened on the probed host. {@code errno} is 0 when it opened; {@code message} explains (e.g. {@code SMC not available in this kernel (EAFNOSUPPORT)}).
 */
public record SocketProbeOutcome(Provenance provenance, String protocol, boolean opened, int errno, String errnoName, String message) implements Fact {
    public SocketProbeOutcome {
        Objects.requireNonNull(provenance, "provenance");
    }
}
