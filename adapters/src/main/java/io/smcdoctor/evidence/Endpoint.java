package io.smcdoctor.evidence;

import java.util.Locale;
import java.util.Objects;

/**
 * An {@code address:port} as smcss prints it (IPv6 without brackets, split on the last colon).
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
        String a = address.toLowerCase(Locale.ROOT);
        if (a.startsWith("::ffff:") && a.indexOf('.') > 0) {
            return IpFamily.IPV4_MAPPED;
        }
        if (a.indexOf(':') >= 0) {
            return IpFamily.IPV6;
        }
        return IpFamily.IPV4;
    }

    @Override
    public String toString() {
        return isNone() ? "-" : address + (truncated ? ".." : "") + ":" + port;
    }
}
