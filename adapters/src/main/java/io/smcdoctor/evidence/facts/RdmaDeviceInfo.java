package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * An RDMA device from {@code ibv_devinfo [-v]}. GUIDs as printed ({@code 0250:56ff:fe8e:8a1c}); absent numbers -1.
 */
public record RdmaDeviceInfo(Provenance provenance, String name, String transport, String nodeGuid, String sysImageGuid, String firmware, long vendorId, long vendorPartId, long maxMr, long maxMrSize, List<String> portStates, List<String> linkLayers) implements Fact {
    public RdmaDeviceInfo {
        Objects.requireNonNull(provenance, "provenance");
        portStates = List.copyOf(portStates);
        linkLayers = List.copyOf(linkLayers);
    }

    /**
     * What the device is: from its name, else from the PCI vendor id ({@code 0x1ded} Alibaba: eRDMA; the Mellanox vendor
     * ids {@code 0x02c9}/{@code 0x15b3} say mlx4 or mlx5 only together with the name).
     */
    public RdmaDeviceKind deviceKind() {
        RdmaDeviceKind k = RdmaDeviceKind.of(name, "");
        return k == RdmaDeviceKind.UNKNOWN && vendorId == 0x1ded ? RdmaDeviceKind.ERDMA : k;
    }
}
