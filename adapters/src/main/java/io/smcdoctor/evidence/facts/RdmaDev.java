package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One line of {@code rdma dev}.
 */
public record RdmaDev(Provenance provenance, int index, String name, String nodeType, String nodeGuid, String sysImageGuid) implements Fact {
    public RdmaDev {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** What the device is, from its name ({@link RdmaDeviceKind#of(String, String)}). */
    public RdmaDeviceKind deviceKind() {
        return RdmaDeviceKind.of(name, "");
    }
}
