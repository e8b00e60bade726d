package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * The summary of {@code smcr/smcd [-d] stats} (smc-tools {@code stats.c}; kernel counters of {@code net/smc/smc_stats.h}):
 * connection, handshake-error and fallback totals plus RX/TX counters. Absent values (lines only {@code -d} prints,
 * or an older smc-tools) are -1. What increments the buffer counters ({@code net/smc}): TX "Buffer too small" - one
 * send() longer than the local send buffer ({@code smc_tx_sendmsg}), "(remote)" - longer than the peer's RMB; TX
 * "Buffer full" - a writer waited for send-buffer space ({@code smc_tx_write_space}), "(remote)" - the peer's RMB was
 * full ({@code smc_tx_rdma_writes}); RX "Buffer full" - the RMB was full at recv time ({@code smc_rx_recvmsg});
 * "Buffer downgrades" - a smaller buffer than requested was allocated ({@code __smc_buf_create}, memory pressure);
 * "Buffer reuses" - a buffer of the link group was reused.
 *
 * @param handshakeErrors       "Handshake errors": connections that failed in the CLC handshake without a fallback
 *                              (e.g. an echoed SMC option, {@code smc_connect_decline_fallback} with a negative
 *                              reason); {@code handshakeErrorsClient}/{@code Server} the {@code -d} split
 * @param rxBufferDowngrades    RX "Buffer downgrades" ({@code -d})
 * @param txBufferDowngrades    TX "Buffer downgrades" ({@code -d})
 * @param rxBufferReuses        RX "Buffer reuses" ({@code -d})
 * @param txBufferReuses        TX "Buffer reuses" ({@code -d})
 * @param rxBufferUsageBytes    RX "Buffer usage (Bytes)" (smc-tools 1.8.4+ with a kernel that reports it)
 * @param txBufferUsageBytes    TX "Buffer usage (Bytes)"
 * @param specialSocketCalls    Extras "Special socket calls"
 */
public record SmcStats(Provenance provenance, String technology, long totalConnections, long smcConnections,
                       long smcClient, long smcServer, long v1, long v2, long handshakeErrors,
                       long handshakeErrorsClient, long handshakeErrorsServer, double avgRequestsPerConnection,
                       long tcpFallbacks, long fallbacksClient, long fallbacksServer, long rxBytes, long rxRequests,
                       long rxBufferFull, long txBytes, long txRequests, long txBufferFull, long txBufferFullRemote,
                       long txBufferTooSmall, long txBufferTooSmallRemote, long rxBufferDowngrades,
                       long txBufferDowngrades, long rxBufferReuses, long txBufferReuses, long rxBufferUsageBytes,
                       long txBufferUsageBytes, long specialSocketCalls) implements Fact {
    public SmcStats {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(technology, "technology");
    }

    /** Stats without the {@code -d} buffer details (downgrades, reuses, usage, special calls: -1). */
    public SmcStats(Provenance provenance, String technology, long totalConnections, long smcConnections, long smcClient,
                    long smcServer, long v1, long v2, long handshakeErrors, long handshakeErrorsClient,
                    long handshakeErrorsServer, double avgRequestsPerConnection, long tcpFallbacks, long fallbacksClient,
                    long fallbacksServer, long rxBytes, long rxRequests, long rxBufferFull, long txBytes, long txRequests,
                    long txBufferFull, long txBufferFullRemote, long txBufferTooSmall, long txBufferTooSmallRemote) {
        this(provenance, technology, totalConnections, smcConnections, smcClient, smcServer, v1, v2, handshakeErrors,
                handshakeErrorsClient, handshakeErrorsServer, avgRequestsPerConnection, tcpFallbacks, fallbacksClient,
                fallbacksServer, rxBytes, rxRequests, rxBufferFull, txBytes, txRequests, txBufferFull, txBufferFullRemote,
                txBufferTooSmall, txBufferTooSmallRemote, -1, -1, -1, -1, -1, -1, -1);
    }
}
