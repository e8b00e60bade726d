package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.FallbackCounter;
import io.smcdoctor.evidence.SmcStats;

/**
 * Reads {@code smcr/smcd [-a][-d] stats}: one {@link SmcStats} per "Connections Summary" block with the exact
 * numbers (the abbreviated values in parentheses, e.g. {@code (5.369G)}, are informational and ignored), plus one
 * {@link FallbackCounter} per row of the {@code -d} fallback table, its name mapped back to the reason code.
 */
final class StatsParser implements TextParser {
    private final String technology;

    StatsParser(String technology) {
        this.technology = technology;
    }

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx, technology);
    }

    private enum Section { NONE, SUMMARY, FALLBACK, RX, TX, EXTRAS }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final String defaultTechnology;
        private final String tool;
        private final SmcTokens tok = new SmcTokens();
        private Section section = Section.NONE;
        private String fallbackRole = "";
        private Acc acc;

        Sink(ParseContext ctx, String technology) {
            this.ctx = ctx;
            this.defaultTechnology = technology;
            this.tool = "SMCD".equals(technology) ? "smcd" : "smcr";
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
                String tech = t.startsWith("SMC-D") ? "SMCD" : t.startsWith("SMC-R") ? "SMCR" : defaultTechnology;
                acc = new Acc(number, text, tech);
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
                ctx.add(acc.toStats(ctx));
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
            Acc a = acc;
            if (section == Section.SUMMARY) {
                if (t.startsWith("Total connections handled")) {
                    return (a.total = value(t, "Total connections handled".length())) >= 0;
                }
                if (t.startsWith("SMC connections")) {
                    a.smc = value(t, "SMC connections".length());
                    long[] cs = clientServer(t);
                    a.smcClient = cs[0];
                    a.smcServer = cs[1];
                    return a.smc >= 0;
                }
                if (t.startsWith("v1 ") || t.equals("v1")) {
                    return (a.v1 = value(t, 2)) >= 0;
                }
                if (t.startsWith("v2 ") || t.equals("v2")) {
                    return (a.v2 = value(t, 2)) >= 0;
                }
                if (t.startsWith("Handshake errors")) {
                    a.hs = value(t, "Handshake errors".length());
                    long[] cs = clientServer(t);
                    a.hsClient = cs[0];
                    a.hsServer = cs[1];
                    return a.hs >= 0;
                }
                if (t.startsWith("Avg requests per SMC conn")) {
                    String v = t.substring("Avg requests per SMC conn".length()).strip();
                    try {
                        a.avg = Double.parseDouble(v);
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                if (t.startsWith("TCP fallback")) {
                    a.fb = value(t, "TCP fallback".length());
                    long[] cs = clientServer(t);
                    a.fbClient = cs[0];
                    a.fbServer = cs[1];
                    return a.fb >= 0;
                }
                return false;
            }
            if (section == Section.RX || section == Section.TX) {
                boolean rx = section == Section.RX;
                if (t.startsWith("Data transmitted (Bytes)")) {
                    long v = value(t, "Data transmitted (Bytes)".length());
                    if (rx) {
                        a.rxBytes = v;
                    } else {
                        a.txBytes = v;
                    }
                    return v >= 0;
                }
                if (t.startsWith("Total requests")) {
                    long v = value(t, "Total requests".length());
                    if (rx) {
                        a.rxReqs = v;
                    } else {
                        a.txReqs = v;
                    }
                    return v >= 0;
                }
                if (t.startsWith("Buffer full (remote)")) {
                    return (a.txFullRemote = value(t, "Buffer full (remote)".length())) >= 0;
                }
                if (t.startsWith("Buffer full")) {
                    long v = value(t, "Buffer full".length());
                    if (rx) {
                        a.rxFull = v;
                    } else {
                        a.txFull = v;
                    }
                    return v >= 0;
                }
                if (t.startsWith("Buffer too small (remote)")) {
                    return (a.txSmallRemote = value(t, "Buffer too small (remote)".length())) >= 0;
                }
                if (t.startsWith("Buffer too small")) {
                    return (a.txSmall = value(t, "Buffer too small".length())) >= 0;
                }
                if (t.startsWith("Buffer usage (Bytes)")) {
                    long v = value(t, "Buffer usage (Bytes)".length());
                    if (rx) {
                        a.rxUsage = v;
                    } else {
                        a.txUsage = v;
                    }
                    return v >= 0;
                }
                if (t.startsWith("Buffer downgrades")) {
                    long v = value(t, "Buffer downgrades".length());
                    if (rx) {
                        a.rxDowngrades = v;
                    } else {
                        a.txDowngrades = v;
                    }
                    return v >= 0;
                }
                if (t.startsWith("Buffer reuses")) {
                    long v = value(t, "Buffer reuses".length());
                    if (rx) {
                        a.rxReuses = v;
                    } else {
                        a.txReuses = v;
                    }
                    return v >= 0;
                }
                return t.startsWith("8KB") || t.startsWith("Bufs") || t.startsWith("Reqs");
            }
            if (section == Section.EXTRAS) {
                if (t.startsWith("Special socket calls")) {
                    return (a.special = value(t, "Special socket calls".length())) >= 0;
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
            ctx.add(new FallbackCounter(ctx.at(number, raw), acc.technology, fallbackRole, name, code, count));
            return true;
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

    private static final class Acc {
        final int line;
        final String text;
        final String technology;
        long total = -1;
        long smc = -1;
        long smcClient = -1;
        long smcServer = -1;
        long v1 = -1;
        long v2 = -1;
        long hs = -1;
        long hsClient = -1;
        long hsServer = -1;
        double avg = -1;
        long fb = -1;
        long fbClient = -1;
        long fbServer = -1;
        long rxBytes = -1;
        long rxReqs = -1;
        long rxFull = -1;
        long txBytes = -1;
        long txReqs = -1;
        long txFull = -1;
        long txFullRemote = -1;
        long txSmall = -1;
        long txSmallRemote = -1;
        long rxDowngrades = -1;
        long txDowngrades = -1;
        long rxReuses = -1;
        long txReuses = -1;
        long rxUsage = -1;
        long txUsage = -1;
        long special = -1;

        Acc(int line, String text, String technology) {
            this.line = line;
            this.text = text;
            this.technology = technology;
        }

        SmcStats toStats(ParseContext ctx) {
            return new SmcStats(ctx.at(line, text), technology, total, smc, smcClient, smcServer, v1, v2, hs,
                    hsClient, hsServer, avg, fb, fbClient, fbServer, rxBytes, rxReqs, rxFull, txBytes, txReqs, txFull,
                    txFullRemote, txSmall, txSmallRemote, rxDowngrades, txDowngrades, rxReuses, txReuses, rxUsage,
                    txUsage, special);
        }
    }
}
