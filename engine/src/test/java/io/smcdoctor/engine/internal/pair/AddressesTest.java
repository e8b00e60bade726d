package io.smcdoctor.engine.internal.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.engine.internal.pair.Addresses.Match;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tolerant address comparison. The cut forms follow smcss's default listing (smc-tools smcss.c addr_format(): an
 * address too long for its 23-character column is cut and {@code ..} put before the port); the example pair
 * {@code 2001:db8:1234:5..:51234} / {@code 2001:db8:1234:5678::abcd:51234} is the same socket without and with
 * {@code -W}.
 */
class AddressesTest {
    @ParameterizedTest(name = "{0} {1} ~ {2} {3} -> {4}")
    @CsvSource({
        // short and long forms of one IPv6 address (inet_ntop, a paste with leading zeros, upper case)
        "fd00::2, false, fd00:0:0:0:0:0:0:2, false, EXACT",
        "FD00::0002, false, fd00::2, false, EXACT",
        "2001:0db8:1234:5678:0000:0000:0000:abcd, false, 2001:db8:1234:5678::abcd, false, EXACT",
        "fd00::1, false, fd00::2, false, NONE",
        // an AF_INET6 socket sees an IPv4 peer as ::ffff:a.b.c.d (lab smc6-dualstack-server)
        "10.10.0.2, false, ::ffff:10.10.0.2, false, EXACT",
        "::ffff:10.10.0.2, false, ::ffff:a0a:2, false, EXACT",
        "10.10.0.2, false, 10.10.0.3, false, NONE",
        // smcss cut the address: the other end's address, printed as smcss prints it, starts with the cut text
        "2001:db8:1234:5, true, 2001:db8:1234:5678::abcd, false, PREFIX",
        "2001:db8:1234:5, true, 2001:0DB8:1234:5678:0:0:0:ABCD, false, PREFIX",
        "2001:db8:1234:567, true, 2001:db8:1234:5678::1, false, PREFIX",
        "2001:db8:1234:567, true, 2001:db8:1234:9999::1, false, NONE",
        // both cut: compatible when one is a prefix of the other
        "2001:db8:1234:5, true, 2001:db8:1234:567, true, PREFIX",
        "2001:db8:1234:6, true, 2001:db8:1234:567, true, NONE",
        // a cut IPv4-mapped address against the IPv4 form the other end prints
        "::ffff:10.10.93, true, 10.10.93.120, false, PREFIX",
        "::ffff:10.10.94, true, 10.10.93.120, false, NONE",
        // text that is no address matches only itself
        "unknown, false, unknown, false, EXACT",
        "unknown, false, 10.0.0.1, false, NONE"
    })
    void match_printedForms(String a, boolean aCut, String b, boolean bCut, Match expected) {
        assertThat(Addresses.match(a, aCut, b, bCut)).isEqualTo(expected);
        assertThat(Addresses.match(b, bCut, a, aCut)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // glibc inet_ntop: lower case, no leading zeros, the longest run of two or more zero groups as ::
        "fd00:0:0:0:0:0:0:2, fd00::2",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
        "0:0:0:0:0:0:0:1, ::1",
        "::, ::",
        "fe80:0:0:0:5054:ff:fe5c:2, fe80::5054:ff:fe5c:2",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::ffff:0a0a:0001, ::ffff:10.10.0.1",
        "[fd00::1%eth0], fd00::1",
        "10.010.0.1, 10.10.0.1"
    })
    void printed_asSmcssPrintsIt(String in, String printed) {
        assertThat(Addresses.printed(in)).isEqualTo(printed);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":1:2", "1.2.3", "256.1.1.1", "1.2.3.4.5", "fd00::g", "''"})
    void identity_notAnAddress_empty(String text) {
        assertThat(Addresses.identity(text)).isEmpty();
    }
}
