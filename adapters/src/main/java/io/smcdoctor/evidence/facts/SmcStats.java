package io.smcdoctor.evidence.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of {@code smcr/smcd [-d] stats} (smc-tools {@code stats.c}; kernel counters of {@code net/smc/smc_stats.h}):
 * connection, handshake-error and fallback totals plus RX/TX counters. Absent values (lines only {@code -d} prints,
 * or an older smc-tools) are {@link #UNKNOWN}. What increments the buffer counters ({@code net/smc}): TX "Buffer too
 * small" - one send() longer than the local send buffer ({@code smc_tx_sendmsg}), "(remote)" - longer than the peer's RMB; TX
 * "Buffer full" - a writer waited for send-buffer space ({@code smc_tx_write_space}), "(remote)" - the peer's RMB was
 * full ({@code smc_tx_rdma_writes}); RX "Buffer full" - the RMB was full at recv time ({@code smc_rx_recvmsg});
 * "Buffer downgrades" - a smaller buffer than requested was allocated ({@code __smc_buf_create}, memory pressure);
 * "Buffer reuses" - a buffer of the link group was reused. Build one with {@link #builder}.
 *
 * @param provenance               the summary's first line
 * @param technology               SMC-R or SMC-D
 * @param totalConnections         connections handled
 * @param smcConnections           connections that used SMC
 * @param smcClient                SMC connections as client
 * @param smcServer                SMC connections as server
 * @param v1                       SMCv1 connections
 * @param v2                       SMCv2 connections
 * @param handshakeErrors          "Handshake errors": connections that failed in the CLC handshake without a fallback
 *                                 (e.g. an echoed SMC option, {@code smc_connect_decline_fallback} with a negative
 *                                 reason)
 * @param handshakeErrorsClient    handshake errors as client ({@code -d})
 * @param handshakeErrorsServer    handshake errors as server ({@code -d})
 * @param avgRequestsPerConnection average requests per SMC connection
 * @param tcpFallbacks             connections that fell back to TCP
 * @param fallbacksClient          fallbacks as client
 * @param fallbacksServer          fallbacks as server
 * @param rxBytes                  bytes received
 * @param rxRequests               receive requests
 * @param rxBufferFull             receives that found the buffer full
 * @param txBytes                  bytes sent
 * @param txRequests               send requests
 * @param txBufferFull             sends that found the buffer full
 * @param txBufferFullRemote       sends that found the peer's buffer full
 * @param txBufferTooSmall         sends larger than the buffer
 * @param txBufferTooSmallRemote   sends larger than the peer's buffer
 * @param rxBufferDowngrades       RX "Buffer downgrades" ({@code -d})
 * @param txBufferDowngrades       TX "Buffer downgrades" ({@code -d})
 * @param rxBufferReuses           RX "Buffer reuses" ({@code -d})
 * @param txBufferReuses           TX "Buffer reuses" ({@code -d})
 * @param rxBufferUsageBytes       RX "Buffer usage (Bytes)" (smc-tools 1.8.4+ with a kernel that reports it)
 * @param txBufferUsageBytes       TX "Buffer usage (Bytes)"
 * @param specialSocketCalls       Extras "Special socket calls"
 * @param counterLines             the line that printed a counter, by the counter's component name (e.g.
 *                                 {@code handshakeErrors}), for the counters a rule cites; see {@link #lineOf}
 */
public record SmcStats(Provenance provenance, SmcTechnology technology, long totalConnections, long smcConnections,
                       long smcClient, long smcServer, long v1, long v2, long handshakeErrors,
                       long handshakeErrorsClient, long handshakeErrorsServer, double avgRequestsPerConnection,
                       long tcpFallbacks, long fallbacksClient, long fallbacksServer, long rxBytes, long rxRequests,
                       long rxBufferFull, long txBytes, long txRequests, long txBufferFull, long txBufferFullRemote,
                       long txBufferTooSmall, long txBufferTooSmallRemote, long rxBufferDowngrades,
                       long txBufferDowngrades, long rxBufferReuses, long txBufferReuses, long rxBufferUsageBytes,
                       long txBufferUsageBytes, long specialSocketCalls, Map<String, Provenance> counterLines)
        implements Fact {
    /** The value of a counter the listing did not print. */
    public static final long UNKNOWN = -1;

    public SmcStats {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(technology, "technology");
        counterLines = Map.copyOf(Objects.requireNonNull(counterLines, "counterLines"));
    }

    /**
     * The line a counter was printed on ({@code counter} is its component name, e.g. {@code handshakeErrors}), so that
     * a diagnosis cites that line; the listing's header line when the line is not known.
     */
    public Provenance lineOf(String counter) {
        return counterLines.getOrDefault(counter, provenance);
    }

    /** A builder whose counters are all {@link #UNKNOWN} until set. */
    public static Builder builder(Provenance provenance, SmcTechnology technology) {
        return new Builder(provenance, technology);
    }

    /** Builds {@link SmcStats} counter by counter, by name. Not thread-safe. */
    public static final class Builder {
        private final Provenance provenance;
        private final SmcTechnology technology;
        private long totalConnections = UNKNOWN;
        private long smcConnections = UNKNOWN;
        private long smcClient = UNKNOWN;
        private long smcServer = UNKNOWN;
        private long v1 = UNKNOWN;
        private long v2 = UNKNOWN;
        private long handshakeErrors = UNKNOWN;
        private long handshakeErrorsClient = UNKNOWN;
        private long handshakeErrorsServer = UNKNOWN;
        private double avgRequestsPerConnection = UNKNOWN;
        private long tcpFallbacks = UNKNOWN;
        private long fallbacksClient = UNKNOWN;
        private long fallbacksServer = UNKNOWN;
        private long rxBytes = UNKNOWN;
        private long rxRequests = UNKNOWN;
        private long rxBufferFull = UNKNOWN;
        private long txBytes = UNKNOWN;
        private long txRequests = UNKNOWN;
        private long txBufferFull = UNKNOWN;
        private long txBufferFullRemote = UNKNOWN;
        private long txBufferTooSmall = UNKNOWN;
        private long txBufferTooSmallRemote = UNKNOWN;
        private long rxBufferDowngrades = UNKNOWN;
        private long txBufferDowngrades = UNKNOWN;
        private long rxBufferReuses = UNKNOWN;
        private long txBufferReuses = UNKNOWN;
        private long rxBufferUsageBytes = UNKNOWN;
        private long txBufferUsageBytes = UNKNOWN;
        private long specialSocketCalls = UNKNOWN;

        /** The lines of the counters a rule cites, by component name. */
        private final Map<String, Provenance> counterLines = new LinkedHashMap<>();

        private Builder(Provenance provenance, SmcTechnology technology) {
            this.provenance = Objects.requireNonNull(provenance, "provenance");
            this.technology = Objects.requireNonNull(technology, "technology");
        }

        /** Sets {@code totalConnections}: connections handled. */
        public Builder totalConnections(long value) {
            totalConnections = value;
            return this;
        }

        /** Sets {@code smcConnections}: connections that used SMC. */
        public Builder smcConnections(long value) {
            smcConnections = value;
            return this;
        }

        /** Sets {@code smcClient}: SMC connections as client. */
        public Builder smcClient(long value) {
            smcClient = value;
            return this;
        }

        /** Sets {@code smcServer}: SMC connections as server. */
        public Builder smcServer(long value) {
            smcServer = value;
            return this;
        }

        /** Sets {@code v1}: SMCv1 connections. */
        public Builder v1(long value) {
            v1 = value;
            return this;
        }

        /** Sets {@code v2}: SMCv2 connections. */
        public Builder v2(long value) {
            v2 = value;
            return this;
        }

        /** Sets {@code handshakeErrors}: handshake errors. */
        public Builder handshakeErrors(long value) {
            handshakeErrors = value;
            return this;
        }

        /** Sets {@code handshakeErrorsClient}: handshake errors as client. */
        public Builder handshakeErrorsClient(long value) {
            handshakeErrorsClient = value;
            return this;
        }

        /** Sets {@code handshakeErrorsServer}: handshake errors as server. */
        public Builder handshakeErrorsServer(long value) {
            handshakeErrorsServer = value;
            return this;
        }

        /** Sets {@code avgRequestsPerConnection}: average requests per SMC connection. */
        public Builder avgRequestsPerConnection(double value) {
            avgRequestsPerConnection = value;
            return this;
        }

        /** Sets {@code tcpFallbacks}: connections that fell back to TCP. */
        public Builder tcpFallbacks(long value) {
            tcpFallbacks = value;
            return this;
        }

        /** Sets {@code fallbacksClient}: fallbacks as client. */
        public Builder fallbacksClient(long value) {
            fallbacksClient = value;
            return this;
        }

        /** Sets {@code fallbacksServer}: fallbacks as server. */
        public Builder fallbacksServer(long value) {
            fallbacksServer = value;
            return this;
        }

        /** Sets {@code rxBytes}: bytes received. */
        public Builder rxBytes(long value) {
            rxBytes = value;
            return this;
        }

        /** Sets {@code rxRequests}: receive requests. */
        public Builder rxRequests(long value) {
            rxRequests = value;
            return this;
        }

        /** Sets {@code rxBufferFull}: receives that found the buffer full. */
        public Builder rxBufferFull(long value) {
            rxBufferFull = value;
            return this;
        }

        /** Sets {@code txBytes}: bytes sent. */
        public Builder txBytes(long value) {
            txBytes = value;
            return this;
        }

        /** Sets {@code txRequests}: send requests. */
        public Builder txRequests(long value) {
            txRequests = value;
            return this;
        }

        /** Sets {@code txBufferFull}: sends that found the buffer full. */
        public Builder txBufferFull(long value) {
            txBufferFull = value;
            return this;
        }

        /** Sets {@code txBufferFullRemote}: sends that found the peer's buffer full. */
        public Builder txBufferFullRemote(long value) {
            txBufferFullRemote = value;
            return this;
        }

        /** Sets {@code txBufferTooSmall}: sends larger than the buffer. */
        public Builder txBufferTooSmall(long value) {
            txBufferTooSmall = value;
            return this;
        }

        /** Sets {@code txBufferTooSmallRemote}: sends larger than the peer's buffer. */
        public Builder txBufferTooSmallRemote(long value) {
            txBufferTooSmallRemote = value;
            return this;
        }

        /** Sets {@code rxBufferDowngrades}: RX buffers smaller than requested. */
        public Builder rxBufferDowngrades(long value) {
            rxBufferDowngrades = value;
            return this;
        }

        /** Sets {@code txBufferDowngrades}: TX buffers smaller than requested. */
        public Builder txBufferDowngrades(long value) {
            txBufferDowngrades = value;
            return this;
        }

        /** Sets {@code rxBufferReuses}: RX buffers reused. */
        public Builder rxBufferReuses(long value) {
            rxBufferReuses = value;
            return this;
        }

        /** Sets {@code txBufferReuses}: TX buffers reused. */
        public Builder txBufferReuses(long value) {
            txBufferReuses = value;
            return this;
        }

        /** Sets {@code rxBufferUsageBytes}: RX buffer usage in bytes. */
        public Builder rxBufferUsageBytes(long value) {
            rxBufferUsageBytes = value;
            return this;
        }

        /** Sets {@code txBufferUsageBytes}: TX buffer usage in bytes. */
        public Builder txBufferUsageBytes(long value) {
            txBufferUsageBytes = value;
            return this;
        }

        /** Sets {@code specialSocketCalls}: special socket calls. */
        public Builder specialSocketCalls(long value) {
            specialSocketCalls = value;
            return this;
        }

        /** Records the line a counter ({@code counter}: its component name) was printed on; see {@link #lineOf}. */
        public Builder counterLine(String counter, Provenance line) {
            counterLines.put(Objects.requireNonNull(counter, "counter"), Objects.requireNonNull(line, "line"));
            return this;
        }

        /** The technology the listing is of. */
        public SmcTechnology technology() {
            return technology;
        }

        /** The stats. */
        public SmcStats build() {
            return new SmcStats(provenance, technology, totalConnections, smcConnections, smcClient, smcServer, v1,
                    v2, handshakeErrors, handshakeErrorsClient, handshakeErrorsServer, avgRequestsPerConnection,
                    tcpFallbacks, fallbacksClient, fallbacksServer, rxBytes, rxRequests, rxBufferFull, txBytes,
                    txRequests, txBufferFull, txBufferFullRemote, txBufferTooSmall, txBufferTooSmallRemote,
                    rxBufferDowngrades, txBufferDowngrades, rxBufferReuses, txBufferReuses, rxBufferUsageBytes,
                    txBufferUsageBytes, specialSocketCalls, counterLines);
        }
    }
}
