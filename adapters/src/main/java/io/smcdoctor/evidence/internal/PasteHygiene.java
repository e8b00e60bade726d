package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The normalisation layer between the line splitter and every text parser: what a person still reads as a tool's
 * output is handed to the parser as the tool printed it. Evidence from mail, tickets and documentation is not
 * byte-clean; this layer, once for all kinds:
 * <ul>
 *   <li>removes ANSI colour/cursor sequences and other control characters (a {@code script} log, {@code ls --color});</li>
 *   <li>removes mail quote marks ({@code > }, {@code >> }, {@code > > }, also indented as {@code    > });</li>
 *   <li>expands the tabs of the indentation (every tab for column-cut listings such as {@code smcr device});</li>
 *   <li>recognises shell command lines ({@link CommandLines}), elision lines ({@code ...}, {@code [...]},
 *       {@code <snip>}, {@code [ 36 more ACTIVE connections ]}) and host labels ({@code Server:}, {@code Client side:}),
 *       which are not tool output;</li>
 *   <li>removes the indentation common to a block of lines (rows indented in documentation and mail), keeping the
 *       relative indentation that some formats use (continuation lines, an empty first column);</li>
 *   <li>joins a line a mailer wrapped onto the next line, when the kind's {@link LineShape} says the tail cannot be a
 *       line by itself.</li>
 * </ul>
 * Line numbers are those of the original text: a joined line keeps the number of its first part.
 */
final class PasteHygiene {
    /** Lines of an indented block looked at to find its common indentation. */
    static final int BLOCK_LOOKAHEAD = 256;
    /** Most tails joined to one line. */
    static final int MAX_JOINS = 16;

