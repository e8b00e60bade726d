package io.smcdoctor.evidence.facts;

import java.util.Locale;

/**
 * What an RDMA device is, as far as its name and PCI device id tell: the device-kind precondition of causes that hold
 * for one kind only (a node GUID derived from the MAC holds for eRDMA and soft-RoCE, not for mlx5 or InfiniBand HCAs;
 * soft-RoCE and eRDMA have no RoCEv1 GID, so SMC-Rv1 is impossible on them).
 *
 * <p>Derivation ({@link #of(String, String)}): the driver's device name ({@code erdma_%d} from
 * {@code drivers/infiniband/hw/erdma/erdma_main.c}, {@code mlx5_%d}/{@code mlx4_%d} from the Mellanox drivers; soft
 * devices are named by the user in {@code rdma link add NAME type rxe|siw}, conventionally {@code rxe0}/{@code siw0})
 * and the {@code smcr device} Type column, which smc-tools prints from the PCI device id ({@code dev.c
 * smc_ib_dev_type()}): {@code 0x107f} is Alibaba's eRDMA (vendor 0x1ded, {@code erdma_pci_tbl}), {@code 0} means no PCI
 * function (a soft device: rxe or siw), {@code RoCE_Express}, {@code RoCE_Express2}, {@code RoCE_Express3} are IBM Z
 * RoCE Express adapters.
 */
public enum RdmaDeviceKind {
    /** Alibaba Cloud eRDMA (iWARP-based, node type {@code rnic}). */
    ERDMA,
    /** Soft-RoCE ({@code rdma_rxe}) over an Ethernet netdev. */
    RXE,
    /** Soft-iWARP ({@code siw}). */
    SIW,
    /** A Mellanox/NVIDIA ConnectX device driven by mlx5 (RoCE or InfiniBand). */
    MLX5,
    /** A Mellanox ConnectX-3 device driven by mlx4. */
    MLX4,
    /** An IBM Z RoCE Express adapter ({@code RoCE_Express}, {@code RoCE_Express2}, {@code RoCE_Express3}). */
    ROCE_EXPRESS,
    /** A software device without PCI function whose name says nothing more (Type {@code 0}). */
    SOFT,
    /** Nothing tells. */
    UNKNOWN;

    /**
     * The kind of a device from its name ({@code ""} when unknown) and the {@code smcr device} Type column or PCI device
     * id ({@code ""} when unknown). The name wins: the Type column is printed for every port of the device alike.
     */
    public static RdmaDeviceKind of(String ibDevName, String type) {
        String n = ibDevName.toLowerCase(Locale.ROOT);
        if (n.startsWith("erdma")) {
            return ERDMA;
        }
        if (n.startsWith("rxe")) {
            return RXE;
        }
        if (n.startsWith("siw")) {
            return SIW;
        }
        if (n.startsWith("mlx5")) {
            return MLX5;
        }
        if (n.startsWith("mlx4")) {
            return MLX4;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0x107f") || t.equals("0x5007")) {
            return ERDMA;
        }
        if (t.startsWith("roce_express")) {
            return ROCE_EXPRESS;
        }
        if (t.equals("0")) {
            return SOFT;
        }
        return UNKNOWN;
    }

    /** True for devices whose node GUID is derived from the netdev's MAC (EUI-64): eRDMA and soft-RoCE. */
    public boolean guidFromMac() {
        return this == ERDMA || this == RXE;
    }
}
