package io.smcdoctor.evidence.internal;

/**
 * A reusable whitespace tokenizer over one line that records token boundaries instead of allocating
 * substrings: the hot path of the smcss parser touches only the tokens it needs. Not thread-safe; one per
 * parsed file.
 */
final class SmcTokens {
    private static final int MAX_TOKENS = 64;

    private String line = "";
    private final int[] starts = new int[MAX_TOKENS];
    private final int[] ends = new int[MAX_TOKENS];
    private int count;
    private boolean overflow;

    /** Splits {@code text} on runs of spaces and tabs; returns the number of tokens (at most 64 kept). */
    int reset(String text) {
        line = text;
        count = 0;
        overflow = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int s = i;
            while (i < n) {
                c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    break;
                }
                i++;
            }
            if (count == MAX_TOKENS) {
                overflow = true;
                break;
            }
            starts[count] = s;
            ends[count] = i;
            count++;
        }
        return count;
    }

    int count() {
        return count;
    }

    /** True when the line had more tokens than are kept. */
    boolean overflow() {
        return overflow;
    }

    String line() {
        return line;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    String get(int i) {
        return line.substring(starts[i], ends[i]);
    }

    /** The rest of the line from token {@code i} on, trimmed; {@code ""} when {@code i} is past the end. */
    String rest(int i) {
        return i < count ? line.substring(starts[i]).strip() : "";
    }

    boolean is(int i, String s) {
        return i < count && ends[i] - starts[i] == s.length() && line.startsWith(s, starts[i]);
    }

    char charAt(int i, int offset) {
        return line.charAt(starts[i] + offset);
    }

    /** The token as a non-negative decimal long, or -1 when it is not one (or too long). */
    long decimal(int i) {
        return i < count ? SmcText.decimal(line, starts[i], ends[i]) : -1;
    }

    /** True when the token is made of hex digits only (any length). */
    boolean isHex(int i) {
        if (i >= count) {
            return false;
        }
        for (int k = starts[i]; k < ends[i]; k++) {
            if (Character.digit(line.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The token as non-negative hex (without {@code 0x}), or -1. */
    long hex(int i) {
        return i < count ? SmcText.hex(line, starts[i], ends[i]) : -1;
    }
}
