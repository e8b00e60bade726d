package io.smcdoctor.rules;

import io.smcdoctor.evidence.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * Fact: a fallback reason code was seen, on sockets ({@code smcss}) or in the fallback counters of
 * {@code smcr/smcd -d stats}. One fact per (local code, peer code) pair; computed in Java from the
 * {@code SocketGroup} and {@code FallbackCounter} facts so that rules need not add counts up.
 *
 * @param code       the local reason code
 * @param peerCode   the peer's reason when {@code code} is {@code 0x05000000} (0 when none or unknown)
 * @param sockets    fallback sockets with this pair (0 when only counters show it)
 * @param counted    the counters' total for the code (0 when no stats)
 * @param share      {@code sockets} divided by all fallback sockets, or the counter share when no socket shows it
 * @param evidence   the socket rows and counter lines that show it
 */
public record FallbackObserved(int code, int peerCode, long sockets, long counted, double share,
                               List<Provenance> evidence) {
    public FallbackObserved {
        Objects.requireNonNull(evidence, "evidence");
        evidence = List.copyOf(evidence);
    }
}
