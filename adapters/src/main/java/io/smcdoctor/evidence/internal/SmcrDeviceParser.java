package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.SmcrDevice;

/**
 * Reads {@code smcr [-d] device}: one {@link SmcrDevice} per RDMA port row. Columns are cut at the printf widths of
 * smc-tools ({@code dev.c}) because Net-Dev, PCI-ID and PNET-ID may be empty (e.g. the soft-RoCE {@code rxe0}
 * device has no PCI-ID); when a row does not fit the layout, a whitespace split with every column present is tried.
 */
final class SmcrDeviceParser implements TextParser {
    // start/end columns of the fixed layout (smc-reference.md 3.2)
    private static final int NETDEV = 0;
    private static final int IBDEV = 16;
    private static final int IBPORT = 25;
    private static final int STATE = 31;
    private static final int TYPE = 41;
    private static final int CRIT = 56;
    private static final int FID = 62;
    private static final int PCIID = 68;
    private static final int PCHID = 82;
    private static final int LINKS_D = 90;
    private static final int PNET_D = 96;
    private static final int LINKS = 62;
    private static final int PNET = 68;

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx);
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SmcTokens tok = new SmcTokens();
        /** From the header: 1 = -d layout, 0 = plain, -1 = no header seen yet (try both). */
        private int detailed = -1;

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String text) {
            if (SmcText.blank(text)) {
                return;
            }
            String t = text.strip();
            if (t.startsWith("Net-Dev") && t.contains("IB-Dev")) {
                detailed = t.contains("PCI-ID") ? 1 : 0;
                return;
            }
            if (ToolErrors.record(ctx, "smcr", number, text)) {
                return;
            }
            SmcrDevice dev = null;
            if (detailed != 0) {
                dev = fixed(number, text, true);
            }
            if (dev == null && detailed != 1) {
                dev = fixed(number, text, false);
            }
            if (dev == null) {
                dev = tokens(number, text);
            }
            if (dev == null) {
                ctx.warn(number, "unrecognised smcr device row skipped: " + SmcText.quote(text));
                return;
            }
            ctx.add(dev);
        }

        private SmcrDevice fixed(int number, String text, boolean withDetails) {
            String ibDev = SmcText.column(text, IBDEV, IBPORT);
            long port = SmcText.decimal(SmcText.column(text, IBPORT, STATE));
            String state = SmcText.column(text, STATE, TYPE);
            String type = SmcText.column(text, TYPE, CRIT - 1);
            String crit = SmcText.column(text, CRIT - 1, withDetails ? FID : LINKS);
            if (ibDev.isEmpty() || ibDev.contains(" ") || port < 0 || state.isEmpty() || type.isEmpty()
                    || !isYesNo(crit)) {
                return null;
            }
            String fid = "";
            String pciId = "";
            String pchid = "";
            long links;
            String pnet;
            if (withDetails) {
                fid = SmcText.column(text, FID, PCIID);
                pciId = SmcText.column(text, PCIID, PCHID);
                pchid = SmcText.column(text, PCHID, LINKS_D);
                links = SmcText.decimal(SmcText.column(text, LINKS_D - 1, PNET_D));
                pnet = SmcText.columnToEnd(text, PNET_D);
                if (SmcText.hex(fid) < 0 || SmcText.hex(pchid) < 0 || pciId.contains(" ")) {
                    return null;
                }
            } else {
                links = SmcText.decimal(SmcText.column(text, LINKS - 1, PNET));
                pnet = SmcText.columnToEnd(text, PNET);
            }
            if (links < 0 || pnet.contains(" ")) {
                return null;
            }
            return device(number, text, SmcText.column(text, NETDEV, IBDEV), ibDev, (int) port, state, type, crit,
                    fid, pciId, pchid, (int) links, pnet);
        }

        /** Every column present, separated by whitespace. */
        private SmcrDevice tokens(int number, String text) {
            int n = tok.reset(text);
            if (n == 11 || n == 8) {
                boolean d = n == 11;
                int linksAt = d ? 9 : 6;
                long port = tok.decimal(2);
                long links = tok.decimal(linksAt);
                String crit = tok.get(5);
                if (port < 0 || links < 0 || !isYesNo(crit)) {
                    return null;
                }
                return device(number, text, tok.get(0), tok.get(1), (int) port, tok.get(3), tok.get(4), crit,
                        d ? tok.get(6) : "", d ? tok.get(7) : "", d ? tok.get(8) : "", (int) links,
                        tok.get(linksAt + 1));
            }
            return null;
        }

        private SmcrDevice device(int number, String text, String netDev, String ibDev, int port, String state,
                                  String type, String crit, String fid, String pciId, String pchid, int links,
                                  String pnet) {
            boolean user = pnet.startsWith("*");
            return new SmcrDevice(ctx.at(number, text), netDev, ibDev, port, state, type, "Yes".equals(crit), fid,
                    pciId, pchid, links, user ? pnet.substring(1) : pnet, user);
        }

        private static boolean isYesNo(String s) {
            return "Yes".equals(s) || "No".equals(s);
        }
    }
}
