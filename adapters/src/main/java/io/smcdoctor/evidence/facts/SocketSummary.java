package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Map;

/**
 * All sockets of the evidence, aggregated: totals and groups. Memory stays bounded however many sockets
 * the listings hold.
 *
 * @param total      sockets other than LISTEN (de-duplicated by inode)
 * @param listening  LISTEN sockets
 * @param smc        sockets in SMCR or SMCD mode
 * @param fallbacks  sockets in TCP (fallback) mode
 * @param byCode     fallback count per code; a {@code local/peer} pair counts under both codes
 * @param groups     the groups, largest first
 * @param unavailable true when socket listings were given but every one failed (smcss printed a tool error such as
 *                   {@code RTNETLINK answers: ...} and no row): the sockets are unknown, not zero; see
 *                   {@link InputFailed}
 */
public record SocketSummary(long total, long listening, long smc, long fallbacks, Map<Integer, Long> byCode,
                            List<SocketGroup> groups, boolean unavailable) {
    /** Rows kept as samples per group. */
    public static final int SAMPLES_PER_GROUP = 8;

    /** No sockets. */
    public static final SocketSummary EMPTY = new SocketSummary(0, 0, 0, 0, Map.of(), List.of(), false);

    public SocketSummary {
        byCode = Map.copyOf(byCode);
        groups = List.copyOf(groups);
    }

    /** The share of the sockets (other than LISTEN) that fell back to TCP, in [0, 1]; 0 when there is none. */
    public double fallbackRatio() {
        return total > 0 ? (double) fallbacks / total : 0;
    }
}
