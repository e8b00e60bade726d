package io.smcdoctor.fleet;

import org.apache.spark.sql.SparkSession;

/**
 * The one local-mode Spark session of the test JVM ({@link FleetMain#localSession}: two worker threads, no UI), built
 * on first use and shared by the test classes that run the job; Spark's own shutdown hook stops it when the JVM exits.
 */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession session() {
        return Holder.SESSION;
    }

    private static final class Holder {
        static final SparkSession SESSION = FleetMain.localSession(2);
    }
}
