package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * An {@code address:port} as smcss prints it ({@code smcss.c addr_format()}): IPv6 without brackets, split on the
 * last colon; in the non-wide listing an address too long for its column is cut and {@code ..} is put before the port
 * ({@code 2001:db8:1234:5..:443}). The family is read from the printed address: {@code ::ffff:a.b.c.d} (also cut,
 * {@code ::ffff:10.10.93..}) is an AF_INET6 socket talking to an IPv4 peer ({@link IpFamily#IPV4_MAPPED}); smcss guesses
 * the family from the address words, so an AF_INET6 socket bound to {@code ::} prints {@code 0.0.0.0:port} (lab capture
 * smc6-dualstack-server: an IPv6 listener shown as {@code 0.0.0.0:5150}).
 *
 * @param address   the address text, {@code ""} when absent
 * @param port      the port, -1 when absent
 * @param truncated true when smcss shortened the address ({@code ..} before the port)
 */
public record Endpoint(String address, int port, boolean truncated) {
    /** No endpoint (INIT rows, LISTEN rows have no peer). */
    public static final Endpoint NONE = new Endpoint("", -1, false);

    public Endpoint {
        Objects.requireNonNull(address, "address");
    }

    /** True when this is {@link #NONE}. */
    public boolean isNone() {
        return address.isEmpty() && port < 0;
    }

    /** The family the address text shows. */
    public IpFamily family() {
        if (address.isEmpty()) {
            return IpFamily.UNKNOWN;
        }
        String a = address;
        if (a.regionMatches(true, 0, "::ffff:", 0, 7) && (a.indexOf('.') > 0 || truncated && digitsAndDots(a, 7))) {
            return IpFamily.IPV4_MAPPED;
        }
        if (a.indexOf(':') >= 0) {
            return IpFamily.IPV6;
        }
        return IpFamily.IPV4;
    }

    /** True for the wildcard addresses {@code 0.0.0.0} and {@code ::} (a socket bound to any address). */
    public boolean isAny() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    private static boolean digitsAndDots(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return s.length() > from;
    }

    @Override
    public String toString() {
        return isNone() ? "-" : address + (truncated ? ".." : "") + ":" + port;
    }
}
