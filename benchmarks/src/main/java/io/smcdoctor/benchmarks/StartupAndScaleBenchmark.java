package io.smcdoctor.benchmarks;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.rules.RuleBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The issue-4 targets that are not the 50-socket warm path:
 * <ul>
 *   <li>{@link #ruleBaseCreation}: KieBase creation from the precompiled executable model (target &lt; 300 ms);</li>
 *   <li>{@link #typicalBundleUncached}: warm diagnose of a realistic bundle (≈50 sockets, dmesg, sysctl, devices;
 *       {@code samples/bundles/peer-no-smc}), p50 target &lt; 50 µs — run with {@code -bm sample} for percentiles;</li>
 *   <li>{@link #hundredThousandSockets}: read a 100,000-socket smcss listing and diagnose it, warm (target &lt; 1 s).</li>
 * </ul>
 * Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar StartupAndScale}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StartupAndScaleBenchmark {
    private Diagnoser uncached;
    private Evidence typical;
    private byte[] hundredK;

    /** Loads the sample bundle and generates the 100k listing once. */
    @Setup
    public void setup() throws Exception {
        uncached = Diagnoser.builder().cacheSize(0).build();
        Path bundle = Path.of(System.getProperty("smcdoctor.bundle", "samples/bundles/peer-no-smc"));
        if (!Files.isDirectory(bundle)) {
            throw new IllegalStateException("run from the repository root, or set -Dsmcdoctor.bundle=DIR (missing: "
                    + bundle.toAbsolutePath() + ")");
        }
        typical = EvidenceBundle.read(List.of(bundle));
        hundredK = listing(100_000).getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh KieBase from the precompiled model, in a warm JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleBase ruleBaseCreation() {
        return RuleBase.load();
    }

    /** Rules run on every call over a realistic bundle. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DiagnosisReport typicalBundleUncached() {
        return uncached.diagnose(typical);
    }

    /** Parse 100,000 smcss rows (streamed) and diagnose them. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DiagnosisReport hundredThousandSockets() {
        Evidence ev = Evidence.builder()
                .parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(hundredK))
                .build();
        return uncached.diagnose(ev);
    }

    static String listing(int rows) {
        StringBuilder sb = new StringBuilder(rows * 100);
        sb.append("State          UID   Inode   Local Address           Peer Address            Intf Mode \n");
        for (int i = 0; i < rows; i++) {
            String mode = i % 10 == 0 ? "TCP 0x03010000" : i % 17 == 0 ? "TCP 0x05000000/0x03030000" : "SMCR ";
            String local = String.format(Locale.ROOT, "10.%d.%d.%d:%d", (i >> 16) & 255, (i >> 8) & 255, i & 255,
                    20000 + i % 40000);
            sb.append(String.format(Locale.ROOT, "ACTIVE         00000 %07d %-23s %-23s 0000 %s%n",
                    100_000 + i, local, "10.9.0.1:5103", mode));
        }
        return sb.toString();
    }
}
