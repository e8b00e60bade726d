package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * Sockets that share mode, reason codes, address family and whether they listen: the unit rules reason
 * about. Counts are exact; {@link #samples()} keeps at most {@link SocketSummary#SAMPLES_PER_GROUP} rows.
 *
 * @param mode      mode of every socket in the group
 * @param localCode local fallback code (0 none)
 * @param peerCode  peer code (0 none)
 * @param family    address family
 * @param listening true for LISTEN rows
 * @param count     how many sockets (de-duplicated by inode across listings)
 * @param samples   the first rows seen, with their provenance
 * @param servers   sockets of the group whose local port is the port of a LISTEN row of the evidence (accepted
 *                  sockets: this host is the server); -1 when the evidence has no LISTEN row (smcss without
 *                  {@code -a}), so the side is unknown; 0 for LISTEN groups
 * @param clients   the group's other sockets with a known local port (this host connected), -1 when the side is
 *                  unknown; {@code count - servers - clients} sockets (those with local port 0) have no known side
 * @param localPortZero sockets of the group whose local port is printed as 0: smc_diag reads the port from the CLC
 *                  (TCP) socket ({@code net/smc/smc_diag.c smc_diag_msg_common_fill()}), so an SMC connection whose
 *                  TCP socket is gone shows port 0 (lab capture rdma-link-removed: an ACTIVE SMCR row with local
 *                  port 0 after the peer's RDMA device was removed)
 */
public record SocketGroup(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening,
                          long count, List<SocketRow> samples, long servers, long clients, long localPortZero)
        implements Fact {
    /** A group whose sides are unknown and without port-0 rows (kept for callers that build groups by hand). */
    public SocketGroup(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening, long count,
                       List<SocketRow> samples) {
        this(mode, localCode, peerCode, family, listening, count, samples, -1, -1, 0);
    }

    public SocketGroup {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(family, "family");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a socket group needs at least one sample row");
        }
    }

    @Override
    public Provenance provenance() {
        return samples.get(0).provenance();
    }

    /** True when these sockets use SMC (SMC-R or SMC-D). */
    public boolean smc() {
        return mode.smc();
    }

    /** True when these sockets fell back to TCP. */
    public boolean fallback() {
        return mode == SocketMode.TCP;
    }
}
