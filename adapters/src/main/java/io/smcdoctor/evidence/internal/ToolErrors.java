package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the error lines tools print instead of their output (the exact texts are listed on each
 * {@link ToolErrorKind}): smc-tools ({@code Error: SMC module not loaded}, {@code RTNETLINK answers: ...} from smcss),
 * iproute2 ({@code Failed to open NETLINK_RDMA socket}, {@code RTNETLINK answers: ...} from ip), kmod
 * ({@code Error: could not get list of modules: ...}), rdma-core ({@code No IB devices found}), procps sysctl, util-linux
 * dmesg, and the shell ({@code command not found}). Each becomes a {@link ToolError} fact, so that a failed tool is
 * evidence and never a "malformed line" warning.
 */
final class ToolErrors {
    private static final String[] TOOLS = {"smcss", "smcr", "smcd", "smc_pnet", "smc_rnics", "smc_chk", "smc_run",
        "smc_dbg", "smc", "rdma", "ip", "lsmod", "libkmod", "ibv_devinfo", "sysctl", "dmesg", "journalctl", "uname",
        "modprobe", "rmmod"};

    private ToolErrors() {
    }

    /**
     * Records {@code text} as a tool error when it is one.
     *
     * @param tool the tool whose output is being read; a {@code <tool>:} prefix on the line wins
     * @return true when the line was a tool error (and was recorded)
     */
    static boolean record(ParseContext ctx, String tool, int line, String text) {
        ToolError e = classify(ctx, tool, line, text);
        if (e == null) {
            return false;
        }
        ctx.add(e);
        return true;
    }

    /** True when the (stripped) line has the shape of a tool error, whatever the tool. */
    static boolean looksLikeError(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        if (c != 'E' && c != 'R' && c != 'F' && c != 'N' && c != 'C' && c != 'S' && c != 'l' && c != 's'
                && c != 'b' && c != 'r' && c != 'i' && c != 'd' && c != 'm' && c != 'u' && c != 'z' && c != 'j'
                && c != 'e') {
            return false;
        }
        return kind(t, "", toolPrefix(t)) != null;
    }

