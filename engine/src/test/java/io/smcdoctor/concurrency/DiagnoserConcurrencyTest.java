package io.smcdoctor.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One shared {@link Diagnoser} under eight threads gives exactly the reports of a single-threaded run, with and
 * without its report cache: the sample bundles ({@code samples/bundles/*}) and the genuine 6.12 lab bundles, read
 * once per thread so that equal evidence arrives as different instances.
 */
class DiagnoserConcurrencyTest {
    private static final int THREADS = 8;

    private static List<Path> bundles;
    private static List<String> expected;

    @BeforeAll
    static void singleThreadedReference() throws Exception {
        bundles = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("..", "samples", "bundles"))) {
            s.filter(Files::isDirectory).sorted().forEach(bundles::add);
        }
        Path lab = Path.of(DiagnoserConcurrencyTest.class.getResource("/lab-6.12").toURI());
        try (Stream<Path> s = Files.list(lab)) {
            for (Path scenario : s.filter(Files::isDirectory).sorted().toList()) {
                for (String side : List.of("client", "server")) {
                    if (Files.isDirectory(scenario.resolve(side))) {
                        bundles.add(scenario.resolve(side));
                    }
                }
            }
        }
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(25);
        Diagnoser reference = Diagnoser.builder().cacheSize(0).build();
        expected = new ArrayList<>();
        for (Path b : bundles) {
            expected.add(reference.diagnose(EvidenceBundle.read(b)).toJson());
        }
        // the mix must really differ, or the comparison below would prove little
        assertThat(expected.stream().distinct().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void diagnose_eightThreadsWithCache_equalsSingleThreadedReports() throws Exception {
        Diagnoser shared = Diagnoser.create();
        long calls = run(shared, 100_000, true);
        assertThat(calls).isEqualTo(THREADS * 100_000L);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void diagnose_eightThreadsWithoutCache_runsTheRulesConcurrentlyWithIdenticalReports() throws Exception {
        Diagnoser shared = Diagnoser.builder().cacheSize(0).build();
        long calls = run(shared, 2_000, false);
        assertThat(calls).isEqualTo(THREADS * 2_000L);
    }

    /** Runs {@code perThread} calls on each thread; returns the number of calls whose report matched. */
    private static long run(Diagnoser shared, int perThread, boolean cached) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Long>) () -> {
                    List<Evidence> evidence = new ArrayList<>();
                    for (Path b : bundles) {
                        evidence.add(EvidenceBundle.read(b));
                    }
                    // with the cache, each distinct report instance is compared once; without it, every report
                    Map<DiagnosisReport, Boolean> checked = new IdentityHashMap<>();
                    start.await();
                    long ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        int k = (int) ((i * 31L + thread * 7L) % evidence.size());
                        DiagnosisReport r = shared.diagnose(evidence.get(k));
                        if (cached && checked.containsKey(r)) {
                            ok++;
                            continue;
                        }
                        String json = r.toJson();
                        if (!json.equals(expected.get(k))) {
                            throw new AssertionError("thread " + thread + ", call " + i + ": report for "
                                    + bundles.get(k) + " differs from the single-threaded one:\n" + json);
                        }
                        if (cached) {
                            checked.put(r, Boolean.TRUE);
                        }
                        ok++;
                    }
                    return ok;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
