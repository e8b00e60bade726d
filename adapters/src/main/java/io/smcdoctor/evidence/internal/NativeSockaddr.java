package io.smcdoctor.evidence.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds {@code struct sockaddr_in} / {@code sockaddr_in6} (Linux layout) for {@code connect}. */
public final class NativeSockaddr {
    /** AF_INET. */
    public static final int AF_INET = 2;
    /** AF_INET6. */
    public static final int AF_INET6 = 10;

    private NativeSockaddr() {
    }

    /**
     * The C layout of a resolved socket address: 16 bytes for IPv4, 28 for IPv6.
     *
     * @throws IllegalArgumentException when the address is unresolved
     */
    public static byte[] of(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address is not resolved: " + address);
        }
        byte[] ip = address.getAddress().getAddress();
        boolean v6 = address.getAddress() instanceof Inet6Address;
        ByteBuffer b = ByteBuffer.allocate(v6 ? 28 : 16);
        b.order(ByteOrder.nativeOrder()).putShort((short) (v6 ? AF_INET6 : AF_INET));
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) address.getPort());
        if (v6) {
            b.putInt(0); // flowinfo
            b.put(ip);
            b.order(ByteOrder.nativeOrder()).putInt(((Inet6Address) address.getAddress()).getScopeId());
        } else {
            b.put(ip); // the remaining 8 bytes stay zero
        }
        return b.array();
    }

    /** True for an IPv4 address. */
    public static boolean isIpv4(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address;
    }
}
