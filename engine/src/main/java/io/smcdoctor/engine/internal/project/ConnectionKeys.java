package io.smcdoctor.engine.internal.project;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.engine.internal.pair.PairKeys;
import io.smcdoctor.evidence.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * Keys of one host's connections for finding, among many hosts' bundles, the pairs that are the two ends of the same
 * connections without comparing every pair: two bundles whose keys {@link #match} hold the two ends of at least one
 * connection that {@link Diagnoser#diagnose(List)} would join ({@code docs/two-hosts.md} "Joining the two ends").
 * A key is the connection's two endpoints as an unordered pair, addresses normalised as the join compares them (an
 * IPv6 address in any spelling is its 16 bytes; an IPv4-mapped address is its IPv4 address; an address {@code smcss}
 * cut to its column is keyed by the part every cut keeps), with the side this host is on.
 *
 * <p>The keys find candidates; the join of {@link Diagnoser#diagnose(List)} decides (a cut address key may also fit
 * another connection, which the join then reports as ambiguous or unrelated). Not keyed: rows with port 0 (joined by
 * the engine on their addresses once the pair is found), rows to or from loopback or unspecified addresses, and a
 * host's connections to itself; {@link #portZeroRows()} and {@link #leftOut()} count them.
 *
 * @param keys         each key once, in the order of the first row that has it
 * @param portZeroRows connected rows with port 0 on one end, not keyed
 * @param leftOut      connected rows with a loopback or unspecified end or the same address on both ends, not keyed
 * @param notIndexed   connected rows beyond the evidence's row limit
 *                     ({@link io.smcdoctor.evidence.Evidence.SocketConnections})
 */
public record ConnectionKeys(List<Key> keys, long portZeroRows, long leftOut, long notIndexed) {
    public ConnectionKeys {
        keys = List.copyOf(keys);
    }

    /** How a key was made. */
    public enum Kind {
        /** Both addresses complete: the exact endpoints. */
        EXACT,
        /** A complete row whose address {@code smcss} would cut on some host: the part a cut keeps, offered. */
        CUT_OFFERED,
        /** A row with an address {@code smcss} cut: the part the cut kept. */
        CUT_NEEDED
    }

    /**
     * One connection key.
     *
     * @param value      the normalised unordered endpoint pair (compare with {@code equals}; the text is not a format)
     * @param localFirst true when this host's end is the first of the pair: the other end of the connection has the
     *                   same value with the opposite side
     * @param kind       how it was made
     */
    public record Key(String value, boolean localFirst, Kind kind) {
        public Key {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The keys of one host's evidence (its socket listings' connected rows). */
    public static ConnectionKeys of(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        return PairKeys.keys(evidence.connections());
    }

    /**
     * True when key {@code a} of one host and key {@code b} of another are the two ends of a connection: the same
     * value seen from opposite sides, and either both exact, or made from a cut address on at least one host (two
     * complete rows that both only offer a cut key are matched by their exact keys instead).
     */
    public static boolean match(Key a, Key b) {
        return a.value().equals(b.value()) && a.localFirst() != b.localFirst()
                && (a.kind() == Kind.EXACT || a.kind() == Kind.CUT_NEEDED || b.kind() == Kind.CUT_NEEDED);
    }
}
