package io.smcdoctor.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link FleetJob} run did.
 *
 * @param bundles     bundles found and diagnosed or tried
 * @param unreadable  of those, bundles that could not be read
 * @param hosts       distinct hosts among the readable bundles
 * @param rows        rows written to the table
 * @param table       the Parquet table's directory
 * @param summaryFile the JSON summary's path
 * @param summaryPage the summary page's path (HTML)
 * @param summary     the summary's content
 * @param timings     where the time went
 * @param bytes       bundle bytes copied from storage (archives as stored, directory bundles' files)
 * @param pairTable   the pairs table's directory, empty when pairing was off
 */
public record FleetRun(long bundles, long unreadable, long hosts, long rows, String table, String summaryFile,
                       String summaryPage, FleetSummary summary, Timings timings, long bytes,
                       Optional<String> pairTable) {
    public FleetRun {
        Objects.requireNonNull(pairTable, "pairTable");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(summaryFile, "summaryFile");
        Objects.requireNonNull(summaryPage, "summaryPage");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timings, "timings");
    }

    /**
     * Wall-clock phases on the driver, and the time the tasks spent on their bundles summed over all task threads.
     *
     * @param listing  listing the inputs on the driver
     * @param diagnose reading, diagnosing and writing the diagnoses table (the Spark job)
     * @param summary  reading the table back and writing the summary
     * @param copy     tasks: copying bundles from storage to local disk
     * @param read     tasks: reading and parsing them (decompression included)
     * @param rules    tasks: diagnosing them (rules and ranking)
     * @param pairing  pairing the bundles and diagnosing the pairs, writing the pairs table (the Spark jobs)
     * @param keys     tasks: making the bundles' connection keys (part of the diagnosing phase)
     * @param pairRead tasks: reading the paired bundles again
     * @param pairRules tasks: diagnosing the pairs together
     */
    public record Timings(Duration listing, Duration diagnose, Duration summary, Duration copy, Duration read,
                          Duration rules, Duration pairing, Duration keys, Duration pairRead, Duration pairRules) {
    }
}
