package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.PnetEntry;

/**
 * Reads {@code smc_pnet [-s]}: one {@link PnetEntry} per {@code <pnetid> <ethname> <ibname> <ibport>} line (for an
 * Ethernet entry the kernel reports ibname {@code n/a} and port 255; for an RDMA/ISM entry ethname {@code n/a}).
 */
final class PnetParser implements TextParser {
    @Override
    public LineSink open(ParseContext ctx) {
        SmcTokens tok = new SmcTokens();
        return (number, text) -> {
            if (SmcText.blank(text)) {
                return;
            }
            if (ToolErrors.record(ctx, "smc_pnet", number, text)) {
                return;
            }
            int n = tok.reset(text);
            long port = n == 4 ? tok.decimal(3) : -1;
            if (port < 0 || port > Integer.MAX_VALUE) {
                ctx.warn(number, "unrecognised smc_pnet line (expected: PNETID ETHNAME IBNAME IBPORT) skipped: "
                        + SmcText.quote(text));
                return;
            }
            ctx.add(new PnetEntry(ctx.at(number, text), tok.get(0), tok.get(1), tok.get(2), (int) port));
        };
    }
}
