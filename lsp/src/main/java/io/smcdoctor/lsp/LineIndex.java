package io.smcdoctor.lsp;

import java.util.Arrays;

/**
 * Converts between offsets in a text and LSP positions (0-based line, UTF-16 column). Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as the protocol says. Immutable.
 */
final class LineIndex {
    private final String text;
    private final int[] starts;

    private LineIndex(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static LineIndex of(String text) {
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(text, Arrays.copyOf(starts, count));
    }

    int lineCount() {
        return starts.length;
    }

    /** 0-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** 0-based UTF-16 column of an offset. */
    int column(int offset) {
        return offset - starts[line(offset)];
    }

    int lineStart(int line) {
        return starts[Math.max(0, Math.min(line, starts.length - 1))];
    }

    /** Offset of the end of a line's content (before its line break). */
    int lineEnd(int line) {
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length - 1) {
            return text.length();
        }
        int e = starts[line + 1];
        if (e > 0 && text.charAt(e - 1) == '\n') {
            e--;
        }
        if (e > starts[line] && text.charAt(e - 1) == '\r') {
            e--;
        }
        return e;
    }

    /**
     * The offset of a position. A line past the end is the end of the text; a column past the end of its line is the
     * end of the line (the protocol's rule); negative values count as 0.
     */
    int offset(int line, int column) {
        if (line >= starts.length) {
            return text.length();
        }
        int l = Math.max(0, line);
        return Math.min(starts[l] + Math.max(0, column), lineEnd(l));
    }
}
