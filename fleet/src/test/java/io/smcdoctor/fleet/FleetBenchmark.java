package io.smcdoctor.fleet;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The fleet benchmark's three steps, each run in a JVM of its own by {@code benchmarks/fleet-throughput.sh}:
 * <ul>
 *   <li>{@code generate DIR COUNT SMCSS_BYTES}: COUNT {@code .tar.gz} bundles made from the lab and sample bundles
 *       ({@link FleetGenerator}), smcss listings grown to about SMCSS_BYTES (0: as they are);</li>
 *   <li>{@code loop DIR}: a plain single-thread loop with the library, {@code EvidenceBundle.read} then
 *       {@code Diagnoser.diagnose} per file;</li>
 *   <li>{@code spark DIR CORES OUT}: the fleet job in local mode with CORES worker threads, with Spark's task
 *       metrics summed by a listener.</li>
 * </ul>
 * Prints wall-clock and process CPU seconds: on a shared machine CPU seconds per bundle are the steadier measure.
 */
final class FleetBenchmark {
    private FleetBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "loop" -> loop(Path.of(args[1]));
            case "spark" -> spark(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("generate | loop | spark, was " + args[0]);
        }
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static List<Path> bundles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
        }
    }

    private static void generate(Path dir, int count, long smcssBytes) throws IOException {
        List<FleetGenerator.Generated> g = new FleetGenerator(Path.of(System.getProperty("fleet.module", "fleet")))
                .generate(dir, count, smcssBytes, FleetGenerator.Format.TAR_GZ);
        long stored = 0;
        long content = 0;
        for (FleetGenerator.Generated x : g) {
            stored += Files.size(x.path());
            try (InputStream in = Files.newInputStream(x.path());
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    content += e.getSize();
                }
            }
        }
        System.out.printf(Locale.ROOT, "generate: %d bundles, %.1f KB stored (tar.gz), %.1f KB of files each"
                + " (mean)%n", g.size(), stored / 1024.0 / g.size(), content / 1024.0 / g.size());
    }

    private static void loop(Path dir) throws IOException {
        List<Path> files = bundles(dir);
        long t0 = System.nanoTime();
        Diagnoser diagnoser = Diagnoser.builder().cacheSize(0).build();
        System.out.printf(Locale.ROOT, "loop: Diagnoser built in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        for (String pass : List.of("cold", "warm")) {
            double cpu0 = cpu();
            long t1 = System.nanoTime();
            long read = 0;
            long rules = 0;
            for (Path p : files) {
                long a = System.nanoTime();
                Evidence ev = EvidenceBundle.read(p);
                long b = System.nanoTime();
                diagnoser.diagnose(ev);
                read += b - a;
                rules += System.nanoTime() - b;
            }
            double wall = (System.nanoTime() - t1) / 1e9;
            double cpu = cpu() - cpu0;
            System.out.printf(Locale.ROOT, "loop %s: %d bundles in %.2f s = %.1f bundles/s (read+parse %.2f s, rules"
                            + " %.2f s); process CPU %.2f s = %.1f ms per bundle%n", pass, files.size(), wall,
                    files.size() / wall, read / 1e9, rules / 1e9, cpu, 1000 * cpu / files.size());
        }
    }

    private static void spark(Path dir, int cores, Path out) throws IOException {
        System.setProperty("log4j2.configurationFile", "io/smcdoctor/fleet/log4j2-local.properties");
        int n = bundles(dir).size();
        double cpu0 = cpu();
        long t0 = System.nanoTime();
        SparkSession spark = FleetMain.localSession(cores);
        System.out.printf(Locale.ROOT, "spark local[%d]: session started in %.2f s (process CPU %.2f s)%n", cores,
                (System.nanoTime() - t0) / 1e9, cpu() - cpu0);
        Map<Integer, String> kinds = new ConcurrentHashMap<>();
        Map<String, long[]> stages = new TreeMap<>();
        String[] pass = {"cold"};
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted e) {
                String job = e.properties() == null ? "" : e.properties().getProperty("spark.job.description", "");
                kinds.put(e.stageInfo().stageId(), job.contains("pair") ? "pairs"
                        : job.contains("diagnose") ? "diagnose+write" : "summary");
            }

            @Override
            public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
                long[] v = stages.computeIfAbsent(pass[0] + " " + kinds.getOrDefault(e.stageId(), "?"),
                        k -> new long[6]);
                v[0]++;
                v[1] += e.taskInfo().duration();
                v[2] += e.taskMetrics().executorRunTime();
                v[3] += e.taskMetrics().executorCpuTime() / 1_000_000;
                v[4] += e.taskMetrics().jvmGCTime();
                v[5] += e.taskMetrics().executorDeserializeTime();
            }
        });
        // the warm run again without pairing: what the pairs cost
        for (String p : List.of("cold", "warm", "warm-no-pairs")) {
            pass[0] = p;
            double cpuA = cpu();
            long a = System.nanoTime();
            FleetRun run = FleetJob.builder().inputs(List.of(dir.toString())).output(out.resolve(p).toString())
                    .overwrite(true).pairsPerBundle(p.endsWith("no-pairs") ? 0 : FleetPairs.DEFAULT_CAP).build()
                    .run(spark);
            double wall = (System.nanoTime() - a) / 1e9;
            double cpu = cpu() - cpuA;
            FleetRun.Timings t = run.timings();
            System.out.printf(Locale.ROOT, "spark %s: %d bundles in %.2f s = %.1f bundles/s (listing %.2f s, diagnose"
                            + " and write the table %.2f s = %.1f bundles/s, summary %.2f s); process CPU %.2f s ="
                            + " %.1f ms per bundle%n", p, n, wall, n / wall, t.listing().toNanos() / 1e9,
                    t.diagnose().toNanos() / 1e9, n / (t.diagnose().toNanos() / 1e9), t.summary().toNanos() / 1e9,
                    cpu, 1000 * cpu / n);
            System.out.printf(Locale.ROOT, "  in the tasks (summed over threads): copy to local disk %.2f s,"
                            + " read+parse %.2f s, rules %.2f s; %.1f KB per bundle copied%n", t.copy().toNanos() / 1e9,
                    t.read().toNanos() / 1e9, t.rules().toNanos() / 1e9, run.bytes() / 1024.0 / n);
            FleetSummary.Pairs pairs = run.summary().pairs();
            if (pairs.perBundleCap() > 0) {
                System.out.printf(Locale.ROOT, "  pairs: %d found, %d diagnosed (%d related, %d left out by the cap"
                                + " of %d) in %.2f s; in the tasks: connection keys %.2f s, reading again %.2f s,"
                                + " diagnosing together %.2f s%n", pairs.candidates(), pairs.diagnosed(),
                        pairs.related(), pairs.skippedByCap(), pairs.perBundleCap(), t.pairing().toNanos() / 1e9,
                        t.keys().toNanos() / 1e9, t.pairRead().toNanos() / 1e9, t.pairRules().toNanos() / 1e9);
            }
        }
        spark.stop();
        stages.forEach((k, v) -> System.out.printf(Locale.ROOT, "  stage %s: %d tasks, task time %.2f s (run %.2f s,"
                + " CPU %.2f s, GC %.2f s, deserialise %.2f s)%n", k, v[0], v[1] / 1e3, v[2] / 1e3, v[3] / 1e3,
                v[4] / 1e3, v[5] / 1e3));
    }
}
