package io.smcdoctor;

import io.smcdoctor.evidence.facts.SocketGroup;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How two hosts' evidence belongs together: the connections found on both ends (a socket {@code L:l -> P:p} on one
 * host and {@code P:p -> L:l} on the other, addresses compared tolerantly), the link groups that name each other,
 * and whether the two bundles tell one story.
 *
 * @param hostA          the first host's name
 * @param hostB          the second host's name
 * @param relation       what the evidence says about the two bundles
 * @param consistent     false when joined connections disagree (one end SMC-R, the other TCP; a different code on
 *                       each end): the bundles are probably not from the same moment
 * @param contradicting  joined connections whose two ends disagree
 * @param joined         connections found on both hosts
 * @param joinedByCut    of those, joined only through an address {@code smcss} cut ({@code ..}): probably the same
 * @param joinedByPortZero of those, joined with port 0 on one end (the connection's TCP socket is gone)
 * @param ambiguous      rows that fit several rows of the other host, left unjoined
 * @param ambiguousRows  some of them, cited on host A
 * @param unmatchedA     connected rows of host A without a partner on B
 * @param unmatchedB     connected rows of host B without a partner on A
 * @param groups         joined connections by the socket group each end shows
 * @param linkGroups     link groups joined by their link UIDs or GIDs ({@code smcr -dd linkgroup link-show}) or by
 *                       the peer host names of {@code smcr -d linkgroup}
 * @param linkGroupsFit  link groups that only fit each other (client and server role, same EID and version)
 * @param capturedApart  how far apart the two bundles were collected, when both manifests say
 * @param countersByTime true when nothing better joins the hosts and the {@code smcr -d stats} counters of both are
 *                       read together only because the bundles were collected close in time
 */
public record HostPairing(String hostA, String hostB, Relation relation, boolean consistent, long contradicting,
                          long joined,
                          long joinedByCut, long joinedByPortZero, long ambiguous, List<HostCitation> ambiguousRows,
                          long unmatchedA, long unmatchedB, List<JoinedGroups> groups, int linkGroups,
                          int linkGroupsFit, Optional<Duration> capturedApart, boolean countersByTime) {
    public HostPairing {
        Objects.requireNonNull(hostA, "hostA");
        Objects.requireNonNull(hostB, "hostB");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(capturedApart, "capturedApart");
        ambiguousRows = List.copyOf(ambiguousRows);
        groups = List.copyOf(groups);
    }

    /** What two hosts' bundles have to do with each other. */
    public enum Relation {
        /** Connections (or link groups) are found on both: the two ends of the same connections. */
        JOINED,
        /**
         * Nothing joins, but the hosts are each other's peers: one host's connections go to the other's address, or
         * their link groups fit each other, while the other host lists no connection (gone, or its listing failed).
         */
        PEERS,
        /** Both list connections and none is on the other host, or the connections go elsewhere: not one story. */
        UNRELATED,
        /** The evidence cannot tell (no connections, no addresses, no link groups). */
        UNKNOWN;

        /** The JSON word. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Connections whose two ends show these two socket groups.
     *
     * @param a           the group on host A (mode, codes, family)
     * @param b           the group on host B
     * @param count       how many connections
     * @param contradicts true when the two ends disagree (see {@link #consistent()})
     * @param sampleA     the first such row on A
     * @param sampleB     its row on B
     */
    public record JoinedGroups(SocketGroup a, SocketGroup b, long count, boolean contradicts, HostCitation sampleA,
                               HostCitation sampleB) {
        public JoinedGroups {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(sampleA, "sampleA");
            Objects.requireNonNull(sampleB, "sampleB");
        }
    }

    /**
     * True when cross-host reasoning applies: the bundles are the two ends of the connections and most joined
     * connections agree on both ends.
     */
    public boolean related() {
        return (relation == Relation.JOINED || relation == Relation.PEERS) && contradicting * 2 < Math.max(1, joined);
    }
}
