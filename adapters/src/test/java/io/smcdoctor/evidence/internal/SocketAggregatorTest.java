package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The socket summary's groups, counts and sides, checked against an oracle kept here with plain collections (a map per
 * group key, a set of listening ports, a set of inodes): across the aggregator's own lookup table growing (many
 * groups), its port counts changing form (a group with thousands of ports) and ports outside the TCP range (an
 * embedder's rows), by rows and by counts ({@link SocketAggregator#addCounts}) alike.
 */
class SocketAggregatorTest {
    private static final Provenance SRC = Provenance.of("smcss.txt");

    /** What the oracle keeps per group. */
    private static final class Expected {
        long count;
        long servers;
        long portZero;
        final List<Integer> ports = new ArrayList<>();
    }

    private record Key(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
        static Key of(SocketRow r) {
            return new Key(r.mode(), r.localCode(), r.peerCode(), r.family(), r.listening());
        }
    }

    private static SocketRow row(long inode, String state, String local, int localPort, SocketMode mode, int code) {
        Endpoint peer = "LISTEN".equals(state) ? Endpoint.NONE : new Endpoint("10.9.0.1", 5103, false);
        return SocketRow.basic(SRC, state, 0, inode, new Endpoint(local, localPort, false), peer, 0, mode, code, 0);
    }

    /** The oracle's summary of {@code rows}: first come, first counted; a repeated inode counts once. */
    private static Map<Key, Expected> oracle(List<SocketRow> rows) {
        Set<Long> inodes = new HashSet<>();
        Set<Integer> listen = new HashSet<>();
        Map<Key, Expected> groups = new HashMap<>();
        for (SocketRow r : rows) {
            if (r.inode() > 0 && !inodes.add(r.inode())) {
                continue;
            }
            Expected e = groups.computeIfAbsent(Key.of(r), k -> new Expected());
            e.count++;
            if (r.listening()) {
                listen.add(r.local().port());
            } else {
                e.ports.add(r.local().port());
            }
        }
        for (Map.Entry<Key, Expected> g : groups.entrySet()) {
            Expected e = g.getValue();
            // without a LISTEN row no side is known
            e.servers = listen.isEmpty() ? -1 : e.ports.stream().filter(listen::contains).count();
            e.portZero = e.ports.stream().filter(p -> p == 0).count();
        }
        return groups;
    }

    private static void assertMatches(SocketSummary summary, Map<Key, Expected> expected) {
        assertThat(summary.groups()).hasSize(expected.size());
        for (SocketGroup g : summary.groups()) {
            Expected e = expected.get(new Key(g.mode(), g.localCode(), g.peerCode(), g.family(), g.listening()));
            assertThat(e).as("group %s", g).isNotNull();
            assertThat(g.count()).as("count of %s", g).isEqualTo(e.count);
            if (!g.listening()) {
                assertThat(g.servers()).as("servers of %s", g).isEqualTo(e.servers);
                assertThat(g.localPortZero()).as("port 0 of %s", g).isEqualTo(e.portZero);
                assertThat(g.clients()).as("clients of %s", g)
                        .isEqualTo(e.servers < 0 ? -1 : e.count - e.servers - e.portZero);
            }
        }
    }

    @Test
    @DisplayName("a group with 60,000 ports, half of them listened on, some sockets on port 0: sides counted by hand")
    void manyPorts_sidesMatchOracle() {
        List<SocketRow> rows = new ArrayList<>();
        long inode = 1000;
        for (int port = 1; port <= 60_000; port += 2) {
            rows.add(row(inode++, "LISTEN", "0.0.0.0", port, SocketMode.NONE, 0));
        }
        Random random = new Random(18);
        for (int i = 0; i < 200_000; i++) {
            int port = i % 97 == 0 ? 0 : 1 + random.nextInt(60_000);
            rows.add(row(inode++, "ACTIVE", "10.0.0." + (1 + i % 200), port, i % 5 == 0 ? SocketMode.TCP
                    : SocketMode.SMCR, i % 5 == 0 ? 0x03010000 : 0));
        }
        SocketAggregator rowsWay = new SocketAggregator();
        SocketAggregator countsWay = new SocketAggregator();
        countsWay.withoutConnections();
        for (SocketRow r : rows) {
            rowsWay.add(r);
            if (!countsWay.addCounts(r.inode(), r.mode(), r.localCode(), r.peerCode(), r.family(), r.listening(),
                    r.local().port())) {
                countsWay.add(r);
            }
        }
        Map<Key, Expected> expected = oracle(rows);
        assertMatches(rowsWay.summary(), expected);
        assertMatches(countsWay.summary(), expected);
        assertThat(countsWay.summary().groups()).isEqualTo(rowsWay.summary().groups());
    }

    @Test
    @DisplayName("ports past 65535 (an embedder's rows) are counted and matched with their listener like any other")
    void portsOutsideTcpRange_countedAndMatched() {
        List<SocketRow> rows = new ArrayList<>();
        long inode = 1;
        rows.add(row(inode++, "LISTEN", "0.0.0.0", 70_000, SocketMode.NONE, 0));
        rows.add(row(inode++, "LISTEN", "0.0.0.0", 443, SocketMode.NONE, 0));
        for (int port = 1; port <= 6_000; port++) {
            rows.add(row(inode++, "ACTIVE", "10.0.0.1", port, SocketMode.SMCR, 0));
        }
        // after the group switched to a count per port: both sides of 65535, and ports seen before and after
        for (int port : new int[] {443, 70_000, 70_001, 65_535, 443, 70_000, 1, 0}) {
            rows.add(row(inode++, "ACTIVE", "10.0.0.1", port, SocketMode.SMCR, 0));
        }
        SocketAggregator sockets = new SocketAggregator();
        rows.forEach(sockets::add);
        SocketSummary summary = sockets.summary();
        assertMatches(summary, oracle(rows));
        SocketGroup smc = summary.groups().stream().filter(g -> g.mode() == SocketMode.SMCR).findFirst().orElseThrow();
        assertThat(smc.servers()).isEqualTo(5); // 443 three times, 70000 twice
    }

    @Test
    @DisplayName("a thousand groups (distinct reason codes) interleaved, repeated inodes: every group counted once per"
            + " socket, the groups in the order of their first row among equal counts")
    void manyGroupsInterleaved_countsAndOrder() {
        List<SocketRow> rows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            int code = 0x03000000 + (i * 7919) % 1000;
            long inode = i % 13 == 0 ? 1 + (i / 13) % 500 : 100_000 + i; // some inodes listed several times
            rows.add(row(inode, "ACTIVE", i % 3 == 0 ? "2001:db8::1" : "10.0.0.1", 20_000 + i % 5, SocketMode.TCP,
                    code));
        }
        SocketAggregator sockets = new SocketAggregator();
        sockets.withoutConnections();
        List<Key> firstSeen = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (SocketRow r : rows) {
            if (!sockets.addCounts(r.inode(), r.mode(), r.localCode(), r.peerCode(), r.family(), r.listening(),
                    r.local().port())) {
                sockets.add(r);
            }
        }
        Set<Long> inodes = new HashSet<>();
        for (SocketRow r : rows) {
            if (inodes.add(r.inode()) && seen.add(Key.of(r))) {
                firstSeen.add(Key.of(r));
            }
        }
        Map<Key, Expected> expected = oracle(rows);
        SocketSummary summary = sockets.summary();
        assertMatches(summary, expected);
        assertThat(expected).hasSizeGreaterThan(1_000);
        // sorted by count, descending; equal counts keep the order of the groups' first rows
        List<Key> order = summary.groups().stream()
                .map(g -> new Key(g.mode(), g.localCode(), g.peerCode(), g.family(), g.listening())).toList();
        List<Key> byCountThenFirstSeen = new ArrayList<>(firstSeen);
        byCountThenFirstSeen.sort((a, b) -> Long.compare(expected.get(b).count, expected.get(a).count));
        assertThat(order).isEqualTo(byCountThenFirstSeen);
        assertThat(summary.fallbacks()).isEqualTo(expected.values().stream().mapToLong(e -> e.count).sum());
    }
}
