/**
 * Fleet diagnosis on Apache Spark: many hosts' evidence bundles into one Parquet table, one JSON summary and the
 * summary as a self-contained HTML page.
 * Entry points: {@link io.smcdoctor.fleet.FleetJob} (embedded in a Spark application) and
 * {@link io.smcdoctor.fleet.FleetMain} ({@code smc-doctor fleet} in local mode, {@code spark-submit} on a cluster).
 */
@NullMarked
package io.smcdoctor.fleet;

import org.jspecify.annotations.NullMarked;
