package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One line of {@code rdma link}.
 */
public record RdmaLink(Provenance provenance, String device, int port, String state, String physicalState, String netDev) implements Fact {
    public RdmaLink {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** What the port's device is, from its name ({@link RdmaDeviceKind#of(String, String)}). */
    public RdmaDeviceKind deviceKind() {
        return RdmaDeviceKind.of(device, "");
    }

    /** True when the port is ACTIVE ({@code state ACTIVE}). */
    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
