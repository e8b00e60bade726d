package io.smcdoctor.evidence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** Small text helpers shared by the host parsers (dmesg, sysctl, uname, lsmod, ip, ibv, rdma). */
final class HostText {
    private HostText() {
    }

    /** The line without a leading UTF-8 byte order mark (editors on Windows add one to the first line). */
    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /**
     * What a host parser reads of a file: each line with text, line 1 without its byte order mark; blank lines are
     * skipped. {@code body.end()} is called after the last line.
     */
    static TextParser.LineSink content(TextParser.LineSink body) {
        return new TextParser.LineSink() {
            @Override
            public void line(int number, String text) {
                String line = number == 1 ? stripBom(text) : text;
                if (!isBlank(line)) {
                    body.line(number, line);
                }
            }

            @Override
            public void end() {
                body.end();
            }
        };
    }

    /**
     * As {@link #content}, and a line that is {@code tool}'s own error message ({@code rdma: ...}, {@code Error:
     * ...}) is recorded as a tool error ({@link ToolErrors}) instead of being given to the body.
     */
    static TextParser.LineSink toolContent(ParseContext ctx, String tool, TextParser.LineSink body) {
        return content((number, line) -> {
            if (!ToolErrors.record(ctx, tool, number, line)) {
                body.line(number, line);
            }
        });
    }

    /** True when the line holds only whitespace. */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when the line starts with a space or tab (a continuation line in ip / ibv_devinfo output). */
    static boolean indented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /** Whitespace-separated tokens (spaces and tabs), without empty ones. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /**
     * A non-negative number printed in decimal or as {@code 0x} hex. Values above {@link Long#MAX_VALUE}
     * (e.g. {@code max_mr_size 0xffffffffffffffff}) are clamped to {@link Long#MAX_VALUE}; empty when the text
     * is not a number.
     */
    static OptionalLong parseNumber(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int radix = 10;
        if (t.startsWith("0x")) {
            t = t.substring(2);
            radix = 16;
        }
        if (t.isEmpty() || t.length() > 40) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), radix) < 0) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(t, radix));
        } catch (NumberFormatException e) {
            // only digits, so it overflowed: the value is larger than any signed long
            return OptionalLong.of(Long.MAX_VALUE);
        }
    }

    /** A short excerpt of a line for warning messages. */
    static String excerpt(String line) {
        String t = line.strip();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }
}