    private static final Pattern ELISION = Pattern.compile(
            "(?:\\.{3,}|…+|\\[\\s*(?:\\.{2,}|…|snip(?:ped)?|cut|trimmed|truncated|omitted)[^\\]]{0,40}\\]"
                    + "|<\\s*(?:\\.{2,}|…|snip(?:ped)?|cut)\\s*>|\\(\\s*(?:\\.{2,}|…|snip(?:ped)?)\\s*\\)"
                    + "|-{0,20}\\s*(?:8<\\s*-*\\s*)?snip\\s*-*|\\[\\s*\\d+\\s+more\\b[^\\]]{0,80}\\]"
                    + "|\\.{3,}\\s*\\((?:[^)]{0,60})\\)|(?:\\.{3}|…)\\s*(?:snip|output truncated|truncated)\\s*(?:\\.{3}|…)?)");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?:on |at |from |output (?:of|on|from) )?(?:the )?(?:server|client|host|node|peer|local host|remote host"
                    + "|sender|receiver|initiator|target|machine|vm|guest)(?:[ _-]?(?:side|host|node|machine|vm|[a-z]|\\d{1,3}))?"
                    + "(?: \\([\\w.@-]{1,64}\\)| [\\w.-]{1,64})?(?: output| log| side)?\\s*:?");

    /** What a cleaned line is. */
    enum Type {
        /** Tool output (or prose). */
        TEXT,
        /** Only blanks. */
        BLANK,
        /** A shell command line. */
        COMMAND,
        /** A host label such as {@code Server:}. */
        LABEL,
        /** An elision mark such as {@code ...}. */
        ELISION
    }

    /**
     * A line after cleaning.
     *
     * @param type    what it is
     * @param text    the line without control characters and quote marks, indentation tabs expanded
     * @param command the command, for {@link Type#COMMAND}
     */
    record Clean(Type type, String text, CommandLines.@Nullable Command command) {
    }

    private PasteHygiene() {
    }

    private static final int CONTROL = 1;
    private static final int TAB = 2;
    private static final int PROMPT_MARK = 4;
    private static final int DIGIT = 8;

    /**
     * One pass over the line: control characters, tabs, a prompt mark ({@code #$%>} followed by a blank in the first 120
     * characters) and digits. Clean tool output (the common case) is decided by this pass alone.
     */
    private static int scan(String s) {
        int flags = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x40) {
                if (c < 0x20) {
                    flags |= c == '\t' ? TAB : CONTROL;
                } else if (c >= '0' && c <= '9') {
                    flags |= DIGIT;
                } else if ((c == '#' || c == '$' || c == '%' || c == '>') && i < 120
                        && (i + 1 == n || s.charAt(i + 1) == ' ')) {
                    flags |= PROMPT_MARK;
                }
            } else if (c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                flags |= CONTROL;
            }
        }
        return flags;
    }

    /** Cleans one raw line for a kind of the given shape. */
    static Clean clean(String raw, LineShape shape) {
        String s = !raw.isEmpty() && raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw;
        int flags = scan(s);
        if ((flags & CONTROL) != 0) {
            s = stripControls(s);
        }
        s = stripQuotes(s);
        if ((flags & TAB) != 0) {
            s = expandTabs(s, shape.columns());
        }
        int lead = 0;
        int n = s.length();
        while (lead < n && s.charAt(lead) == ' ') {
            lead++;
        }
        if (lead == n) {
            return new Clean(Type.BLANK, s, null);
        }
        String t = lead == 0 ? s : s.substring(lead);
        char c = t.charAt(0);
        // the common case, a line of tool output starting with an upper-case letter, digit or '[', pays the scan only
        if ((c == '.' || c == '…' || c == '[' || c == '<' || c == '(' || c == '-') && t.length() <= 100
                && ELISION.matcher(t.stripTrailing()).matches()) {
            return new Clean(Type.ELISION, s, null);
        }
        if (((flags & PROMPT_MARK) != 0 || c == '$' || c == '#' || c == '%' || c == '/' || c == '~'
                || Character.isLowerCase(c)) && CommandLines.candidate(t)) {
            var cmd = CommandLines.parse(t.stripTrailing());
            if (cmd.isPresent()) {
                return new Clean(Type.COMMAND, s, cmd.get());
            }
        }
        if (t.length() <= 60 && Character.isLetter(c) && ((flags & DIGIT) == 0 || t.stripTrailing().endsWith(":"))
                && LABEL.matcher(t.stripTrailing()).matches() && !shape.ownsLabel(t.strip())) {
            return new Clean(Type.LABEL, s, null);
        }
        return new Clean(Type.TEXT, s, null);
    }

    /** The line without ANSI escape sequences (CSI, OSC, two-character escapes) and other control characters. */
    static String stripControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == 0x1b && i + 1 < n) {
                char d = s.charAt(i + 1);
                if (d == '[') {
                    int j = i + 2;
                    while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
                        j++; // parameter and intermediate bytes
                    }
                    i = j < n ? j + 1 : n; // the final byte
                    continue;
                }
                if (d == ']') {
                    int j = i + 2;
                    while (j < n && s.charAt(j) != 0x07 && !(s.charAt(j) == 0x1b && j + 1 < n && s.charAt(j + 1) == '\\')) {
                        j++;
                    }
                    i = j >= n ? n : s.charAt(j) == 0x07 ? j + 1 : j + 2;
                    continue;
                }
                i += 2;
                continue;
            }
            if (c == '\b' && b.length() > 0) {
                b.setLength(b.length() - 1); // overstrike: "a\bb" shows "b"
                i++;
                continue;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                i++;
                continue;
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    /**
     * The line without leading mail quote marks: blanks, then one or more {@code >} each followed by a blank, another
     * {@code >} or the end of the line ({@code > }, {@code >> }, {@code > > }, {@code    > }). A {@code >} followed by
     * text ({@code >ffff88801ca31a80: fc fc}, a KASAN shadow line) is not a quote mark. One blank after the last mark
     * is removed; further indentation stays.
     */
    static String stripQuotes(String s) {
        int n = s.length();
        int pos = 0;
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        int last = -1;
        while (pos < n && s.charAt(pos) == '>') {
            int next = pos + 1;
            if (next < n && s.charAt(next) != ' ' && s.charAt(next) != '\t' && s.charAt(next) != '>') {
                break;
            }
            last = next;
            if (next < n && s.charAt(next) != '>') {
                last = next + 1; // one blank after the mark belongs to it
            }
            pos = last;
        }
        return last < 0 ? s : s.substring(Math.min(last, n));
    }

    /** Expands tabs to the next multiple of 8: in the indentation only, or everywhere for column-cut listings. */
    static String expandTabs(String s, boolean everywhere) {
        int tab = s.indexOf('\t');
        if (tab < 0) {
            return s;
        }
        if (!everywhere) {
            int lead = 0;
            while (lead < s.length() && (s.charAt(lead) == ' ' || s.charAt(lead) == '\t')) {
                lead++;
            }
            if (tab >= lead) {
                return s;
            }
            return expand(s, lead) + s.substring(lead);
        }
        return expand(s, s.length());
    }

    private static String expand(String s, int upTo) {
        StringBuilder b = new StringBuilder(upTo + 16);
        for (int i = 0; i < upTo; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = 8 - (b.length() % 8);
                b.append(" ".repeat(spaces));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static int indentation(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Removes a block's common indentation and joins wrapped lines, then hands lines to a parser. A block is a run of
     * text lines between blank lines and {@link #boundary() boundaries} (commands, labels, elisions); a block whose
     * first line is indented is held (at most {@link #BLOCK_LOOKAHEAD} lines) until its smallest indentation is known.
     */
    static final class Shaper {
        private final LineShape shape;
        private final TextParser.LineSink sink;
        private final List<Integer> heldNumbers = new ArrayList<>();
        private final List<String> held = new ArrayList<>();
        /** Indentation removed from this block's lines; -1 while not known. */
        private int dedent = -1;
        private boolean inBlock;
        private int heldMin = Integer.MAX_VALUE;
        private @Nullable String pending;
        private int pendingNumber;
        private int joins;

        Shaper(LineShape shape, TextParser.LineSink sink) {
            this.shape = shape;
            this.sink = sink;
        }

        /** A text line (cleaned). */
        void text(int number, String text) {
            if (!inBlock) {
                inBlock = true;
                int ind = indentation(text);
                if (ind == 0) {
                    dedent = 0;
                } else {
                    dedent = -1;
                    heldMin = ind;
                }
            }
            if (dedent < 0) {
                heldMin = Math.min(heldMin, indentation(text));
                heldNumbers.add(number);
                held.add(text);
                if (heldMin == 0 || held.size() >= BLOCK_LOOKAHEAD) {
                    release();
                }
                return;
            }
            shaped(number, cut(text, dedent));
        }

        /** A blank line: ends the block and is handed on (parsers use blank lines as separators). */
        void blank(int number, String text) {
            boundary();
            sink.line(number, text);
        }

        /** A line that is no tool output (command, label, elision): ends the block, nothing joins across it. */
        void boundary() {
            if (dedent < 0 && inBlock) {
                release();
            }
            flushPending();
            inBlock = false;
            dedent = -1;
        }

        /** The end of the input. */
        void end() {
            boundary();
            sink.end();
        }

        /**
         * True when the line last handed to {@link #text} is held, alone, as the line a next one may continue:
         * {@code text} itself (by identity), not joined to the line before it, and no block held for its indentation.
         */
        boolean holdsOnly(String text) {
            return pending == text && joins == 0 && held.isEmpty() && dedent >= 0;
        }

        /** Takes the held line out (see {@link #holdsOnly}); the block stays open. */
        void dropPending() {
            pending = null;
        }

        /** Puts back a line as held, as if {@link #text} had just been given it after {@link #dropPending()}. */
        void restorePending(int number, String text) {
            pending = text;
            pendingNumber = number;
            joins = 0;
        }

        private void release() {
            dedent = heldMin == Integer.MAX_VALUE ? 0 : heldMin;
            for (int i = 0; i < held.size(); i++) {
                shaped(heldNumbers.get(i), cut(held.get(i), dedent));
            }
            held.clear();
            heldNumbers.clear();
            heldMin = Integer.MAX_VALUE;
        }

        private static String cut(String text, int dedent) {
            if (dedent == 0) {
                return text;
            }
            int ind = indentation(text);
            return text.substring(Math.min(ind, dedent));
        }

        private void shaped(int number, String text) {
            String p = pending;
            if (p != null && joins < MAX_JOINS && p.length() < TextLines.MAX_LINE_BYTES && shape.continues(p, text)) {
                pending = p.stripTrailing() + " " + text.strip();
                joins++;
                return;
            }
            flushPending();
            pending = text;
            pendingNumber = number;
            joins = 0;
        }

        private void flushPending() {
            String p = pending;
            if (p != null) {
                pending = null;
                sink.line(pendingNumber, p);
            }
        }
    }
}
