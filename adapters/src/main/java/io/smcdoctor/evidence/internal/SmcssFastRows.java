package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.SocketMode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of a large {@code smcss} listing: a plain row (printable ASCII, a named state at column 0, nothing the
 * normalisation layer would change or take for a command or a label) is read from the line's bytes and counted in its
 * socket group without a {@code String}, a {@link io.smcdoctor.evidence.facts.SocketRow} or any other object per row.
 * Everything else takes the normal way ({@link HygienicSink}, then {@link SmcssParser}), and so do the rows the report
 * keeps (the samples of each group, which are full rows) and every row whose reading would warn.
 *
 * <p>The result is the same as without this class, fact for fact and warning for warning, because it only skips
 * decisions whose outcome is known. Between two plain rows the normal way holds the last row in the shaper (the next
 * line might be its wrapped tail) and the row before it in the parser, and a plain row is never a tail: so when a plain
 * row arrives, the row the parser held is complete, and it is parsed then, as the parser would have parsed it. The held
 * rows are kept here as bytes while plain rows follow each other, and are put back where the normal way holds them
 * (as text) before any other line or the end of the input is handed on. Rows the socket summary does not keep are only
 * counted ({@link SocketAggregator#addCounts}), which is why this is used only when no connection index is built.
 * Not thread-safe: one per input.
 */
final class SmcssFastRows implements TextLines.ByteLineHandler, TextParser.LineSink {
    /**
     * Columns read here at most, rows with more take the normal way: a row of {@code smcss -a} has 7 (8 with a
     * fallback's reason), with the SMC-R details of {@code -R} 13, with the {@code -d} block 21, with both 27.
     */
    private static final int MAX_COLUMNS = 32;
    /** Byte classes ({@link #CLASSES}): a byte the normalisation layer acts on (not printable ASCII), a digit, a blank. */
    private static final byte NOT_PLAIN = 1;
    private static final byte DIGIT = 2;
    private static final byte BLANK = 4;
    /**
     * The class of each byte value, at index {@code b & 0xff}. An array, not a string: read once per byte, and in
     * interpreted and C1 code (all of a read the launcher runs with C1 alone, inputs below 128 MB) a string's
     * {@code charAt} is three calls and a check. Never written after {@link #classes()}.
     */
    private static final byte[] CLASSES = classes();

    private final HygienicSink hygienic;
    private final SmcssParser.Sink parser;
    private final SocketAggregator sockets;
    private final Runnable counted;

    /** True while the held rows are here, not in the shaper and the parser. */
    private boolean fast;
    /** The row the shaper would hold (the last plain row). */
    private Row shaped = new Row();
    /** The row the parser would hold, when {@link #parsedHeld}: read here, or the text taken from the parser. */
    private Row parsed = new Row();
    private boolean parsedHeld;
    private @Nullable String parsedText;
    private int parsedTextNumber;

    private final int[] starts = new int[MAX_COLUMNS];
    private final int[] ends = new int[MAX_COLUMNS];
    /** The state of the line {@link #plainColumns} last accepted ({@link SmcStates#namedIndex}). */
    private int state = -1;

    /** A plain row: its bytes and, when it can be counted here, its columns as the socket summary needs them. */
    private static final class Row {
        byte[] bytes = new byte[256];
        int length;
        int number;
        /** False when the parser must read the row (it would warn, or has more columns than read here). */
        boolean read;
        long inode;
        SocketMode mode = SocketMode.NONE;
        int localCode;
        int peerCode;
        IpFamily family = IpFamily.UNKNOWN;
        boolean listening;
        int localPort;

        void set(int n, byte[] line, int len) {
            if (bytes.length < len) {
                bytes = new byte[Math.max(len, bytes.length * 2)];
            }
            System.arraycopy(line, 0, bytes, 0, len);
            length = len;
            number = n;
        }

        String text() {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * @param hygienic the normal way in: cleaning and shaping in front of {@code parser}
     * @param parser   the parser behind {@code hygienic}
     * @param sockets  where {@code parser}'s rows are counted
     * @param counted  called for each row counted here (the parser's context counts the facts it is given)
     */
    SmcssFastRows(HygienicSink hygienic, SmcssParser.Sink parser, SocketAggregator sockets, Runnable counted) {
        this.hygienic = hygienic;
        this.parser = parser;
        this.sockets = sockets;
        this.counted = counted;
    }

    @Override
    public boolean bytes(int number, byte[] line, int length) {
        int n = plainColumns(line, length);
        if (n <= 0) {
            return false;
        }
        if (!fast) {
            String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
            hygienic.line(number, text);
            PasteHygiene.Shaper shaper = hygienic.shaper();
            if (shaper.holdsOnly(text)) {
                // the shaper holds this row alone and the parser the row before it (if any): take both over
                shaper.dropPending();
                parsedText = parser.takePending();
                parsedTextNumber = parser.pendingLine();
                parsedHeld = parsedText != null;
                shaped.set(number, line, length);
                shaped.read = read(line, n, shaped);
                fast = true;
            }
            return true;
        }
        // the shaper would hand its row to the parser, which completes the row it held, then holds the shaper's
        completeParsed();
        parser.rowStarts();
        Row r = parsed;
        parsed = shaped;
        shaped = r;
        parsedHeld = true;
        r.set(number, line, length);
        r.read = read(line, n, r);
        return true;
    }

    @Override
    public void line(int number, String text) {
        restore();
        hygienic.line(number, text);
    }

    @Override
    public void end() {
        restore();
        hygienic.end();
    }

    /** Puts the held rows back where the normal way holds them. */
    private void restore() {
        if (!fast) {
            return;
        }
        fast = false;
        if (parsedHeld) {
            if (parsedText != null) {
                parser.restorePending(parsedTextNumber, parsedText);
            } else {
                parser.restorePending(parsed.number, parsed.text());
            }
        }
        hygienic.shaper().restorePending(shaped.number, shaped.text());
        parsedHeld = false;
        parsedText = null;
    }

    private void completeParsed() {
        if (!parsedHeld) {
            return;
        }
        parsedHeld = false;
        if (parsedText != null) {
            parser.completeRow(parsedTextNumber, parsedText);
            parsedText = null;
            return;
        }
        Row r = parsed;
        if (r.read && sockets.addCounts(r.inode, r.mode, r.localCode, r.peerCode, r.family, r.listening, r.localPort)) {
            counted.run();
        } else {
            parser.completeRow(r.number, r.text());
        }
    }

    private static byte[] classes() {
        byte[] c = new byte[256];
        for (int i = 0; i < 256; i++) {
            if (i < 0x20 || i > 0x7e) {
                c[i] = NOT_PLAIN;
            } else if (i >= '0' && i <= '9') {
                c[i] = DIGIT;
            } else if (i == ' ') {
                c[i] = BLANK;
            }
        }
        return c;
    }

    /**
     * For a line that the normalisation layer hands on unchanged as text and that starts a row, its columns (kept in
     * {@link #starts}, {@link #ends}; at most {@link #MAX_COLUMNS}, more count as {@code MAX_COLUMNS + 1}); else 0.
     * Such a line is printable ASCII only (no control character or tab to remove or expand), has a named state at
     * column 0, a digit somewhere and does not end with {@code :} (never a host label). It may hold {@code # $ % >}
     * (the {@code <->} of {@code smcss -d}): quote marks are taken only at the start of a line
     * ({@code PasteHygiene.stripQuotes}), and a line whose first word is a state followed by a blank is never a
     * command line: a line starting with a capital letter is one only after a prompt whose first word runs into one
     * of {@code @ : # $ %} ({@link CommandLines#promptShaped}). {@code SmcssFastRowsTest} compares both ways on rows
     * with such marks.
     */
    int plainColumns(byte[] b, int length) {
        if (length == 0 || b[0] < 'A' || b[0] > 'Z') {
            return 0;
        }
        byte[] classes = CLASSES;
        int all = 0;
        int n = 0;
        int i = 0;
        int lastEnd = 0;
        while (i < length) {
            int c = classes[b[i] & 0xff];
            if (c == BLANK) {
                i++;
                continue;
            }
            int s = i;
            do {
                all |= c;
                i++;
            } while (i < length && (c = classes[b[i] & 0xff]) != BLANK);
            if (n < MAX_COLUMNS) {
                starts[n] = s;
                ends[n] = i;
            }
            n++;
            lastEnd = i;
        }
        if ((all & NOT_PLAIN) != 0 || (all & DIGIT) == 0 || b[lastEnd - 1] == ':') {
            return 0;
        }
        int named = SmcStates.namedIndex(b, 0, ends[0]);
        if (named < 0) {
            return 0;
        }
        state = named;
        return Math.min(n, MAX_COLUMNS + 1);
    }

    /**
     * Reads the {@code n} columns of a plain row found by {@link #plainColumns} into {@code r}, as {@code SmcssParser}
     * and {@link io.smcdoctor.evidence.facts.SocketRow#basic} would; false when the parser must read it instead: the row
     * would warn or has more columns than read here.
     */
    private boolean read(byte[] b, int n, Row r) {
        if (n > MAX_COLUMNS || n < 4) {
            return false;
        }
        int state = this.state;
        if (n < SmcStates.minTokens(state)) {
            return false;
        }
        long uid = decimal(b, starts[1], ends[1]);
        long inode = decimal(b, starts[2], ends[2]);
        if (uid < 0 || uid > Integer.MAX_VALUE || inode < 0) {
            return false;
        }
        // local address: addr:port split on the last colon, ".." before it marks a cut address
        int ls = starts[3];
        int lColon = lastColon(b, ls, ends[3]);
        if (lColon < 0) {
            return false;
        }
        long localPort = decimal(b, lColon + 1, ends[3]);
        int lEnd = cutEnd(b, ls, lColon);
        if (localPort < 0 || localPort > 65535 || lEnd <= ls) {
            return false;
        }
        IpFamily family = family(b, ls, lEnd, lEnd != lColon);
        IpFamily peerFamily = IpFamily.UNKNOWN;
        if (n > 4) {
            int ps = starts[4];
            int pColon = lastColon(b, ps, ends[4]);
            if (pColon < 0) {
                return false;
            }
            long peerPort = decimal(b, pColon + 1, ends[4]);
            int pEnd = cutEnd(b, ps, pColon);
            if (peerPort < 0 || peerPort > 65535 || pEnd <= ps) {
                return false;
            }
            peerFamily = family(b, ps, pEnd, pEnd != pColon);
        }
        if (n > 5) {
            long intf = hex(b, starts[5], ends[5]);
            if (intf < 0 || intf > Integer.MAX_VALUE) {
                return false;
            }
        }
        SocketMode mode = SocketMode.NONE;
        int localCode = 0;
        int peerCode = 0;
        if (n > 6) {
            mode = mode(b, starts[6], ends[6]);
            if (mode == null) {
                return false;
            }
            if (n > 7 && mode != SocketMode.TCP) {
                // details are not counted: only what the parser would warn about must go its way
                if (mode == SocketMode.NONE || !quietDetails(b, n, mode)) {
                    return false; // a column after "-", or incomplete SMC-R details
                }
            } else if (n > 7) {
                int s = starts[7];
                int e = ends[7];
                int slash = s;
                while (slash < e && b[slash] != '/') {
                    slash++;
                }
                long l;
                long p = 0;
                if (slash == e) {
                    l = reasonCode(b, s, e);
                } else {
                    l = reasonCode(b, s, slash);
                    p = reasonCode(b, slash + 1, e);
                }
                if (l < 0 || p < 0) {
                    return false; // warned about by the parser
                }
                localCode = (int) l;
                peerCode = (int) p;
            }
        }
        // the family as SocketRow.basic decides it
        boolean listening = SmcStates.listening(state);
        if (listening && n <= 4 && isAny(b, ls, lEnd)) {
            family = IpFamily.UNKNOWN;
        }
        if (family == IpFamily.IPV4 && n > 4 && peerFamily != IpFamily.IPV4) {
            family = peerFamily;
        }
        r.inode = inode;
        r.mode = mode;
        r.localCode = localCode;
        r.peerCode = peerCode;
        r.family = family;
        r.listening = listening;
        r.localPort = (int) localPort;
        return true;
    }

    /**
     * True when the parser reads the SMC-R / SMC-D columns after the mode of this row without a warning
     * ({@code SmcssParser} {@code details()}): after an optional {@code -d} block, an SMC-R row whose role column is
     * {@code CLNT} or {@code SERV} must have at least four more columns; nothing else there warns. The details
     * themselves (role, device, GIDs) are kept only in a group's sample rows, which the parser reads.
     */
    private boolean quietDetails(byte[] b, int n, SocketMode mode) {
        int i = 7;
        if (isShutd(b, starts[i], ends[i])) {
            i += SmcssParser.DEBUG_COLUMNS;
        }
        if (i >= n || mode != SocketMode.SMCR) {
            return true;
        }
        int s = starts[i];
        boolean role = ends[i] - s == 4 && (b[s] == 'C' && b[s + 1] == 'L' && b[s + 2] == 'N' && b[s + 3] == 'T'
                || b[s] == 'S' && b[s + 1] == 'E' && b[s + 2] == 'R' && b[s + 3] == 'V');
        return !role || n - i - 1 >= 4;
    }

    /** A Shutd column of {@code smcss -d}: {@code <->}, {@code R->}, {@code <-W}, {@code R-W}. */
    private static boolean isShutd(byte[] b, int s, int e) {
        return e - s == 3 && b[s + 1] == '-' && (b[s] == '<' || b[s] == 'R') && (b[s + 2] == '>' || b[s + 2] == 'W');
    }

    private static int lastColon(byte[] b, int s, int e) {
        for (int i = e - 1; i >= s; i--) {
            if (b[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** The end of the address before the colon at {@code colon}, without a {@code ..} that marks it cut. */
    private static int cutEnd(byte[] b, int s, int colon) {
        return colon - s >= 2 && b[colon - 1] == '.' && b[colon - 2] == '.' ? colon - 2 : colon;
    }

    /** As {@link io.smcdoctor.evidence.facts.Endpoint#family()} for the address {@code b[s, e)}. */
    private static IpFamily family(byte[] b, int s, int e, boolean cut) {
        boolean colon = false;
        boolean dot = false;
        for (int i = s; i < e; i++) {
            if (b[i] == ':') {
                colon = true;
            } else if (b[i] == '.' && i > s) {
                dot = true;
            }
        }
        if (e - s >= 7 && mappedPrefix(b, s) && (dot || cut && digitsAndDots(b, s + 7, e))) {
            return IpFamily.IPV4_MAPPED;
        }
        return colon ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** {@code ::ffff:} at {@code s}, in any case. */
    private static boolean mappedPrefix(byte[] b, int s) {
        return b[s] == ':' && b[s + 1] == ':' && (b[s + 2] | 0x20) == 'f' && (b[s + 3] | 0x20) == 'f'
                && (b[s + 4] | 0x20) == 'f' && (b[s + 5] | 0x20) == 'f' && b[s + 6] == ':';
    }

    private static boolean digitsAndDots(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != '.' && (b[i] < '0' || b[i] > '9')) {
                return false;
            }
        }
        return to > from;
    }

    /** {@code 0.0.0.0} or {@code ::}. */
    private static boolean isAny(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 2) {
            return b[s] == ':' && b[s + 1] == ':';
        }
        return len == 7 && b[s] == '0' && b[s + 1] == '.' && b[s + 2] == '0' && b[s + 3] == '.' && b[s + 4] == '0'
                && b[s + 5] == '.' && b[s + 6] == '0';
    }

    private static @Nullable SocketMode mode(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 4 && b[s] == 'S' && b[s + 1] == 'M' && b[s + 2] == 'C') {
            return b[s + 3] == 'R' ? SocketMode.SMCR : b[s + 3] == 'D' ? SocketMode.SMCD : null;
        }
        if (len == 3 && b[s] == 'T' && b[s + 1] == 'C' && b[s + 2] == 'P') {
            return SocketMode.TCP;
        }
        return len == 1 && b[s] == '-' ? SocketMode.NONE : null;
    }

    /** As {@link SmcText#decimal(String, int, int)}. */
    private static long decimal(byte[] b, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** As {@link SmcText#hex(String, int, int)}. */
    private static long hex(byte[] b, int from, int to) {
        if (to - from > 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'X')) {
            from += 2;
        }
        if (to <= from || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * The value of an ASCII hex digit, else -1 (as {@code Character.digit(c, 16)} for the bytes of a plain row, which
     * are ASCII). Written out: {@code Character.digit} dispatches on the character's block, and C2 code that inlined
     * it for Latin-1 alone is thrown away when another thread first meets a non-Latin-1 character (the catalog's
     * Japanese texts, loaded beside the read), which cost a large input the compiled form of {@link #read} for
     * ~0.15 s in some runs ({@code -XX:+PrintCompilation}: "COMPILE SKIPPED: concurrent class loading").
     */
    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** As {@link SmcText#reasonCode(String, int, int)}. */
    private static long reasonCode(byte[] b, int from, int to) {
        if (to - from < 3 || to - from > 10 || b[from] != '0' || (b[from + 1] != 'x' && b[from + 1] != 'X')) {
            return -1;
        }
        return hex(b, from + 2, to);
    }
}
