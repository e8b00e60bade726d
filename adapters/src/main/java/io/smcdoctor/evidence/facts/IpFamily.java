package io.smcdoctor.evidence.facts;

/** Address family of a socket as far as the printed addresses tell. */
public enum IpFamily {
    IPV4,
    /** A real IPv6 address (not IPv4-mapped). */
    IPV6,
    /** {@code ::ffff:a.b.c.d}: an AF_INET6 socket talking to an IPv4 peer. */
    IPV4_MAPPED,
    /** No address printed (INIT rows) or unparseable. */
    UNKNOWN
}
