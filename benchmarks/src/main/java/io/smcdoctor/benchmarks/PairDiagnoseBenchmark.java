package io.smcdoctor.benchmarks;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.HostEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
 * Diagnosis of two hosts together (issue 13 target: two 100,000-socket bundles in under 2 s, warm): the client's
 * and the server's smcss listings of the same 100,000 connections (90 % SMC-R, fallbacks the server declined, some
 * rows of the default listing with IPv6 addresses cut to the column, as smcss prints them).
 * {@link #pairDiagnose} joins and reasons over evidence already read; {@link #pairReadAndDiagnose} also reads both
 * listings. Both run the rules on each host (no cache). Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar PairDiagnose}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PairDiagnoseBenchmark {
    static final int SOCKETS = 100_000;

    private Diagnoser uncached;
    private byte[] client;
    private byte[] server;
    private Evidence clientEvidence;
    private Evidence serverEvidence;

    /** Generates both listings and reads them once. */
    @Setup
    public void setup() {
        uncached = Diagnoser.builder().cacheSize(0).build();
        client = listing(SOCKETS, true).getBytes(StandardCharsets.US_ASCII);
        server = listing(SOCKETS, false).getBytes(StandardCharsets.US_ASCII);
        clientEvidence = read(client);
        serverEvidence = read(server);
        MultiHostReport r = pairDiagnose();
        long joined = r.pairings().get(0).joined();
        long ambiguous = r.pairings().get(0).ambiguous();
        if (joined + ambiguous != SOCKETS || joined < SOCKETS * 95L / 100) {
            throw new IllegalStateException("expected every connection joined or ambiguous: " + joined + " joined, "
                    + ambiguous + " ambiguous");
        }
    }

    private static Evidence read(byte[] listing) {
        return Evidence.builder().parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(listing)).build();
    }

    /** Rules on both hosts, the join of 100,000 connections and the reasoning across them. */
    @Benchmark
    public MultiHostReport pairDiagnose() {
        return uncached.diagnose(List.of(HostEvidence.of("client", clientEvidence),
                HostEvidence.of("server", serverEvidence)));
    }

    /** The same, reading both 100,000-row listings first (streamed). */
    @Benchmark
    public MultiHostReport pairReadAndDiagnose() {
        return uncached.diagnose(List.of(HostEvidence.of("client", read(client)),
                HostEvidence.of("server", read(server))));
    }

    /**
     * One end's listing of the connections: client rows {@code client:port -> server:5103}, server rows the other way
     * round. Every tenth connection is IPv6, printed cut ({@code ..}) on the client as smcss's 23-character column
     * does (the server's listing is wide, {@code smcss -aW}), so a few cut client rows fit two server rows and stay
     * ambiguous; every 17th fell back because the server declined (client {@code 0x05000000/0x03030000}, server
     * {@code 0x03030000}).
     */
    static String listing(int rows, boolean clientSide) {
        StringBuilder sb = new StringBuilder(rows * 110);
        sb.append("State          UID   Inode   Local Address           Peer Address            Intf Mode \n");
        for (int i = 0; i < rows; i++) {
            int port = 1024 + i % 60_000;
            boolean v6 = i % 10 == 0;
            String clientAddr = v6 ? String.format(Locale.ROOT, "2001:db8:1234:%x:%x::2", i >> 16, i & 0xffff)
                    : String.format(Locale.ROOT, "10.%d.%d.%d", (i >> 16) & 255, (i >> 8) & 255, i & 255);
            String serverAddr = v6 ? "2001:db8:ffff::1" : "10.200.0.1";
            String mode = i % 17 == 0 ? (clientSide ? "TCP 0x05000000/0x03030000" : "TCP 0x03030000") : "SMCR ";
            String local = clientSide ? column(clientAddr, port, clientSide && v6) : column(serverAddr, 5103, false);
            String peer = clientSide ? column(serverAddr, 5103, v6) : column(clientAddr, port, false);
            sb.append(String.format(Locale.ROOT, "ACTIVE         00000 %07d %-23s %-23s 0000 %s%n",
                    (clientSide ? 1_000_000 : 3_000_000) + i, local, peer, mode));
        }
        return sb.toString();
    }

    /** {@code addr:port}; cut to smcss's 23-character column with {@code ..} when {@code cut} and too long. */
    private static String column(String address, int port, boolean cut) {
        String p = Integer.toString(port);
        if (cut && address.length() + 1 + p.length() > 23) {
            return address.substring(0, 23 - 1 - p.length() - 2) + "..:" + p;
        }
        return address + ":" + p;
    }
}
