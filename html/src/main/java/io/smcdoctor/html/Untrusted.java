package io.smcdoctor.html;

import java.util.Locale;

/**
 * Makes text from a customer's host safe to show before it is escaped for a format: characters that a reader cannot
 * see or that change how the rest of a line looks become visible placeholders. Control characters become their
 * Unicode control pictures ({@code ESC} shows as {@code ␛}, so terminal escape sequences in a log line are visible
 * rather than swallowed); C1 controls, bidirectional overrides and invisible format characters (the "Trojan source"
 * trick, zero-width spaces) become {@code ⟨U+202E⟩}; unpaired surrogates become {@code U+FFFD}. Tabs and line feeds are
 * kept: each format decides what a line break means in its context (a symptom cited as evidence may span lines).
 * Stateless.
 */
public final class Untrusted {
    private Untrusted() {
    }

    /** The text with every invisible or layout-changing character made visible; the same string when there is none. */
    public static String visible(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && plain(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (plain(c)) {
                sb.append(c);
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(String.format(Locale.ROOT, "⟨U+%04X⟩", (int) c));
            }
        }
        return sb.toString();
    }

    /** True for a character shown as itself. */
    private static boolean plain(char c) {
        if (c >= 0x20 && c < 0x7f || c == '\t' || c == '\n') {
            return true;
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || Character.isSurrogate(c)) {
            return false;
        }
        // invisible or direction-changing: soft hyphen, zero-width and bidi marks, embeddings and overrides, isolates,
        // word joiners, invisible operators, line/paragraph separators, byte order mark, interlinear annotations
        return !(c == 0x00ad || c >= 0x200b && c <= 0x200f || c >= 0x2028 && c <= 0x202e || c >= 0x2060 && c <= 0x206f
                || c == 0xfeff || c >= 0xfff9 && c <= 0xfffb || c == 0x061c || c == 0x180e);
    }
}
