package io.smcdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.Evidence.SocketConnections;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every connected row of the listings, kept compactly for joining two hosts' bundles. */
class SocketConnectionsTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";

    @Test
    void connections_labServerListing_keepsEachConnectedRowOnceWithItsGroupAndLine() {
        // the ueid-mismatch server of the own lab captures: the same socket in smcss.txt and smcss-d.txt
        Evidence ev = Evidence.builder()
                .parse(SourceKind.SMCSS, "smcss.txt", HEADER
                        + "ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:40266         0000 TCP 0x03030000\n"
                        + "LISTEN         00000 0000406 0.0.0.0:5150            \n")
                .parse(SourceKind.SMCSS, "smcss-d.txt", HEADER
                        + "ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:40266         0000 TCP 0x03030000\n"
                        + "LISTEN         00000 0000406 0.0.0.0:5150            \n")
                .build();

        SocketConnections c = ev.connections();

        assertThat(c.size()).isEqualTo(1);
        assertThat(c.local(0)).isEqualTo(new Endpoint("10.10.0.1", 5150, false));
        assertThat(c.peer(0)).isEqualTo(new Endpoint("10.10.0.2", 40266, false));
        assertThat(c.state(0)).isEqualTo("ACTIVE");
        assertThat(c.group(0).mode()).isEqualTo(SocketMode.TCP);
        assertThat(c.group(0).localCode()).isEqualTo(0x03030000);
        assertThat(c.provenance(0).source()).isEqualTo("smcss.txt");
        assertThat(c.provenance(0).line()).isEqualTo(2);
        assertThat(c.provenance(0).text()).contains("TCP 0x03030000");
        assertThat(c.listeners()).hasSize(1);
        assertThat(c.listeners().get(0).local().port()).isEqualTo(5150);
    }

    @Test
    void connections_initRowsAndTruncatedAddresses_initLeftOutTruncationKept() {
        // fastopen client (lab-6.12): an INIT row without addresses is not a connection
        Evidence ev = Evidence.builder().smcssOutput(HEADER
                + "INIT           00000 0000971 \n"
                + "ACTIVE         00000 0000972 2001:db8:1234:5..:443   2001:db8:99::1:51234    0000 SMCR \n")
                .build();

        SocketConnections c = ev.connections();

        assertThat(c.size()).isEqualTo(1);
        assertThat(c.local(0)).isEqualTo(new Endpoint("2001:db8:1234:5", 443, true));
        assertThat(c.truncated(c.localAddressId(0))).isTrue();
        assertThat(c.truncated(c.peerAddressId(0))).isFalse();
    }

    @Test
    void connections_manyRowsOfFewAddresses_addressesInternedAndTextOnlyForSamples() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) {
            sb.append(String.format("ACTIVE         00000 %07d 10.0.0.2:%-5d          10.1.0.%d:5201          0000 SMCR %n",
                    1000 + i, 20000 + i, i % 4));
        }
        Evidence ev = Evidence.builder()
                .parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)))
                .build();

        SocketConnections c = ev.connections();

        assertThat(c.size()).isEqualTo(1000);
        assertThat(c.addressCount()).isEqualTo(5);
        assertThat(c.localPort(999)).isEqualTo(20999);
        assertThat(c.peer(999)).isEqualTo(new Endpoint("10.1.0.3", 5201, false));
        assertThat(c.provenance(0).text()).startsWith("ACTIVE");
        // beyond the group's sample rows the line is cited without its text
        assertThat(c.provenance(999)).isEqualTo(new Provenance("smcss.txt", 1001, ""));
        assertThat(c.groupId(0)).isEqualTo(c.groupId(999));
    }

    @Test
    void withoutConnections_labServerListing_sameSummaryAndFingerprintNoRowsKept() {
        String listing = HEADER
                + "ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:40266         0000 TCP 0x03030000\n"
                + "ACTIVE         00000 0000409 10.10.0.1:5150          10.10.0.3:40270         0000 SMCR \n"
                + "LISTEN         00000 0000406 0.0.0.0:5150            \n";
        Evidence indexed = Evidence.builder().smcssOutput(listing).build();

        Evidence plain = Evidence.builder().withoutConnections().smcssOutput(listing).build();

        assertThat(indexed.connections().indexed()).isTrue();
        assertThat(indexed.connections().size()).isEqualTo(2);
        assertThat(plain.connections().indexed()).isFalse();
        assertThat(plain.connections().size()).isZero();
        assertThat(plain.connections().listeners()).isEmpty();
        assertThat(plain.sockets()).isEqualTo(indexed.sockets());
        assertThat(plain.sockets().total()).isEqualTo(2);
        assertThat(plain.fingerprint()).isEqualTo(indexed.fingerprint());
    }

    @Test
    void withoutConnections_afterAnInput_refused() {
        Evidence.Builder b = Evidence.builder().smcssOutput(HEADER);

        assertThatThrownBy(b::withoutConnections).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first input");
    }
}
