package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Folds socket rows into {@link SocketSummary} groups with exact counts and a bounded sample per group.
 * Rows with an inode already seen (the same socket in another listing, e.g. {@code smcss-R.txt}) are not
 * counted again. The side of each socket (server when its local port is a LISTEN row's port) is decided at the end,
 * from a count per local port per group (at most 65,536 ports). Not thread-safe: one per evidence build.
 */
public final class SocketAggregator {
    /** A group's key; equals and hashCode written out (a record's are bound at run time, slower per row). */
    private static final class Key {
        final SocketMode mode;
        final int localCode;
        final int peerCode;
        final IpFamily family;
        final boolean listening;

        Key(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
            this.mode = mode;
            this.localCode = localCode;
            this.peerCode = peerCode;
            this.family = family;
            this.listening = listening;
        }

        boolean is(SocketMode m, int local, int peer, IpFamily f, boolean l) {
            return mode == m && localCode == local && peerCode == peer && family == f && listening == l;
        }

        SocketMode mode() {
            return mode;
        }

        int localCode() {
            return localCode;
        }

        int peerCode() {
            return peerCode;
        }

        IpFamily family() {
            return family;
        }

        boolean listening() {
            return listening;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.is(mode, localCode, peerCode, family, listening);
        }

        @Override
        public int hashCode() {
            return ((mode.ordinal() * 31 + localCode) * 31 + peerCode) * 31 + family.ordinal() * 2 + (listening ? 1 : 0);
        }
    }

    private static final class Acc {
        final Key key;
        final int ordinal;
        long count;
        long portZero;
        final PortCounts ports = new PortCounts();
        final List<SocketRow> samples = new ArrayList<>(SocketSummary.SAMPLES_PER_GROUP);

        Acc(Key key, int ordinal) {
            this.key = key;
            this.ordinal = ordinal;
        }
    }

    /**
     * Sockets per local port: an open-addressing table of at most 65,536 ports, no boxing on the per-row path. A port
     * is its own slot (modulo the table size): the ports of a listing come in runs, and neighbouring slots share cache
     * lines where a scattering hash cost a cache miss per row; once the table holds 65,536 slots no two ports collide.
     */
    private static final class PortCounts {
        private int[] keys = new int[16];
        private long[] values = new long[16];
        private int size;

        void increment(int port) {
            int key = port + 1; // 0 marks a free slot
            int mask = keys.length - 1;
            int i = key & mask;
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
                    int i = oldKeys[j] & mask;
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
    private final InodeSet inodes = new InodeSet();
    /** The group of the previous row: rows of one group often come in runs. */
    private @Nullable Acc last;
    private final Set<Integer> listenPorts = new HashSet<>();
    /** Null when the evidence is built without the connection index ({@link #withoutConnections()}). */
    private @Nullable ConnectionTable connections = new ConnectionTable();

    /**
     * Keeps no connection index: for evidence that is diagnosed on its own, where only the groups are needed (the
     * index interns every connected row's addresses: for a million rows most of the time and memory of a read).
     * Called before the first row.
     */
    public void withoutConnections() {
        connections = null;
    }

    /** Adds one row; returns false when it was a duplicate of an already counted socket. */
    public boolean add(SocketRow row) {
        if (row.inode() > 0 && !inodes.add(row.inode())) {
            return false;
        }
        SocketMode mode = row.mode();
        int localCode = row.localCode();
        int peerCode = row.peerCode();
        IpFamily family = row.family();
        boolean listening = row.listening();
        Acc acc = last;
        if (acc == null || !acc.key.is(mode, localCode, peerCode, family, listening)) {
            acc = groups.computeIfAbsent(new Key(mode, localCode, peerCode, family, listening), k -> new Acc(k, groups.size()));
            last = acc;
        }
        acc.count++;
        if (connections != null) {
            connections.add(row, acc.ordinal);
        }
        int port = row.local().port();
        if (listening) {
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

    /**
     * Adds a row given by its columns instead of a {@link SocketRow}, when the row would not be kept: returns false,
     * changing nothing, when {@link #add(SocketRow)} must be given the row instead (it is a sample of its group, or
     * the connection index is built); else counts it exactly as {@link #add(SocketRow)} would (a duplicate inode is
     * not counted again).
     *
     * @param localPort the local port, -1 when the row has no local address
     */
    boolean addCounts(long inode, SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening,
                      int localPort) {
        if (connections != null) {
            return false;
        }
        if (inode > 0 && inodes.contains(inode)) {
            return true;
        }
        Acc acc = last;
        if (acc == null || !acc.key.is(mode, localCode, peerCode, family, listening)) {
            acc = groups.computeIfAbsent(new Key(mode, localCode, peerCode, family, listening), k -> new Acc(k, groups.size()));
            last = acc;
        }
        if (acc.samples.size() < SocketSummary.SAMPLES_PER_GROUP) {
            return false;
        }
        if (inode > 0) {
            inodes.add(inode);
        }
        acc.count++;
        if (listening) {
            if (localPort > 0) {
                listenPorts.add(localPort);
            }
        } else if (localPort >= 0) {
            acc.ports.increment(localPort);
            if (localPort == 0) {
                acc.portZero++;
            }
        }
        return true;
    }

    /**
     * Every connected row added, compactly (complete once {@link #summary(boolean)} was called); null when built
     * {@link #withoutConnections()}.
     */
    public @Nullable ConnectionTable connections() {
        return connections;
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
            if (connections != null) {
                connections.finish(List.of());
            }
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
            if (k.mode().smc()) {
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
        if (connections != null) {
            connections.finish(out);
        }
        out.sort(Comparator.comparingLong(SocketGroup::count).reversed());
        return new SocketSummary(total, listening, smc, fallbacks, byCode, out, unavailable && total + listening == 0);
    }
}
