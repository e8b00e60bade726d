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
            return hash(mode, localCode, peerCode, family, listening);
        }

        static int hash(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
            return ((mode.ordinal() * 31 + localCode) * 31 + peerCode) * 31 + family.ordinal() * 2
                    + (listening ? 1 : 0);
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
     * Sockets per local port, no boxing on the per-row path: an open-addressing table while a group has few ports, then
     * a count per port of the TCP range. In the table a port is its own slot (modulo the table size): the ports of a
     * listing come in runs, and neighbouring slots share cache lines where a scattering hash cost a cache miss per row.
     * Past {@link #DIRECT_AFTER} ports the ports 0-65535 are counted in {@link #direct} (512 KiB, where the table
     * would have grown to 131,072 slots, 1.5 MiB, leaving 1.5 MiB of smaller tables behind as garbage); a port
     * outside that range (only given by an embedder's rows) stays in the table, and a port counted in both is summed.
     */
    private static final class PortCounts {
        /** Ports in the table after which the ports of the TCP range are counted directly. */
        static final int DIRECT_AFTER = 4096;
        private static final int PORTS = 65536;
        private int[] keys = new int[16];
        private long[] values = new long[16];
        private int size;
        private long @Nullable [] direct;

        void increment(int port) {
            if (port >= 0 && port < PORTS) {
                if (direct == null && size >= DIRECT_AFTER) {
                    direct = new long[PORTS];
                }
                long[] d = direct;
                if (d != null) {
                    d[port]++;
                    return;
                }
            }
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
        long countIn(ListenPorts ports) {
            long n = 0;
            for (int j = 0; j < keys.length; j++) {
                if (keys[j] != 0 && ports.contains(keys[j] - 1)) {
                    n += values[j];
                }
            }
            long[] d = direct;
            if (d != null) {
                for (int port = 0; port < PORTS; port++) {
                    if (d[port] != 0 && ports.contains(port)) {
                        n += d[port];
                    }
                }
            }
            return n;
        }
    }

    /** The ports of LISTEN rows: a bit per port of the TCP range (8 KiB), a set for others (an embedder's rows). */
    private static final class ListenPorts {
        private final long[] bits = new long[1024];
        private final Set<Integer> others = new HashSet<>();
        private boolean empty = true;

        void add(int port) {
            empty = false;
            if (port < 65536) {
                bits[port >>> 6] |= 1L << port;
            } else {
                others.add(port);
            }
        }

        boolean contains(int port) {
            return port >= 0 && port < 65536 ? (bits[port >>> 6] & 1L << port) != 0 : others.contains(port);
        }

        boolean isEmpty() {
            return empty;
        }
    }

    /** The groups in the order of their first row (the ordinal of each). */
    private final List<Acc> groups = new ArrayList<>();
    /**
     * The groups by key, open addressing on {@link Key#hash} and looked up by the key's fields: no key object (and no
     * lambda) per lookup, where a {@code HashMap} lookup on a change of group cost 14 MB of keys and 7 MB of lambdas
     * for a 1,000,000-row listing whose groups interleave, and so a young collection.
     */
    private Acc[] table = new Acc[16];
    private final InodeSet inodes = new InodeSet();
    /** The group of the previous row: rows of one group often come in runs. */
    private @Nullable Acc last;
    private final ListenPorts listenPorts = new ListenPorts();
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
        Acc acc = group(mode, localCode, peerCode, family, listening);
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
        Acc acc = group(mode, localCode, peerCode, family, listening);
        if (acc.samples.size() < SocketSummary.SAMPLES_PER_GROUP) {
            return false;
        }
        if (inode > 0) {
            inodes.add(inode);
        }
        acc.count++;
        // the port as add(SocketRow) counts it, written out: under C1 alone (the launcher's choice below 128 MB) a
        // shared method of this size is not inlined, and a call per counted row was ~2.5 % slower (1,000,000 rows)
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

    /** The group of a row's key, created (in order) on its first row. */
    private Acc group(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
        Acc acc = last;
        if (acc != null && acc.key.is(mode, localCode, peerCode, family, listening)) {
            return acc;
        }
        Acc[] t = table;
        int mask = t.length - 1;
        int h = Key.hash(mode, localCode, peerCode, family, listening);
        int i = (h ^ h >>> 16) & mask;
        while ((acc = t[i]) != null) {
            if (acc.key.is(mode, localCode, peerCode, family, listening)) {
                last = acc;
                return acc;
            }
            i = (i + 1) & mask;
        }
        acc = new Acc(new Key(mode, localCode, peerCode, family, listening), groups.size());
        groups.add(acc);
        t[i] = acc;
        if (groups.size() * 2 > t.length) {
            growTable();
        }
        last = acc;
        return acc;
    }

    private void growTable() {
        Acc[] t = new Acc[table.length * 2];
        int mask = t.length - 1;
        for (Acc acc : groups) {
            int h = acc.key.hashCode();
            int i = (h ^ h >>> 16) & mask;
            while (t[i] != null) {
                i = (i + 1) & mask;
            }
            t[i] = acc;
        }
        table = t;
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
        for (Acc acc : groups) {
            Key k = acc.key;
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
