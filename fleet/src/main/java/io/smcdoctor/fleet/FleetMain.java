package io.smcdoctor.fleet;

import io.smcdoctor.catalog.Language;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * Command-line entry of the fleet job, for both ways of running it.
 *
 * <ul>
 *   <li>One machine: {@code smc-doctor fleet PATH... [--out DIR]} starts this class in a JVM of its own with Spark on
 *       the class path; Spark runs embedded in local mode ({@code local[*]}, or {@code --cores N}), with a progress
 *       line on the terminal.</li>
 *   <li>A cluster: {@code spark-submit --class io.smcdoctor.fleet.FleetMain smc-doctor-fleet.jar PATH... --out DIR};
 *       the master and resources are spark-submit's.</li>
 * </ul>
 *
 * Exit status: 0 done (unreadable bundles are rows, not failures), 2 bad usage or inputs (one line on stderr).
 */
public final class FleetMain {
    private static final String USAGE = String.join("\n",
            "Usage: smc-doctor fleet PATH... [--out DIR] [--overwrite] [--cores N] [--lang en|ja]",
            "                            [--pairs-per-bundle N] [--quiet]",
            "Diagnoses every evidence bundle (.tar.gz, .tgz, .tar, .zip, bundle directories) below PATH on Apache",
            "Spark and writes DIR/diagnoses (Parquet, one row per host x diagnosis), DIR/summary.json and",
            "DIR/summary.html (the summary as a self-contained page). Bundles holding the two ends of the same",
            "connections are paired by their connections and diagnosed together: DIR/pairs (Parquet, one row per",
            "bundle pair x pair diagnosis).",
            "  PATH          directory, archive or glob; any Hadoop file system (hdfs://, s3a:// with its connector)",
            "  --out DIR     output directory (default: fleet-out)",
            "  --overwrite   replace the table and summary of an earlier run in DIR",
            "  --cores N     local mode: worker threads (default: all cores)",
            "  --lang LANG   language of summary.html: en (default) or ja",
            "  --pairs-per-bundle N  bundle pairs one bundle takes part in at most (default: "
                    + FleetPairs.DEFAULT_CAP + "; those sharing",
            "                the most connections; the summary counts the others); 0: no pairing",
            "  --quiet       no progress line",
            "On a cluster: spark-submit --class io.smcdoctor.fleet.FleetMain smc-doctor-fleet.jar PATH... --out DIR");

    private FleetMain() {
    }

    /** The options of one run. */
    record Options(List<String> inputs, String output, boolean overwrite, @Nullable Integer cores, boolean quiet,
                   Language language, int pairsPerBundle) {
        Options {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(language, "language");
        }
    }

    /** Runs the job and exits with its status. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the job; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            Optional<Options> parsed = parse(args);
            if (parsed.isEmpty()) {
                out.println(USAGE);
                return 0;
            }
            options = parsed.get();
        } catch (IllegalArgumentException e) {
            err.println("smc-doctor fleet: " + e.getMessage());
            err.println("Try 'smc-doctor fleet --help'.");
            return 2;
        }
        boolean submitted = System.getProperty("spark.master") != null;
        if (!submitted && System.getProperty("log4j2.configurationFile") == null) {
            // local mode: Spark's own default logs every stage at INFO on the terminal; ours shows warnings only
            System.setProperty("log4j2.configurationFile", "io/smcdoctor/fleet/log4j2-local.properties");
        }
        SparkSession spark = submitted ? SparkSession.builder().appName("smc-doctor fleet").getOrCreate()
                : localSession(options.cores());
        try {
            return execute(options, spark, out, err, System.console() != null);
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on a session the caller owns; returns the exit status. */
    static int execute(Options options, SparkSession spark, PrintStream out, PrintStream err, boolean terminal) {
        try {
            FleetJob.Builder job = FleetJob.builder().inputs(options.inputs()).output(options.output())
                    .overwrite(options.overwrite()).language(options.language())
                    .pairsPerBundle(options.pairsPerBundle());
            if (!options.quiet()) {
                job.progress(new TerminalProgress(err, terminal), Duration.ofMillis(500));
            }
            FleetRun run = job.build().run(spark);
            print(run, out);
            return 0;
        } catch (FleetInputException e) {
            err.println("smc-doctor fleet: " + e.getMessage());
            return 2;
        }
    }

