package io.smcdoctor.engine.internal.pair;

import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.HostPairing.Relation;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.Evidence.SocketConnections;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcrLink;
import io.smcdoctor.evidence.facts.SocketGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how two hosts' evidence belongs together ({@link HostPairing}): joins their connections
 * ({@link ConnectionJoin}) and link groups, checks that the joined ends agree, and falls back to weaker ties (one
 * host's connections go to the other's address; the counters of two bundles collected close in time) only when
 * nothing better exists. Stateless.
 */
final class PairAnalysis {
    /** Bundles collected at most this far apart may have their counters read together. */
    static final Duration COUNTER_WINDOW = Duration.ofMinutes(10);

    private PairAnalysis() {
    }

    /** One side of the analysis. */
    record Side(String name, Evidence evidence, Optional<Instant> capturedAt, Optional<String> hostname) {
    }

    static HostPairing analyze(Side a, Side b) {
        SocketConnections ca = a.evidence().connections();
        SocketConnections cb = b.evidence().connections();
        ConnectionJoin.Result join = ConnectionJoin.join(ca, cb);

        List<HostPairing.JoinedGroups> groups = new ArrayList<>();
        long contradicting = 0;
        for (ConnectionJoin.GroupPair g : join.groups()) {
            SocketGroup ga = ca.group(g.sampleA());
            SocketGroup gb = cb.group(g.sampleB());
            boolean contradicts = ConnectionJoin.contradicts(ga, gb);
            if (contradicts) {
                contradicting += g.count();
            }
            groups.add(new HostPairing.JoinedGroups(ga, gb, g.count(), contradicts,
                    new HostCitation(a.name(), ca.provenance(g.sampleA())),
                    new HostCitation(b.name(), cb.provenance(g.sampleB()))));
        }
        List<HostCitation> ambiguousRows = new ArrayList<>();
        for (ConnectionJoin.Ambiguity x : join.samples()) {
            ambiguousRows.add(new HostCitation(a.name(), ca.provenance(x.rowA())));
        }

        int[] lg = linkGroups(a, b);
        Optional<Duration> apart = a.capturedAt().isPresent() && b.capturedAt().isPresent()
                ? Optional.of(Duration.between(a.capturedAt().get(), b.capturedAt().get()).abs()) : Optional.empty();

        Relation relation;
        boolean counters = false;
        if (join.joined() > 0 || lg[0] > 0) {
            relation = Relation.JOINED;
        } else if (join.ambiguous() > 0) {
            // rows fit several rows of the other host: the same connections, which end is which is open
            relation = Relation.PEERS;
        } else if (ca.size() > 0 && cb.size() > 0) {
            // both list connections and not one of them is on the other host: different connections
            relation = Relation.UNRELATED;
        } else if (pointsAt(ca, b.evidence()) || pointsAt(cb, a.evidence()) || lg[1] > 0) {
            relation = Relation.PEERS;
        } else if (ca.size() > 0 && !addresses(b.evidence()).isEmpty()
                || cb.size() > 0 && !addresses(a.evidence()).isEmpty()) {
            // one host's connections go elsewhere than the other host's addresses
            relation = Relation.UNRELATED;
        } else {
            relation = Relation.UNKNOWN;
        }
        if (relation != Relation.JOINED && relation != Relation.UNRELATED && apart.isPresent()
                && apart.get().compareTo(COUNTER_WINDOW) <= 0 && counted(a.evidence()) && counted(b.evidence())) {
            counters = true;
            relation = Relation.PEERS;
        }
        return new HostPairing(a.name(), b.name(), relation, contradicting == 0, contradicting, join.joined(),
                join.byCut(), join.byPortZero(), join.ambiguous(), ambiguousRows, join.unmatchedA(),
                join.unmatchedB(), groups, lg[0], lg[1], apart, counters);
    }

    /** True when the listing shows a connection to one of the other host's interface addresses. */
    private static boolean pointsAt(SocketConnections c, Evidence other) {
        Set<String> theirs = addresses(other);
        if (theirs.isEmpty()) {
            return false;
        }
        for (int id = 0; id < c.addressCount(); id++) {
            if (!c.truncated(id)) {
                Optional<String> identity = Addresses.identity(c.address(id));
                if (identity.isPresent() && theirs.contains(identity.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The host's interface addresses from {@code ip addr} (loopback left out), as identities. */
    static Set<String> addresses(Evidence e) {
        Set<String> out = new HashSet<>();
        for (NetInterface n : e.facts(NetInterface.class)) {
            for (String cidr : n.addresses()) {
                Addresses.identityOfCidr(cidr).filter(x -> !x.startsWith("127.") && !x.equals("::1")).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean counted(Evidence e) {
        return !e.facts(SmcStats.class).isEmpty() || !e.facts(FallbackCounter.class).isEmpty();
    }

    /**
     * Link groups of A that name B: {[0]} joined by identity (a link's UID is the other's peer UID, or its GID the
     * other's peer GID, from {@code smcr -dd linkgroup link-show}; or the {@code Peer-Host} of {@code smcr -d
     * linkgroup} is the other host's name), {[1]} that only fit (client against server role, same EID and version).
     */
    private static int[] linkGroups(Side a, Side b) {
        int joined = 0;
        for (SmcrLink x : a.evidence().facts(SmcrLink.class)) {
            for (SmcrLink y : b.evidence().facts(SmcrLink.class)) {
                if (same(x.linkUid(), y.peerLinkUid()) && same(x.peerLinkUid(), y.linkUid())
                        || same(x.localGid(), y.peerGid()) && same(x.peerGid(), y.localGid())) {
                    joined++;
                    break;
                }
            }
        }
        int fit = 0;
        for (LinkGroup x : a.evidence().facts(LinkGroup.class)) {
            for (LinkGroup y : b.evidence().facts(LinkGroup.class)) {
                if (!x.technology().equals(y.technology())) {
                    continue;
                }
                if (names(x.peerHost(), b.hostname()) || names(y.peerHost(), a.hostname())) {
                    joined++;
                    break;
                }
                boolean roles = !x.role().isEmpty() && !y.role().isEmpty() && !x.role().equals(y.role());
                boolean eid = !x.eid().isBlank() && x.eid().strip().equals(y.eid().strip());
                boolean version = x.version() <= 0 || y.version() <= 0 || x.version() == y.version();
                if (roles && eid && version) {
                    fit++;
                    break;
                }
            }
        }
        return new int[] {joined, fit};
    }

    private static boolean same(String x, String y) {
        return x != null && y != null && !x.isBlank() && !x.matches("[0:]+") && x.strip().equalsIgnoreCase(y.strip());
    }

    /** True when a link group's Peer-Host names the other host ({@code (none)} names no host). */
    private static boolean names(String peerHost, Optional<String> hostname) {
        if (hostname.isEmpty() || peerHost == null) {
            return false;
        }
        Optional<String> usable = new HostIdentity(Provenance.of("linkgroup"), peerHost, Optional.empty()).usableName();
        return usable.isPresent() && usable.get().toLowerCase(Locale.ROOT).equals(hostname.get().toLowerCase(Locale.ROOT));
    }
}
