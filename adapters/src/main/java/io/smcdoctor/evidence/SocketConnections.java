package io.smcdoctor.evidence;

import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import io.smcdoctor.evidence.internal.ConnectionTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every connected socket of the evidence's listings, row by row, in a compact form: what joining the two ends of a
 * connection across two hosts' bundles needs (local and peer endpoint, the socket group with mode and reason codes,
 * state, source line). {@link SocketSummary} keeps counts and a few sample rows per group; this keeps every row, at
 * about 25 bytes each and at most 1,048,576 of them ({@link #notIndexed()} counts the rest). Addresses are interned:
 * rows printing the same address share an address id. LISTEN rows are in {@link #listeners()}; rows without both
 * endpoints (INIT) are not connections and are not kept. Evidence built {@link Evidence.Builder#withoutConnections()
 * without the index} has none ({@link #indexed()} is false, {@link #size()} 0). Immutable and thread-safe.
 */
public final class SocketConnections {
    private final ConnectionTable table;
    private final boolean indexed;

    SocketConnections(@Nullable ConnectionTable table) {
        this.indexed = table != null;
        this.table = table != null ? table : ConnectionTable.empty();
    }

    /**
     * False when the evidence was built {@link Evidence.Builder#withoutConnections() without the index}: then no row
     * is kept, and the evidence cannot be diagnosed together with another host's.
     */
    public boolean indexed() {
        return indexed;
    }

    /** Rows kept. */
    public int size() {
        return table.size();
    }

    /** Connected rows beyond the limit, counted but not kept. */
    public long notIndexed() {
        return table.notIndexed();
    }

    /** The local endpoint of row {@code i}. */
    public Endpoint local(int i) {
        int a = table.localAddress(i);
        return new Endpoint(table.address(a), table.localPort(i), table.truncated(a));
    }

    /** The peer endpoint of row {@code i}. */
    public Endpoint peer(int i) {
        int a = table.peerAddress(i);
        return new Endpoint(table.address(a), table.peerPort(i), table.truncated(a));
    }

    /** The local port of row {@code i} (0 when smcss printed 0: the CLC socket is gone). */
    public int localPort(int i) {
        return table.localPort(i);
    }

    /** The peer port of row {@code i}. */
    public int peerPort(int i) {
        return table.peerPort(i);
    }

    /** The id of the local address of row {@code i}. */
    public int localAddressId(int i) {
        return table.localAddress(i);
    }

    /** The id of the peer address of row {@code i}. */
    public int peerAddressId(int i) {
        return table.peerAddress(i);
    }

    /** How many distinct addresses the rows print. */
    public int addressCount() {
        return table.addressCount();
    }

    /** The address of an id as printed, without the {@code ..} of a truncated one. */
    public String address(int id) {
        return table.address(id);
    }

    /** True when smcss cut the address of this id to fit its column ({@link Endpoint#truncated()}). */
    public boolean truncated(int id) {
        return table.truncated(id);
    }

    /** The socket group of row {@code i}: mode, reason codes, family. */
    public SocketGroup group(int i) {
        return table.group(i);
    }

    /** A small number identifying the group of row {@code i} within this evidence. */
    public int groupId(int i) {
        return table.groupOrdinal(i);
    }

    /** The state of row {@code i} as printed ({@code ACTIVE}, {@code CLOSED}, ...). */
    public String state(int i) {
        return table.state(i);
    }

    /**
     * Where row {@code i} was read. The line's text is kept only for the sample rows of its group
     * ({@link SocketGroup#samples()}); for other rows the text is empty.
     */
    public Provenance provenance(int i) {
        String source = table.source(i);
        int line = table.line(i);
        for (SocketRow r : table.group(i).samples()) {
            if (r.provenance().line() == line && r.provenance().source().equals(source)) {
                return r.provenance();
            }
        }
        return new Provenance(source, line, "");
    }

    /** The LISTEN rows (at most 65,536), in input order. */
    public List<SocketRow> listeners() {
        return table.listeners();
    }

    @Override
    public String toString() {
        return indexed ? "SocketConnections[rows=" + size() + ", listeners=" + listeners().size() + "]"
                : "SocketConnections[not indexed]";
    }
}