    /** A local-mode session on this machine, without the web UI. */
    static SparkSession localSession(@Nullable Integer cores) {
        int threads = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        return SparkSession.builder()
                .appName("smc-doctor fleet")
                .master(cores == null ? "local[*]" : "local[" + cores + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "localhost")
                .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * threads)))
                // binaryFiles packs files into a task up to max(openCost, bytes per core) of real bytes; with the
                // default 4 MB, small bundles would all land in one task and use one core
                .config("spark.files.openCostInBytes", "16k")
                // the summary's small queries: compiling generated code for each costs more than it saves here
                .config("spark.sql.codegen.wholeStage", "false")
                .getOrCreate();
    }

    /**
     * The options, or empty for {@code --help}.
     *
     * @throws IllegalArgumentException on bad usage, with the reason
     */
    static Optional<Options> parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = "fleet-out";
        boolean overwrite = false;
        Integer cores = null;
        boolean quiet = false;
        Language language = Language.EN;
        int pairs = FleetPairs.DEFAULT_CAP;
        boolean onlyPaths = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyPaths || !a.startsWith("-") || a.equals("-")) {
                inputs.add(a);
                continue;
            }
            switch (a) {
                case "--":
                    onlyPaths = true;
                    break;
                case "-h":
                case "--help":
                    return Optional.empty();
                case "--out":
                    output = value(args, ++i, a);
                    break;
                case "--overwrite":
                    overwrite = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--lang":
                    language = language(value(args, ++i, a));
                    break;
                case "--pairs-per-bundle":
                    String n = value(args, ++i, a);
                    try {
                        pairs = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--pairs-per-bundle needs a whole number, was '" + n + "'");
                    }
                    if (pairs < 0) {
                        throw new IllegalArgumentException("--pairs-per-bundle must be at least 0, was " + pairs);
                    }
                    break;
                case "--cores":
                    String v = value(args, ++i, a);
                    try {
                        cores = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--cores needs a whole number, was '" + v + "'");
                    }
                    if (cores < 1) {
                        throw new IllegalArgumentException("--cores must be at least 1, was " + cores);
                    }
                    break;
                default:
                    if (a.startsWith("--out=")) {
                        output = a.substring("--out=".length());
                        break;
                    }
                    throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no PATH given: name the directories or archives holding the bundles");
        }
        if (output.isEmpty()) {
            throw new IllegalArgumentException("--out needs a directory");
        }
        return Optional.of(new Options(inputs, output, overwrite, cores, quiet, language, pairs));
    }

    private static Language language(String tag) {
        switch (tag) {
            case "en":
                return Language.EN;
            case "ja":
                return Language.JA;
            default:
                throw new IllegalArgumentException("--lang must be en or ja, was '" + tag + "'");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void print(FleetRun run, PrintStream out) {
        FleetRun.Timings t = run.timings();
        double seconds = (t.listing().toNanos() + t.diagnose().toNanos() + t.summary().toNanos()) / 1e9;
        out.printf(Locale.ROOT, "%,d bundles from %,d hosts in %.1f s (%.1f bundles/s); %,d unreadable%n",
                run.bundles(), run.hosts(), seconds, run.bundles() / Math.max(seconds, 1e-9), run.unreadable());
        out.printf(Locale.ROOT, "table:   %s (Parquet, %,d rows)%n", run.table(), run.rows());
        out.printf(Locale.ROOT, "summary: %s%n", run.summaryFile());
        FleetSummary.Pairs pairs = run.summary().pairs();
        run.pairTable().ifPresent(p -> out.printf(Locale.ROOT, "pairs:   %s (Parquet, %,d bundle pairs diagnosed"
                + " together of %,d found; %,d left out by --pairs-per-bundle %d)%n", p, pairs.diagnosed(),
                pairs.candidates(), pairs.skippedByCap(), pairs.perBundleCap()));
        out.printf(Locale.ROOT, "page:    %s%n", run.summaryPage());
        List<FleetSummary.CauseCount> causes = run.summary().causes();
        if (!causes.isEmpty()) {
            out.println("causes by hosts:");
            for (FleetSummary.CauseCount c : causes.subList(0, Math.min(10, causes.size()))) {
                out.printf(Locale.ROOT, "  %6d  %-40s %s%n", c.hosts(), c.id(), c.title());
            }
        }
        long task = t.copy().toNanos() + t.read().toNanos() + t.rules().toNanos();
        out.printf(Locale.ROOT, "time: listing %.1f s, diagnosing and writing %.1f s, summary %.1f s;"
                        + " in the tasks: copy %d%%, read %d%%, rules %d%%%n", t.listing().toNanos() / 1e9,
                t.diagnose().toNanos() / 1e9, t.summary().toNanos() / 1e9, percent(t.copy(), task),
                percent(t.read(), task), percent(t.rules(), task));
        if (run.pairTable().isPresent()) {
            out.printf(Locale.ROOT, "pairs: %.1f s (in the tasks: keys %.1f s, reading again %.1f s, diagnosing"
                            + " together %.1f s)%n", t.pairing().toNanos() / 1e9, t.keys().toNanos() / 1e9,
                    t.pairRead().toNanos() / 1e9, t.pairRules().toNanos() / 1e9);
        }
    }

    private static long percent(Duration part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part.toNanos() / whole);
    }

    /** The progress line: rewritten in place on a terminal, else a line per tenth of the bundles. */
    static final class TerminalProgress implements FleetProgress {
        private final PrintStream err;
        private final boolean terminal;
        private long lastTenth = -1;

        TerminalProgress(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void update(Update u) {
            String line = String.format(Locale.ROOT, "bundles %,d/%,d (%d%%), %.1f/s, %,d unreadable", u.done(),
                    u.total(), u.total() == 0 ? 100 : 100 * u.done() / u.total(), u.rate(), u.unreadable());
            if (terminal) {
                err.print("\r" + line + "   ");
                if (u.finished()) {
                    err.println();
                }
                err.flush();
                return;
            }
            long tenth = u.total() == 0 ? 10 : 10 * u.done() / u.total();
            if (tenth > lastTenth || u.finished() && tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
            }
        }
    }
}
