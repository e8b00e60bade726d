package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every connected socket row of one evidence in a compact column store, so that the two ends of a connection can be
 * found in two hosts' listings without keeping the rows themselves: per row the interned local and peer address, both
 * ports, the socket group, the state and the source line (about 25 bytes; 100,000 rows ≈ 2.5 MB, less than the inode
 * set that de-duplicates them). At most {@link #MAX_ROWS} rows are kept; further rows are counted in
 * {@link #notIndexed()}. LISTEN rows are kept apart (at most {@link #MAX_LISTENERS}). Rows without both endpoints
 * (INIT) are not connections and are left out. Not thread-safe while filled; read-only after {@link #finish}.
 */
public final class ConnectionTable {
    /** Rows kept; beyond, rows are only counted. */
    public static final int MAX_ROWS = 1 << 20;
    /** LISTEN rows kept. */
    public static final int MAX_LISTENERS = 1 << 16;
    /** Distinct source names and states kept apart; more share the last id (the cap is never reached in practice). */
    private static final int MAX_SMALL_IDS = 255;

    private final Map<String, Integer> addressIds = new HashMap<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<Boolean> truncated = new ArrayList<>();
    private final Map<String, Integer> sourceIds = new HashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> stateIds = new HashMap<>();
    private final List<String> states = new ArrayList<>();
    private int[] localAddress = new int[64];
    private int[] peerAddress = new int[64];
    private int[] ports = new int[64];
    private int[] lines = new int[64];
    private int[] groupOrdinals = new int[64];
    /** Source id in the high 24 bits, state id in the low 8. */
    private int[] meta = new int[64];
    private int size;
    private long notIndexed;
    private final List<SocketRow> listeners = new ArrayList<>();
    private long listenersNotKept;
    private SocketGroup[] groups = new SocketGroup[0];
    private List<SocketRow> listenerView = List.of();

    /** A finished table without rows. */
    public static ConnectionTable empty() {
        ConnectionTable t = new ConnectionTable();
        t.finish(List.of());
        return t;
    }

    /** Adds a row counted in the group of the given ordinal (order of first appearance). */
    void add(SocketRow row, int groupOrdinal) {
        if (row.listening()) {
            if (listeners.size() < MAX_LISTENERS) {
                listeners.add(row);
            } else {
                listenersNotKept++;
            }
            return;
        }
        Endpoint l = row.local();
        Endpoint p = row.peer();
        if (l.isNone() || p.isNone() || l.port() < 0 || p.port() < 0 || l.port() > 0xffff || p.port() > 0xffff) {
            return;
        }
        if (size == MAX_ROWS) {
            notIndexed++;
            return;
        }
        if (size == ports.length) {
            int n = Math.min(MAX_ROWS, size * 2);
            localAddress = Arrays.copyOf(localAddress, n);
            peerAddress = Arrays.copyOf(peerAddress, n);
            ports = Arrays.copyOf(ports, n);
            lines = Arrays.copyOf(lines, n);
            groupOrdinals = Arrays.copyOf(groupOrdinals, n);
            meta = Arrays.copyOf(meta, n);
        }
        localAddress[size] = address(l);
        peerAddress[size] = address(p);
        ports[size] = l.port() << 16 | p.port();
        lines[size] = row.provenance().line();
        groupOrdinals[size] = groupOrdinal;
        meta[size] = id(sourceIds, sources, row.provenance().source()) << 8 | id(stateIds, states, row.state());
        size++;
    }

    private int address(Endpoint e) {
        String key = e.truncated() ? e.address() + ".." : e.address();
        Integer id = addressIds.get(key);
        if (id == null) {
            id = addresses.size();
            addressIds.put(key, id);
            addresses.add(e.address());
            truncated.add(e.truncated());
        }
        return id;
    }

    private static int id(Map<String, Integer> ids, List<String> names, String name) {
        Integer id = ids.get(name);
        if (id == null) {
            if (names.size() >= MAX_SMALL_IDS) {
                return names.size() - 1;
            }
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /** Ends filling: the groups in the order of their ordinals. */
    void finish(List<SocketGroup> groupsByOrdinal) {
        groups = groupsByOrdinal.toArray(new SocketGroup[0]);
        listenerView = List.copyOf(listeners);
    }

    /** Rows kept. */
    public int size() {
        return size;
    }

    /** Rows beyond {@link #MAX_ROWS}, counted only. */
    public long notIndexed() {
        return notIndexed;
    }

    /** Distinct printed addresses. */
    public int addressCount() {
        return addresses.size();
    }

    /** The printed address of an id (without the {@code ..} of a truncated one). */
    public String address(int id) {
        return addresses.get(id);
    }

    /** True when smcss cut the address of this id ({@code ..} before the port). */
    public boolean truncated(int id) {
        return truncated.get(id);
    }

    /** Address id of the row's local address. */
    public int localAddress(int row) {
        return localAddress[row];
    }

    /** Address id of the row's peer address. */
    public int peerAddress(int row) {
        return peerAddress[row];
    }

    /** Local port of the row (0 when printed as 0). */
    public int localPort(int row) {
        return ports[row] >>> 16;
    }

    /** Peer port of the row. */
    public int peerPort(int row) {
        return ports[row] & 0xffff;
    }

    /** The row's socket group. */
    public SocketGroup group(int row) {
        return groups[groupOrdinals[row]];
    }

    /** Index of the row's socket group in {@link #groups()}-order of first appearance. */
    public int groupOrdinal(int row) {
        return groupOrdinals[row];
    }

    /** The groups in the order of their ordinals. */
    public List<SocketGroup> groups() {
        return List.of(groups);
    }

    /** The row's state as printed. */
    public String state(int row) {
        return states.get(meta[row] & 0xff);
    }

    /** The file the row was read from. */
    public String source(int row) {
        return sources.get(meta[row] >>> 8);
    }

    /** The row's line number in its file. */
    public int line(int row) {
        return lines[row];
    }

    /** LISTEN rows kept, in input order. */
    public List<SocketRow> listeners() {
        return listenerView;
    }

    /** LISTEN rows beyond {@link #MAX_LISTENERS}, counted only. */
    public long listenersNotKept() {
        return listenersNotKept;
    }
}
