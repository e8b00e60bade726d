package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.Ueid;

/**
 * Reads {@code smcr/smcd ueid show}: one {@link Ueid} per non-blank line (the kernel pads UEIDs with blanks to 32
 * characters; the padding is removed). An empty file is valid and means no User EID is defined. A UEID is up to 32
 * characters of {@code A-Z 0-9 . -} starting with a letter or digit; other lines are warnings.
 */
final class UeidParser implements TextParser {
    private static final int MAX_UEID = 32;

    @Override
    public LineSink open(ParseContext ctx) {
        return (number, text) -> {
            if (SmcText.blank(text)) {
                return;
            }
            if (ToolErrors.record(ctx, "smcr", number, text)) {
                return;
            }
            String t = text.strip();
            if (!valid(t)) {
                ctx.warn(number, "not a User EID (A-Z, 0-9, '.', '-', at most 32 characters), skipped: "
                        + SmcText.quote(text));
                return;
            }
            ctx.add(new Ueid(ctx.at(number, text), t));
        };
    }

    private static boolean valid(String t) {
        if (t.isEmpty() || t.length() > MAX_UEID || !Character.isLetterOrDigit(t.charAt(0))) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
