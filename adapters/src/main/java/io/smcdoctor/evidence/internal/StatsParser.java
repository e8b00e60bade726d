package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcTechnology;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code smcr/smcd [-a][-d] stats}: one {@link SmcStats} per "Connections Summary" block with the exact
 * numbers (the abbreviated values in parentheses, e.g. {@code (5.369G)}, are informational and ignored), plus one
 * {@link FallbackCounter} per row of the {@code -d} fallback table, its name mapped back to the reason code.
 */
final class StatsParser implements TextParser {
    private final SmcTechnology technology;

    StatsParser(SmcTechnology technology) {
        this.technology = technology;
    }

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx, technology);
    }

    private enum Section { NONE, SUMMARY, FALLBACK, RX, TX, EXTRAS }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SmcTechnology defaultTechnology;
        private final String tool;
        private final SmcTokens tok = new SmcTokens();
        private Section section = Section.NONE;
        private String fallbackRole = "";
        private SmcStats.@Nullable Builder acc;

        Sink(ParseContext ctx, SmcTechnology technology) {
            this.ctx = ctx;
            this.defaultTechnology = technology;
            this.tool = technology.tool();
        }

        @Override
        public void line(int number, String text) {
            if (SmcText.blank(text)) {
                if (section == Section.FALLBACK || section == Section.SUMMARY) {
                    section = Section.NONE;
                }
                return;
            }
            String t = text.strip();
            if (t.endsWith("Connections Summary")) {
                flush();
                SmcTechnology tech = t.startsWith("SMC-D") ? SmcTechnology.SMCD : t.startsWith("SMC-R") ? SmcTechnology.SMCR
                        : defaultTechnology;
                acc = SmcStats.builder(ctx.at(number, text), tech);
                section = Section.SUMMARY;
                return;
            }
            switch (t) {
                case "RX Stats": section = Section.RX; return;
                case "TX Stats": section = Section.TX; return;
                case "Extras": section = Section.EXTRAS; return;
                default: break;
            }
            if (ToolErrors.record(ctx, tool, number, text)) {
                return;
            }
            if (acc == null) {
                ctx.warn(number, "stats line before any 'Connections Summary' skipped: " + SmcText.quote(text));
                return;
            }
            if (!known(number, text, t)) {
                ctx.warn(number, "unrecognised stats line skipped: " + SmcText.quote(text));
            }
        }

        @Override
        public void end() {
            flush();
        }

        private void flush() {
            if (acc != null) {
                ctx.add(acc.build());
                acc = null;
            }
            section = Section.NONE;
        }

        private boolean known(int number, String raw, String t) {
            if (section == Section.FALLBACK || section == Section.SUMMARY) {
                if ("Server".equals(t) || "Client".equals(t)) {
                    section = Section.FALLBACK;
                    fallbackRole = t;
                    return true;
                }
                if (section == Section.FALLBACK) {
                    return fallbackRow(number, raw, t);
                }
            }
            SmcStats.Builder a = acc;
            if (section == Section.SUMMARY) {
                if (t.startsWith("Total connections handled")) {
                    return set(a::totalConnections, value(t, "Total connections handled".length()));
                }
                if (t.startsWith("SMC connections")) {
                    long[] cs = clientServer(t);
                    a.smcClient(cs[0]).smcServer(cs[1]);
                    return set(a::smcConnections, value(t, "SMC connections".length()));
                }
                if (t.startsWith("v1 ") || t.equals("v1")) {
                    return set(a::v1, value(t, 2));
                }
                if (t.startsWith("v2 ") || t.equals("v2")) {
                    return set(a::v2, value(t, 2));
                }
                if (t.startsWith("Handshake errors")) {
                    long[] cs = clientServer(t);
                    a.handshakeErrorsClient(cs[0]).handshakeErrorsServer(cs[1])
                            .counterLine("handshakeErrors", ctx.at(number, raw));
                    return set(a::handshakeErrors, value(t, "Handshake errors".length()));
                }
                if (t.startsWith("Avg requests per SMC conn")) {
                    String v = t.substring("Avg requests per SMC conn".length()).strip();
                    try {
                        a.avgRequestsPerConnection(Double.parseDouble(v));
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                if (t.startsWith("TCP fallback")) {
                    long[] cs = clientServer(t);
                    a.fallbacksClient(cs[0]).fallbacksServer(cs[1]);
                    return set(a::tcpFallbacks, value(t, "TCP fallback".length()));
                }
                return false;
            }
            if (section == Section.RX || section == Section.TX) {
                boolean rx = section == Section.RX;
                if (t.startsWith("Data transmitted (Bytes)")) {
                    return set(rx ? a::rxBytes : a::txBytes, value(t, "Data transmitted (Bytes)".length()));
                }
                if (t.startsWith("Total requests")) {
                    return set(rx ? a::rxRequests : a::txRequests, value(t, "Total requests".length()));
                }
                if (t.startsWith("Buffer full (remote)")) {
                    return set(a::txBufferFullRemote, value(t, "Buffer full (remote)".length()));
                }
                if (t.startsWith("Buffer full")) {
                    return set(rx ? a::rxBufferFull : a::txBufferFull, value(t, "Buffer full".length()));
                }
                if (t.startsWith("Buffer too small (remote)")) {
                    return set(a::txBufferTooSmallRemote, value(t, "Buffer too small (remote)".length()));
                }
                if (t.startsWith("Buffer too small")) {
                    return set(a::txBufferTooSmall, value(t, "Buffer too small".length()));
                }
                if (t.startsWith("Buffer usage (Bytes)")) {
                    return set(rx ? a::rxBufferUsageBytes : a::txBufferUsageBytes,
                            value(t, "Buffer usage (Bytes)".length()));
                }
                if (t.startsWith("Buffer downgrades")) {
                    return set(rx ? a::rxBufferDowngrades : a::txBufferDowngrades,
                            value(t, "Buffer downgrades".length()));
                }
                if (t.startsWith("Buffer reuses")) {
                    return set(rx ? a::rxBufferReuses : a::txBufferReuses, value(t, "Buffer reuses".length()));
                }
                return t.startsWith("8KB") || t.startsWith("Bufs") || t.startsWith("Reqs");
            }
            if (section == Section.EXTRAS) {
                if (t.startsWith("Special socket calls")) {
                    return set(a::specialSocketCalls, value(t, "Special socket calls".length()));
                }
                return t.startsWith("cork") || t.startsWith("nodelay") || t.startsWith("sendpage")
                        || t.startsWith("splice") || t.startsWith("urgent data");
            }
            return false;
        }

        private boolean fallbackRow(int number, String raw, String t) {
            int n = tok.reset(t);
            if (n != 2) {
                return false;
            }
            long count = tok.decimal(1);
            if (count < 0) {
                return false;
            }
            String name = tok.get(0);
            Integer code = SmcFallbackNames.code(name);
            if (code == null) {
                ctx.warn(number, "unknown fallback reason name " + SmcText.quote(name) + "; kept with code 0");
                code = 0;
            }
            ctx.add(new FallbackCounter(ctx.at(number, raw), acc.technology(), fallbackRole, name, code, count));
            return true;
        }

        /** Sets a counter; true when the line held a number. */
        private static boolean set(LongFunction<SmcStats.Builder> setter, long value) {
            setter.apply(value);
            return value >= 0;
        }

        /** The first whitespace-separated number after the label, or -1. */
        private long value(String t, int labelEnd) {
            int n = tok.reset(t.substring(labelEnd));
            return n == 0 ? -1 : tok.decimal(0);
        }

        /** {@code (client N, server M)} anywhere in the line; -1 each when absent. */
        private static long[] clientServer(String t) {
            long[] r = {-1, -1};
            int c = t.indexOf("(client ");
            if (c >= 0) {
                int comma = t.indexOf(',', c);
                if (comma > 0) {
                    r[0] = SmcText.decimal(t.substring(c + "(client ".length(), comma).strip());
                }
            }
            int s = t.indexOf("server ");
            if (s >= 0) {
                int close = t.indexOf(')', s);
                if (close > 0) {
                    r[1] = SmcText.decimal(t.substring(s + "server ".length(), close).strip());
                }
            }
            return r;
        }
    }
}