    private static @Nullable ToolError classify(ParseContext ctx, String tool, int line, String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 600) {
            return null;
        }
        String prefixTool = toolPrefix(t);
        ToolErrorKind kind = kind(t, tool, prefixTool);
        if (kind == null) {
            return null;
        }
        String who = prefixTool != null ? prefixTool : tool;
        String msg = t;
        switch (kind) {
            case SOCKET_LIST_UNAVAILABLE:
            case NETLINK:
                if (t.regionMatches(true, 0, "RTNETLINK answers:", 0, 18)) {
                    msg = t.substring(18).strip();
                }
                break;
            case RDMA_UNAVAILABLE:
                who = "rdma";
                break;
            case MODULE_LIST_UNAVAILABLE:
                who = "lsmod";
                break;
            case NO_RDMA_DEVICES:
                who = "ibv_devinfo";
                break;
            case UNKNOWN_KEY:
                who = "sysctl";
                msg = unknownKey(t);
                break;
            case NOT_INSTALLED: {
                String missing = missingCommand(t);
                if (missing != null) {
                    who = missing;
                }
                break;
            }
            default:
                if (t.toLowerCase(Locale.ROOT).contains("s390/s390x supported only")) {
                    who = "smc_rnics";
                }
                break;
        }
        if (prefixTool != null && msg == t && t.length() > prefixTool.length() + 1
                && t.charAt(prefixTool.length()) == ':') {
            msg = t.substring(prefixTool.length() + 1).strip();
        }
        if (msg.regionMatches(true, 0, "Error:", 0, 6)) {
            msg = msg.substring(6).strip();
        }
        return new ToolError(ctx.at(line, text), who, kind, msg);
    }

    /** The kind of error the line is, or null. {@code tool} is the tool of the file ({@code ""} when unknown). */
    private static @Nullable ToolErrorKind kind(String t, String tool, @Nullable String prefixTool) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtnetlink answers:")) {
            return "smcss".equals(tool) || "smc_dbg".equals(tool) ? ToolErrorKind.SOCKET_LIST_UNAVAILABLE
                    : ToolErrorKind.NETLINK;
        }
        if (lower.contains("smc module not loaded")) {
            return ToolErrorKind.SMC_MODULE_NOT_LOADED;
        }
        if (lower.startsWith("failed to open netlink_rdma socket")) {
            return ToolErrorKind.RDMA_UNAVAILABLE;
        }
        if (lower.contains("could not get list of modules") || lower.contains("could not open /proc/modules")
                || lower.startsWith("lsmod: can't open")) {
            return ToolErrorKind.MODULE_LIST_UNAVAILABLE;
        }
        if (lower.equals("no ib devices found") || lower.startsWith("failed to get ib devices list")) {
            return ToolErrorKind.NO_RDMA_DEVICES;
        }
        if (lower.startsWith("sysctl: cannot stat") || lower.startsWith("sysctl: unknown key")) {
            return ToolErrorKind.UNKNOWN_KEY;
        }
        if (lower.startsWith("error: operation not supported by kernel")) {
            return ToolErrorKind.KERNEL_UNSUPPORTED;
        }
        if (lower.startsWith("error: netlink") || lower.startsWith("error: cannot open netlink")
                || lower.startsWith("error: dump interrupted") || lower.startsWith("cannot open netlink socket")) {
            return ToolErrorKind.NETLINK;
        }
        if (lower.endsWith("command not found") || lower.endsWith("not found in path")
                || (lower.endsWith(": not found") && lower.matches("^(-?bash|sh|zsh|dash|ash)(: \\d+)?: .*"))
                || (prefixTool == null && lower.matches("^(-?bash|sh|zsh|sudo|timeout|env): .*no such file or directory$"))) {
            return ToolErrorKind.NOT_INSTALLED;
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            if (lower.startsWith("error") || prefixTool != null || lower.startsWith("netlink")
                    || lower.startsWith("cannot") || lower.startsWith("failed")) {
                return ToolErrorKind.PERMISSION_DENIED;
            }
            return null;
        }
        if (lower.startsWith("error: object \"") || lower.startsWith("error: option \"")
                || lower.startsWith("usage: smc") || lower.startsWith("usage: rdma")) {
            return ToolErrorKind.USAGE;
        }
        if (lower.startsWith("error:") || lower.startsWith("error ")) {
            return ToolErrorKind.OTHER;
        }
        if (prefixTool != null && (lower.contains("error") || lower.contains("failed") || lower.contains("cannot")
                || lower.contains("invalid") || lower.contains("missing") || lower.contains("can't"))) {
            return ToolErrorKind.OTHER;
        }
        return null;
    }

    /** The tool named by a {@code tool:} or {@code tool } prefix, or null. */
    private static @Nullable String toolPrefix(String t) {
        for (String tool : TOOLS) {
            if (t.length() > tool.length() + 1 && t.startsWith(tool)
                    && (t.charAt(tool.length()) == ':' || t.charAt(tool.length()) == ' ')) {
                // "smc_pnet invalid ib port:3", "smc_pnet: SMC module not loaded", "libkmod: kmod_module_..."
                return tool;
            }
        }
        return null;
    }

    /** {@code sysctl: cannot stat /proc/sys/net/smc/x: No such file...} gives {@code net.smc.x}. */
    private static String unknownKey(String t) {
        int p = t.indexOf("/proc/sys/");
        if (p >= 0) {
            int end = t.indexOf(':', p);
            String path = end > p ? t.substring(p, end) : t.substring(p);
            return SysctlParser.normaliseKey(path);
        }
        int q = t.indexOf('"');
        if (q < 0) {
            q = t.indexOf('\'');
        }
        if (q >= 0) {
            int e = t.indexOf(t.charAt(q), q + 1);
            if (e > q) {
                return t.substring(q + 1, e);
            }
        }
        return t;
    }

    /** For "bash: smcss: command not found" the command, else null. */
    private static @Nullable String missingCommand(String t) {
        String[] parts = t.split(":\\s*");
        if (parts.length >= 3) {
            return parts[parts.length - 2].strip();
        }
        if (parts.length == 2 && !parts[0].contains(" ")) {
            return parts[0].strip();
        }
        return null;
    }
}
