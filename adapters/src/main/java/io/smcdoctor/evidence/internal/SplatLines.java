package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SplatKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The lines of kernel reports (splats), by what the kernel prints: the first line of each report kind, the lines of
 * a report's body (registers, code bytes, {@code Call Trace:}, task markers) and call-trace frames in the formats of
 * x86 ({@code func+0x1a/0x2b [module]}, {@code ? } unreliable), syzbot ({@code func+0x1a/0x2b net/smc/x.c:12},
 * {@code func include/linux/list.h:132 [inline]}), s390 ({@code [<000003ff803ef16a>] func+0x1ba/0x440 [smc]}), arm64
 * ({@code func+0x1a/0x2b [module]} after {@code Call trace:}) and crash(8) {@code bt}
 * ({@code #5 [ffffa7ce8f3bdf0] smc_release at ffffffffc0697d24 [smc]}). All checks are cheap first-character and
 * {@code startsWith} tests; a regular expression runs only on candidate lines.
 */
final class SplatLines {
    private static final Pattern KERNEL_FRAME = Pattern.compile(
            "(?:\\(?\\[<[0-9a-fA-F]+>\\]\\s*)?(\\?\\s+)?([A-Za-z_.$][\\w.$]*)(?:\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?"
                    + "(?:\\s+\\[([\\w-]+)\\])?(?:\\s+([\\w./+-]+\\.[chS]:\\d+)(?::\\d+)?)?(\\s+\\[inline\\])?\\)?");
    /** crash(8) bt: {@code #5 [ffffa7ce8f3bdf0] smc_release at ffffffffc0697d24 [smc]}; OCR turns 0 into O, 1 into l. */
    private static final Pattern CRASH_FRAME = Pattern.compile(
            "#?\\s*\\d{1,3}\\s+\\[[^\\]\\s]{6,24}\\]\\s+([A-Za-z_.$][\\w.$]*)\\s+at\\s+\\S{6,24}"
                    + "(?:\\s+\\[([\\w-]+)\\])?\\s*");
    private static final Pattern REGISTERS = Pattern.compile("(?:[A-Z][A-Z0-9]{1,3}|R\\d\\d?):\\s+[0-9a-fA-F]{4}.*");
    private static final Pattern SHADOW = Pattern.compile("[>]?[0-9a-fA-F]{8,16}: [0-9a-fA-F ]{2}.*");

    /** One frame of a call trace. */
    record Frame(String function, String module, String file, boolean unreliable) {
    }

    private SplatLines() {
    }

    /** The kind a report's first line announces, or null when the line starts no report. */
    static @Nullable SplatKind headerKind(String t) {
        if (t.isEmpty()) {
            return null;
        }
        switch (t.charAt(0)) {
            case 'W':
                if (t.startsWith("WARNING: ")) {
                    return isLockdepTitle(t.substring(9)) ? SplatKind.LOCKDEP : SplatKind.WARNING;
                }
                return null;
            case 'r':
                if (t.startsWith("refcount_t: ")) {
                    return SplatKind.REFCOUNT;
                }
                if (t.startsWith("rcu: INFO: ") || t.startsWith("rcu: ") && t.contains(" detected stall")) {
                    return SplatKind.RCU_STALL;
                }
                return null;
            case 'B':
                if (!t.startsWith("BUG: ")) {
                    return null;
                }
                if (t.startsWith("BUG: KASAN: ")) {
                    return SplatKind.KASAN;
                }
                if (t.startsWith("BUG: kernel NULL pointer dereference")
                        || t.startsWith("BUG: unable to handle kernel NULL pointer dereference")) {
                    return SplatKind.NULL_POINTER_DEREFERENCE;
                }
                if (t.startsWith("BUG: unable to handle")) {
                    return SplatKind.PAGE_FAULT;
                }
                if (t.startsWith("BUG: soft lockup")) {
                    return SplatKind.SOFT_LOCKUP;
                }
                return SplatKind.BUG;
            case 'U':
                if (t.startsWith("UBSAN: ")) {
                    return SplatKind.UBSAN;
                }
                if (t.startsWith("Unable to handle kernel NULL pointer dereference")) {
                    return SplatKind.NULL_POINTER_DEREFERENCE;
                }
                if (t.startsWith("Unable to handle kernel paging request")) {
                    return SplatKind.PAGE_FAULT;
                }
                return null;
            case 'K':
                if (t.startsWith("KFENCE: ")) {
                    return SplatKind.KFENCE;
                }
                if (t.startsWith("Kernel panic - not syncing")) {
                    return SplatKind.PANIC;
                }
                return null;
            case 'g':
                return t.startsWith("general protection fault") ? SplatKind.GENERAL_PROTECTION_FAULT : null;
            case 'O':
                if (t.startsWith("Oops: general protection fault")) {
                    return SplatKind.GENERAL_PROTECTION_FAULT;
                }
                return t.startsWith("Oops: ") || t.startsWith("Oops#") ? SplatKind.OOPS : null;
            case 'I':
                if (t.startsWith("Internal error: Oops")) {
                    return SplatKind.OOPS;
                }
                if (t.startsWith("INFO: task ") && t.contains(" blocked for more than ")) {
                    return SplatKind.HUNG_TASK;
                }
                if (t.startsWith("INFO: rcu_") && t.contains("stall")) {
                    return SplatKind.RCU_STALL;
                }
                if (t.startsWith("INFO: possible ") || t.startsWith("INFO: inconsistent lock state")) {
                    return SplatKind.LOCKDEP;
                }
                return null;
            case 'k':
                return t.startsWith("kernel BUG at ") ? SplatKind.KERNEL_BUG : null;
            case 'w':
                return t.startsWith("watchdog: BUG: soft lockup") ? SplatKind.SOFT_LOCKUP : null;
            case 'u':
                return t.startsWith("unregister_netdevice: waiting for ") ? SplatKind.NETDEV_REFCOUNT_LEAK : null;
            default:
                return null;
        }
    }

    private static boolean isLockdepTitle(String rest) {
        return rest.startsWith("possible circular locking") || rest.startsWith("possible recursive locking")
                || rest.startsWith("inconsistent lock state") || rest.startsWith("bad unlock balance")
                || rest.startsWith("suspicious RCU usage") || rest.startsWith("possible irq lock inversion")
                || rest.startsWith("held lock freed") || rest.startsWith("lock held when returning")
                || rest.startsWith("Nested lock was not taken") || rest.startsWith("chain_key collision")
                || rest.startsWith("possible circular") || rest.startsWith("HARDIRQ-safe")
                || rest.startsWith("SOFTIRQ-safe") || rest.startsWith("bad contention");
    }

    /** The {@code ------------[ cut here ]------------} line that opens WARNING and BUG reports. */
    static boolean isCutHere(String t) {
        return t.startsWith("------------[ cut here ]");
    }

    /** True when the line opens a report (a first line, the cut-here line, a crash(8) frame or a bare call trace). */
    static boolean startsSplat(String t) {
        return headerKind(t) != null || isCutHere(t) || isTraceStart(t) || crashFrame(t) != null;
    }

    /** {@code Call Trace:} (x86, s390), {@code Call trace:} (arm64), {@code stack backtrace:} (lockdep). */
    static boolean isTraceStart(String t) {
        return t.equals("Call Trace:") || t.equals("Call trace:") || t.startsWith("Call Trace: ")
                || t.equals("stack backtrace:") || t.equals("Backtrace:");
    }

    /** Task and context markers inside a call trace. */
    static boolean isMarker(String t) {
        return t.length() >= 5 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>'
                && (t.equals("<TASK>") || t.equals("</TASK>") || t.equals("<IRQ>") || t.equals("</IRQ>")
                || t.equals("<NMI>") || t.equals("</NMI>") || t.equals("<EOI>") || t.equals("<SOFTIRQ>")
                || t.equals("</SOFTIRQ>"));
    }

    /** The end line of a report. */
    static boolean isEnd(String t) {
        return t.startsWith("---[ end trace") || t.startsWith("---[ end Kernel panic");
    }

    /** True when the line is part of a report's body: registers, code bytes, task data, KASAN and lockdep text. */
    static boolean isBody(String t) {
        if (t.isEmpty()) {
            return false;
        }
        if (isMarker(t) || isTraceStart(t) || isEnd(t) || isCutHere(t)) {
            return true;
        }
        switch (t.charAt(0)) {
            case 'C':
                return t.startsWith("CPU: ") || t.startsWith("Code: ") || t.startsWith("CR2: ") || t.startsWith("CS: ")
                        || t.startsWith("CPU0") || t.startsWith("Code disassembly");
            case 'H':
                return t.startsWith("Hardware name:") || t.startsWith("HARDIRQ");
            case 'R':
                return t.startsWith("RIP: ") || t.startsWith("Read of size") || REGISTERS.matcher(t).matches();
            case 'M':
                return t.startsWith("Modules linked in:") || t.startsWith("Memory state around");
            case 'W':
                return t.startsWith("Workqueue: ") || t.startsWith("Write of size");
            case '#':
                return t.startsWith("#PF: ");
            case 'P':
                return t.startsWith("PGD ") || t.startsWith("Possible unsafe locking") || t.startsWith("PKRU: ")
                        || t.startsWith("PID: ");
            case 'K':
                return t.startsWith("Krnl ") || t.startsWith("KASAN: ") || t.startsWith("Kernel panic")
                        || t.startsWith("Kdump: ");
            case 'A':
                return t.startsWith("Allocated by task");
            case 'F':
                return t.startsWith("Freed by task") || t.startsWith("FS: ");
            case 'T':
                return t.startsWith("The buggy address") || t.startsWith("Tainted: ");
            case 'L':
                return t.startsWith("Last Breaking-Event-Address");
            case 'O':
                return t.startsWith("Oops");
            case 'D':
                return t.startsWith("DR0: ") || t.startsWith("DR3: ") || t.startsWith("Dumping ftrace");
            case 'E':
                return t.startsWith("EFLAGS") || t.startsWith("ESR = ");
            case 'S':
                return t.startsWith("SOFTIRQ");
            case '-':
                return t.startsWith("-> #") || t.startsWith("----");
            case '=':
                return t.startsWith("====");
            case '*':
                return t.startsWith("*** DEADLOCK");
            case '>':
                return SHADOW.matcher(t).matches();
            case 'i':
                return t.startsWith("irq event stamp") || t.startsWith("in_atomic()");
            case 'h':
                return t.startsWith("hardirqs last");
            case 's':
                return t.startsWith("softirqs last") || t.startsWith("sp : ");
            case 'p':
                return t.startsWith("pc : ") || t.startsWith("pstate: ");
            case 'l':
                return t.startsWith("lr : ") || t.startsWith("lock(") || t.startsWith("lock_");
            case 'o':
                return t.startsWith("other info that might help");
            case 't':
                return t.startsWith("the existing dependency chain") || t.startsWith("task:")
                        || t.startsWith("the shadow memory");
            case 'x':
                return t.length() > 4 && t.charAt(1) >= '0' && t.charAt(1) <= '9' && t.indexOf(": ") > 0;
            default:
                if (Character.isDigit(t.charAt(0))) {
                    return t.contains(" lock held by ") || t.contains(" locks held by ") || SHADOW.matcher(t).matches()
                            || t.matches("\\d+/\\d+ is trying to acquire lock:");
                }
                return false;
        }
    }

    /** The frame on a line, or null. The line is left-stripped and has no log prefix. */
    static @Nullable Frame frame(String t) {
        if (t.isEmpty() || t.length() > 400) {
            return null;
        }
        char c = t.charAt(0);
        if (c == '#' || Character.isDigit(c)) {
            return crashFrame(t);
        }
        if (!(Character.isLetter(c) || c == '_' || c == '?' || c == '[' || c == '(' || c == '.')) {
            return null;
        }
        // cheap filter: a frame has an offset "+0x", or is a syzbot "[inline]" / "file.c:NN" line
        if (t.indexOf("+0x") < 0 && !t.endsWith("[inline]")) {
            return null;
        }
        Matcher m = KERNEL_FRAME.matcher(t);
        if (!m.matches()) {
            return null;
        }
        boolean offset = t.indexOf("+0x") >= 0;
        if (!offset && m.group(5) == null) {
            return null;
        }
        return new Frame(m.group(2), nz(m.group(3)), nz(m.group(4)), m.group(1) != null);
    }

    /** A crash(8) {@code bt} line, or null. */
    static @Nullable Frame crashFrame(String t) {
        if (t.isEmpty() || !(t.charAt(0) == '#' || Character.isDigit(t.charAt(0))) || t.indexOf(" at ") < 0) {
            return null;
        }
        Matcher m = CRASH_FRAME.matcher(t);
        return m.matches() ? new Frame(m.group(1), nz(m.group(2)), "", false) : null;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
