package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * The summary of {@code smcr/smcd [-d] stats}: connection, handshake-error and fallback totals plus RX/TX counters.
 * A counter the listing did not print is {@link #UNKNOWN}. Build one with {@link #builder}.
 *
 * @param provenance               the summary's first line
 * @param technology               SMC-R or SMC-D
 * @param totalConnections         connections handled, {@link #UNKNOWN} when not printed
 * @param smcConnections           connections that used SMC, {@link #UNKNOWN} when not printed
 * @param smcClient                SMC connections as client, {@link #UNKNOWN} when not printed
 * @param smcServer                SMC connections as server, {@link #UNKNOWN} when not printed
 * @param v1                       SMCv1 connections, {@link #UNKNOWN} when not printed
 * @param v2                       SMCv2 connections, {@link #UNKNOWN} when not printed
 * @param handshakeErrors          handshake errors, {@link #UNKNOWN} when not printed
 * @param handshakeErrorsClient    handshake errors as client, {@link #UNKNOWN} when not printed
 * @param handshakeErrorsServer    handshake errors as server, {@link #UNKNOWN} when not printed
 * @param avgRequestsPerConnection average requests per SMC connection, {@link #UNKNOWN} when not printed
 * @param tcpFallbacks             connections that fell back to TCP, {@link #UNKNOWN} when not printed
 * @param fallbacksClient          fallbacks as client, {@link #UNKNOWN} when not printed
 * @param fallbacksServer          fallbacks as server, {@link #UNKNOWN} when not printed
 * @param rxBytes                  bytes received, {@link #UNKNOWN} when not printed
 * @param rxRequests               receive requests, {@link #UNKNOWN} when not printed
 * @param rxBufferFull             receives that found the buffer full, {@link #UNKNOWN} when not printed
 * @param txBytes                  bytes sent, {@link #UNKNOWN} when not printed
 * @param txRequests               send requests, {@link #UNKNOWN} when not printed
 * @param txBufferFull             sends that found the buffer full, {@link #UNKNOWN} when not printed
 * @param txBufferFullRemote       sends that found the peer's buffer full, {@link #UNKNOWN} when not printed
 * @param txBufferTooSmall         sends larger than the buffer, {@link #UNKNOWN} when not printed
 * @param txBufferTooSmallRemote   sends larger than the peer's buffer, {@link #UNKNOWN} when not printed
 */
public record SmcStats(Provenance provenance, SmcTechnology technology, long totalConnections, long smcConnections,
                       long smcClient, long smcServer, long v1, long v2, long handshakeErrors, long
                       handshakeErrorsClient, long handshakeErrorsServer, double avgRequestsPerConnection, long
                       tcpFallbacks, long fallbacksClient, long fallbacksServer, long rxBytes, long rxRequests, long
                       rxBufferFull, long txBytes, long txRequests, long txBufferFull, long txBufferFullRemote, long
                       txBufferTooSmall, long txBufferTooSmallRemote) implements Fact {
    /** The value of a counter the listing did not print. */
    public static final long UNKNOWN = -1;

    public SmcStats {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(technology, "technology");
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

        /** The technology the listing is of. */
        public SmcTechnology technology() {
            return technology;
        }

        /** The stats. */
        public SmcStats build() {
            return new SmcStats(provenance, technology, totalConnections, smcConnections, smcClient, smcServer, v1,
                    v2, handshakeErrors, handshakeErrorsClient, handshakeErrorsServer, avgRequestsPerConnection,
                    tcpFallbacks, fallbacksClient, fallbacksServer, rxBytes, rxRequests, rxBufferFull, txBytes,
                    txRequests, txBufferFull, txBufferFullRemote, txBufferTooSmall, txBufferTooSmallRemote);
        }
    }
}
