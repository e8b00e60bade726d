package io.smcdoctor.fleet;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Spark accumulators the tasks add to: bundles done and unreadable (for the progress line) and where the time of a
 * bundle goes (copying it from storage to local disk, reading and parsing it, diagnosing it, making its connection
 * keys for pairing), and of the bundle pairs (reading both bundles again, diagnosing them together). The driver sees
 * a task's additions when the task ends. Values are for progress and measurement only: a retried task adds twice;
 * the exact counts come from the table.
 */
record FleetCounters(LongAccumulator bundles, LongAccumulator unreadable, LongAccumulator bytes,
                     LongAccumulator copyNanos, LongAccumulator readNanos, LongAccumulator diagnoseNanos,
                     LongAccumulator keyNanos, LongAccumulator pairReadNanos, LongAccumulator pairDiagnoseNanos)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static FleetCounters register(SparkContext sc) {
        return new FleetCounters(sc.longAccumulator("smc-doctor bundles"),
                sc.longAccumulator("smc-doctor unreadable bundles"), sc.longAccumulator("smc-doctor bundle bytes"),
                sc.longAccumulator("smc-doctor copy ns"), sc.longAccumulator("smc-doctor read ns"),
                sc.longAccumulator("smc-doctor diagnose ns"), sc.longAccumulator("smc-doctor connection keys ns"),
                sc.longAccumulator("smc-doctor pair read ns"), sc.longAccumulator("smc-doctor pair diagnose ns"));
    }
}
