package io.smcdoctor;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Summary numbers of a report.
 *
 * @param sockets    sockets in the smcss listings other than LISTEN (de-duplicated by inode)
 * @param smcSockets sockets in SMCR or SMCD mode
 * @param fallbacks  fallback count per reason code, ordered by code: sockets from smcss (a {@code local/peer} pair
 *                   counts under both codes); a code seen only in the stats counters counts its counter value
 */
public record ReportStats(long sockets, long smcSockets, Map<Integer, Long> fallbacks) {
    public ReportStats {
        Objects.requireNonNull(fallbacks, "fallbacks");
        fallbacks = java.util.Collections.unmodifiableMap(new TreeMap<>(fallbacks));
    }
}
