package io.smcdoctor.fleet;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the fleet keeps of one bundle: who and when, the summary numbers, the ranked causes, or the error that made
 * it unreadable. Plain values (no library or Spark types), turned into table rows by {@link FleetRows}.
 *
 * @param bundle      the bundle's path in storage, as Hadoop names it ({@code file:/...}, {@code hdfs://...})
 * @param host        the host name: from {@code manifest.json}, else from {@code uname -a}, else the bundle's name
 * @param hostSource  where {@code host} came from: {@code manifest}, {@code uname} or {@code bundle-name}
 * @param collectedAt when the bundle was collected (from {@code manifest.json}), or null
 * @param modifiedAt  when the bundle was last modified in storage
 * @param kernel      the kernel release ({@code uname.txt}, else {@code manifest.json}), or null
 * @param sockets     sockets in the smcss listings (0 when unreadable)
 * @param smcSockets  of those, sockets in SMC-R or SMC-D mode
 * @param fallbacks   fallback sockets per reason code ({@code 0x%08x}), as the report's stats count them
 * @param warnings    parse warnings of the bundle
 * @param causes      the ranked diagnoses, most likely first (empty when none or unreadable)
 * @param error       why the bundle could not be read (starts with the bundle's path), or null
 * @param keys        the bundle's connection keys for pairing ({@link PairKeyCodes}), empty when not asked or
 *                    unreadable; not a table column
 */
record BundleResult(String bundle, String host, String hostSource, @Nullable Instant collectedAt, Instant modifiedAt,
                    @Nullable String kernel, long sockets, long smcSockets, Map<String, Long> fallbacks, int warnings,
                    List<Cause> causes, @Nullable String error, long[] keys) implements Serializable {
    private static final long serialVersionUID = 1L;

    BundleResult {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostSource, "hostSource");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        fallbacks = java.util.Collections.unmodifiableMap(new TreeMap<>(fallbacks));
        causes = List.copyOf(causes);
        Objects.requireNonNull(keys, "keys");
    }

    /** An unreadable bundle. */
    static BundleResult unreadable(String bundle, String host, Instant modifiedAt, String error) {
        return new BundleResult(bundle, host, "bundle-name", null, modifiedAt, null, 0, 0, Map.of(), 0, List.of(),
                error, new long[0]);
    }

    /**
     * One ranked diagnosis.
     *
     * @param rank        1 = most likely
     * @param id          the catalog cause id
     * @param title       its title (English)
     * @param confidence  0..1
     * @param severity    {@code problem}, {@code warning} or {@code info}
     * @param side        {@code local}, {@code peer}, {@code host} or {@code unknown}
     * @param reasonCodes the reason codes it explains ({@code 0x%08x})
     * @param evidence    how many evidence lines it cites
     */
    record Cause(int rank, String id, String title, double confidence, String severity, String side,
                 List<String> reasonCodes, int evidence) implements Serializable {
        private static final long serialVersionUID = 1L;

        Cause {
            Objects.requireNonNull(id, "id");
            reasonCodes = List.copyOf(reasonCodes);
        }
    }
}
