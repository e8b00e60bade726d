package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.KernelSplat;
import io.smcdoctor.evidence.facts.SplatKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects the lines of kernel reports into {@link KernelSplat} facts while a kernel log streams by. It only observes:
 * the dmesg parser still reads every line for its own events. A report runs from its first line to its end line
 * ({@code ---[ end trace ...]---}, the closing {@code =====} of KASAN), to the next report, to the first line after its
 * call trace that is no report text, or to {@link #MAX_LINES} lines; reports and frames are bounded.
 */
final class SplatAssembler {
    /** Reports kept per input; more are counted in one warning. */
    static final int MAX_SPLATS = 32;
    /** Lines one report may span. */
    static final int MAX_LINES = 1000;

    private static final Pattern WARNING_AT = Pattern.compile(
            "WARNING: (?:CPU: \\d+ PID: \\d+ )?at (\\S+?):\\d+ ([A-Za-z_.$][\\w.$]*)(?:\\+0x\\S+)?(?: \\[([\\w-]+)\\])?.*");
    /** The format posted in 2025: {@code WARNING: net/smc/af_smc.c:123 at func+0x1a/0x2b, CPU#1: comm/42}. */
    private static final Pattern WARNING_NEW = Pattern.compile(
            "WARNING: (\\S+?):\\d+ at ([A-Za-z_.$][\\w.$]*)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[([\\w-]+)\\])?,?.*");
    private static final Pattern WARNING_BARE_AT = Pattern.compile(
            "WARNING: at ([A-Za-z_.$][\\w.$]*)(?:\\+0x\\S+)?(?: \\[([\\w-]+)\\])?.*");
    private static final Pattern IN_FUNCTION = Pattern.compile(
            ".*? in ([A-Za-z_.$][\\w.$]*)(?:\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?(?: \\[([\\w-]+)\\])?(?: ([\\w./+-]+\\.[chS]):\\d+)?.*");
    private static final Pattern IN_FILE = Pattern.compile(".*? in ([\\w./+-]+\\.[chS]):\\d+.*");
    private static final Pattern BUG_AT = Pattern.compile("kernel BUG at ([\\w./+-]+\\.[chS]):\\d+!?.*");
    private static final Pattern RIP = Pattern.compile(
            "(?:RIP: [0-9a-fA-F]{4}:|pc : |PC is at |NIP \\[[0-9a-f]+\\] )([A-Za-z_.$][\\w.$]*)(?:\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?"
                    + "(?: \\[([\\w-]+)\\])?(?: ([\\w./+-]+\\.[chS]):\\d+)?.*");
    private static final Pattern PSW = Pattern.compile("Krnl PSW : .*\\(([A-Za-z_.$][\\w.$]*)\\+0x[0-9a-f]+/0x[0-9a-f]+(?: \\[([\\w-]+)\\])?\\).*");
    private static final Pattern WORKQUEUE = Pattern.compile("Workqueue: \\S+ ([A-Za-z_.$][\\w.$]*)(?: \\[([\\w-]+)\\])?.*");
    private static final Pattern COMM = Pattern.compile("Comm: (\\S+)");
    private static final Pattern LOCKDEP_RELEASE = Pattern.compile("(\\d+\\.\\d+\\S*) #\\d+ (?:Not tainted|Tainted:).*");
    private static final Pattern HUNG = Pattern.compile("INFO: task (\\S+?):(\\d+) blocked for more than.*");
    private static final Pattern KASAN_TYPE = Pattern.compile("BUG: KASAN: (\\S+) .*|KFENCE: (.*?) in .*|UBSAN: (.*?) in .*");
    /**
     * Generic reporting, locking, list, refcount and scheduling helpers: never where a reader looks first.
     * (kernel/panic.c, lib/refcount.c, lib/list_debug.c, mm/kasan, kernel/locking, kernel/workqueue.c, x86 traps.)
     */
    private static final Pattern HELPER = Pattern.compile(
            "_*(?:refcount_|warn_|warn$|report_bug|handle_bug|exc_|asm_exc_|do_error_trap|do_trap|fixup_|dump_stack|show_stack"
                    + "|print_|kasan_|check_|list_|lock_|raw_|do_raw_|queued_|mutex_lock|mutex_unlock|down_|up_|flush_work"
                    + "|cancel_work|wait_for_|schedule|might_|ubsan_|dump|panic|die|oops_|page_fault_oops|kernelmode_fixup"
                    + "|no_context|bad_area|do_user_addr_fault|do_page_fault|debug_|lockdep_|pfx_|spin_|read_lock"
                    + "|write_lock|kfree|kmem_cache_free|slab_free|rcu_|sysvec_|irq_|common_interrupt|ret_from_fork"
                    + "|kthread|worker_thread|process_one_work|entry_SYSCALL|do_syscall|x64_sys|ia32_sys|native_"
                    + "|arch_|trace_|default_idle|cpu_startup|start_kernel|secondary_startup|register_lock_class"
                    + "|mark_lock|validate_chain)[\\w.]*");

    private final ParseContext ctx;
    private @Nullable Acc acc;
    private int emitted;
    private int dropped;

    SplatAssembler(ParseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One line of the log.
     *
     * @param number    its line number
     * @param raw       the line as read (for the provenance)
     * @param msg       the message without log prefix, stripped
     * @param timestamp the line's log timestamp, {@code ""} when none
     */
    void line(int number, String raw, String msg, String timestamp) {
        if (msg.isEmpty()) {
            return;
        }
        SplatKind kind = SplatLines.headerKind(msg);
        Acc a = acc;
        if (kind != null) {
            if (a != null && a.absorbs(kind)) {
                a.companion(kind, number, raw, msg);
                return;
            }
            close(a != null && !a.ended && a.kind != SplatKind.BACKTRACE);
            acc = new Acc(kind, number, raw, msg, timestamp);
            return;
        }
        if (SplatLines.isCutHere(msg)) {
            close(a != null && !a.ended);
            acc = new Acc(null, number, raw, msg, timestamp);
            return;
        }
        if (a == null) {
            SplatLines.Frame crash = SplatLines.crashFrame(msg);
            if (crash != null || msg.startsWith("PID: ") && msg.contains(" TASK: ")) {
                acc = new Acc(SplatKind.BACKTRACE, number, raw, msg, timestamp);
                acc.body(number, msg);
            } else if (SplatLines.isTraceStart(msg) && msg.startsWith("Call")) {
                acc = new Acc(SplatKind.BACKTRACE, number, raw, msg, timestamp);
                acc.inTrace = true;
            }
            return;
        }
        if (number - a.firstLine >= MAX_LINES) {
            a.truncated = true;
            close(false);
            return;
        }
        if (!a.body(number, msg)) {
            close(false);
        } else if (a.ended) {
            close(false);
        }
    }

    /** Ends the input: a report still open is emitted. */
    void end() {
        Acc a = acc;
        close(a != null && !a.ended && a.kind != SplatKind.BACKTRACE && a.traceFrames.isEmpty());
        if (dropped > 0) {
            ctx.warn(0, dropped + " more kernel reports were not kept (at most " + MAX_SPLATS + " per input)");
        }
    }

    private void close(boolean cut) {
        Acc a = acc;
        acc = null;
        if (a == null) {
            return;
        }
        if (cut) {
            a.truncated = true;
        }
        if (a.kind == null) {
            return; // a cut-here line without a report
        }
        if (emitted >= MAX_SPLATS) {
            dropped++;
            return;
        }
        emitted++;
        ctx.add(a.toSplat(ctx));
    }

    /** One report being read. */
    private static final class Acc {
        @Nullable SplatKind kind;
        final int firstLine;
        String raw;
        String header;
        String detail = "";
        final String timestamp;
        final List<String> traceFrames = new ArrayList<>();
        final List<String> traceUnreliable = new ArrayList<>();
        final List<String> otherFrames = new ArrayList<>();
        final List<String> otherUnreliable = new ArrayList<>();
        final Set<String> modules = new LinkedHashSet<>();
        String faultFn = "";
        String faultFile = "";
        String faultModule = "";
        String release = "";
        String comm = "";
        String hardware = "";
        boolean inTrace;
        boolean traceDone;
        boolean truncated;
        boolean ended;
        int lastLine;
        int unknownLines;

        Acc(@Nullable SplatKind kind, int line, String raw, String msg, String timestamp) {
            this.kind = kind;
            this.firstLine = line;
            this.lastLine = line;
            this.raw = raw;
            this.header = msg;
            this.timestamp = timestamp;
            if (kind != null) {
                header(kind, msg);
            }
        }

        /** True when a new first line belongs to this report (the oops after a BUG, the WARNING after refcount_t). */
        boolean absorbs(SplatKind next) {
            if (ended) {
                return false;
            }
            boolean young = traceFrames.isEmpty() && faultFn.isEmpty();
            if (next == SplatKind.PANIC) {
                return true;
            }
            if (kind == null) {
                return true;
            }
            if (!young) {
                return false;
            }
            switch (next) {
                case OOPS:
                    return true;
                case WARNING:
                    return kind == SplatKind.REFCOUNT;
                case GENERAL_PROTECTION_FAULT:
                    return kind == SplatKind.OOPS;
                default:
                    return false;
            }
        }

        void companion(SplatKind next, int line, String rawLine, String msg) {
            lastLine = line;
            if (kind == null) {
                kind = next;
                header = msg;
                raw = rawLine;
                header(next, msg);
                return;
            }
            if (kind == SplatKind.OOPS && next == SplatKind.GENERAL_PROTECTION_FAULT) {
                kind = next;
            }
            if (next == SplatKind.WARNING) {
                location(msg);
            }
        }

        private void header(SplatKind k, String msg) {
            switch (k) {
                case WARNING:
                    location(msg);
                    break;
                case REFCOUNT:
                    detail = msg.substring("refcount_t: ".length()).strip();
                    break;
                case KASAN:
                case KFENCE:
                case UBSAN: {
                    Matcher m = KASAN_TYPE.matcher(msg);
                    if (m.matches()) {
                        detail = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    }
                    m = IN_FUNCTION.matcher(msg);
                    if (k != SplatKind.UBSAN && m.matches()) {
                        fault(m.group(1), nz(m.group(2)), nz(m.group(3)));
                    } else {
                        m = IN_FILE.matcher(msg);
                        if (m.matches()) {
                            faultFile = m.group(1);
                        }
                    }
                    break;
                }
                case KERNEL_BUG: {
                    Matcher m = BUG_AT.matcher(msg);
                    if (m.matches()) {
                        faultFile = m.group(1);
                    }
                    break;
                }
                case LOCKDEP:
                    detail = msg.startsWith("WARNING: ") ? msg.substring(9).strip()
                            : msg.startsWith("INFO: ") ? msg.substring(6).strip() : msg;
                    break;
                case HUNG_TASK: {
                    Matcher m = HUNG.matcher(msg);
                    if (m.matches()) {
                        detail = m.group(1);
                        comm = m.group(1);
                    }
                    break;
                }
                default:
                    break;
            }
        }

        private void location(String msg) {
            Matcher m = WARNING_AT.matcher(msg);
            if (!m.matches()) {
                m = WARNING_NEW.matcher(msg);
            }
            if (m.matches()) {
                fault(m.group(2), nz(m.group(3)), m.group(1));
                return;
            }
            m = WARNING_BARE_AT.matcher(msg);
            if (m.matches()) {
                fault(m.group(1), nz(m.group(2)), "");
            }
        }

        private void fault(String fn, String module, String file) {
            if (faultFn.isEmpty() && !fn.startsWith("0x")) {
                faultFn = fn;
                faultModule = module;
                if (!module.isEmpty()) {
                    modules.add(module);
                }
            }
            if (faultFile.isEmpty() && !file.isEmpty()) {
                faultFile = file;
            }
        }

        /** Reads one line of the report; false when the line is no longer part of it. */
        boolean body(int line, String msg) {
            SplatLines.Frame f = SplatLines.frame(msg);
            if (f != null) {
                lastLine = line;
                frame(f);
                return true;
            }
            if (SplatLines.isEnd(msg)) {
                lastLine = line;
                ended = true;
                return true;
            }
            if (inTrace && !SplatLines.isMarker(msg)) {
                inTrace = false;
                traceDone = !traceFrames.isEmpty();
            }
            if (SplatLines.isTraceStart(msg)) {
                lastLine = line;
                if (traceFrames.isEmpty()) {
                    inTrace = true;
                }
                return true;
            }
            if (msg.startsWith("====") && kind == SplatKind.KASAN && line > firstLine + 1) {
                lastLine = line;
                ended = true;
                return true;
            }
            lastLine = line;
            if (SplatLines.isBody(msg) || kind == SplatKind.KASAN || (kind == SplatKind.LOCKDEP && !traceDone)) {
                fields(msg);
                return true;
            }
            if (traceDone || unknownLines++ >= 8) {
                lastLine = line - 1;
                return false; // the report is over: this line is another message
            }
            fields(msg); // a line between the first line and the trace (interleaved or unknown): tolerated
            return true;
        }

        private void frame(SplatLines.Frame f) {
            if (!f.module().isEmpty() && modules.size() < 32) {
                modules.add(f.module());
            }
            boolean trace = inTrace;
            List<String> names = trace ? traceFrames : otherFrames;
            List<String> unreliable = trace ? traceUnreliable : otherUnreliable;
            if (names.size() >= KernelSplat.MAX_FRAMES) {
                truncated = true;
                return;
            }
            names.add(f.function());
            if (f.unreliable()) {
                unreliable.add(f.function());
            }
            if (faultFile.isEmpty() && f.function().equals(faultFn) && !f.file().isEmpty()) {
                faultFile = f.file();
            }
        }

        private void fields(String msg) {
            char c = msg.charAt(0);
            if (c == 'R' || c == 'p' || c == 'P' || c == 'N') {
                Matcher m = RIP.matcher(msg);
                if (m.matches()) {
                    fault(m.group(1), nz(m.group(2)), nz(m.group(3)));
                    return;
                }
            }
            if (c == 'K' && msg.startsWith("Krnl PSW")) {
                Matcher m = PSW.matcher(msg);
                if (m.matches()) {
                    fault(m.group(1), nz(m.group(2)), "");
                }
                return;
            }
            if (c == 'C' && msg.startsWith("CPU: ")) {
                cpuLine(msg);
                return;
            }
            if (c == 'H' && msg.startsWith("Hardware name:") && hardware.isEmpty()) {
                hardware = msg.substring("Hardware name:".length()).strip();
                return;
            }
            if (c == 'W' && msg.startsWith("Workqueue: ")) {
                Matcher m = WORKQUEUE.matcher(msg);
                if (m.matches() && m.group(2) != null && modules.size() < 32) {
                    modules.add(m.group(2));
                }
                return;
            }
            if (Character.isDigit(c) && release.isEmpty()) {
                Matcher m = LOCKDEP_RELEASE.matcher(msg);
                if (m.matches()) {
                    release = m.group(1);
                }
            }
        }

        private void cpuLine(String msg) {
            Matcher m = COMM.matcher(msg);
            if (m.find() && comm.isEmpty()) {
                comm = m.group(1);
            }
            if (!release.isEmpty()) {
                return;
            }
            List<String> t = HostText.tokens(msg);
            int i = t.indexOf("tainted");
            if (i > 0 && t.get(i - 1).equals("Not") && i + 1 < t.size()) {
                release = version(t.get(i + 1));
                return;
            }
            i = t.indexOf("Tainted:");
            if (i >= 0) {
                int j = i + 1;
                while (j < t.size() && (t.get(j).length() == 1 || t.get(j).startsWith("["))) {
                    j++; // taint flags: "G        W   E" or "[W]=WARN"
                }
                if (j < t.size()) {
                    release = version(t.get(j));
                }
            }
        }

        private static String version(String token) {
            return !token.isEmpty() && Character.isDigit(token.charAt(0)) ? token : "";
        }

        KernelSplat toSplat(ParseContext ctx) {
            List<String> frames = !traceFrames.isEmpty() ? traceFrames : otherFrames;
            List<String> unreliable = !traceFrames.isEmpty() ? traceUnreliable : otherUnreliable;
            boolean faultInSmc = (!faultFn.isEmpty() && KernelSplat.isSmcFunction(faultFn))
                    || KernelSplat.isSmcFile(faultFile) || faultModule.equals("smc") || faultModule.equals("smc_diag");
            List<String> reliable = new ArrayList<>();
            if (!faultFn.isEmpty()) {
                reliable.add(faultFn);
            }
            int u = 0;
            for (String f : frames) {
                if (u < unreliable.size() && unreliable.get(u).equals(f)) {
                    u++;
                    continue;
                }
                reliable.add(f);
            }
            String culprit = "";
            Set<String> smc = new LinkedHashSet<>();
            for (String f : reliable) {
                if (culprit.isEmpty() && !HELPER.matcher(f).matches()) {
                    culprit = f;
                }
                if (KernelSplat.isSmcFunction(f)) {
                    smc.add(f);
                }
            }
            boolean noTrace = frames.isEmpty() && kind != SplatKind.HUNG_TASK && kind != SplatKind.RCU_STALL;
            return new KernelSplat(ctx.at(firstLine, raw), kind == null ? SplatKind.BUG : kind, header, detail,
                    frames, unreliable, List.copyOf(modules), faultFn, faultFile, faultInSmc, culprit,
                    !culprit.isEmpty() && KernelSplat.isSmcFunction(culprit), List.copyOf(smc), release, comm, hardware,
                    timestamp, lastLine, truncated || noTrace);
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }
    }
}
