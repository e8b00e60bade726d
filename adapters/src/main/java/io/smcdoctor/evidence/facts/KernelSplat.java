package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One kernel report ("splat") in a kernel log or pasted text: a WARNING, BUG, KASAN report, refcount warning, oops,
 * lockdep report, hung task, RCU stall or a bare backtrace (crash(8) {@code bt}). One fact per report; frames and
 * reports per input are bounded, and a report cut off in the middle is still reported ({@link #truncated()}).
 *
 * <p>How to read it: a report whose {@link #faultInSmc() fault} or {@link #culpritInSmc() culprit} lies in SMC
 * ({@code net/smc/}, functions {@code smc_*}, {@code smcr_*}, {@code smcd_*}, {@code __smc_*}, modules {@code [smc]} and
 * {@code [smc_diag]}) is a kernel bug in SMC; SMC frames only deeper in the trace ({@link #involvesSmc()}) mean SMC was
 * involved; {@code Modules linked in: ... smc ...} alone proves nothing and is not read. Sources of the formats:
 * {@code kernel/panic.c __warn()}, {@code arch/x86/kernel/dumpstack.c show_trace_log_lvl()} (frames
 * {@code func+0x1a/0x2b [module]}, {@code ? } for unreliable ones), syzbot's symbolised form
 * ({@code func+0x1a/0x2b net/smc/af_smc.c:664}, {@code [inline]} frames), s390 {@code Krnl PSW} and
 * {@code [<addr>] func+off/len}, arm64 {@code pc : func+off/len}.
 *
 * @param provenance       the report's first line
 * @param kind             what kind of report
 * @param header           the first line of the report, without log prefix
 * @param detail           the kind's detail: KASAN/KFENCE/UBSAN bug type ({@code slab-use-after-free}), the refcount
 *                         text ({@code underflow; use-after-free.}), the lockdep title, the hung task's name; else {@code ""}
 * @param frames           function names of the call trace, innermost first, without offsets, modules, {@code [inline]}
 *                         and the {@code ? } mark (at most {@link #MAX_FRAMES}); the first {@code Call Trace:} section,
 *                         else the lockdep chains, else every frame-shaped line of the report
 * @param unreliable       names in {@code frames} that were marked {@code ? } (stale stack entries), in order
 * @param modules          module names in brackets on the report's frames, RIP and workqueue lines, in order, distinct
 * @param faultingFunction where the report says it happened: the RIP/PC/PSW function, the WARNING's function, the
 *                         KASAN/KFENCE {@code in func}; {@code ""} when the report names none (lockdep, hung task)
 * @param faultingFile     the source file of that place when printed ({@code net/smc/af_smc.c}), else {@code ""}
 * @param faultInSmc       true when the faulting function or file is in SMC
 * @param culprit          the first function of {@code faultingFunction} and the reliable frames that is not a generic
 *                         reporting, locking, list or refcount helper ({@code refcount_warn_saturate},
 *                         {@code __list_del_entry_valid}, {@code _raw_spin_lock}, {@code __flush_work}, ...): where a
 *                         reader of the report would look first; {@code ""} when every frame is a helper
 * @param culpritInSmc     true when {@code culprit} is an SMC function
 * @param smcFunctions     SMC functions among the faulting function and the reliable frames, in order, distinct
 * @param kernelRelease    the release from {@code CPU: 1 PID: 42 Comm: x Not tainted 6.8.0-rc1 #1} (or
 *                         {@code Tainted: G W E 6.7.0-rc6+ #51}, or lockdep's {@code 6.12.42 #1 Not tainted});
 *                         {@code ""} when absent or not a version ({@code syzkaller})
 * @param comm             the task name of the {@code Comm:} field, {@code ""} when absent
 * @param hardware         the {@code Hardware name:} value, {@code ""} when absent
 * @param timestamp        the log timestamp of the first line, {@code ""} when none
 * @param lastLine         the line number of the report's last line read
 * @param truncated        true when the report was cut: no call trace, frames beyond {@link #MAX_FRAMES}, or the input
 *                         ended or another report began before its end
 */
public record KernelSplat(Provenance provenance, SplatKind kind, String header, String detail, List<String> frames,
                          List<String> unreliable, List<String> modules, String faultingFunction, String faultingFile,
                          boolean faultInSmc, String culprit, boolean culpritInSmc, List<String> smcFunctions,
                          String kernelRelease, String comm, String hardware, String timestamp, int lastLine,
                          boolean truncated) implements Fact {
    /** Most frames kept per report. */
    public static final int MAX_FRAMES = 64;

    public KernelSplat {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(faultingFunction, "faultingFunction");
        Objects.requireNonNull(faultingFile, "faultingFile");
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(kernelRelease, "kernelRelease");
        Objects.requireNonNull(comm, "comm");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(timestamp, "timestamp");
        frames = List.copyOf(frames);
        unreliable = List.copyOf(unreliable);
        modules = List.copyOf(modules);
        smcFunctions = List.copyOf(smcFunctions);
    }

    /** True when SMC is the faulting place, the culprit, or any reliable frame, or an SMC module is on the frames. */
    public boolean involvesSmc() {
        return faultInSmc || culpritInSmc || !smcFunctions.isEmpty() || modules.contains("smc")
                || modules.contains("smc_diag");
    }

    /**
     * True when a function name is SMC's: {@code smc_*}, {@code smcr_*}, {@code smcd_*} with any leading underscores
     * ({@code __smc_release}) and the {@code __pfx_} padding symbol prefix removed.
     */
    public static boolean isSmcFunction(String name) {
        String n = name.startsWith("__pfx_") ? name.substring(6) : name;
        int i = 0;
        while (i < n.length() && n.charAt(i) == '_') {
            i++;
        }
        String s = n.substring(i).toLowerCase(Locale.ROOT);
        return s.startsWith("smc_") || s.startsWith("smcr_") || s.startsWith("smcd_");
    }

    /** True when a source path is in SMC ({@code net/smc/}). */
    public static boolean isSmcFile(String path) {
        return path.startsWith("net/smc/") || path.contains("/net/smc/");
    }
}
