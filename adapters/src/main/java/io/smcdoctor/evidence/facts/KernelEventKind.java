package io.smcdoctor.evidence.facts;

/**
 * Kernel log lines that matter for SMC, by meaning. Fields of each kind are listed; they are available
 * through {@link KernelEvent#field(String)}. Events of one log keep its order: compare
 * {@code provenance().line()} to tell what came first (e.g. {@code NET: Unregistered PF_SMC protocol family} before
 * {@code smc: removing ib device X} means the removal came from unloading smc, not from the device).
 */
public enum KernelEventKind {
    /** {@code NET: Registered PF_SMC protocol family} / {@code protocol family 43}. */
    SMC_REGISTERED,
    /** {@code NET: Unregistered PF_SMC protocol family}. */
    SMC_UNREGISTERED,
    /** Alibaba: {@code smc: load SMC module with reserve_mode}. */
    SMC_RESERVE_MODE,
    /** Alibaba: {@code smc: reserve_mode with invalid ports base}. */
    SMC_RESERVE_MODE_INVALID_BASE,
    /** Alibaba: {@code smc: netns N reserved ports [65500 ~ 65515] for eRDMA OOB}; fields {@code netns}, {@code first}, {@code last}. */
    SMC_RESERVED_PORTS,
    /** {@code smc: adding ib device X with port count N}; fields {@code device}, {@code ports}. */
    SMC_IB_DEVICE_ADDED,
    /** {@code smc:    ib device X port N has pnetid P}; fields {@code device}, {@code port}, {@code pnetid} (may be empty), {@code userDefined}. */
    SMC_IB_DEVICE_PNETID,
    /** {@code smc:    ib device X port N has no pnetid}; fields {@code device}, {@code port}. */
    SMC_IB_DEVICE_NO_PNETID,
    /**
     * {@code smc: removing ib device X} ({@code net/smc/smc_ib.c smc_ib_remove_dev()}, the ib_client remove callback:
     * driver unbind or unload, PCI removal, {@code rdma link delete}, device reset, or smc itself being unloaded);
     * fields {@code device} and {@code smcUnloading} ({@code true} when this log said
     * {@code NET: Unregistered PF_SMC protocol family} before it, without a later {@code Registered}: the removal is a
     * consequence of unloading smc, not of the device).
     */
    SMC_IB_DEVICE_REMOVED,
    /** {@code smc: adding smcd device X ...}; fields {@code device}, {@code pnetid}. */
    SMC_SMCD_DEVICE_ADDED,
    /** {@code smc: removing smcd device X}; field {@code device}. */
    SMC_SMCD_DEVICE_REMOVED,
    /** {@code smc: SMC-R lg L net N link added: ...}; fields {@code lg}, {@code net}, {@code id}, {@code peerid}, {@code ibdev}, {@code ibport}. */
    SMC_LINK_ADDED,
    /** {@code smc: SMC-R lg L net N link removed: ...}; same fields as {@link #SMC_LINK_ADDED}. */
    SMC_LINK_REMOVED,
    /** {@code smc: SMC-R lg L net N state changed: S, pnetid P}; fields {@code lg}, {@code net}, {@code state}, {@code pnetid}. */
    SMC_LGR_STATE_CHANGED,
    /** {@code LLC protocol violation} or dropped LLC messages; fields {@code lg}, {@code detail}. */
    SMC_LLC_PROBLEM,
    /** {@code smc: smc_init: X fails with E}; fields {@code step}, {@code error}. */
    SMC_INIT_FAILED,
    /**
     * {@code smc_llc_link_active: 3 callbacks suppressed}: the kernel dropped that many rate-limited SMC messages
     * (so not every event is in the log); fields {@code function}, {@code suppressed}.
     */
    SMC_RATELIMITED,
    /** Any other line starting with {@code smc:} (kept so nothing is lost); field {@code message}. */
    SMC_OTHER,
    /** {@code MOD: Unknown symbol SYM (err -2)}; fields {@code module}, {@code symbol}, {@code error} (may be empty). */
    MODULE_UNKNOWN_SYMBOL,
    /** {@code MOD: disagrees about version of symbol SYM} (or {@code no symbol version for SYM}); fields {@code module}, {@code symbol}. */
    MODULE_SYMBOL_VERSION,
    /** A Mellanox / OFED driver line (mlx5_core, mlx5_ib, {@code MLNX_OFED}); fields {@code driver}, {@code message}. */
    OFED_DRIVER,
    /** An eRDMA driver line ({@code erdma}, {@code infiniband erdma_0: ...}); fields {@code device} (may be empty), {@code message}. */
    ERDMA_DRIVER,
    /** A soft-RoCE line ({@code rdma_rxe}, {@code infiniband rxe0: ...}, {@code rxe0: ...}); fields {@code device} (may be empty), {@code message}. */
    RXE_DRIVER,
    /** Other RDMA core lines ({@code infiniband X: ...}, {@code ib_core}); fields {@code device}, {@code message}. */
    RDMA_OTHER,
    /** {@code eth0: Link is Up/Down} style lines; fields {@code interface}, {@code state} ({@code up} or {@code down}). */
    NET_LINK_STATE,
    /**
     * An RDMA driver module was loaded: {@code rdma_rxe: loaded} (soft-RoCE, {@code drivers/infiniband/sw/rxe/rxe.c
     * rxe_module_init()}); field {@code driver}. Also reported as {@link #RXE_DRIVER}.
     */
    RDMA_DRIVER_LOADED,
    /**
     * An RDMA driver module was unloaded: {@code rdma_rxe: unloaded} ({@code rxe_module_exit()}; lab capture
     * no-rdma-driver: after {@code smc: removing ib device rxe0}); field {@code driver}. Also reported as
     * {@link #RXE_DRIVER}.
     */
    RDMA_DRIVER_UNLOADED,
    /** {@code infiniband rxe0: set active} (the port became ACTIVE); field {@code device}. */
    RDMA_DEVICE_ACTIVE,
    /**
     * {@code infiniband rxe0: added eth0} (a soft-RoCE device was created on a netdev, {@code rdma link add});
     * fields {@code device}, {@code netdev}.
     */
    RDMA_DEVICE_NETDEV,
    /**
     * An mlx5 device health event ({@code drivers/net/ethernet/mellanox/mlx5/core/health.c}):
     * {@code poll_health ... device's health compromised}, {@code Fatal error N detected},
     * {@code FW is unable to respond to initialization segment reads}, {@code health recovery}, {@code synd 0x..}, error
     * state; the device may be reset or removed after it. Fields {@code driver} ({@code mlx5_core}), {@code device}
     * (the PCI address), {@code message}. Also reported as {@link #OFED_DRIVER}.
     */
    RDMA_DEVICE_HEALTH,
    /**
     * PCI hot-plug removal of a slot: {@code pciehp 0000:00:1c.0:pcie004: Slot(3): Link Down},
     * {@code ... Card not present} ({@code drivers/pci/hotplug/pciehp_ctrl.c}); fields {@code device}, {@code slot},
     * {@code message}.
     */
    PCI_HOTPLUG,
    /** {@code Linux version ...} banner; field {@code release}. */
    KERNEL_BANNER
}
