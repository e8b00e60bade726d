package io.smcdoctor.evidence.internal;

/** Small allocation-free number readers and text helpers shared by the smc-tools parsers. */
final class SmcText {
    private SmcText() {
    }

    /** Decimal digits in {@code [from, to)} as a long; -1 when empty, not all digits or longer than 18 digits. */
    static long decimal(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The whole string as a non-negative decimal long, or -1. */
    static long decimal(String s) {
        return decimal(s, 0, s.length());
    }

    /** Hex digits in {@code [from, to)} (optional {@code 0x} prefix) as a long; -1 when invalid or > 15 digits. */
    static long hex(String s, int from, int to) {
        if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            from += 2;
        }
        if (to <= from || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** The whole string as non-negative hex (optional {@code 0x}), or -1. */
    static long hex(String s) {
        return hex(s, 0, s.length());
    }

    /**
     * A reason code {@code 0x%08x} at {@code [from, to)}: exactly {@code 0x} plus 1..8 hex digits. Returns the code as
     * a long in {@code [0, 2^32)}, or -1.
     */
    static long reasonCode(String s, int from, int to) {
        if (to - from < 3 || to - from > 10 || s.charAt(from) != '0'
                || (s.charAt(from + 1) != 'x' && s.charAt(from + 1) != 'X')) {
            return -1;
        }
        return hex(s, from + 2, to);
    }

    /** The first {@code 0x........} reason code anywhere in {@code s}, or -1. */
    static long findReasonCode(String s) {
        int i = s.indexOf("0x");
        while (i >= 0) {
            int e = i + 2;
            while (e < s.length() && Character.digit(s.charAt(e), 16) >= 0) {
                e++;
            }
            if (e - i == 10 && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                return hex(s, i + 2, e);
            }
            i = s.indexOf("0x", e);
        }
        return -1;
    }

    /** {@code text} shortened for a warning message. */
    static String quote(String text) {
        String t = text.strip();
        return "'" + (t.length() > 80 ? t.substring(0, 77) + "..." : t) + "'";
    }

    /** True when the line holds nothing but spaces/tabs. */
    static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The text in columns {@code [from, to)} trimmed; {@code ""} when the line is shorter. */
    static String column(String text, int from, int to) {
        int n = text.length();
        if (from >= n) {
            return "";
        }
        return text.substring(from, Math.min(to, n)).strip();
    }

    /** The text from column {@code from} to the end, trimmed. */
    static String columnToEnd(String text, int from) {
        return from >= text.length() ? "" : text.substring(from).strip();
    }

    /** True when {@code text} has a non-blank character at {@code i}. */
    static boolean nonBlankAt(String text, int i) {
        return i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != '\t';
    }
}
