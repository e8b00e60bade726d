package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SmcdDevice;

/**
 * Reads {@code smcd [-d] device}: one {@link SmcdDevice} per ISM device row
 * ({@code FID  Type  PCI-ID  PCHID  InUse  #LGs  PNET-ID}). Columns are cut at the printf widths of smc-tools
 * because PCI-ID and PNET-ID may be empty; a whitespace split is the fallback.
 */
final class SmcdDeviceParser implements TextParser {
    private static final int FID = 0;
    private static final int TYPE = 5;
    private static final int PCIID = 11;
    private static final int PCHID = 25;
    private static final int INUSE = 32;
    private static final int LGS = 38;
    private static final int PNET = 44;

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx);
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SmcTokens tok = new SmcTokens();

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String text) {
            if (SmcText.blank(text)) {
                return;
            }
            String t = text.strip();
            if (t.startsWith("FID") && t.contains("PCI-ID")) {
                return;
            }
            if (ToolErrors.record(ctx, "smcd", number, text)) {
                return;
            }
            SmcdDevice dev = fixed(number, text);
            if (dev == null) {
                dev = tokens(number, text);
            }
            if (dev == null) {
                ctx.warn(number, "unrecognised smcd device row skipped: " + SmcText.quote(text));
                return;
            }
            ctx.add(dev);
        }

        private SmcdDevice fixed(int number, String text) {
            String fid = SmcText.column(text, FID, TYPE);
            String type = SmcText.column(text, TYPE, PCIID);
            String pci = SmcText.column(text, PCIID, PCHID);
            String pchid = SmcText.column(text, PCHID, INUSE);
            String inUse = SmcText.column(text, INUSE, LGS);
            long lgs = SmcText.decimal(SmcText.column(text, LGS, PNET));
            String pnet = SmcText.columnToEnd(text, PNET);
            if (SmcText.hex(fid) < 0 || type.isEmpty() || type.contains(" ") || pci.contains(" ")
                    || SmcText.hex(pchid) < 0 || !isYesNo(inUse) || lgs < 0 || pnet.contains(" ")) {
                return null;
            }
            return device(number, text, fid, type, pci, pchid, inUse, (int) lgs, pnet);
        }

        private SmcdDevice tokens(int number, String text) {
            int n = tok.reset(text);
            if (n != 6 && n != 7) {
                return null;
            }
            long lgs = tok.decimal(5);
            if (tok.hex(0) < 0 || tok.hex(3) < 0 || !isYesNo(tok.get(4)) || lgs < 0) {
                return null;
            }
            return device(number, text, tok.get(0), tok.get(1), tok.get(2), tok.get(3), tok.get(4), (int) lgs,
                    n == 7 ? tok.get(6) : "");
        }

        private SmcdDevice device(int number, String text, String fid, String type, String pci, String pchid,
                                  String inUse, int lgs, String pnet) {
            boolean user = pnet.startsWith("*");
            return new SmcdDevice(ctx.at(number, text), fid, type, pci, pchid, "Yes".equals(inUse), lgs,
                    user ? pnet.substring(1) : pnet, user);
        }

        private static boolean isYesNo(String s) {
            return "Yes".equals(s) || "No".equals(s);
        }
    }
}
