package io.smcdoctor.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into lines without ever holding more than one (bounded) line: the streaming base of
 * every parser. Handles {@code \n} and {@code \r\n}, invalid UTF-8 (replaced, one warning), NUL bytes (the
 * line is skipped, one warning), over-long lines (cut at {@link #MAX_LINE_BYTES}, one warning per line, the
 * rest of the line is skipped without buffering it) and a missing final newline.
 */
public final class TextLines {
    /** Longest line handed to a parser, in bytes; longer lines are cut. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    /** Receives each line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void line(int number, String text);
    }

    /**
     * A handler that may take a line as bytes, without it being decoded: offered every line that was not cut, before
     * it is checked for NUL and non-ASCII bytes (one pass over the bytes fewer for a line it takes); a line it does not
     * take is checked, decoded and given to {@link #line}. It must decline every line that holds a byte outside
     * printable ASCII, so that binary data and UTF-8 are handled (and warned about) as for any other handler.
     */
    interface ByteLineHandler extends LineHandler {
        /**
         * Takes {@code bytes[0, length)} (no line end; valid only during the call) as line {@code number}, or not;
         * never a line with a byte outside {@code 0x20-0x7e}.
         */
        boolean bytes(int number, byte[] bytes, int length);
    }

    private TextLines() {
    }

    /**
     * Reads every line of {@code in} and hands it to {@code handler}; problems go to {@code ctx} as warnings.
     *
     * @return the number of lines read
     */
    public static int read(InputStream in, ParseContext ctx, LineHandler handler) throws IOException {
        return new Splitter(ctx, handler).run(in);
    }

    /** Same as {@link #read(InputStream, ParseContext, LineHandler)} for text already in memory. */
    public static int read(String text, ParseContext ctx, LineHandler handler) {
        int number = 0;
        int start = 0;
        int n = text.length();
        boolean binaryWarned = false;
        while (start < n) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? n : end + 1;
            if (end < 0) {
                end = n;
            }
            int stop = end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            number++;
            String line;
            if (stop - start > MAX_LINE_BYTES) {
                ctx.warn(number, "line is longer than " + MAX_LINE_BYTES + " characters; the rest of it was skipped");
                line = text.substring(start, start + MAX_LINE_BYTES);
            } else {
                line = text.substring(start, stop);
            }
            if (line.indexOf('\0') >= 0) {
                if (!binaryWarned) {
                    ctx.warn(number, "binary data (NUL bytes); lines holding it were skipped");
                    binaryWarned = true;
                }
            } else {
                handler.line(number, line);
            }
            start = next;
        }
        return number;
    }

    private static final class Splitter {
        private final ParseContext ctx;
        private final LineHandler handler;
        private final @Nullable ByteLineHandler bytesHandler;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // one byte more than a line may hold: the '\r' of a CRLF ending a line of exactly MAX_LINE_BYTES
        private final byte[] line = new byte[MAX_LINE_BYTES + 1];
        private int len;
        private boolean overlong;
        private boolean hasNul;
        private boolean nonAscii;
        private boolean binaryWarned;
        private boolean utf8Warned;
        private int number;

        Splitter(ParseContext ctx, LineHandler handler) {
            this.ctx = ctx;
            this.handler = handler;
            this.bytesHandler = handler instanceof ByteLineHandler b ? b : null;
        }

        int run(InputStream in) throws IOException {
            byte[] buf = new byte[64 * 1024];
            int r;
            boolean pending = false;
            while ((r = in.read(buf)) > 0) {
                int i = 0;
                while (i < r) {
                    // the end of this line in the buffer: a tight loop, the bytes are copied in one go below
                    int j = i;
                    while (j < r && buf[j] != '\n') {
                        j++;
                    }
                    append(buf, i, j);
                    if (j < r) {
                        emit();
                        pending = false;
                        i = j + 1;
                    } else {
                        pending = pending || j > i;
                        i = j;
                    }
                }
            }
            if (pending) {
                emit();
            }
            return number;
        }

        /**
         * Adds {@code buf[from, to)} (no newline in it) to the line: up to {@link #MAX_LINE_BYTES} bytes, then one
         * more (a '\r' there still ends a line that fits); anything after that makes the line over-long and is skipped
         * without being kept. The bytes kept are checked for NUL and non-ASCII bytes when the line ends
         * ({@link #check}).
         */
        private void append(byte[] buf, int from, int to) {
            if (overlong || from == to) {
                return;
            }
            int k = Math.min(MAX_LINE_BYTES - len, to - from);
            if (k > 0) {
                System.arraycopy(buf, from, line, len, k);
                len += k;
                from += k;
            }
            if (from < to && len == MAX_LINE_BYTES) {
                line[len++] = buf[from++];
            }
            if (from < to) {
                overlong = true;
            }
        }

        private void emit() {
            number++;
            int end = len;
            if (!overlong && end > 0 && line[end - 1] == '\r') {
                end--;
            }
            if (end > MAX_LINE_BYTES) {
                overlong = true;
                end = MAX_LINE_BYTES;
            }
            if (!overlong && bytesHandler != null && bytesHandler.bytes(number, line, end)) {
                // printable ASCII only (the handler's contract): nothing to check or warn about
                len = 0;
                return;
            }
            check();
            if (overlong) {
                ctx.warn(number, "line is longer than " + MAX_LINE_BYTES + " bytes; the rest of it was skipped");
            }
            if (hasNul) {
                if (!binaryWarned) {
                    ctx.warn(number, "binary data (NUL bytes); lines holding it were skipped");
                    binaryWarned = true;
                }
            } else {
                handler.line(number, decode(end));
            }
            len = 0;
            overlong = false;
            hasNul = false;
            nonAscii = false;
        }

        /**
         * Sets {@link #hasNul} and {@link #nonAscii} from the line's first {@link #MAX_LINE_BYTES} bytes (the byte
         * after them is a '\r' or the line is cut).
         */
        private void check() {
            byte[] l = line;
            for (int x = 0, n = Math.min(len, MAX_LINE_BYTES); x < n; x++) {
                byte b = l[x];
                if (b <= 0) {
                    if (b == 0) {
                        hasNul = true;
                    } else {
                        nonAscii = true;
                    }
                }
            }
        }

        private String decode(int end) {
            if (!nonAscii) {
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            try {
                CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(line, 0, end));
                return cb.toString();
            } catch (CharacterCodingException e) {
                if (!utf8Warned) {
                    ctx.warn(number, "invalid UTF-8; undecodable bytes were replaced with U+FFFD");
                    utf8Warned = true;
                }
                // a line cut at MAX_LINE_BYTES may end inside a character: replacement is the right outcome too
                return new String(line, 0, end, StandardCharsets.UTF_8);
            }
        }
    }
}
