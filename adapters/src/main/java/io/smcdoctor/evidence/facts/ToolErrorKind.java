package io.smcdoctor.evidence.facts;

/**
 * Why a tool printed an error instead of its output. Each kind names the exact texts it stands for and the tool that
 * prints them, so that a rule can say what the failure implies and what it hides.
 */
public enum ToolErrorKind {
    /**
     * smc-tools {@code Error: SMC module not loaded} ({@code libnetlink.c gen_nl_open()}: the generic netlink family
     * {@code SMC_GEN_NETLINK} could not be resolved, after the kernel tried to load the module),
     * {@code smc_pnet: SMC module not loaded} (family {@code SMC_PNETID}), or the bare {@code SMC module not loaded}
     * quoted from smcr(8). Implies: smc is not loadable (missing, blacklisted, unresolved symbols), CONFIG_SMC=n, or
     * the kernel is older than 5.11 (the family does not exist there, even with smc loaded). Hides: whether AF_SMC
     * itself works.
     */
    SMC_MODULE_NOT_LOADED,
    /**
     * smc-tools {@code Error: Operation not supported by kernel} ({@code gen_nl_handle()}, -NLE_OPNOTSUPP) or
     * {@code Error: operation not supported by kernel} ({@code ueid.c}, {@code seid.c}): the command is newer than the
     * kernel (e.g. {@code stats} before 5.14, UEID before 5.17). Hides: the data the command would show.
     */
    KERNEL_UNSUPPORTED,
    /**
     * {@code RTNETLINK answers: <text>} printed by smcss ({@code libnetlink.c rtnl_dump()} calls {@code perror} on an
     * NLMSG_ERROR): the kernel rejected the AF_SMC sock_diag dump, i.e. no {@code smc_diag} handler (module
     * {@code smc_diag} not loaded or not loadable). The text after the colon is a stale errno, not the kernel's error
     * (lab capture smc-diag-missing: "Resource temporarily unavailable"). Hides: every socket; the listing is
     * unavailable, not empty.
     */
    SOCKET_LIST_UNAVAILABLE,
    /**
     * Other netlink failures: smc-tools {@code Error: Netlink receive error <text> (<n>)},
     * {@code Error: Cannot open netlink socket: ...}, {@code Error: Dump interrupted}; {@code RTNETLINK answers: <text>}
     * from {@code ip} (there the text is the real errno of the rejected request).
     */
    NETLINK,
    /**
     * iproute2 {@code rdma}: {@code Failed to open NETLINK_RDMA socket} ({@code rdma/utils.c rd_send_msg()}): NETLINK_RDMA
     * is not registered, i.e. ib_core is not loaded or the kernel has no InfiniBand support: no RDMA device can exist,
     * so SMC-R is impossible on this host (SMC-D may still work). Hides: RDMA hardware without its driver.
     */
    RDMA_UNAVAILABLE,
    /**
     * rdma-core {@code ibv_devinfo}: {@code No IB devices found} (libibverbs found no device with a user-space
     * provider) or {@code Failed to get IB devices list: <text>}. Implies: no RDMA device usable from user space here;
     * the kernel may still have one (SMC uses kernel verbs): compare {@code rdma dev} and {@code smcr device}.
     */
    NO_RDMA_DEVICES,
    /**
     * kmod {@code lsmod}: {@code Error: could not get list of modules: <text>} (with libkmod's
     * {@code kmod_module_new_from_loaded: could not open /proc/modules}), busybox {@code lsmod: can't open
     * '/proc/modules': ...}: /proc/modules is unreadable (CONFIG_MODULES=n, no /proc, a container). Hides: whether smc
     * is loaded or built in.
     */
    MODULE_LIST_UNAVAILABLE,
    /**
     * procps {@code sysctl: cannot stat /proc/sys/net/smc/x: No such file or directory} or {@code unknown key}: the
     * key does not exist (module not loaded, kernel too old for it, another namespace). The message names the key.
     */
    UNKNOWN_KEY,
    /** The tool is not installed: {@code bash: smcss: command not found}, {@code sh: 1: smcr: not found}. */
    NOT_INSTALLED,
    /**
     * Permission denied / operation not permitted, e.g. {@code dmesg: read kernel buffer failed: Operation not permitted}
     * (kernel.dmesg_restrict) or a netlink socket refused to an unprivileged user.
     */
    PERMISSION_DENIED,
    /** The tool rejected its command line: smc-tools {@code Error: Object "x" is unknown, try "smcr help".}, usage text. */
    USAGE,
    /** Any other error the tool printed ({@code Error: ...}, {@code <tool>: ... failed}). */
    OTHER
}
