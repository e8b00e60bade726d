package io.smcdoctor.fleet;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The Parquet table {@code pairs}: one row per bundle pair × pair diagnosis, in the shape of the {@code diagnoses}
 * table (a pair without any diagnosis has one row with a null {@code cause_id}; a pair that could not be diagnosed has
 * one row with its {@code error}). {@code bundle_a}/{@code bundle_b} are the {@code bundle} values of the
 * {@code diagnoses} table, to join the two. The columns up to {@code contradicting} describe the pair and repeat on
 * each of its rows. Column names and types are a contract (README "Fleet"): columns are only ever added.
 */
final class PairRows {
    private static final org.apache.spark.sql.types.DataType STRINGS =
            DataTypes.createArrayType(DataTypes.StringType, false);

    /** The table's schema, in column order. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("host_a", DataTypes.StringType, false),
        DataTypes.createStructField("bundle_a", DataTypes.StringType, false),
        DataTypes.createStructField("host_b", DataTypes.StringType, false),
        DataTypes.createStructField("bundle_b", DataTypes.StringType, false),
        DataTypes.createStructField("matched_keys", DataTypes.LongType, false),
        DataTypes.createStructField("relation", DataTypes.StringType, true),
        DataTypes.createStructField("related", DataTypes.BooleanType, true),
        DataTypes.createStructField("consistent", DataTypes.BooleanType, true),
        DataTypes.createStructField("joined", DataTypes.LongType, true),
        DataTypes.createStructField("joined_by_cut", DataTypes.LongType, true),
        DataTypes.createStructField("contradicting", DataTypes.LongType, true),
        DataTypes.createStructField("rank", DataTypes.IntegerType, true),
        DataTypes.createStructField("cause_id", DataTypes.StringType, true),
        DataTypes.createStructField("title", DataTypes.StringType, true),
        DataTypes.createStructField("confidence", DataTypes.DoubleType, true),
        DataTypes.createStructField("severity", DataTypes.StringType, true),
        DataTypes.createStructField("side", DataTypes.StringType, true),
        DataTypes.createStructField("concluded_on", STRINGS, true),
        DataTypes.createStructField("fix_on", STRINGS, true),
        DataTypes.createStructField("fix_each", DataTypes.BooleanType, true),
        DataTypes.createStructField("reason_codes", STRINGS, true),
        DataTypes.createStructField("evidence_count", DataTypes.IntegerType, true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
    });

    private PairRows() {
    }

    /** The rows of one pair, in rank order. */
    static List<Row> rows(PairResult r) {
        List<Row> out = new ArrayList<>();
        if (r.error() != null) {
            out.add(RowFactory.create(r.hostA(), r.bundleA(), r.hostB(), r.bundleB(), r.matchedKeys(), null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    r.error()));
            return out;
        }
        if (r.causes().isEmpty()) {
            out.add(row(r, null));
        }
        for (PairResult.Cause c : r.causes()) {
            out.add(row(r, c));
        }
        return out;
    }

    private static Row row(PairResult r, PairResult.@Nullable Cause c) {
        return RowFactory.create(r.hostA(), r.bundleA(), r.hostB(), r.bundleB(), r.matchedKeys(), r.relation(),
                r.related(), r.consistent(), r.joined(), r.joinedByCut(), r.contradicting(),
                c == null ? null : c.rank(), c == null ? null : c.id(), c == null ? null : c.title(),
                c == null ? null : c.confidence(), c == null ? null : c.severity(), c == null ? null : c.side(),
                c == null ? null : c.concludedOn().toArray(new String[0]),
                c == null ? null : c.fixOn().toArray(new String[0]), c == null ? null : c.fixEach(),
                c == null ? null : c.reasonCodes().toArray(new String[0]), c == null ? null : c.evidence(), null);
    }
}
