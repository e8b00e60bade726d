package io.smcdoctor.evidence.facts;

/**
 * What kind of kernel report a {@link KernelSplat} is, by its first line. The texts are those the kernel prints
 * (mainline {@code kernel/panic.c __warn()}, {@code lib/refcount.c}, {@code mm/kasan/report.c},
 * {@code arch/x86/mm/fault.c}, {@code arch/x86/kernel/traps.c}, {@code kernel/locking/lockdep.c},
 * {@code kernel/hung_task.c}, {@code kernel/rcu/tree_stall.h}, {@code kernel/watchdog.c}, {@code lib/ubsan.c},
 * {@code net/core/dev.c netdev_wait_allrefs_any()}) and crash(8) {@code bt}.
 */
public enum SplatKind {
    /** {@code WARNING: CPU: 1 PID: 150 at net/smc/af_smc.c:123 func+0x1a/0x2b [smc]} (a WARN_ON that fired). */
    WARNING,
    /** {@code refcount_t: underflow; use-after-free.}, {@code refcount_t: saturated; leaking memory.},
     *  {@code refcount_t: addition on 0; use-after-free.} (printed before a WARNING in {@code refcount_warn_saturate}). */
    REFCOUNT,
    /** {@code BUG: KASAN: slab-use-after-free in func+0x..} (also {@code null-ptr-deref}, {@code slab-out-of-bounds}, ...);
     *  the KASAN bug type is the splat's detail. */
    KASAN,
    /** {@code KFENCE: use-after-free read in func+0x..}. */
    KFENCE,
    /** {@code UBSAN: array-index-out-of-bounds in net/smc/x.c:12:3}. */
    UBSAN,
    /** {@code BUG: kernel NULL pointer dereference, address: 0000000000000010} (x86) or
     *  {@code Unable to handle kernel NULL pointer dereference at virtual address ...} (arm64). */
    NULL_POINTER_DEREFERENCE,
    /** {@code BUG: unable to handle page fault for address: ...}, {@code BUG: unable to handle kernel paging request},
     *  {@code Unable to handle kernel paging request at virtual address ...}. */
    PAGE_FAULT,
    /** {@code general protection fault, probably for non-canonical address 0x...} (also after {@code Oops: }). */
    GENERAL_PROTECTION_FAULT,
    /** {@code kernel BUG at net/smc/smc_core.c:1234!} (a BUG_ON that fired). */
    KERNEL_BUG,
    /** Any other {@code BUG: ...} line ({@code BUG: sleeping function called from invalid context}, ...). */
    BUG,
    /** {@code Oops: ...} or {@code Internal error: Oops: ...} without a more specific first line. */
    OOPS,
    /** lockdep: {@code WARNING: possible circular locking dependency detected}, {@code possible recursive locking},
     *  {@code inconsistent lock state}, {@code suspicious RCU usage}, ... */
    LOCKDEP,
    /** {@code INFO: task kworker/1:2:150 blocked for more than 122 seconds.} (hung task detector). */
    HUNG_TASK,
    /** {@code rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:}, {@code rcu_sched self-detected stall on CPU}. */
    RCU_STALL,
    /** {@code watchdog: BUG: soft lockup - CPU#3 stuck for 23s!}. */
    SOFT_LOCKUP,
    /** {@code unregister_netdevice: waiting for eth1 to become free. Usage count = 2} (a netdev reference leak), with the
     *  {@code ref_tracker} stacks that follow. */
    NETDEV_REFCOUNT_LEAK,
    /** {@code Kernel panic - not syncing: ...} without an earlier report. */
    PANIC,
    /** A backtrace without a report line: crash(8) {@code bt} ({@code #5 [ffffa7ce8f3bdf0] smc_release at ffffffffc0697d24
     *  [smc]}) or a bare {@code Call Trace:}. */
    BACKTRACE
}
