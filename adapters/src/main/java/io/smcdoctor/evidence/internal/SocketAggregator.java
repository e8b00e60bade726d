package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.IpFamily;
import io.smcdoctor.evidence.SocketGroup;
import io.smcdoctor.evidence.SocketMode;
import io.smcdoctor.evidence.SocketRow;
import io.smcdoctor.evidence.SocketSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds socket rows into {@link SocketSummary} groups with exact counts and a bounded sample per group.
 * Rows with an inode already seen (the same socket in another listing, e.g. {@code smcss-R.txt}) are not
 * counted again. The side of each socket (server when its local port is a LISTEN row's port) is decided at the end,
 * from a count per local port per group (at most 65,536 ports). Not thread-safe: one per evidence build.
 */
public final class SocketAggregator {
    private record Key(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
    }

    private static final class Acc {
        long count;
        long portZero;
        final PortCounts ports = new PortCounts();
        final List<SocketRow> samples = new ArrayList<>(SocketSummary.SAMPLES_PER_GROUP);
    }

    /** Sockets per local port: an open-addressing table of at most 65,536 ports, no boxing on the per-row path. */
    private static final class PortCounts {
        private int[] keys = new int[16];
        private long[] values = new long[16];
        private int size;

        void increment(int port) {
            int key = port + 1; // 0 marks a free slot
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B1) >>> 16 & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    values[i]++;
                    grow();
                    return;
                }
            }
            values[i]++;
        }

        private void grow() {
            int[] oldKeys = keys;
            long[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (oldKeys[j] * 0x9E3779B1) >>> 16 & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        /** Sockets whose port is in {@code ports}. */
        long countIn(Set<Integer> ports) {
            long n = 0;
            for (int j = 0; j < keys.length; j++) {
                if (keys[j] != 0 && ports.contains(keys[j] - 1)) {
                    n += values[j];
                }
            }
            return n;
        }
    }

    private final Map<Key, Acc> groups = new LinkedHashMap<>();
    private final Set<Long> inodes = new HashSet<>();
    private final Set<Integer> listenPorts = new HashSet<>();

    /** Adds one row; returns false when it was a duplicate of an already counted socket. */
    public boolean add(SocketRow row) {
        if (row.inode() > 0 && !inodes.add(row.inode())) {
            return false;
        }
        Key key = new Key(row.mode(), row.localCode(), row.peerCode(), row.family(), row.listening());
        Acc acc = groups.computeIfAbsent(key, k -> new Acc());
        acc.count++;
        int port = row.local().port();
        if (row.listening()) {
            if (port > 0) {
                listenPorts.add(port);
            }
        } else if (port >= 0) {
            acc.ports.increment(port);
            if (port == 0) {
                acc.portZero++;
            }
        }
        if (acc.samples.size() < SocketSummary.SAMPLES_PER_GROUP) {
            acc.samples.add(row);
        }
        return true;
    }

    /** The summary of every row added so far. */
    public SocketSummary summary() {
        return summary(false);
    }

    /**
     * The summary of every row added so far.
     *
     * @param unavailable every socket listing given failed (see {@link SocketSummary#unavailable()})
     */
    public SocketSummary summary(boolean unavailable) {
        if (groups.isEmpty()) {
            return unavailable ? new SocketSummary(0, 0, 0, 0, Map.of(), List.of(), true) : SocketSummary.EMPTY;
        }
        long total = 0;
        long listening = 0;
        long smc = 0;
        long fallbacks = 0;
        boolean sidesKnown = !listenPorts.isEmpty();
        Map<Integer, Long> byCode = new HashMap<>();
        List<SocketGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<Key, Acc> e : groups.entrySet()) {
            Key k = e.getKey();
            Acc acc = e.getValue();
            long c = acc.count;
            long servers = k.listening() ? 0 : -1;
            long clients = k.listening() ? 0 : -1;
            if (!k.listening() && sidesKnown) {
                servers = acc.ports.countIn(listenPorts);
                clients = c - servers - acc.portZero; // port 0: the side is unknown
            }
            out.add(new SocketGroup(k.mode(), k.localCode(), k.peerCode(), k.family(), k.listening(), c, acc.samples,
                    servers, clients, acc.portZero));
            if (k.listening()) {
                listening += c;
                continue;
            }
            total += c;
            if (k.mode() == SocketMode.SMCR || k.mode() == SocketMode.SMCD) {
                smc += c;
            } else if (k.mode() == SocketMode.TCP) {
                fallbacks += c;
                if (k.localCode() != 0) {
                    byCode.merge(k.localCode(), c, Long::sum);
                }
                if (k.peerCode() != 0) {
                    byCode.merge(k.peerCode(), c, Long::sum);
                }
            }
        }
        out.sort(Comparator.comparingLong(SocketGroup::count).reversed());
        return new SocketSummary(total, listening, smc, fallbacks, byCode, out, unavailable && total + listening == 0);
    }
}
