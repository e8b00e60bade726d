package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.engine.internal.project.ConnectionKeys;
import io.smcdoctor.evidence.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection keys agree with the engine's join: every lab pair whose connections {@link Diagnoser#diagnose(List)}
 * joins has as many matching keys as connections joined on both ports; bundles of different scenarios and two bundles
 * of the same end have none. The listings follow smcss's format (smc-tools {@code smcss.c}: 23-character address
 * columns in the default listing).
 */
class ConnectionKeysTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";
    static Diagnoser diagnoser;

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
    }

    private static Evidence listing(String... rows) {
        return Evidence.builder().smcssOutput(HEADER + String.join("\n", rows) + "\n").build();
    }

    /** Pairs of keys of a and b that match. */
    static long matches(Evidence a, Evidence b) {
        List<ConnectionKeys.Key> ka = ConnectionKeys.of(a).keys();
        List<ConnectionKeys.Key> kb = ConnectionKeys.of(b).keys();
        return ka.stream().mapToLong(x -> kb.stream().filter(y -> ConnectionKeys.match(x, y)).count()).sum();
    }

    static List<String> scenarios() throws IOException {
        return Files.readAllLines(LabPairTest.dir("lab-pairs.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void everyLabPair_keysMatchAsManyConnectionsAsTheEngineJoinsOnBothPorts() throws IOException {
        int joinedPairs = 0;
        for (String s : scenarios()) {
            Evidence client = LabPairTest.bundle(s, "client");
            Evidence server = LabPairTest.bundle(s, "server");
            HostPairing p = diagnoser.diagnose(List.of(HostEvidence.of("client", client),
                    HostEvidence.of("server", server))).pairings().get(0);

            assertThat(matches(client, server)).as(s).isEqualTo(p.joined() - p.joinedByPortZero());
            assertThat(matches(server, client)).as(s).isEqualTo(p.joined() - p.joinedByPortZero());
            if (p.joined() > p.joinedByPortZero()) {
                joinedPairs++;
            }
        }
        // not vacuous: most of the 25 lab pairs share connections with both ports known (19 when written)
        assertThat(joinedPairs).isGreaterThanOrEqualTo(15);
    }

    @Test
    void ipv4MappedOnOneEnd_matchesThePlainIpv4OfTheOther() {
        // lab capture smc6-dualstack-server: the server's AF_INET6 socket prints ::ffff:10.10.0.2
        Evidence client = LabPairTest.bundle("lab-own/smc6-dualstack-server", "client");
        Evidence server = LabPairTest.bundle("lab-own/smc6-dualstack-server", "server");

        assertThat(matches(client, server)).isEqualTo(1);
        assertThat(ConnectionKeys.of(server).keys()).singleElement()
                .satisfies(k -> assertThat(k.value()).doesNotContain("ffff"));
    }

    @Test
    void differentScenarios_andTwoBundlesOfTheSameEnd_doNotMatch() throws IOException {
        List<String> all = scenarios();
        for (int i = 0; i < all.size(); i++) {
            Evidence client = LabPairTest.bundle(all.get(i), "client");
            for (int j = 0; j < all.size(); j++) {
                Evidence server = LabPairTest.bundle(all.get(j), "server");
                if (i != j) {
                    assertThat(matches(client, server)).as(all.get(i) + " x " + all.get(j)).isZero();
                }
                if (i < j) {
                    assertThat(matches(client, LabPairTest.bundle(all.get(j), "client")))
                            .as(all.get(i) + " x " + all.get(j) + " clients").isZero();
                }
            }
        }
    }

    @Test
    void cutAddresses_matchTheWideListingOfTheOtherEnd_asTheJoinDoes() {
        Evidence client = listing(
                "ACTIVE         00000 0041856 2001:db8:1234:5..:51234 2001:db8:1234:567..:443 0000 TCP 0x03030002");
        Evidence server = listing(
                "ACTIVE         00000 0051001 2001:db8:1234:5678::1:443 2001:db8:1234:5678::abcd:51234 0000 TCP "
                        + "0x05000000/0x03030002");
        // an AF_INET6 client socket to an IPv4 server: ::ffff:172.16.100.25:40266 does not fit the column, and a cut
        // keeps 23 - 2 - len(":40266") = 15 characters (17 for ":443")
        Evidence mappedClient = listing(
                "ACTIVE         00000 0041857 ::ffff:172.16.1..:40266 ::ffff:172.16.200..:443 0000 SMCR ");
        Evidence v4Server = listing(
                "ACTIVE         00000 0051002 172.16.200.10:443       172.16.100.25:40266     0000 SMCR ");
        Evidence otherPort = listing(
                "ACTIVE         00000 0051003 2001:db8:1234:5678::1:443 2001:db8:1234:5678::abcd:51235 0000 SMCR ");

        assertThat(matches(client, server)).isEqualTo(1);
        assertThat(matches(mappedClient, v4Server)).isEqualTo(1);
        assertThat(matches(client, otherPort)).isZero();
        for (Evidence[] pair : List.of(new Evidence[] {client, server}, new Evidence[] {mappedClient, v4Server})) {
            HostPairing p = diagnoser.diagnose(List.of(HostEvidence.of("a", pair[0]), HostEvidence.of("b", pair[1])))
                    .pairings().get(0);
            assertThat(p.joined()).isEqualTo(1);
            assertThat(p.joinedByCut()).isEqualTo(1);
        }
        assertThat(ConnectionKeys.of(client).keys()).extracting(ConnectionKeys.Key::kind)
                .containsExactly(ConnectionKeys.Kind.CUT_NEEDED);
        assertThat(ConnectionKeys.of(server).keys()).extracting(ConnectionKeys.Key::kind)
                .containsExactly(ConnectionKeys.Kind.EXACT, ConnectionKeys.Kind.CUT_OFFERED);
    }

    @Test
    void loopbackSelfAndPortZeroRows_areNotKeyed_butCounted() {
        Evidence e = listing(
                "ACTIVE         00000 0000001 127.0.0.1:5000          127.0.0.1:41000         0000 SMCD ",
                "ACTIVE         00000 0000002 ::1:5000                ::1:41001               0000 SMCD ",
                "ACTIVE         00000 0000003 10.0.0.5:5000           10.0.0.5:41002          0000 SMCR ",
                "ACTIVE         00000 0000004 10.0.0.5:0              10.0.0.9:5000           0000 SMCR ",
                "ACTIVE         00000 0000005 10.0.0.5:41003          10.0.0.9:5000           0000 SMCR ",
                "ACTIVE         00000 0000006 10.0.0.5:41003          10.0.0.9:5000           0000 SMCR ");

        ConnectionKeys k = ConnectionKeys.of(e);

        assertThat(k.keys()).singleElement().satisfies(x -> assertThat(x.kind())
                .isEqualTo(ConnectionKeys.Kind.EXACT));
        assertThat(k.portZeroRows()).isEqualTo(1);
        assertThat(k.leftOut()).isEqualTo(3);
    }
}
