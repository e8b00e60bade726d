package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * The summary of {@code smcr/smcd [-d] stats}: connection, handshake-error and fallback totals plus RX/TX counters. Absent values are -1.
 */
public record SmcStats(Provenance provenance, SmcTechnology technology, long totalConnections, long smcConnections, long smcClient, long smcServer, long v1, long v2, long handshakeErrors, long handshakeErrorsClient, long handshakeErrorsServer, double avgRequestsPerConnection, long tcpFallbacks, long fallbacksClient, long fallbacksServer, long rxBytes, long rxRequests, long rxBufferFull, long txBytes, long txRequests, long txBufferFull, long txBufferFullRemote, long txBufferTooSmall, long txBufferTooSmallRemote) implements Fact {
    public SmcStats {
        Objects.requireNonNull(provenance, "provenance");
    }
}
