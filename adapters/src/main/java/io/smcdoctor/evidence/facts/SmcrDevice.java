package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One row of {@code smcr [-d] device}: an RDMA device port usable by SMC-R (smc-tools {@code dev.c}). Strings are
 * {@code ""} when the column is absent; numbers -1.
 *
 * @param provenance      where it was read
 * @param netDev          the Net-Dev column: the netdev SMC found for the port, {@code ""} when blank. A blank Net-Dev
 *                        means the kernel could not resolve the port's netdev in this namespace (device without
 *                        {@code get_netdev}, or the netdev is in another network namespace)
 * @param ibDev           the IB-Dev column (smc-tools cuts names to 8 characters: {@code mlx5_bon} for {@code mlx5_bond_0})
 * @param ibPort          the port, 1-based
 * @param state           {@code ACTIVE}, {@code INACTIVE} or {@code 0x..?}
 * @param type            the Type column: an IBM adapter name ({@code RoCE_Express2}), the PCI device id ({@code 0x107f}),
 *                        or {@code 0} for a device without PCI function (soft-RoCE)
 * @param critical        the Crit column: a link group on the port has no fail-over link
 * @param fid             {@code -d}: s390 function id, {@code ""} without {@code -d}
 * @param pciId           {@code -d}: the PCI address, {@code ""} when absent or without {@code -d}
 * @param pchid           {@code -d}: s390 physical channel id
 * @param links           the #Links column
 * @param pnetId          the PNET-ID column without the user-defined mark, {@code ""} when blank
 * @param pnetUserDefined true when the PNET ID was set with smc_pnet (printed with a leading {@code *})
 * @param deviceKind      what the device is, from its name and Type ({@link RdmaDeviceKind#of(String, String)})
 */
public record SmcrDevice(Provenance provenance, String netDev, String ibDev, int ibPort, String state, String type,
                         boolean critical, String fid, String pciId, String pchid, int links, String pnetId,
                         boolean pnetUserDefined, RdmaDeviceKind deviceKind) implements Fact {
    public SmcrDevice {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(netDev, "netDev");
        Objects.requireNonNull(ibDev, "ibDev");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deviceKind, "deviceKind");
    }

    /** A row whose device kind is derived from its name and Type column. */
    public SmcrDevice(Provenance provenance, String netDev, String ibDev, int ibPort, String state, String type,
                      boolean critical, String fid, String pciId, String pchid, int links, String pnetId,
                      boolean pnetUserDefined) {
        this(provenance, netDev, ibDev, ibPort, state, type, critical, fid, pciId, pchid, links, pnetId, pnetUserDefined,
                RdmaDeviceKind.of(ibDev, type));
    }

    /** True when the port's state is {@code ACTIVE}. */
    public boolean active() {
        return "ACTIVE".equals(state);
    }

    /** True when the Net-Dev column is blank (see {@link #netDev()}). */
    public boolean withoutNetDev() {
        return netDev.isEmpty();
    }
}
