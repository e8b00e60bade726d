package io.smcdoctor.benchmarks;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import io.smcdoctor.evidence.internal.ParseContext;
import io.smcdoctor.evidence.internal.TextLines;
import io.smcdoctor.evidence.internal.TextParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the smcss parser in rows per second on a realistic mixed listing (SMC-R, SMC-D, fallbacks with one
 * or two reason codes, IPv6 with truncated addresses, IPv4-mapped peers, long state names, LISTEN rows). Because
 * every invocation parses {@link #ROWS} rows, the reported ops/s are rows/s.
 *
 * <ul>
 *   <li>{@code parseOnly}: the parser alone, facts counted and dropped (no aggregation);</li>
 *   <li>{@code parseStream}: the same from a byte stream, through the UTF-8 line splitter;</li>
 *   <li>{@code evidence}: the public path, {@code Evidence.builder().parse(...).build()} with aggregation and
 *       digest.</li>
 * </ul>
 * Run with {@code java -jar benchmarks/target/benchmarks.jar SmcssParse}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmcssParseBenchmark {
    /** Rows in the listing parsed by every invocation. */
    public static final int ROWS = 100_000;

    private String listing;
    private byte[] bytes;

    /** Builds the listing once. */
    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder(ROWS * 100);
        sb.append("State          UID   Inode   Local Address           Peer Address            Intf Mode \n");
        for (int i = 0; i < ROWS; i++) {
            sb.append(row(i));
        }
        listing = sb.toString();
        bytes = listing.getBytes(StandardCharsets.UTF_8);
    }

    static String row(int i) {
        int a = (i >> 8) & 0xff;
        int b = i & 0xff;
        switch (i % 10) {
            case 0:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 1000, i + 1,
                        "10.1." + a + "." + b + ":" + (30000 + i % 30000), "10.2." + a + "." + b + ":5201", 0,
                        "TCP 0x05000000/0x03030000");
            case 1:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 0, i + 1,
                        "10.1." + a + "." + b + ":" + (30000 + i % 30000), "10.2." + a + "." + b + ":8080", 0,
                        "TCP 0x03010000");
            case 2:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 0, i + 1,
                        "2001:db8:1234:5..:" + (40000 + i % 20000), "2001:db8:1234:56..:443", 0, "TCP 0x03030002");
            case 3:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 0, i + 1,
                        "10.3." + a + "." + b + ":1521", "10.4." + a + "." + b + ":" + (30000 + i % 30000), 0,
                        "SMCD ");
            case 4:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "PEERFINCLOSEWAIT", 0,
                        i + 1, "10.1." + a + "." + b + ":45691", "10.1.1.3:5201", 0, "SMCR ");
            case 5:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %n", "LISTEN", 0, i + 1,
                        "0.0.0.0:" + (1024 + i % 60000));
            case 6:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 0, i + 1,
                        "::ffff:10.1." + a + "." + b + ":5201", "::ffff:10.9.9.9:40222", 0,
                        "TCP 0x05000000/0x03030008");
            default:
                return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 0, i + 1,
                        "10.1." + a + "." + b + ":" + (30000 + i % 30000), "10.1.1.3:5201", 0, "SMCR ");
        }
    }

    /** The parser alone. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseOnly() {
        Counting ctx = new Counting();
        TextParser.LineSink sink = EvidenceSpecs.of(SourceKind.SMCSS).textParser().orElseThrow().open(ctx);
        TextLines.read(listing, ctx, sink);
        sink.end();
        return ctx.facts;
    }

    /** The parser from a byte stream. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseStream() throws IOException {
        Counting ctx = new Counting();
        TextParser.LineSink sink = EvidenceSpecs.of(SourceKind.SMCSS).textParser().orElseThrow().open(ctx);
        TextLines.read(new ByteArrayInputStream(bytes), ctx, sink);
        sink.end();
        return ctx.facts;
    }

    /** The public evidence path, with aggregation. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long evidence() {
        return Evidence.builder().parse(SourceKind.SMCSS, "smcss.txt", listing).build().sockets().total();
    }

    private static final class Counting implements ParseContext {
        long facts;
        long warnings;

        @Override
        public String source() {
            return "smcss.txt";
        }

        @Override
        public void add(Fact fact) {
            facts++;
        }

        @Override
        public void warn(int line, String message) {
            warnings++;
        }
    }
}
