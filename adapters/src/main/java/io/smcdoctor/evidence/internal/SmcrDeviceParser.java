package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SmcrDevice;

/**
 * Reads {@code smcr [-d] device}: one {@link SmcrDevice} per RDMA port row. Columns are cut at the printf widths of
 * smc-tools ({@code dev.c}) because Net-Dev, PCI-ID and PNET-ID may be empty (e.g. the soft-RoCE {@code rxe0}
 * device has no PCI-ID); when a row does not fit the layout (pasted text whose spacing a mailer collapsed), the row
 * is split on whitespace and anchored on its Crit column, which tells which of the optional columns are blank.
 */
final class SmcrDeviceParser implements TextParser {
    // start/end columns of the fixed layout (smc-tools dev.c, the `smcr device` listing)
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

        /**
         * Columns separated by whitespace, anchored on the Crit column ({@code Yes}/{@code No}): before it
         * {@code [Net-Dev] IB-Dev IB-P IB-State Type}, after it {@code #Links [PNET-ID]} or, with {@code -d},
         * {@code FID [PCI-ID] PCHID #Links [PNET-ID]}. Reads rows whose spacing a mailer collapsed and rows with a
         * blank Net-Dev, PCI-ID or PNET-ID.
         */
        private SmcrDevice tokens(int number, String text) {
            int n = tok.reset(text);
            int c = -1;
            for (int i = 4; i <= 5 && i < n; i++) {
                if (isYesNo(tok.get(i))) {
                    c = i;
                    break;
                }
            }
            if (c < 0) {
                return null;
            }
            boolean withNetDev = c == 5;
            int b = withNetDev ? 1 : 0;
            long port = tok.decimal(b + 1);
            String state = tok.get(b + 2);
            if (port < 0 || !(state.equals("ACTIVE") || state.equals("INACTIVE") || state.endsWith("?"))) {
                return null;
            }
            int rest = n - c - 1;
            String fid = "";
            String pci = "";
            String pchid = "";
            long links;
            String pnet = "";
            boolean details = detailed == 1 || (detailed == -1 && rest >= 3 && tok.hex(c + 1) >= 0 && tok.length(c + 1) == 4
                    && (tok.length(c + 2) == 4 && tok.hex(c + 2) >= 0 || tok.get(c + 2).indexOf(':') > 0));
            if (!details) {
                if (rest < 1 || rest > 2) {
                    return null;
                }
                links = tok.decimal(c + 1);
                pnet = rest == 2 ? tok.get(c + 2) : "";
            } else {
                if (rest < 3 || rest > 5) {
                    return null;
                }
                fid = tok.get(c + 1);
                int i = c + 2;
                if (tok.get(i).indexOf(':') > 0 || tok.get(i).indexOf('.') > 0) {
                    pci = tok.get(i++);
                }
                pchid = i < n ? tok.get(i++) : "";
                links = tok.decimal(i++);
                pnet = i < n ? tok.get(i++) : "";
                if (i != n || SmcText.hex(fid) < 0 || SmcText.hex(pchid) < 0) {
                    return null;
                }
            }
            if (links < 0) {
                return null;
            }
            return device(number, text, withNetDev ? tok.get(0) : "", tok.get(b), (int) port, state, tok.get(b + 3),
                    tok.get(c), fid, pci, pchid, (int) links, pnet);
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
