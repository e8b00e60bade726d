package io.smcdoctor.html;

import java.util.Objects;

/**
 * HTML (and SVG) text escaping. Every piece of text that goes into a page, trusted catalog wording as well as evidence
 * from a customer's host, passes through {@link #text(String)}: the five characters that can end a text node or an
 * attribute value ({@code & < > " '}) become character references, and invisible characters become visible
 * ({@link Untrusted#visible(String)}). The result is safe in element content and in quoted attribute values, never in
 * unquoted attributes, {@code <script>} or {@code <style>} (the pages put no data there). Stateless.
 */
public final class Html {
    private Html() {
    }

    /** The text escaped for element content or a quoted attribute value. */
    public static String text(String s) {
        String v = Untrusted.visible(s);
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String r;
            switch (c) {
                case '&': r = "&amp;"; break;
                case '<': r = "&lt;"; break;
                case '>': r = "&gt;"; break;
                case '"': r = "&quot;"; break;
                case '\'': r = "&#39;"; break;
                default: r = null;
            }
            if (r == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(v.length() + 16).append(v, 0, i);
            }
            sb.append(r);
        }
        return sb == null ? v : sb.toString();
    }

    /** Appends {@code <tag class="cls">escaped text</tag>}; {@code cls} is a constant of our own. */
    public static StringBuilder element(StringBuilder sb, String tag, String cls, String text) {
        sb.append('<').append(tag);
        if (!cls.isEmpty()) {
            sb.append(" class=\"").append(cls).append('"');
        }
        return sb.append('>').append(text(text)).append("</").append(tag).append('>');
    }

    /** A column of a data table: its header text, and whether it holds numbers (class {@code num}: right-aligned). */
    public record Column(String title, boolean numeric) {
        public Column {
            Objects.requireNonNull(title, "title");
        }

        /** A column of text. */
        public static Column text(String title) {
            return new Column(title, false);
        }

        /** A column of numbers. */
        public static Column number(String title) {
            return new Column(title, true);
        }
    }

    /**
     * Opens a data table: {@code <table class="data">}, the header row of the given columns (escaped) and
     * {@code <tbody>}; the caller appends the rows and then {@link #closeDataTable}.
     */
    public static StringBuilder openDataTable(StringBuilder sb, Column... columns) {
        sb.append("<table class=\"data\"><thead><tr>");
        for (Column c : columns) {
            element(sb, "th", c.numeric() ? "num" : "", c.title());
        }
        return sb.append("</tr></thead><tbody>\n");
    }

    /** Closes a table that {@link #openDataTable} opened. */
    public static StringBuilder closeDataTable(StringBuilder sb) {
        return sb.append("</tbody></table>\n");
    }

    /** A token safe as an HTML id or class part: letters, digits, {@code -} and {@code _}; others become {@code _}. */
    public static String token(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '_');
        }
        return sb.toString();
    }
}
