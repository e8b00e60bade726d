package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads socket listings: {@code smcss} in every variant ({@code -a}, {@code -l}, {@code -d}, {@code -R}, {@code -D},
 * {@code -W}), concatenations of them, {@code smc_dbg} reports (other sections are skipped with one warning each)
 * and {@code smc_chk} live-test results. Emits one {@link SocketRow} per socket and a {@link ToolError} for tool
 * errors such as {@code RTNETLINK answers: ...}.
 *
 * <p>Rows are split on whitespace, never on columns (long state names push the columns right), by a hand-written
 * tokenizer: no regular expression runs per row. A line starting with whitespace right after a row is a
 * continuation of that row (wrapped by a mail client) and is joined to it.
 */
final class SmcssParser implements TextParser {
    private static final String TOOL = "smcss";
    /** Columns of the {@code -d} block: Shutd, Token, 3 buffers, 9 cursors/flags. */
    static final int DEBUG_COLUMNS = 14;

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx);
    }

    /** One file's parse; package-private for {@link SmcssFastRows}, which hands it rows it does not read itself. */
    static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SmcTokens tok = new SmcTokens();

        private String pendingText;
        private int pendingLine;

        private int runStart;
        private int runEnd;
        private int runCount;
        private String runFirst = "";

        private Endpoint chkPeer = Endpoint.NONE;
        private int chkLine;
        private StringBuilder chkText;
        private long chkLocal;
        private long chkPeerCode;

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String text) {
            if (text.isEmpty() || SmcText.blank(text)) {
                flushPending();
                endRun();
                flushChk();
                return;
            }
            char c0 = text.charAt(0);
            if (c0 == ' ' || c0 == '\t') {
                if (pendingText != null && isContinuation(text)) {
                    pendingText = pendingText.stripTrailing() + " " + text.strip();
                    return;
                }
            }
            flushPending();
            if (SmcStates.rowStart(text) != null) {
                endRun();
                pendingText = text;
                pendingLine = number;
                return;
            }
            other(number, text);
        }

        @Override
        public void end() {
            flushPending();
            endRun();
            flushChk();
        }

        // ---- for SmcssFastRows: the state a row start leaves, taken out and put back ------------------------------

        /** Parses one complete row (as when the line after it arrives). */
        void completeRow(int number, String text) {
            row(number, text);
        }

        /** What a line starting a row does before it is held: ends a run of unrecognised lines. */
        void rowStarts() {
            endRun();
        }

        /** The row held until the next line shows whether it continues (null when none); takes it out. */
        @Nullable String takePending() {
            String t = pendingText;
            pendingText = null;
            return t;
        }

        /** The line number of the held row. */
        int pendingLine() {
            return pendingLine;
        }

        /** Puts a held row back, as {@link #takePending()} took it (nothing is held). */
        void restorePending(int number, String text) {
            pendingText = text;
            pendingLine = number;
        }

        private boolean isContinuation(String text) {
            String t = text.strip();
            return SmcStates.rowStart(t) == null && !isChkLine(t) && !isHeader(t);
        }

        private void flushPending() {
            if (pendingText != null) {
                String t = pendingText;
                pendingText = null;
                row(pendingLine, t);
            }
        }

        // ---- smcss rows ------------------------------------------------------------------------------------

        private void row(int number, String text) {
            int n = tok.reset(text);
            String state = SmcStates.canonical(text, tok.start(0), tok.end(0));
            int min = SmcStates.minTokens(state);
            if (n < min) {
                ctx.warn(number, "truncated smcss row: state " + state + " needs at least " + min
                        + " columns, found " + n + ": " + SmcText.quote(text));
                return;
            }
            long uid = tok.decimal(1);
            long inode = tok.decimal(2);
            if (uid < 0 || uid > Integer.MAX_VALUE || inode < 0) {
                ctx.warn(number, "smcss row with a non-numeric UID or inode skipped: " + SmcText.quote(text));
                return;
            }
            Endpoint local = Endpoint.NONE;
            Endpoint peer = Endpoint.NONE;
            if (n > 3) {
                local = endpoint(3);
                if (local == null) {
                    ctx.warn(number, "smcss row with an invalid local address " + SmcText.quote(tok.get(3))
                            + " skipped");
                    return;
                }
            }
            if (n > 4) {
                peer = endpoint(4);
                if (peer == null) {
                    ctx.warn(number, "smcss row with an invalid peer address " + SmcText.quote(tok.get(4))
                            + " skipped");
                    return;
                }
            }
            int intf = -1;
            if (n > 5) {
                long v = tok.hex(5);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    ctx.warn(number, "smcss row with an invalid Intf column " + SmcText.quote(tok.get(5))
                            + " skipped");
                    return;
                }
                intf = (int) v;
            }
            SocketMode mode = SocketMode.NONE;
            int localCode = 0;
            int peerCode = 0;
            if (n > 6) {
                mode = mode(6);
                if (mode == null) {
                    ctx.warn(number, "smcss row with an unknown mode " + SmcText.quote(tok.get(6)) + " skipped");
                    return;
                }
                if (mode == SocketMode.TCP && n > 7) {
                    long[] codes = codes(7);
                    if (codes == null) {
                        ctx.warn(number, "unreadable fallback reason " + SmcText.quote(tok.get(7))
                                + " (expected 0xLLLLLLLL[/0xPPPPPPPP]); row kept without a code");
                    } else {
                        localCode = (int) codes[0];
                        peerCode = (int) codes[1];
                    }
                }
            }
            Provenance at = ctx.at(number, text);
            SocketRow row = SocketRow.basic(at, state, (int) uid, inode, local, peer, intf, mode, localCode,
                    peerCode);
            if (n > 7 && mode.smc()) {
                row = details(number, row, mode, 7, n);
            }
            ctx.add(row);
        }

        /** Adds -R / -D columns (after an optional -d block) to an SMC row. */
        private SocketRow details(int number, SocketRow row, SocketMode mode, int from, int n) {
            int i = from;
            if (isShutd(i)) {
                i += DEBUG_COLUMNS;
            }
            if (i >= n) {
                return row;
            }
            String role = "";
            String ibDev = "";
            String gid = "";
            String peerGid = "";
            if (mode == SocketMode.SMCR && (tok.is(i, "CLNT") || tok.is(i, "SERV"))) {
                role = tok.get(i);
                int rest = n - i - 1;
                if (rest >= 5) {
                    ibDev = tok.get(i + 1);
                    gid = tok.get(i + 4);
                    peerGid = tok.get(i + 5);
                } else if (rest == 4) {
                    // empty IB-device column
                    gid = tok.get(i + 3);
                    peerGid = tok.get(i + 4);
                } else {
                    ctx.warn(number, "incomplete SMC-R (-R) columns; only the role was read");
                }
            } else if (mode == SocketMode.SMCD && n - i >= 4 && tok.isHex(i) && tok.isHex(i + 2)) {
                gid = tok.get(i);
                peerGid = tok.get(i + 2);
            } else {
                return row;
            }
            return new SocketRow(row.provenance(), row.state(), row.uid(), row.inode(), row.local(), row.peer(),
                    row.intf(), row.mode(), row.localCode(), row.peerCode(), row.family(), role, ibDev, gid, peerGid);
        }

        private boolean isShutd(int i) {
            if (i >= tok.count() || tok.length(i) != 3 || tok.charAt(i, 1) != '-') {
                return false;
            }
            char a = tok.charAt(i, 0);
            char b = tok.charAt(i, 2);
            return (a == '<' || a == 'R') && (b == '>' || b == 'W');
        }

        /** {@code addr:port} split on the last colon; a trailing {@code ..} marks truncation. Null if invalid. */
        private Endpoint endpoint(int i) {
            String line = tok.line();
            int s = tok.start(i);
            int e = tok.end(i);
            int colon = line.lastIndexOf(':', e - 1);
            if (colon < s) {
                return null;
            }
            long port = SmcText.decimal(line, colon + 1, e);
            if (port < 0 || port > 65535) {
                return null;
            }
            int addrEnd = colon;
            boolean truncated = false;
            if (addrEnd - s >= 2 && line.charAt(addrEnd - 1) == '.' && line.charAt(addrEnd - 2) == '.') {
                truncated = true;
                addrEnd -= 2;
            }
            if (addrEnd <= s) {
                return null;
            }
            return new Endpoint(line.substring(s, addrEnd), (int) port, truncated);
        }

        private SocketMode mode(int i) {
            switch (tok.length(i)) {
                case 4:
                    if (tok.is(i, "SMCR")) {
                        return SocketMode.SMCR;
                    }
                    if (tok.is(i, "SMCD")) {
                        return SocketMode.SMCD;
                    }
                    return null;
                case 3:
                    return tok.is(i, "TCP") ? SocketMode.TCP : null;
                case 1:
                    return tok.is(i, "-") ? SocketMode.NONE : null;
                default:
                    return null;
            }
        }

        /** {@code 0xLLLLLLLL[/0xPPPPPPPP]} at token i; null when unreadable. */
        private long[] codes(int i) {
            String line = tok.line();
            int s = tok.start(i);
            int e = tok.end(i);
            int slash = line.indexOf('/', s);
            if (slash < 0 || slash >= e) {
                long l = SmcText.reasonCode(line, s, e);
                return l < 0 ? null : new long[] {l, 0};
            }
            long l = SmcText.reasonCode(line, s, slash);
            long p = SmcText.reasonCode(line, slash + 1, e);
            return l < 0 || p < 0 ? null : new long[] {l, p};
        }

        // ---- everything that is not a row ---------------------------------------------------------------------

        private void other(int number, String text) {
            String t = text.strip();
            if (isHeader(t)) {
                endRun();
                return;
            }
            if (chk(number, text, t)) {
                endRun();
                return;
            }
            if (ToolErrors.record(ctx, TOOL, number, text)) {
                endRun();
                return;
            }
            if (runCount == 0) {
                runStart = number;
                runFirst = text;
            }
            runCount++;
            runEnd = number;
        }

        private void endRun() {
            if (runCount == 0) {
                return;
            }
            if (runCount == 1) {
                ctx.warn(runStart, "unrecognised line skipped (not smcss output): " + SmcText.quote(runFirst));
            } else {
                ctx.warn(runStart, runCount + " lines skipped (lines " + runStart + "-" + runEnd
                        + ", not smcss output), starting with " + SmcText.quote(runFirst));
            }
            runCount = 0;
        }

        private static boolean isHeader(String t) {
            return t.startsWith("State") && t.contains("Inode") && t.contains("UID");
        }

        private static boolean isChkLine(String t) {
            return t.startsWith("Client:") || t.startsWith("Server:") || t.startsWith("Success, using")
                    || t.startsWith("Failed") || t.startsWith("Live test") || t.startsWith("Static Analysis")
                    || t.startsWith("[DEBUG]");
        }

        /** smc_chk output; true when the line belonged to it. */
        private boolean chk(int number, String raw, String t) {
            if (t.startsWith("Test with target IP ")) {
                flushChk();
                chkPeer = chkTarget(t);
                return true;
            }
            if (t.startsWith("Checking active link:")) {
                flushChk();
                chkPeer = Endpoint.NONE;
                return true;
            }
            if (t.startsWith("Success, using SMC-R") || t.startsWith("Success, using SMC-D")) {
                flushChk();
                SocketMode mode = t.startsWith("Success, using SMC-R") ? SocketMode.SMCR : SocketMode.SMCD;
                ctx.add(SocketRow.basic(ctx.at(number, raw), "ACTIVE", -1, -1, Endpoint.NONE, chkPeer, -1, mode,
                        0, 0));
                return true;
            }
            if (t.startsWith("Failed") && t.contains("TCP fallback")) {
                flushChk();
                chkLine = number;
                chkText = new StringBuilder(t);
                chkLocal = 0;
                chkPeerCode = 0;
                return true;
            }
            if (t.startsWith("Failed, no connection")) {
                flushChk();
                String target = chkPeer.isNone() ? "" : " to " + chkPeer;
                ctx.add(new ToolError(ctx.at(number, raw), "smc_chk", ToolErrorKind.OTHER,
                        "live test failed, no connection" + target));
                return true;
            }
            if (t.startsWith("Client:") || t.startsWith("Server:")) {
                if (chkText == null) {
                    return false;
                }
                long code = SmcText.findReasonCode(t);
                if (code < 0) {
                    ctx.warn(number, "smc_chk reason line without a 0x........ code: " + SmcText.quote(t));
                } else if (t.startsWith("Client:")) {
                    chkLocal = code;
                } else {
                    chkPeerCode = code;
                }
                chkText.append(" | ").append(t);
                return true;
            }
            return t.startsWith("Live test") || t.startsWith("Static Analysis") || t.startsWith("[DEBUG]")
                    || t.startsWith("Server started on port") || t.startsWith("No usable IP address configured")
                    || t.startsWith("Configuration:") || t.startsWith("PNET ID:") || t.startsWith("Advertising")
                    || t.startsWith("Reachable subnets:") || t.startsWith("smc_chk utility");
        }

        private Endpoint chkTarget(String t) {
            // "Test with target IP <ip> and port <port>"
            int n = tok.reset(t);
            if (n >= 8 && tok.is(6, "port")) {
                long port = tok.decimal(7);
                if (port >= 0 && port <= 65535) {
                    return new Endpoint(tok.get(4), (int) port, false);
                }
            }
            return n >= 5 ? new Endpoint(tok.get(4), -1, false) : Endpoint.NONE;
        }

        private void flushChk() {
            if (chkText == null) {
                return;
            }
            ctx.add(SocketRow.basic(ctx.at(chkLine, chkText.toString()), "ACTIVE", -1, -1, Endpoint.NONE, chkPeer,
                    -1, SocketMode.TCP, (int) chkLocal, (int) chkPeerCode));
            chkText = null;
        }
    }
}
