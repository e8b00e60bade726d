package io.smcdoctor.engine.internal.pair;

import java.util.Locale;
import java.util.Optional;

/**
 * Tolerant comparison of addresses as two hosts' listings print them. {@code smcss} formats IPv6 with
 * {@code inet_ntop} (glibc: lower-case hex, no leading zeros, the longest run of two or more zero groups as
 * {@code ::}, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}), and in its default (not {@code -W}) listing cuts an
 * address that does not fit its 23-character column and puts {@code ..} before the port (smc-tools {@code smcss.c}
 * {@code addr_format()}, smcss(8)). A pasted listing may spell the same address differently (leading zeros, upper
 * case, {@code ::} elsewhere). So:
 *
 * <ul>
 * <li>two complete addresses match when they are the same 16 bytes; an IPv4 address and its IPv4-mapped IPv6 form
 *     ({@code 10.10.0.2} and {@code ::ffff:10.10.0.2}) are the same end: an AF_INET6 socket sees an IPv4 peer so
 *     (lab capture smc6-dualstack-server);</li>
 * <li>a cut address matches a complete one when the complete one, printed as {@code smcss} prints it, starts with the
 *     cut text ({@link Match#PREFIX}); two cut addresses match when one starts with the other;</li>
 * <li>text that is no address matches only itself.</li>
 * </ul>
 * Stateless.
 */
public final class Addresses {
    /** How two printed addresses compare. */
    public enum Match {
        /** The same address. */
        EXACT,
        /** Compatible only through a cut ({@code ..}) address: probably, not certainly, the same. */
        PREFIX,
        /** Different addresses. */
        NONE
    }

    private Addresses() {
    }

    /**
     * Compares two printed addresses.
     *
     * @param a          the first address as printed, without the {@code ..}
     * @param aTruncated true when the first was cut
     * @param b          the second address as printed, without the {@code ..}
     * @param bTruncated true when the second was cut
     */
    public static Match match(String a, boolean aTruncated, String b, boolean bTruncated) {
        if (!aTruncated && !bTruncated) {
            Optional<String> ca = identity(a);
            Optional<String> cb = identity(b);
            if (ca.isPresent() && cb.isPresent()) {
                return ca.get().equals(cb.get()) ? Match.EXACT : Match.NONE;
            }
            return a.equalsIgnoreCase(b) ? Match.EXACT : Match.NONE;
        }
        if (aTruncated && bTruncated) {
            String x = a.toLowerCase(Locale.ROOT);
            String y = b.toLowerCase(Locale.ROOT);
            return x.startsWith(y) || y.startsWith(x) ? Match.PREFIX : Match.NONE;
        }
        String cut = (aTruncated ? a : b).toLowerCase(Locale.ROOT);
        String whole = aTruncated ? b : a;
        Optional<byte[]> bytes = parse(whole);
        if (bytes.isEmpty()) {
            return whole.toLowerCase(Locale.ROOT).startsWith(cut) ? Match.PREFIX : Match.NONE;
        }
        byte[] v = bytes.get();
        String printed = ntop(v);
        if (printed.startsWith(cut)) {
            return Match.PREFIX;
        }
        // an IPv4 end seen by an AF_INET6 socket on the other host is printed there as ::ffff:a.b.c.d
        if (v.length == 4 && ("::ffff:" + printed).startsWith(cut)) {
            return Match.PREFIX;
        }
        return Match.NONE;
    }

    /**
     * The identity of a complete printed address: IPv4 (and IPv4-mapped IPv6) as {@code a.b.c.d}, other IPv6 as
     * {@code smcss} would print it. Empty for text that is not an address.
     */
    public static Optional<String> identity(String printed) {
        return parse(printed).map(v -> {
            if (v.length == 16 && mapped(v)) {
                return ntop(new byte[] {v[12], v[13], v[14], v[15]});
            }
            return ntop(v);
        });
    }

