package io.smcdoctor.benchmarks;

import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.rules.RuleBase;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnosis latency: warm {@code diagnose} on ~50 sockets, uncached (rules run every time) and cached.
 * Run {@link #main} without JMH for the start-up numbers (KieBase creation from the precompiled model, first
 * diagnose) and a p50/p99 of the warm path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiagnoseBenchmark {
    private Diagnoser uncached;
    private Diagnoser cached;
    private Evidence evidence;

    /** Builds the Diagnosers and a realistic smcss listing of 50 sockets (45 SMC-R, 5 fallbacks). */
    @Setup
    public void setup() {
        uncached = Diagnoser.builder().cacheSize(0).build();
        cached = Diagnoser.create();
        evidence = fiftySockets();
    }

    /** Rules run on every call. */
    @Benchmark
    public DiagnosisReport diagnoseUncached() {
        return uncached.diagnose(evidence);
    }

    /** Same evidence: served from the cache. */
    @Benchmark
    public DiagnosisReport diagnoseCached() {
        return cached.diagnose(evidence);
    }

    static Evidence fiftySockets() {
        StringBuilder sb = new StringBuilder(
                "State          UID   Inode   Local Address           Peer Address            Intf Mode \n");
        for (int i = 0; i < 50; i++) {
            String mode = i < 45 ? "SMCR " : "TCP 0x03010000";
            sb.append(String.format(Locale.ROOT,
                    "ACTIVE         00000 %07d 10.10.0.2:%-5d         10.10.0.1:5103          0000 %s%n", 1000 + i,
                    40000 + i, mode));
        }
        return Evidence.builder().smcssOutput(sb.toString()).symptom("no speed-up").build();
    }

    /** Prints start-up and warm-path numbers (no JMH): {@code java -cp ... io.smcdoctor.benchmarks.DiagnoseBenchmark}. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        RuleBase rules = RuleBase.load();
        long t1 = System.nanoTime();
        Diagnoser d = Diagnoser.builder().cacheSize(0).build();
        long t2 = System.nanoTime();
        Evidence ev = fiftySockets();
        DiagnosisReport first = d.diagnose(ev);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "rules: %d; first KieBase (cold JVM): %.1f ms; Diagnoser.build (2nd KieBase + catalog): %.1f ms; first diagnose: %.1f ms; top=%s%n",
                rules.ruleCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, first.top().map(x -> x.id()).orElse("-"));
        int warm = 20_000;
        for (int i = 0; i < warm; i++) {
            d.diagnose(ev);
        }
        int n = 20_000;
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            d.diagnose(ev);
            samples[i] = System.nanoTime() - s;
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "warm diagnose, uncached, 50 sockets: p50 %.1f us, p90 %.1f us, p99 %.1f us%n",
                samples[n / 2] / 1e3, samples[n * 9 / 10] / 1e3, samples[n * 99 / 100] / 1e3);
        Diagnoser c = Diagnoser.create();
        c.diagnose(ev);
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.diagnose(ev);
        }
        System.out.printf(Locale.ROOT, "warm diagnose, cached: mean %.2f us%n", (System.nanoTime() - s) / 1e3 / n);
    }
}
