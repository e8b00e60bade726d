package io.smcdoctor.rules;

import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.Provenance;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fact: a fallback reason code was seen, on sockets ({@code smcss}) or in the fallback counters of
 * {@code smcr/smcd -d stats}. One fact per (local code, peer code, address family) of the sockets; computed in Java
 * from the {@code SocketGroup} and {@code FallbackCounter} facts so that rules need not add counts up. Splitting by
 * family keeps causes that hold for one family only (IPv6) from speaking for the sockets of another.
 *
 * @param code       the local reason code
 * @param peerCode   the peer's reason when {@code code} is {@code 0x05000000} (0 when none or unknown)
 * @param family     address family of the sockets ({@link IpFamily#UNKNOWN} when only counters show the code)
 * @param roles      which end of the connection these sockets are (a socket whose local port is a listening port of
 *                   the same listing is the server end); empty when unknown
 * @param sockets    fallback sockets with this pair (0 when only counters show it)
 * @param counted    the counters' total for the code (0 when no stats)
 * @param share      {@code sockets} divided by all fallback sockets, or the counter share when no socket shows it
 * @param evidence   the socket rows and counter lines that show it
 */
public record FallbackObserved(int code, int peerCode, IpFamily family, Set<Role> roles, long sockets, long counted,
                               double share, List<Provenance> evidence) {
    public FallbackObserved {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(evidence, "evidence");
        roles = Set.copyOf(roles);
        evidence = List.copyOf(evidence);
    }
}
