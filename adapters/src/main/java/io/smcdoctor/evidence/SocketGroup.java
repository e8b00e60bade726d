package io.smcdoctor.evidence;

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
 */
public record SocketGroup(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening,
                          long count, List<SocketRow> samples) implements Fact {
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
