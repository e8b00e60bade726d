package io.smcdoctor.fleet;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * Diagnoses every evidence bundle below some paths on Apache Spark and writes a Parquet table and a JSON summary.
 *
 * <pre>{@code
 * FleetRun run = FleetJob.builder()
 *         .inputs(List.of("hdfs:///smc/bundles/2026-12-01"))
 *         .output("hdfs:///smc/fleet/2026-12-01")
 *         .build()
 *         .run(spark);
 * }</pre>
 *
 * <p>How it runs: the driver lists the inputs with Hadoop's {@code FileSystem} ({@link BundlePlan}: archives and
 * bundle directories); {@code binaryFiles} reads the archives on the executors, each diagnosed where it is read; each
 * bundle directory is read by one task through the same Hadoop file system (no shuffle for the diagnoses). Each
 * executor JVM builds one {@link io.smcdoctor.Diagnoser} on first use and shares it between its task threads.
 * A bundle that cannot be read becomes a row with its error and never fails the job. Then the bundles that hold the two
 * ends of the same connections are paired by their connection keys and each pair is diagnosed together
 * ({@link FleetPairs}: a shuffle of the keys, a cap per bundle, both bundles read again).
 *
 * <p>Output: {@code OUT/diagnoses} (Parquet, one row per bundle × diagnosis, schema in the README),
 * {@code OUT/pairs} (Parquet, one row per bundle pair × pair diagnosis; not written when pairing is off),
 * {@code OUT/summary.json} ({@link FleetSummary}) and {@code OUT/summary.html} (the summary as a self-contained page in
 * the style of {@code diagnose --format html}).
 *
 * <p>Immutable; {@link #run} may be called more than once (one run at a time per session).
 */
public final class FleetJob {
    /** The table's directory below the output. */
    public static final String TABLE = "diagnoses";
    /** The summary's file name below the output. */
    public static final String SUMMARY = "summary.json";
    /** The summary page's file name below the output: the summary as self-contained HTML. */
    public static final String PAGE = "summary.html";
    /** The pairs table's directory below the output. */
    public static final String PAIRS = "pairs";
    private static final int BUNDLES_PER_TASK = 64;

    private final List<String> inputs;
    private final String output;
    private final boolean overwrite;
    private final FleetLimits limits;
    private final Optional<FleetProgress> progress;
    private final Duration progressInterval;
    private final Language language;
    private final int pairsPerBundle;

    private FleetJob(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.output = Objects.requireNonNull(b.output, "output");
        this.overwrite = b.overwrite;
        this.limits = FleetLimits.of(b.limits);
        this.progress = Optional.ofNullable(b.progress);
        this.progressInterval = b.progressInterval;
        this.language = b.language;
        this.pairsPerBundle = b.pairsPerBundle;
    }

    /** A builder; inputs and output are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the job on {@code spark}: lists the inputs, diagnoses every bundle, writes the table and the summary.
     *
     * @throws FleetInputException when an input matches nothing, no bundle is found, or the output exists and
     *                             overwriting was not asked for
     */
    public FleetRun run(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        long t0 = System.nanoTime();
        BundlePlan plan = BundlePlan.list(conf, inputs);
        if (plan.size() == 0) {
            throw new FleetInputException("no evidence bundles under " + String.join(", ", inputs) + " ("
                    + plan.ignoredFiles() + " other files): expected .tar.gz/.tgz/.tar/.zip archives or directories"
                    + " holding bundle files such as smcss.txt or manifest.json");
        }
        Path out = new Path(output);
        Path table = new Path(out, TABLE);
        Path pairTable = new Path(out, PAIRS);
        Path summaryFile = new Path(out, SUMMARY);
        Path pageFile = new Path(out, PAGE);
        checkOutput(conf, table, pairTable, summaryFile, pageFile);
        long t1 = System.nanoTime();

        boolean pairing = pairsPerBundle > 0;
        FleetCounters counters = FleetCounters.register(spark.sparkContext());
        Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
        Broadcast<BundlePlan> shared = jsc.broadcast(plan);
        JavaRDD<BundleResult> results = results(jsc, plan, shared, hadoop, limits, counters, pairing);
        if (pairing) {
            // the pairing reads the results' keys again: kept, not computed twice
            results.persist(StorageLevel.MEMORY_AND_DISK());
        }
        Dataset<Row> frame = spark.createDataFrame(results.flatMap(r -> FleetRows.rows(r).iterator()),
                FleetRows.SCHEMA);
        spark.sparkContext().setJobDescription("smc-doctor fleet: diagnose " + plan.size() + " bundles");
        ScheduledExecutorService ticker = startProgress(counters, plan.size(), t1);
        try {
            frame.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(table.toString());
        } finally {
            stopProgress(ticker, counters, plan.size(), t1);
        }
        long t2 = System.nanoTime();

        FleetSummary.PairStage stage = null;
        if (pairing) {
            spark.sparkContext().setJobDescription("smc-doctor fleet: pair bundles by connection keys");
            LongAccumulator crowded = spark.sparkContext().longAccumulator("smc-doctor crowded keys");
            FleetPairs.Found found = FleetPairs.find(results, shared, pairsPerBundle, crowded);
            spark.sparkContext().setJobDescription("smc-doctor fleet: diagnose " + found.kept() + " bundle pairs");
            JavaRDD<PairResult> pairs = FleetPairs.diagnose(found, shared, hadoop, limits, counters,
                    jsc.defaultParallelism());
            spark.createDataFrame(pairs.flatMap(r -> PairRows.rows(r).iterator()), PairRows.SCHEMA).write()
                    .mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(pairTable.toString());
            found.pairs().unpersist();
            results.unpersist();
            List<Map.Entry<String, Long>> hubs = new ArrayList<>();
            for (FleetPairs.Hub h : found.hubSample()) {
                hubs.add(Map.entry(plan.byId(h.id()).path(), h.candidates()));
            }
            stage = new FleetSummary.PairStage(pairsPerBundle, found.candidates(), found.kept(), crowded.value(),
                    found.hubs(), hubs);
        } else if (overwrite) {
            delete(conf, pairTable); // no stale pairs of an earlier run next to this run's table
        }
        long t3 = System.nanoTime();

        spark.sparkContext().setJobDescription("smc-doctor fleet: summary");
        Dataset<Row> written = spark.read().parquet(table.toString());
        // with the schema: a run without any pair writes no part file to infer it from
        Dataset<Row> writtenPairs = pairing ? spark.read().schema(PairRows.SCHEMA).parquet(pairTable.toString())
                : null;
        FleetSummary summary = FleetSummary.of(written, writtenPairs, stage);
        write(conf, summaryFile, summary.toJson());
        write(conf, pageFile, FleetSummaryPage.render(summary, table.toString(), language, Catalog.bundled(),
                generator()));
        spark.sparkContext().setJobDescription(null);
        long t4 = System.nanoTime();
        return new FleetRun(plan.size(), summary.unreadable(), summary.hosts(), summary.rows(), table.toString(),
                summaryFile.toString(), pageFile.toString(), summary, new FleetRun.Timings(Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1), Duration.ofNanos(t4 - t3), Duration.ofNanos(counters.copyNanos().value()),
                Duration.ofNanos(counters.readNanos().value()), Duration.ofNanos(counters.diagnoseNanos().value()),
                Duration.ofNanos(t3 - t2), Duration.ofNanos(counters.keyNanos().value()),
                Duration.ofNanos(counters.pairReadNanos().value()),
                Duration.ofNanos(counters.pairDiagnoseNanos().value())),
                counters.bytes().value(), pairing ? Optional.of(pairTable.toString()) : Optional.empty());
    }

    /**
     * The diagnosed bundles. Static, so that no closure can capture this job; the closures hold only the broadcast plan
     * and configuration, the limits and the accumulators. Archives are read with {@code binaryFiles} and diagnosed
     * where they are read; each bundle directory is read by one task through the Hadoop file system. With
     * {@code keys}, each result carries the bundle's connection keys for the pairing.
     */
    private static JavaRDD<BundleResult> results(JavaSparkContext jsc, BundlePlan plan, Broadcast<BundlePlan> shared,
                                                 Broadcast<HadoopConf> conf, FleetLimits limits,
                                                 FleetCounters counters, boolean keys) {
        int parallelism = jsc.defaultParallelism();
        List<JavaRDD<BundleResult>> parts = new ArrayList<>();
        List<BundlePlan.Bundle> archives = plan.archives();
        if (!archives.isEmpty()) {
            JavaPairRDD<String, PortableDataStream> files = jsc.binaryFiles(plan.archiveGlobs(),
                    slices(archives.size(), parallelism));
            // the archive is opened through the broadcast configuration, not PortableDataStream.open(): that one
            // deserialises the whole Hadoop configuration (about 110 KB, 1,100 entries) again for every file
            parts.add(files.keys().flatMap(path -> {
                Optional<BundlePlan.Bundle> archive = shared.value().archive(path);
                if (archive.isEmpty()) {
                    return List.<BundleResult>of().iterator();
                }
                Path p = new Path(path);
                return List.of(BundleTask.archive(archive.get(), () -> p.getFileSystem(conf.value().get()).open(p),
                        limits, counters, keys)).iterator();
            }));
        }
        List<BundlePlan.Bundle> directories = plan.directories();
        if (!directories.isEmpty()) {
            parts.add(jsc.parallelize(directories, slices(directories.size(), parallelism)).map(b ->
                    BundleTask.directory(b, new HadoopDirectory(conf.value().get(), b.path()), limits, counters,
                            keys)));
        }
        return parts.size() == 1 ? parts.get(0) : parts.get(0).union(parts.get(1));
    }

    /**
     * How many tasks for {@code n} bundles: about {@value #BUNDLES_PER_TASK} bundles each (progress is counted when
     * a task ends), at least four per core, at most one per bundle.
     */
    static int slices(int n, int parallelism) {
        return Math.max(1, Math.min(n, Math.max(4 * parallelism, (n + BUNDLES_PER_TASK - 1) / BUNDLES_PER_TASK)));
    }

    private void checkOutput(Configuration conf, Path table, Path pairTable, Path summaryFile, Path pageFile) {
        try {
            FileSystem fs = table.getFileSystem(conf);
            if (!overwrite && (fs.exists(table) || fs.exists(pairTable) || fs.exists(summaryFile)
                    || fs.exists(pageFile))) {
                throw new FleetInputException(output + " already holds a fleet table or summary; give another"
                        + " output directory or ask to overwrite it (--overwrite)");
            }
        } catch (IOException e) {
            throw new FleetInputException(output + ": cannot be checked (" + e.getMessage() + ")", e);
        }
    }

    /** Who wrote the page: this job and its version (from the jar's manifest). */
    static String generator() {
        String v = FleetJob.class.getPackage().getImplementationVersion();
        return "smc-doctor fleet" + (v == null ? "" : " " + v);
    }

    private static void delete(Configuration conf, Path dir) {
        try {
            dir.getFileSystem(conf).delete(dir, true);
        } catch (IOException e) {
            throw new FleetInputException(dir + ": cannot be deleted (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Configuration conf, Path file, String text) {
        try {
            FileSystem fs = file.getFileSystem(conf);
            try (OutputStream os = fs.create(file, true)) {
                os.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new FleetInputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private @Nullable ScheduledExecutorService startProgress(FleetCounters counters, long total, long start) {
        if (progress.isEmpty()) {
            return null;
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smc-doctor-fleet-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> tick(counters, total, start, false), 0, progressInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return ticker;
    }

    private void stopProgress(@Nullable ScheduledExecutorService ticker, FleetCounters counters, long total,
                              long start) {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick(counters, total, start, true);
    }

    private void tick(FleetCounters counters, long total, long start, boolean done) {
        progress.ifPresent(p -> p.update(new FleetProgress.Update(Math.min(total, counters.bundles().value()), total,
                counters.unreadable().value(), Duration.ofNanos(System.nanoTime() - start), done)));
    }

    /** Configures a {@link FleetJob}. Not thread-safe. */
    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private @Nullable String output;
        private boolean overwrite;
        private EvidenceBundle.Limits limits = EvidenceBundle.Limits.defaults();
        private @Nullable FleetProgress progress;
        private Duration progressInterval = Duration.ofMillis(500);
        private Language language = Language.EN;
        private int pairsPerBundle = FleetPairs.DEFAULT_CAP;

        private Builder() {
        }

        /**
         * How many bundle pairs one bundle takes part in at most (default {@value FleetPairs#DEFAULT_CAP}): pairs
         * whose bundles hold the two ends of the same connections are diagnosed together and written to
         * {@code pairs/}; a bundle with more candidates (a server with many clients) keeps those sharing the most
         * connections, and the summary counts the others. 0 turns the pairing off.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder pairsPerBundle(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("pairsPerBundle must be >= 0, was " + value);
            }
            pairsPerBundle = value;
            return this;
        }

        /**
         * Where the bundles are: directories (searched recursively), archives or globs, in any Hadoop file system
         * ({@code /data/bundles}, {@code hdfs:///smc/2026-12-01}, {@code s3a://bucket/smc/*}).
         */
        public Builder inputs(List<String> paths) {
            for (String p : paths) {
                inputs.add(Objects.requireNonNull(p, "input path"));
            }
            return this;
        }

        /** The output directory (created): {@code diagnoses/} and {@code summary.json} are written below it. */
        public Builder output(String dir) {
            output = Objects.requireNonNull(dir, "output");
            return this;
        }

        /** Replace an existing table and summary in the output directory (default: refuse). */
        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        /** The language of the summary page (default English); the table and the JSON summary are the same in any. */
        public Builder language(Language value) {
            language = Objects.requireNonNull(value, "language");
            return this;
        }

        /** The limits each bundle is read with (default {@link EvidenceBundle.Limits#defaults()}). */
        public Builder limits(EvidenceBundle.Limits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Called on the driver about every {@code interval} while bundles are diagnosed, and once when done.
         *
         * @throws IllegalArgumentException when the interval is not positive
         */
        public Builder progress(FleetProgress listener, Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("progress interval must be positive, was " + interval);
            }
            progress = Objects.requireNonNull(listener, "listener");
            progressInterval = interval;
            return this;
        }

        /**
         * The job.
         *
         * @throws IllegalStateException when no input or no output was given
         */
        public FleetJob build() {
            if (inputs.isEmpty()) {
                throw new IllegalStateException("no input paths: call inputs(...) with at least one path");
            }
            if (output == null) {
                throw new IllegalStateException("no output directory: call output(...)");
            }
            return new FleetJob(this);
        }
    }
}
