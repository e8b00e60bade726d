package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SysctlSetting;

/**
 * Reads sysctl settings: {@code sysctl -a} / {@code sysctl net.smc} ({@code key = value}), {@code key=value},
 * {@code /proc/sys} paths as keys ({@code /proc/sys/net/smc/tcp2smc: 1}, {@code net/smc/tcp2smc = 1}) and
 * {@code head /proc/sys/net/smc/*} output ({@code ==> /proc/sys/net/smc/tcp2smc <==} then the value).
 * Path keys are normalised to the dotted form {@code sysctl} prints (a dot inside a path component, as in the
 * VLAN interface {@code eth0.100}, becomes a slash). Error lines of the {@code sysctl} tool become warnings.
 */
final class SysctlParser implements TextParser {
    /** Longest key accepted; longer "keys" are garbage. */
    private static final int MAX_KEY = 256;

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx);
    }

    /** The dotted sysctl key for a {@code /proc/sys} path or a slash-separated key ({@code net/smc/tcp2smc}). */
    static String normaliseKey(String key) {
        String k = key.strip();
        int slash = k.indexOf('/');
        int dot = k.indexOf('.');
        if (slash < 0 || (dot >= 0 && dot < slash && !k.startsWith("/") && !k.startsWith("proc/sys/"))) {
            // dotted form as sysctl prints it: a '/' inside a component stands for a '.' in an interface name
            // (net.ipv6.conf.eth0/100.disable_ipv6 is VLAN eth0.100): keep it as is
            return k;
        }
        if (k.startsWith("/proc/sys/")) {
            k = k.substring("/proc/sys/".length());
        } else if (k.startsWith("proc/sys/")) {
            k = k.substring("proc/sys/".length());
        }
        while (k.startsWith("/")) {
            k = k.substring(1);
        }
        StringBuilder out = new StringBuilder(k.length());
        for (String part : k.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(part.replace('.', '/'));
        }
        return out.toString();
    }

    /** True when the text can be a sysctl key (no blanks, printable, not too long). */
    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == '@';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private String pendingKey = "";
        private int pendingLine;
        private String pendingRaw = "";

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String text) {
            String line = number == 1 ? HostText.stripBom(text) : text;
            String t = line.strip();
            if (t.startsWith("==>") && t.endsWith("<==")) {
                flushPending();
                pendingKey = normaliseKey(t.substring(3, t.length() - 3));
                pendingLine = number;
                pendingRaw = line;
                return;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                return;
            }
            if (!pendingKey.isEmpty()) {
                add(number, line, pendingKey, t);
                pendingKey = "";
                return;
            }
            if (t.startsWith("sysctl:")) {
                if (!ToolErrors.record(ctx, "sysctl", number, line)) {
                    ctx.warn(number, "sysctl reported: " + HostText.excerpt(t.substring(7)));
                }
                return;
            }
            int eq = t.indexOf('=');
            // path form "/proc/sys/net/smc/wmem: 65536" or grep -r's "/proc/sys/net/smc/wmem:65536"
            int colon = -1;
            int slash = t.indexOf('/');
            if (slash >= 0 && (eq < 0 || slash < eq)) {
                int c = t.indexOf(':', slash);
                if (c > 0 && (eq < 0 || c < eq)) {
                    colon = c;
                }
            }
            boolean pathForm = colon > 0;
            String key;
            String value;
            if (pathForm) {
                key = t.substring(0, colon).strip();
                value = t.substring(Math.min(t.length(), colon + 1)).strip();
            } else if (eq > 0) {
                key = t.substring(0, eq).strip();
                value = t.substring(eq + 1).strip();
            } else {
                ctx.warn(number, "not a sysctl setting (expected 'key = value'): " + HostText.excerpt(t));
                return;
            }
            String k = normaliseKey(key);
            if (!validKey(k)) {
                ctx.warn(number, "not a sysctl key: " + HostText.excerpt(key));
                return;
            }
            add(number, line, k, value);
        }

        @Override
        public void end() {
            flushPending();
        }

        private void flushPending() {
            if (!pendingKey.isEmpty()) {
                if (validKey(pendingKey)) {
                    // "==> file <==" followed by nothing: an empty value (e.g. net.smc.hs_ctrl)
                    add(pendingLine, pendingRaw, pendingKey, "");
                } else {
                    ctx.warn(pendingLine, "not a sysctl key: " + HostText.excerpt(pendingKey));
                }
                pendingKey = "";
            }
        }

        private void add(int number, String raw, String key, String value) {
            if (!validKey(key)) {
                ctx.warn(number, "not a sysctl key: " + HostText.excerpt(key));
                return;
            }
            ctx.add(new SysctlSetting(ctx.at(number, raw), key, value));
        }
    }
}
