package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SmcrLink;
import java.util.Locale;

/**
 * Reads {@code smcr/smcd [-d|-dd] linkgroup [show|link-show]}: the plain tables (SMC-R and SMC-D) and the
 * {@code -d} key/value blocks become {@link LinkGroup} facts, {@code link-show} rows become {@link SmcrLink} facts.
 * VLAN ids are normalised to the {@code %#x} form of the plain table ({@code 0}, {@code 0x64}).
 */
final class LinkgroupParser implements TextParser {
    private final SmcTechnology technology;

    LinkgroupParser(SmcTechnology technology) {
        this.technology = technology;
    }

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx, technology);
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SmcTechnology technology;
        private final SmcTokens tok = new SmcTokens();
        private final String tool;
        /** -d block in progress. */
        private Block block;

        Sink(ParseContext ctx, SmcTechnology technology) {
            this.ctx = ctx;
            this.technology = technology;
            this.tool = technology.tool();
        }

        @Override
        public void line(int number, String text) {
            if (SmcText.blank(text)) {
                flushBlock();
                return;
            }
            String t = text.strip();
            if (t.startsWith("LG-ID") && !isKeyValue(t)) {
                flushBlock();
                return; // table header (show or link-show)
            }
            if (isKeyValue(t)) {
                keyValue(number, text, t);
                return;
            }
            flushBlock();
            if (ToolErrors.record(ctx, tool, number, text)) {
                return;
            }
            if (!tableRow(number, text)) {
                ctx.warn(number, "unrecognised linkgroup line skipped: " + SmcText.quote(text));
            }
        }

        @Override
        public void end() {
            flushBlock();
        }

        // ---- -d key/value blocks ---------------------------------------------------------------------------

        private static boolean isKeyValue(String t) {
            int colon = t.indexOf(':');
            if (colon <= 0 || colon > 12) {
                return false;
            }
            String key = t.substring(0, colon).strip();
            switch (key) {
                case "LG-ID": case "LG-Role": case "LG-Type": case "VLAN": case "PNET-ID": case "Version":
                case "Peer-Rel": case "Peer-Host": case "Peer-OS": case "Direct": case "EID": case "#Conns":
                case "Sndbuf": case "RMB": case "DMB":
                    return true;
                default:
                    return false;
            }
        }

        private void keyValue(int number, String raw, String t) {
            int colon = t.indexOf(':');
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            if ("LG-ID".equals(key)) {
                flushBlock();
                block = new Block(number, raw);
            } else if (block == null) {
                block = new Block(number, raw);
                ctx.warn(number, "linkgroup details block without an LG-ID line");
            }
            Block b = block;
            switch (key) {
                case "LG-ID": b.id = value; break;
                case "LG-Role": b.role = value; break;
                case "LG-Type": b.type = value; break;
                case "VLAN":
                    String v = vlan(value, false);
                    b.vlan = v == null ? value : v;
                    break;
                case "PNET-ID": b.pnet = value; break;
                case "Version": b.version = (int) Math.min(Integer.MAX_VALUE, SmcText.decimal(value)); break;
                case "Peer-Rel": b.peerRel = value; break;
                case "Peer-Host": b.peerHost = value; break;
                case "Peer-OS": b.peerOs = value; break;
                case "Direct": b.direct = value; break;
                case "EID": b.eid = value; break;
                case "#Conns": b.conns = (int) Math.min(Integer.MAX_VALUE, SmcText.decimal(value)); break;
                case "Sndbuf": b.sndbuf = bytes(value); break;
                default: b.rmb = bytes(value); break; // RMB (SMC-R) or DMB (SMC-D)
            }
        }

        private void flushBlock() {
            if (block == null) {
                return;
            }
            Block b = block;
            block = null;
            if (b.id.isEmpty()) {
                ctx.warn(b.line, "linkgroup details block without an LG-ID skipped");
                return;
            }
            ctx.add(new LinkGroup(ctx.at(b.line, b.text), technology, b.id, b.role, b.type, b.vlan, b.conns, b.pnet,
                    b.version, b.peerRel, b.peerHost, b.peerOs, b.direct, b.eid, b.sndbuf, b.rmb));
        }

        private static long bytes(String value) {
            String v = value.endsWith("B") ? value.substring(0, value.length() - 1).strip() : value;
            return SmcText.decimal(v);
        }

        // ---- plain tables ------------------------------------------------------------------------------------

        private boolean tableRow(int number, String text) {
            int n = tok.reset(text);
            if (n < 3 || tok.length(0) != 8 || tok.hex(0) < 0) {
                return false;
            }
            String id = tok.get(0);
            boolean role = tok.is(1, "CLNT") || tok.is(1, "SERV");
            if (!role) {
                // SMC-D: LG-ID VLAN #Conns [PNET-ID]
                String vlan = vlan(tok.get(1), true);
                long conns = tok.decimal(2);
                if (vlan == null || conns < 0 || n > 4) {
                    return false;
                }
                ctx.add(new LinkGroup(ctx.at(number, text), technology, id, "", "", vlan, (int) conns,
                        n == 4 ? tok.get(3) : "", -1, "", "", "", "", "", -1, -1));
                return true;
            }
            if (n < 5) {
                return false;
            }
            // link-show: the link state (LINK_*, or 0x..? for unknown) is at 4, or at 3 when Net-Dev is empty
            int stateAt = isLinkState(4) ? 4 : isLinkState(3) ? 3 : -1;
            if (stateAt > 0) {
                return link(number, text, n, stateAt);
            }
            // show: LG-ID LG-Role LG-Type VLAN #Conns [PNET-ID]
            String vlan = vlan(tok.get(3), true);
            long conns = tok.decimal(4);
            if (vlan == null || conns < 0 || n > 6) {
                return false;
            }
            ctx.add(new LinkGroup(ctx.at(number, text), technology, id, tok.get(1), tok.get(2), vlan, (int) conns,
                    n == 6 ? tok.get(5) : "", -1, "", "", "", "", "", -1, -1));
            return true;
        }

        private boolean isLinkState(int i) {
            if (i >= tok.count()) {
                return false;
            }
            String s = tok.get(i);
            return s.startsWith("LINK_") || (s.startsWith("0x") && s.endsWith("?"));
        }

        private boolean link(int number, String text, int n, int stateAt) {
            long conns = tok.decimal(stateAt + 1);
            if (conns < 0) {
                return false;
            }
            int i = stateAt + 2;
            String linkUid = "";
            String peerUid = "";
            String ibDev = "";
            int ibPort = -1;
            String localGid = "";
            String peerGid = "";
            if (n >= i + 4) {
                linkUid = tok.get(i);
                peerUid = tok.get(i + 1);
                ibDev = tok.get(i + 2);
                long p = tok.decimal(i + 3);
                if (p < 0) {
                    return false;
                }
                ibPort = (int) p;
                if (n >= i + 6) {
                    localGid = tok.get(i + 4);
                    peerGid = tok.get(i + 5);
                }
            } else if (n > i) {
                return false;
            }
            ctx.add(new SmcrLink(ctx.at(number, text), tok.get(0), tok.get(1), tok.get(2),
                    stateAt == 4 ? tok.get(3) : "", tok.get(stateAt), (int) conns, linkUid, peerUid, ibDev, ibPort,
                    localGid, peerGid));
            return true;
        }

        /** VLAN as {@code 0} or {@code 0x..}; the table prints {@code %#x}, the details {@code %x}. Null if bad. */
        private static String vlan(String v, boolean prefixed) {
            long id = SmcText.hex(v);
            if (id < 0 || (prefixed && id != 0 && !v.startsWith("0x"))) {
                return null;
            }
            return id == 0 ? "0" : "0x" + Long.toHexString(id).toLowerCase(Locale.ROOT);
        }
    }

    private static final class Block {
        final int line;
        final String text;
        String id = "";
        String role = "";
        String type = "";
        String vlan = "";
        int conns = -1;
        String pnet = "";
        int version = -1;
        String peerRel = "";
        String peerHost = "";
        String peerOs = "";
        String direct = "";
        String eid = "";
        long sndbuf = -1;
        long rmb = -1;

        Block(int line, String text) {
            this.line = line;
            this.text = text;
        }
    }
}
