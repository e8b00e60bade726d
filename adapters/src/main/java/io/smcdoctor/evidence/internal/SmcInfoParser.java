package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SmcInfo;

/**
 * Reads {@code smcr/smcd info}: one {@link SmcInfo} per {@code Label: value} line (section captions such as
 * {@code Kernel Capabilities} are skipped; trailing padding of values, e.g. the hostname, is removed).
 */
final class SmcInfoParser implements TextParser {
    @Override
    public LineSink open(ParseContext ctx) {
        return (number, text) -> {
            if (SmcText.blank(text)) {
                return;
            }
            String t = text.strip();
            if ("Kernel Capabilities".equals(t) || "Hardware Capabilities".equals(t)) {
                return;
            }
            if (ToolErrors.record(ctx, "smcr", number, text)) {
                return;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || colon > 40) {
                ctx.warn(number, "unrecognised smc info line skipped: " + SmcText.quote(text));
                return;
            }
            ctx.add(new SmcInfo(ctx.at(number, text), t.substring(0, colon).strip(), t.substring(colon + 1).strip()));
        };
    }
}
