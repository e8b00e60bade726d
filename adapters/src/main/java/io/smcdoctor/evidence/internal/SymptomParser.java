package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SymptomText;

/**
 * Reads free text (English, Japanese, anything) as one {@link SymptomText} and the codes, errno names, ports and
 * kernel releases it names as mention facts ({@link Mentions}, citing their line): the lines joined with {@code \n},
 * blank lines at the start and end dropped. The provenance points at the first non-blank line. Text beyond
 * {@link #MAX_CHARS} characters is dropped with a warning; blank input yields no fact.
 */
final class SymptomParser implements TextParser {
    /** Longest symptom text kept, in characters. */
    static final int MAX_CHARS = 64 * 1024;

    @Override
    public LineSink open(ParseContext ctx) {
        return new LineSink() {
            private final StringBuilder text = new StringBuilder();
            private int firstLine;
            private int pendingBlank;
            private boolean cut;

            @Override
            public void line(int number, String raw) {
                String line = number == 1 ? HostText.stripBom(raw) : raw;
                if (cut) {
                    return;
                }
                if (HostText.isBlank(line)) {
                    if (firstLine > 0) {
                        pendingBlank++;
                    }
                    return;
                }
                if (firstLine == 0) {
                    firstLine = number;
                } else {
                    text.append('\n');
                    if (pendingBlank > 0) {
                        text.append('\n'); // runs of blank lines become one paragraph break
                    }
                }
                pendingBlank = 0;
                String l = line.stripTrailing();
                Mentions.scan(ctx, number, l);
                if (text.length() + l.length() > MAX_CHARS) {
                    text.append(l, 0, Math.max(0, MAX_CHARS - text.length()));
                    ctx.warn(number, "symptom text longer than " + MAX_CHARS + " characters; the rest was dropped");
                    cut = true;
                    return;
                }
                text.append(l);
            }

            @Override
            public void end() {
                if (firstLine > 0) {
                    String s = text.toString();
                    ctx.add(new SymptomText(ctx.at(firstLine, s), s));
                }
            }
        };
    }
}
