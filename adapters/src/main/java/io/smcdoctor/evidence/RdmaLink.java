package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * One line of {@code rdma link}.
 */
public record RdmaLink(Provenance provenance, String device, int port, String state, String physicalState, String netDev) implements Fact {
    public RdmaLink {
        Objects.requireNonNull(provenance, "provenance");
    }
}
