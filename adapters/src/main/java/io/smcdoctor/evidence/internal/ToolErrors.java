package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.ToolError;
import io.smcdoctor.evidence.ToolErrorKind;
import java.util.Locale;

/**
 * Recognises the error lines smc-tools (and the shell running them) print instead of a listing, such as
 * {@code Error: SMC module not loaded}, {@code smc_pnet: SMC module not loaded},
 * {@code RTNETLINK answers: Resource temporarily unavailable} or {@code smcss: command not found}, and records
 * them as {@link ToolError} facts so they are never silently dropped.
 */
final class ToolErrors {
    private static final String[] TOOLS = {"smcss", "smcr", "smcd", "smc", "smc_pnet", "smc_rnics", "smc_chk",
        "smc_run", "smc_dbg"};

    private ToolErrors() {
    }

    /**
     * Records {@code text} as a tool error when it is one.
     *
     * @param tool the tool whose output is being read; a {@code <tool>:} prefix on the line wins
     * @return true when the line was a tool error (and was recorded)
     */
    static boolean record(ParseContext ctx, String tool, int line, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        String who = tool;
        String msg = t;
        String lower = t.toLowerCase(Locale.ROOT);
        ToolErrorKind kind = null;
        String prefixTool = toolPrefix(t);
        if (prefixTool != null) {
            who = prefixTool;
        }
        if (lower.startsWith("rtnetlink answers:")) {
            kind = ToolErrorKind.NETLINK;
            msg = t.substring("RTNETLINK answers:".length()).strip();
        } else if (lower.contains("smc module not loaded")) {
            kind = ToolErrorKind.SMC_MODULE_NOT_LOADED;
        } else if (lower.endsWith("command not found") || lower.endsWith("not found in path")
                || (prefixTool == null && lower.matches("^(-?bash|sh|zsh|sudo|timeout|env): .*no such file or directory$"))) {
            kind = ToolErrorKind.NOT_INSTALLED;
            String missing = missingCommand(t);
            if (missing != null) {
                who = missing;
            }
        } else if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            if (lower.startsWith("error") || prefixTool != null || lower.startsWith("netlink")
                    || lower.startsWith("cannot") || lower.startsWith("failed")) {
                kind = ToolErrorKind.PERMISSION_DENIED;
            }
        } else if (lower.startsWith("error:") || lower.startsWith("error ")) {
            kind = ToolErrorKind.OTHER;
            if (lower.contains("s390/s390x supported only")) {
                who = "smc_rnics";
            }
        } else if (prefixTool != null && (lower.contains("error") || lower.contains("failed")
                || lower.contains("cannot") || lower.contains("invalid") || lower.contains("missing"))) {
            kind = ToolErrorKind.OTHER;
        }
        if (kind == null) {
            return false;
        }
        ctx.add(new ToolError(ctx.at(line, text), who, kind, msg));
        return true;
    }

    /** The tool named by a {@code tool:} or {@code tool } prefix, or null. */
    private static String toolPrefix(String t) {
        for (String tool : TOOLS) {
            if (t.length() > tool.length() + 1 && t.startsWith(tool)
                    && (t.charAt(tool.length()) == ':' || t.charAt(tool.length()) == ' ')) {
                // "smc_pnet invalid ib port:3", "smc_pnet: SMC module not loaded"
                return tool;
            }
        }
        return null;
    }

    /** For "bash: smcss: command not found" the command, else null. */
    private static String missingCommand(String t) {
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