    /** The address as {@code smcss} prints it ({@code inet_ntop}), or the text itself when it is no address. */
    public static String printed(String address) {
        return parse(address).map(Addresses::ntop).orElse(address);
    }

    /** The address of {@code ip addr}'s {@code inet}/{@code inet6} CIDR ({@code 10.10.0.2/24}), as an identity. */
    public static Optional<String> identityOfCidr(String cidr) {
        int slash = cidr.indexOf('/');
        return identity(slash < 0 ? cidr : cidr.substring(0, slash));
    }

    private static boolean mapped(byte[] v) {
        for (int i = 0; i < 10; i++) {
            if (v[i] != 0) {
                return false;
            }
        }
        return (v[10] & 0xff) == 0xff && (v[11] & 0xff) == 0xff;
    }

    /** 4 bytes for IPv4, 16 for IPv6; empty when the text is neither. Brackets and a zone ({@code %eth0}) are ignored. */
    static Optional<byte[]> parse(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        return ipv6(s);
    }

    private static Optional<byte[]> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) {
                return Optional.empty();
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> ipv6(String s) {
        int[] words = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            return Optional.empty();
        }
        while (i < s.length()) {
            if (n >= 8) {
                return Optional.empty();
            }
            int end = s.indexOf(':', i);
            String part = end < 0 ? s.substring(i) : s.substring(i, end);
            if (part.indexOf('.') >= 0) {
                // embedded IPv4 in the last 32 bits
                if (end >= 0 || n > 6) {
                    return Optional.empty();
                }
                Optional<byte[]> v4 = ipv4(part);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                byte[] b = v4.get();
                words[n++] = (b[0] & 0xff) << 8 | (b[1] & 0xff);
                words[n++] = (b[2] & 0xff) << 8 | (b[3] & 0xff);
                i = s.length();
                break;
            }
            if (part.isEmpty() || part.length() > 4) {
                return Optional.empty();
            }
            int w = 0;
            for (int k = 0; k < part.length(); k++) {
                int d = Character.digit(part.charAt(k), 16);
                if (d < 0) {
                    return Optional.empty();
                }
                w = w << 4 | d;
            }
            words[n++] = w;
            if (end < 0) {
                i = s.length();
            } else if (end + 1 < s.length() && s.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    return Optional.empty();
                }
                gap = n;
                i = end + 2;
            } else if (end + 1 == s.length()) {
                return Optional.empty();
            } else {
                i = end + 1;
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n > 7) {
            return Optional.empty();
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = words;
        } else {
            int tail = n - gap;
            System.arraycopy(words, 0, full, 0, gap);
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        byte[] out = new byte[16];
        for (int k = 0; k < 8; k++) {
            out[2 * k] = (byte) (full[k] >> 8);
            out[2 * k + 1] = (byte) full[k];
        }
        return Optional.of(out);
    }

    /** {@code inet_ntop} as glibc writes it (RFC 5952 form; IPv4-mapped and IPv4-compatible with a dotted tail). */
    static String ntop(byte[] v) {
        if (v.length == 4) {
            return (v[0] & 0xff) + "." + (v[1] & 0xff) + "." + (v[2] & 0xff) + "." + (v[3] & 0xff);
        }
        int[] w = new int[8];
        for (int k = 0; k < 8; k++) {
            w[k] = (v[2 * k] & 0xff) << 8 | (v[2 * k + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int k = 0; k < 8; k++) {
            if (w[k] == 0) {
                if (curBase < 0) {
                    curBase = k;
                    curLen = 1;
                } else {
                    curLen++;
                }
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
            } else {
                curBase = -1;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int k = 0; k < 8; k++) {
            if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen) {
                if (k == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (k != 0) {
                sb.append(':');
            }
            if (k == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
                sb.append(v[12] & 0xff).append('.').append(v[13] & 0xff).append('.').append(v[14] & 0xff).append('.')
                        .append(v[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[k]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
