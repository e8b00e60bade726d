package io.smcdoctor.engine.internal.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joining two hosts' smcss listings. The rows follow smcss's output format (smc-tools v1.8.5 smcss.c: default
 * listing with 23-character address columns, {@code -W} without cutting); the IPv6 pair is the reference example of
 * one socket printed both ways.
 */
class ConnectionJoinTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";

    private static Evidence listing(String... rows) {
        return Evidence.builder().smcssOutput(HEADER + String.join("\n", rows) + "\n").build();
    }

    @Test
    void join_cutAddressesOnOneEndWideOnTheOther_joinedThroughTheCut() {
        Evidence client = listing(
                "ACTIVE         00000 0041856 2001:db8:1234:5..:51234 2001:db8:1234:567..:443 0000 TCP 0x03030002");
        Evidence server = listing(
                "ACTIVE         00000 0051001 2001:db8:1234:5678::1:443 2001:db8:1234:5678::abcd:51234 0000 TCP "
                        + "0x05000000/0x03030002");

        ConnectionJoin.Result r = ConnectionJoin.join(client.connections(), server.connections());

        assertThat(r.joined()).isEqualTo(1);
        assertThat(r.byCut()).isEqualTo(1);
        assertThat(r.ambiguous()).isZero();
        assertThat(r.unmatchedA()).isZero();
        assertThat(r.unmatchedB()).isZero();
        ConnectionJoin.GroupPair g = r.groups().get(0);
        assertThat(client.connections().group(g.sampleA()).localCode()).isEqualTo(0x03030002);
        assertThat(server.connections().group(g.sampleB()).peerCode()).isEqualTo(0x03030002);
        assertThat(ConnectionJoin.contradicts(client.connections().group(g.sampleA()),
                server.connections().group(g.sampleB()))).isFalse();
    }

    @Test
    void join_shortAndLongFormsOfTheSameAddresses_joinedExactly() {
        Evidence a = listing("ACTIVE         00000 0000760 fd00::2:51144           fd00::1:5102            0000 TCP 0x03030000");
        // the same connection as a paste spells it: leading zeros, upper case
        Evidence b = listing("ACTIVE         00000 0000707 FD00:0:0:0:0:0:0:0001:5102 fd00:0000::0002:51144 0000 TCP "
                + "0x05000000/0x03030000");

        ConnectionJoin.Result r = ConnectionJoin.join(a.connections(), b.connections());

        assertThat(r.joined()).isEqualTo(1);
        assertThat(r.byCut()).isZero();
    }

    @Test
    void join_cutAddressFitsTwoRows_ambiguousAndNotJoined() {
        // two server sockets on port 443 with peers 2001:db8:1234:5678::abcd and 2001:db8:1234:5999::abcd, both
        // from port 51234: the client's cut 2001:db8:1234:5.. fits both
        Evidence client = listing(
                "ACTIVE         00000 0041856 2001:db8:1234:5..:51234 2001:db8:1234:567..:443 0000 SMCR ");
        Evidence server = listing(
                "ACTIVE         00000 0051001 2001:db8:1234:5678::1:443 2001:db8:1234:5678::abcd:51234 0000 SMCR ",
                "ACTIVE         00000 0051002 2001:db8:1234:5678::1:443 2001:db8:1234:5999::abcd:51234 0000 SMCR ");

        ConnectionJoin.Result r = ConnectionJoin.join(client.connections(), server.connections());

        assertThat(r.joined()).isZero();
        assertThat(r.ambiguous()).isEqualTo(1);
        assertThat(r.samples()).singleElement().satisfies(x -> {
            assertThat(x.candidates()).isEqualTo(2);
            assertThat(client.connections().provenance(x.rowA()).line()).isEqualTo(2);
        });
        assertThat(r.unmatchedB()).isEqualTo(2);
    }

    @Test
    void join_twoRowsClaimOneRow_bothAmbiguous() {
        // two cut client rows (different full addresses behind the same cut) and one server row
        Evidence client = listing(
                "ACTIVE         00000 0041856 2001:db8:1234:5..:51234 2001:db8:1234:567..:443 0000 SMCR ",
                "ACTIVE         00000 0041857 2001:db8:1234:5..:51234 2001:db8:1234:567..:443 0000 SMCR ");
        Evidence server = listing(
                "ACTIVE         00000 0051001 2001:db8:1234:5678::1:443 2001:db8:1234:5678::abcd:51234 0000 SMCR ");

        ConnectionJoin.Result r = ConnectionJoin.join(client.connections(), server.connections());

        assertThat(r.joined()).isZero();
        assertThat(r.ambiguous()).isEqualTo(2);
    }

    @Test
    void join_differentPorts_notJoined() {
        Evidence client = listing("ACTIVE         00000 0000413 10.10.0.2:40266         10.10.0.1:5150          0000 SMCR ");
        Evidence server = listing("ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:52930         0000 SMCR ");

        ConnectionJoin.Result r = ConnectionJoin.join(client.connections(), server.connections());

        assertThat(r.joined()).isZero();
        assertThat(r.ambiguous()).isZero();
        assertThat(r.unmatchedA()).isEqualTo(1);
        assertThat(r.unmatchedB()).isEqualTo(1);
    }

    @Test
    void contradicts_smcOnOneEndTcpOnTheOther_orAnotherCode() {
        SocketGroup smcr = group("SMCR ");
        SocketGroup tcpPeerDeclined = group("TCP 0x05000000/0x03030000");
        SocketGroup tcpNoSmcDev = group("TCP 0x03030000");
        SocketGroup tcpTimeout = group("TCP 0x02010000");
        SocketGroup closed = closedGroup();

        assertThat(ConnectionJoin.contradicts(smcr, tcpNoSmcDev)).isTrue();
        assertThat(ConnectionJoin.contradicts(tcpPeerDeclined, tcpNoSmcDev)).isFalse();
        assertThat(ConnectionJoin.contradicts(tcpNoSmcDev, tcpPeerDeclined)).isFalse();
        assertThat(ConnectionJoin.contradicts(tcpPeerDeclined, tcpTimeout)).isTrue();
        assertThat(ConnectionJoin.contradicts(closed, smcr)).isFalse();
        assertThat(ConnectionJoin.contradicts(smcr, smcr)).isFalse();
    }

    private static SocketGroup group(String mode) {
        Evidence e = listing("ACTIVE         00000 0000413 10.10.0.2:40266         10.10.0.1:5150          0000 " + mode);
        return e.connections().group(0);
    }

    private static SocketGroup closedGroup() {
        Evidence e = listing("CLOSED         00000 0000412 10.10.0.2:0             10.10.0.1:5150          0000 ");
        SocketGroup g = e.connections().group(0);
        assertThat(g.mode()).isEqualTo(SocketMode.NONE);
        return g;
    }

    @Test
    void join_manyRows_eachJoinedOnce() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            int port = 20000 + i;
            a.append(String.format("ACTIVE         00000 %07d 10.0.0.2:%-5d          10.0.%d.1:5201          0000 SMCR %n",
                    1000 + i, port, i % 3));
            b.append(String.format("ACTIVE         00000 %07d 10.0.%d.1:5201          10.0.0.2:%-5d          0000 SMCR %n",
                    5000 + i, i % 3, port));
        }
        Evidence ea = Evidence.builder().smcssOutput(HEADER + a).build();
        Evidence eb = Evidence.builder().smcssOutput(HEADER + b).build();

        ConnectionJoin.Result r = ConnectionJoin.join(ea.connections(), eb.connections());

        assertThat(r.joined()).isEqualTo(2000);
        assertThat(r.groups()).hasSize(1);
        assertThat(r.groups().get(0).count()).isEqualTo(2000);
        assertThat(List.of(r.unmatchedA(), r.unmatchedB(), r.ambiguous())).containsOnly(0L);
    }
}
