package io.smcdoctor.fleet;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet table: one row per bundle × diagnosis. A readable bundle without any diagnosis has one row with a
 * null {@code cause_id}; an unreadable bundle has one row with its {@code error} and nulls elsewhere. The columns
 * after {@code evidence_count} describe the whole bundle and repeat on each of its rows. Column names and types are
 * a contract (README "Fleet"): columns are only ever added.
 */
final class FleetRows {
    /** The table's schema, in column order. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("host", DataTypes.StringType, false),
        DataTypes.createStructField("host_source", DataTypes.StringType, false),
        DataTypes.createStructField("bundle", DataTypes.StringType, false),
        DataTypes.createStructField("collected_at", DataTypes.TimestampType, true),
        DataTypes.createStructField("modified_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("kernel", DataTypes.StringType, true),
        DataTypes.createStructField("rank", DataTypes.IntegerType, true),
        DataTypes.createStructField("cause_id", DataTypes.StringType, true),
        DataTypes.createStructField("title", DataTypes.StringType, true),
        DataTypes.createStructField("confidence", DataTypes.DoubleType, true),
        DataTypes.createStructField("severity", DataTypes.StringType, true),
        DataTypes.createStructField("side", DataTypes.StringType, true),
        DataTypes.createStructField("reason_codes", DataTypes.createArrayType(DataTypes.StringType, false), true),
        DataTypes.createStructField("evidence_count", DataTypes.IntegerType, true),
        DataTypes.createStructField("sockets", DataTypes.LongType, true),
        DataTypes.createStructField("smc_sockets", DataTypes.LongType, true),
        DataTypes.createStructField("fallbacks",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), true),
        DataTypes.createStructField("warnings", DataTypes.IntegerType, true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
    });

    private FleetRows() {
    }

    /** The rows of one bundle, in rank order. */
    static List<Row> rows(BundleResult r) {
        List<Row> out = new ArrayList<>();
        Timestamp collected = r.collectedAt() == null ? null : Timestamp.from(r.collectedAt());
        Timestamp modified = Timestamp.from(r.modifiedAt());
        if (r.error() != null) {
            out.add(RowFactory.create(r.host(), r.hostSource(), r.bundle(), collected, modified, r.kernel(), null,
                    null, null, null, null, null, null, null, null, null, null, null, r.error()));
            return out;
        }
        Object fallbacks = CollectionConverters.asScala(r.fallbacks());
        if (r.causes().isEmpty()) {
            out.add(bundleRow(r, collected, modified, null, fallbacks));
        }
        for (BundleResult.Cause c : r.causes()) {
            out.add(bundleRow(r, collected, modified, c, fallbacks));
        }
        return out;
    }

    private static Row bundleRow(BundleResult r, @Nullable Timestamp collected, Timestamp modified,
                                 BundleResult.@Nullable Cause c, Object fallbacks) {
        return RowFactory.create(r.host(), r.hostSource(), r.bundle(), collected, modified, r.kernel(),
                c == null ? null : c.rank(), c == null ? null : c.id(), c == null ? null : c.title(),
                c == null ? null : c.confidence(), c == null ? null : c.severity(), c == null ? null : c.side(),
                c == null ? null : c.reasonCodes().toArray(new String[0]), c == null ? null : c.evidence(),
                r.sockets(), r.smcSockets(), fallbacks, r.warnings(), null);
    }
}
