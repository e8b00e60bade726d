package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.NetInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ip addr} / {@code ip link} output into {@link NetInterface}s: the normal multi-line form,
 * {@code ip -d} (detail lines are skipped), {@code ip -o} (one line per record, continuation after a backslash)
 * and {@code ip -br} (brief). Link types include {@code ether}, {@code loopback}, {@code infiniband} (20-byte
 * hardware address) and {@code none}; {@code name@parent} keeps only the name.
 */
final class IpAddrParser implements TextParser {
    private static final Pattern HEADER =
            Pattern.compile("(\\d+):\\s+([^\\s:@]+)(?:@[^\\s:]*)?:\\s+<([^>]*)>\\s*(.*)");
    private static final Pattern ONELINE_ADDR =
            Pattern.compile("(\\d+):\\s+([^\\s:@]+)(?:@\\S*)?\\s+(inet6?\\s.*)");
    private static final Pattern BRIEF = Pattern.compile(
            "([^\\s@]+)(?:@\\S*)?\\s+(UP|DOWN|UNKNOWN|LOWER_LAYER_DOWN|DORMANT|NOTPRESENT|TESTING)(?:\\s+(.*))?");
    private static final Pattern HW_ADDR = Pattern.compile("[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2})+");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.content(new Sink(ctx));
    }

    private static final class Iface {
        final int line;
        final String raw;
        final int index;
        final String name;
        String linkType = "";
        String mac = "";
        int mtu;
        List<String> flags = List.of();
        String state = "";
        final List<String> addresses = new ArrayList<>();

        Iface(int line, String raw, int index, String name) {
            this.line = line;
            this.raw = raw;
            this.index = index;
            this.name = name;
        }
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private @Nullable Iface current;

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String line) {
            if (!HostText.indented(line) && !Character.isDigit(line.charAt(0)) && ToolErrors.record(ctx, "ip", number, line)) {
                return;
            }
            int bs = line.indexOf('\\');
            if (bs > 0 && !HostText.indented(line)) {
                // ip -o: "2: eth0: <...> mtu 1500 ...\    link/ether ..." — one record per line
                String[] parts = line.split("\\\\");
                record(number, line, parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    if (!HostText.isBlank(parts[i])) {
                        continuation(number, parts[i]);
                    }
                }
                return;
            }
            if (HostText.indented(line)) {
                continuation(number, line);
            } else {
                record(number, line, line);
            }
        }

        @Override
        public void end() {
            flush();
        }

        private void record(int number, String raw, String text) {
            Matcher m = HEADER.matcher(text.strip());
            if (m.matches()) {
                OptionalLong index = HostText.parseNumber(m.group(1));
                if (index.isEmpty() || index.getAsLong() > Integer.MAX_VALUE) {
                    ctx.warn(number, "interface index out of range: " + HostText.excerpt(text));
                    return;
                }
                flush();
                Iface f = new Iface(number, raw, (int) index.getAsLong(), m.group(2));
                f.flags = flagList(m.group(3));
                List<String> t = HostText.tokens(m.group(4));
                for (int i = 0; i + 1 < t.size(); i++) {
                    if (t.get(i).equals("mtu")) {
                        f.mtu = (int) Math.min(Integer.MAX_VALUE, HostText.parseNumber(t.get(i + 1)).orElse(0));
                    } else if (t.get(i).equals("state")) {
                        f.state = t.get(i + 1);
                    }
                }
                current = f;
                return;
            }
            m = ONELINE_ADDR.matcher(text.strip());
            if (m.matches()) {
                OptionalLong index = HostText.parseNumber(m.group(1));
                if (index.isEmpty() || index.getAsLong() > Integer.MAX_VALUE) {
                    ctx.warn(number, "interface index out of range: " + HostText.excerpt(text));
                    return;
                }
                Iface f = current;
                if (f == null || f.index != index.getAsLong() || !f.name.equals(m.group(2))) {
                    flush();
                    f = new Iface(number, raw, (int) index.getAsLong(), m.group(2));
                    current = f;
                }
                continuation(number, m.group(3));
                return;
            }
            m = BRIEF.matcher(text.strip());
            if (m.matches() && !Character.isDigit(text.charAt(0))) {
                flush();
                Iface f = new Iface(number, raw, 0, m.group(1));
                f.state = m.group(2);
                for (String tok : HostText.tokens(m.group(3) == null ? "" : m.group(3))) {
                    if (tok.startsWith("<") && tok.endsWith(">")) {
                        f.flags = flagList(tok.substring(1, tok.length() - 1));
                    } else if (tok.indexOf('/') > 0) {
                        f.addresses.add(tok);
                    } else if (HW_ADDR.matcher(tok).matches()) {
                        f.mac = tok.toLowerCase(Locale.ROOT);
                    }
                }
                current = f;
                flush();
                return;
            }
            ctx.warn(number, "not an ip addr line: " + HostText.excerpt(text));
        }

        private void continuation(int number, String text) {
            Iface f = current;
            if (f == null) {
                ctx.warn(number, "address line before any interface: " + HostText.excerpt(text));
                return;
            }
            List<String> t = HostText.tokens(text);
            if (t.isEmpty()) {
                return;
            }
            String first = t.get(0);
            if (first.startsWith("link/")) {
                f.linkType = first.substring(5);
                if (t.size() >= 2 && HW_ADDR.matcher(t.get(1)).matches()) {
                    f.mac = t.get(1).toLowerCase(Locale.ROOT);
                }
            } else if ((first.equals("inet") || first.equals("inet6")) && t.size() >= 2) {
                String addr = t.get(1);
                if (addr.indexOf('/') < 0) {
                    String len = first.equals("inet") ? "32" : "128";
                    int peer = t.indexOf("peer");
                    if (peer > 0 && peer + 1 < t.size() && t.get(peer + 1).indexOf('/') > 0) {
                        String p = t.get(peer + 1);
                        len = p.substring(p.indexOf('/') + 1);
                    }
                    addr = addr + "/" + len;
                }
                f.addresses.add(addr);
            }
            // everything else (valid_lft, altname, ip -d details, vf lines) carries nothing we use
        }

        private void flush() {
            Iface f = current;
            if (f != null) {
                ctx.add(new NetInterface(ctx.at(f.line, f.raw), f.index, f.name, f.linkType, f.mac, f.mtu, f.flags,
                        f.state, f.addresses));
                current = null;
            }
        }

        private static List<String> flagList(String flags) {
            List<String> out = new ArrayList<>();
            for (String s : flags.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
    }
}
