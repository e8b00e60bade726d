package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;
import java.util.regex.Pattern;

/**
 * The {@link LineShape}s of the registry's kinds: what a line of each tool's output looks like, so that pasted text
 * can be read as a person reads it. The checks are cheap (character tests first, a regular expression only on the
 * few lines that pass them) because they run on every line of large listings.
 *
 * <p>Formats: smc-tools ({@code smcss.c}, {@code dev.c}, {@code linkgroup.c}, {@code stats.c}, {@code info.c}),
 * util-linux {@code dmesg}, systemd {@code journalctl -k}, kernel oops/WARNING output ({@code kernel/panic.c},
 * {@code arch/x86/kernel/dumpstack.c}), kmod {@code lsmod}, iproute2 {@code ip}/{@code rdma}, rdma-core
 * {@code ibv_devinfo}.
 */
final class LineShapes {
    private LineShapes() {
    }

    /** True when the line ends with a blank: the mark a mailer leaves where it wrapped a long line. */
    static boolean endsWithBlank(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == ' ' || s.charAt(s.length() - 1) == '\t');
    }

    /** True when {@code previous} plus the first word of {@code tail} would exceed a mailer's line width. */
    static boolean wrapsAt(String previous, String tail, int width) {
        int sp = tail.indexOf(' ');
        int word = sp < 0 ? tail.length() : sp;
        return previous.length() + 1 + word > width;
    }

    static boolean indented(String s) {
        return !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(0) == '\t');
    }

    // ---- smcss / smc_dbg / smc_chk --------------------------------------------------------------------------------

    /**
     * smcss listings: rows start with a state. A line is the tail of a wrapped row when it is no row, header or smc_chk
     * line and either the row before lacks columns its state always has ({@code smcss.c show_one_smc_sock()}: an
     * ACTIVE row has state, UID, inode, both addresses, Intf and mode), or the line starts with a column that only
     * follows others (an {@code addr:port}, the 4-digit Intf, a mode, a {@code 0x} code, a GID or token), or it is
     * indented; a header without its last column ({@code Mode}) is completed by the next line the same way.
     */
    static final LineShape SMCSS = new LineShape() {
        @Override
        public boolean continues(String previous, String line) {
            if (!line.isEmpty() && line.charAt(0) != ' ' && SmcStates.rowStart(line) != null) {
                return false; // the common case, a row: decided without copying the line
            }
            String t = line.strip();
            if (standalone(t)) {
                return false;
            }
            String p = previous.stripLeading();
            if (isSmcssHeader(p)) {
                // a header is followed by rows: what is neither row nor header completes a header a mailer wrapped
                return !p.contains("Mode") || indented(line) || wrapsAt(previous, t, 80);
            }
            if (p.startsWith("[DEBUG]")) {
                return t.indexOf(' ') < 0;
            }
            String state = SmcStates.rowStart(p);
            if (state == null) {
                return false;
            }
            return indented(line) || HostText.tokens(p).size() < SmcStates.minTokens(state) || middleColumn(t);
        }

        @Override
        public boolean belongs(String line) {
            return standalone(line.strip());
        }

        private boolean standalone(String t) {
            return SmcStates.rowStart(t) != null || isSmcssHeader(t) || isChkLine(t) || ToolErrors.looksLikeError(t);
        }
    };

    private static final Pattern MIDDLE_COLUMN = Pattern.compile(
            "(?:\\S+:\\d{1,5}|[0-9a-fA-F]{4}|SMCR|SMCD|TCP|0x[0-9a-fA-F]{1,8}(?:/0x[0-9a-fA-F]{1,8})?|[0-9a-fA-F]{8,}"
                    + "|[<R]-[>W]|CLNT|SERV)(?:\\s.*)?");

    /** True when the line starts with an smcss column that never starts a row. */
    private static boolean middleColumn(String t) {
        return MIDDLE_COLUMN.matcher(t).matches();
    }

    static boolean isSmcssHeader(String t) {
        return t.startsWith("State") && t.contains("UID") && t.contains("Inode");
    }

    /** Lines smc_chk prints around its results. */
    static boolean isChkLine(String t) {
        return t.startsWith("Client:") || t.startsWith("Server:") || t.startsWith("Success, using")
                || t.startsWith("Failed") || t.startsWith("Live test") || t.startsWith("Static Analysis")
                || t.startsWith("[DEBUG]") || t.startsWith("Test with target IP") || t.startsWith("Checking active link")
                || t.startsWith("Server started on port") || t.startsWith("smc_chk utility");
    }

    // ---- kernel log ---------------------------------------------------------------------------------------------

    private static final Pattern SYSLOG_TIME = Pattern.compile("[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d");
    /** A frame of a call trace: {@code func+0x1a/0x2b}, optionally {@code ? }, {@code [module]}, {@code file:line}. */
    static final Pattern FRAME = Pattern.compile(
            "(?:\\(?\\[<[0-9a-fA-F]+>\\]\\s*)?(?:\\?\\s+)?([A-Za-z_.$][\\w.$]*)(?:\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)"
                    + "(?:\\s+\\[([\\w-]+)\\])?(?:\\s+([\\w./-]+:\\d+))?(?:\\s+\\[inline\\])?\\)?\\s*");
    private static final Pattern KERNEL_TAG = Pattern.compile("[a-z][\\w.-]{0,40}(?: [\\w.:-]{1,40})?: \\S.*");

    /**
     * True when the line carries a kernel log prefix: a {@code dmesg} timestamp ({@code [  812.402117]},
     * {@code [Thu Nov 26 16:10:08 2026]}), an ISO time, a syslog/journal time with host, a {@code <6>} priority, a
     * {@code dmesg -x} facility or journalctl's {@code kernel: } without a host.
     */
    static boolean hasKernelPrefix(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '[') {
            int close = s.indexOf(']');
            if (close <= 1 || close > 40) {
                return false;
            }
            char d = s.charAt(1);
            return d == ' ' || Character.isDigit(d) || Character.isUpperCase(d);
        }
        if (c == '<') {
            int close = s.indexOf('>');
            return close > 1 && close <= 4 && SmcText.decimal(s, 1, close) >= 0;
        }
        if (Character.isDigit(c)) {
            return ISO_TIME.matcher(s).lookingAt();
        }
        if (c == 'k') {
            return s.startsWith("kernel: ") || s.startsWith("kern ") || s.startsWith("kern  :");
        }
        return Character.isUpperCase(c) && s.length() > 16 && SYSLOG_TIME.matcher(s).lookingAt();
    }

    /**
     * True when a line without a log prefix still reads as kernel output: SMC and driver messages, oops, WARNING and
     * BUG reports, call-trace frames, register dumps, crash(8) backtraces.
     */
    static boolean looksLikeKernel(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (hasKernelPrefix(t) || SplatLines.startsSplat(t) || SplatLines.isBody(t)) {
            return true;
        }
        char c = t.charAt(0);
        if (c == '?' || c == '<' || c == '(' || c == '#' || c == '-' || c == '=') {
            return true;
        }
        if (FRAME.matcher(t).matches()) {
            return true;
        }
        return Character.isLowerCase(c) && KERNEL_TAG.matcher(t).matches();
    }

    /** Kernel logs: when lines carry a prefix, a line without one is the tail of the line before. */
    static final LineShape DMESG = new LineShape() {
        @Override
        public boolean continues(String previous, String line) {
            String t = line.stripLeading();
            if (!hasKernelPrefix(previous.stripLeading()) || hasKernelPrefix(t) || t.startsWith("-- ")
                    || t.startsWith("smc: ") || t.startsWith("NET: ") || SplatLines.headerKind(t) != null) {
                return false;
            }
            // a mailer or bugzilla wrapped the line: it left a blank, indented the tail, or the line was too long
            return endsWithBlank(previous) || indented(line) || wrapsAt(previous, t, 72)
                    || SplatLines.frame(t) != null;
        }

        @Override
        public boolean belongs(String line) {
            return looksLikeKernel(line);
        }
    };

    // ---- smcr / smcd ---------------------------------------------------------------------------------------------

    private static final Pattern DEVICE_ROW = Pattern.compile(".*\\s(?:Yes|No)\\s.*|.*\\s(?:Yes|No)$");

    /** {@code smcr device}: header or a row with the Crit column. */
    static final LineShape SMCR_DEVICE = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("Net-Dev") || ToolErrors.looksLikeError(t) || DEVICE_ROW.matcher(t).matches();
        }

        @Override
        public boolean columns() {
            return true;
        }
    };

    /** {@code smcd device}: header or a row with the InUse column. */
    static final LineShape SMCD_DEVICE = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("FID") || ToolErrors.looksLikeError(t) || DEVICE_ROW.matcher(t).matches();
        }

        @Override
        public boolean columns() {
            return true;
        }
    };

    private static final Pattern LG_ROW = Pattern.compile("[0-9a-fA-F]{8}\\s.*");
    private static final Pattern LG_KEY = Pattern.compile(
            "(?:LG-ID|LG-Role|LG-Type|VLAN|PNET-ID|Version|Peer-Rel|Peer-Host|Peer-OS|Direct|EID|#Conns|Sndbuf|RMB|DMB)\\s*:.*");

    /** {@code smcr/smcd linkgroup}: header, a row starting with the 8-digit LG-ID, or a {@code -d} key. */
    static final LineShape LINKGROUP = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("LG-ID") || LG_ROW.matcher(t).matches() || LG_KEY.matcher(t).matches()
                    || ToolErrors.looksLikeError(t);
        }
    };

    private static final Pattern STATS_LINE = Pattern.compile(
            "(?:SMC-[RD] Connections Summary|Total connections handled|SMC connections|v[12]\\b|Handshake errors"
                    + "|Avg requests per SMC conn|TCP fallback|Server|Client|RX Stats|TX Stats|Extras|Data transmitted"
                    + "|Total requests|Buffer |8KB|Bufs|Reqs|Special socket calls|cork|nodelay|sendpage|splice"
                    + "|urgent data|\\[unknown\\]|[A-Z][A-Z0-9_]+\\s+\\d+$).*");

    /** {@code smcr/smcd stats}: the fallback table's captions {@code Server} and {@code Client} are not host labels. */
    static final LineShape STATS = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return STATS_LINE.matcher(t).matches() || ToolErrors.looksLikeError(t);
        }

        @Override
        public boolean ownsLabel(String stripped) {
            return stripped.equals("Server") || stripped.equals("Client");
        }
    };

    /** {@code smcr info}: captions and {@code Label: value}. */
    static final LineShape SMC_INFO = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.equals("Kernel Capabilities") || t.equals("Hardware Capabilities")
                    || t.matches("(?:SMC Version|SMC Hostname|SMC-D Features|SMC-R Features|SEID|ISM|RoCE)\\s*:.*")
                    || ToolErrors.looksLikeError(t);
        }
    };

    private static final Pattern UEID = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,31}");

    /** {@code smcr ueid show}: one upper-case User EID per line. */
    static final LineShape UEID_LIST = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return UEID.matcher(t).matches() || ToolErrors.looksLikeError(t);
        }

        @Override
        public boolean ownsLabel(String stripped) {
            return UEID.matcher(stripped).matches();
        }
    };

    private static final Pattern PNET_ROW = Pattern.compile("\\S+\\s+\\S+\\s+\\S+\\s+\\d+");

    /** {@code smc_pnet -s}: {@code PNETID ETHNAME IBNAME IBPORT}. */
    static final LineShape PNET = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return PNET_ROW.matcher(t).matches() || ToolErrors.looksLikeError(t);
        }
    };

    // ---- host tools ----------------------------------------------------------------------------------------------

    private static final Pattern SYSCTL_LINE = Pattern.compile("[\\w./@:-]+\\s*[=:].*|==> .* <==");

    /** {@code sysctl -a}. */
    static final LineShape SYSCTL = new LineShape() {
        @Override
        public boolean belongs(String line) {
            return SYSCTL_LINE.matcher(line.strip()).matches();
        }
    };

    /** {@code uname -a}. */
    static final LineShape UNAME = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("Linux ") || t.matches("\\d+\\.\\d+\\S*");
        }
    };

    private static final Pattern LSMOD_ROW = Pattern.compile("[\\w-]+\\s+\\d+\\s+(?:\\d+|-).*");

    /** {@code lsmod}. */
    static final LineShape LSMOD = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("Module") || LSMOD_ROW.matcher(t).matches() || ToolErrors.looksLikeError(t);
        }
    };

    private static final Pattern IP_LINE = Pattern.compile(
            "\\d+: \\S+.*|(?:link/|inet6? |valid_lft|altname|vf |alias |[\\w@.-]+\\s+(?:UP|DOWN|UNKNOWN)\\b).*");

    /** {@code ip addr}. */
    static final LineShape IP_ADDR = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return IP_LINE.matcher(t).matches() || ToolErrors.looksLikeError(t);
        }
    };

    /** {@code ibv_devinfo}. */
    static final LineShape IBV = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("hca_id:") || t.matches("[\\w\\[\\] ]+:.*") || t.matches("\\d+ HCAs? found:?")
                    || ToolErrors.looksLikeError(t);
        }
    };

    /** {@code rdma dev}. */
    static final LineShape RDMA_DEV = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.matches("\\d+: \\S+: .*") || ToolErrors.looksLikeError(t);
        }
    };

    /** {@code rdma link}. */
    static final LineShape RDMA_LINK = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("link ") || ToolErrors.looksLikeError(t);
        }
    };

    /** {@code rdma system}. */
    static final LineShape RDMA_SYSTEM = new LineShape() {
        @Override
        public boolean belongs(String line) {
            String t = line.strip();
            return t.startsWith("netns ") || t.startsWith("[") || t.startsWith("{") || ToolErrors.looksLikeError(t);
        }
    };
}
