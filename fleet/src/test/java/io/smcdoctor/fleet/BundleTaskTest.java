package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a task does with one bundle, without Spark: copies, limits, errors, host names. */
class BundleTaskTest {
    private static final FleetLimits LIMITS = FleetLimits.of(EvidenceBundle.Limits.defaults()
            .withMaxTotalBytes(64 * 1024).withMaxEntryBytes(32 * 1024).withMaxEntries(40));
    private static final Path SAMPLE = Path.of("../samples/bundles/peer-declined");

    @TempDir
    Path tmp;

    private final FleetCounters counters = new FleetCounters(new LongAccumulator(), new LongAccumulator(),
            new LongAccumulator(), new LongAccumulator(), new LongAccumulator(), new LongAccumulator(),
            new LongAccumulator(), new LongAccumulator(), new LongAccumulator());

    /** A directory bundle held in memory. */
    private static BundleTask.DirectorySource memory(Map<String, byte[]> files, Map<String, Long> declared) {
        return new BundleTask.DirectorySource() {
            @Override
            public List<BundleTask.DirEntry> list() {
                List<BundleTask.DirEntry> out = new ArrayList<>();
                files.forEach((n, b) -> out.add(new BundleTask.DirEntry(n, declared.getOrDefault(n, (long) b.length))));
                return out;
            }

            @Override
            public InputStream open(String relative) {
                return new ByteArrayInputStream(files.get(relative));
            }
        };
    }

    private static Map<String, byte[]> sample() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(SAMPLE)) {
            for (Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static BundlePlan.Bundle dir(String name) {
        return new BundlePlan.Bundle("hdfs://nn:8020/smc/" + name, true, 1_700_000_000_000L);
    }

    @Test
    void directory_isDiagnosedAsADirectReadOfTheSameFiles() throws IOException {
        BundleResult r = BundleTask.directory(dir("peer-declined"), memory(sample(), Map.of()),
                FleetLimits.of(EvidenceBundle.Limits.defaults()), counters);
        DiagnosisReport direct = Diagnoser.create().diagnose(EvidenceBundle.read(SAMPLE));

        assertThat(r.error()).isNull();
        assertThat(r.causes()).extracting(BundleResult.Cause::id)
                .containsExactlyElementsOf(direct.diagnoses().stream().map(d -> d.id()).toList());
        assertThat(r.causes()).extracting(BundleResult.Cause::confidence)
                .containsExactlyElementsOf(direct.diagnoses().stream().map(d -> d.confidence()).toList());
        assertThat(r.sockets()).isEqualTo(direct.stats().sockets());
        assertThat(r.host()).isEqualTo("svc-app-07"); // uname.txt: Linux svc-app-07 6.12.12+bpo-amd64 ...
        assertThat(r.hostSource()).isEqualTo("uname");
        assertThat(r.kernel()).isEqualTo("6.12.12+bpo-amd64");
        assertThat(counters.bundles().value()).isEqualTo(1);
        assertThat(counters.unreadable().value()).isZero();
        assertThat(counters.bytes().value()).isEqualTo(sample().values().stream().mapToLong(b -> b.length).sum());
    }

    @Test
    void directory_beyondTheLimits_isAnErrorNamingTheBundleInStorage() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("smcss.txt", new byte[10]);
        files.put("dmesg.txt", new byte[10]);

        BundleResult declaredTooBig = BundleTask.directory(dir("a"), memory(files, Map.of("dmesg.txt", 32L * 1024 + 1)),
                LIMITS, counters);
        files.put("dmesg.txt", new byte[32 * 1024 + 5]);
        BundleResult grewWhileRead = BundleTask.directory(dir("b"), memory(files, Map.of("dmesg.txt", 10L)), LIMITS,
                counters);
        files.put("dmesg.txt", new byte[30 * 1024]);
        files.put("sysctl.txt", new byte[30 * 1024]);
        files.put("uname.txt", new byte[30 * 1024]);
        BundleResult total = BundleTask.directory(dir("c"), memory(files, Map.of()), LIMITS, counters);
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 41; i++) {
            many.put(String.format("f%02d.txt", i), new byte[1]);
        }
        BundleResult entries = BundleTask.directory(dir("d"), memory(many, Map.of()), LIMITS, counters);
        BundleResult escape = BundleTask.directory(dir("e"), memory(Map.of("../x/smcss.txt", new byte[1]), Map.of()),
                LIMITS, counters);

        assertThat(declaredTooBig.error()).isEqualTo("hdfs://nn:8020/smc/a: entry 'dmesg.txt' is larger than the"
                + " per-file limit of 32768 bytes (EvidenceBundle.Limits.maxEntryBytes)");
        assertThat(grewWhileRead.error()).isEqualTo("hdfs://nn:8020/smc/b: entry 'dmesg.txt' is larger than the"
                + " per-file limit of 32768 bytes (EvidenceBundle.Limits.maxEntryBytes)");
        assertThat(total.error()).isEqualTo("hdfs://nn:8020/smc/c: more than 65536 bytes in total, reached at entry"
                + " 'uname.txt' (EvidenceBundle.Limits.maxTotalBytes)");
        assertThat(entries.error()).isEqualTo("hdfs://nn:8020/smc/d: more than 40 entries (at 'f40.txt'); raise"
                + " EvidenceBundle.Limits.maxEntries if this is expected");
        assertThat(escape.error())
                .isEqualTo("hdfs://nn:8020/smc/e: entry '../x/smcss.txt' escapes the bundle; refused");
        for (BundleResult r : List.of(declaredTooBig, grewWhileRead, total, entries, escape)) {
            assertThat(r.causes()).isEmpty();
            assertThat(r.hostSource()).isEqualTo("bundle-name");
        }
        assertThat(counters.unreadable().value()).isEqualTo(5);
        assertThat(counters.bundles().value()).isEqualTo(5);
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("smc-doctor-fleet-"))
                    .filter(p -> p.toFile().lastModified() > System.currentTimeMillis() - 60_000)
                    .filter(p -> Files.exists(p.resolve("a")) || Files.exists(p.resolve("c")))).isEmpty();
        }
    }

    @Test
    void archive_errorsNameTheArchiveInStorage_notTheLocalCopy() {
        BundlePlan.Bundle b = new BundlePlan.Bundle("s3a://bucket/smc/2026-12-01/web-7.tar.gz", false, 0);

        BundleResult corrupt = BundleTask.archive(b, () -> new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}),
                LIMITS, counters);
        BundleResult huge = BundleTask.archive(b, () -> new ByteArrayInputStream(new byte[64 * 1024 + 1]), LIMITS,
                counters);
        BundleResult failing = BundleTask.archive(b, () -> {
            throw new IOException("Connection reset by peer");
        }, LIMITS, counters);

        assertThat(corrupt.error()).startsWith("s3a://bucket/smc/2026-12-01/web-7.tar.gz: not a readable")
                .doesNotContain("smc-doctor-fleet-");
        assertThat(huge.error()).isEqualTo("s3a://bucket/smc/2026-12-01/web-7.tar.gz: the archive is larger than 65536"
                + " bytes, more than all its files together may hold (EvidenceBundle.Limits.maxTotalBytes); not read");
        assertThat(failing.error()).isEqualTo("s3a://bucket/smc/2026-12-01/web-7.tar.gz: IOException: Connection"
                + " reset by peer");
        assertThat(List.of(corrupt, huge, failing)).allSatisfy(r -> assertThat(r.host()).isEqualTo("web-7"));
    }

    @Test
    void archive_isDiagnosedAsADirectReadOfTheSameFile() throws IOException {
        Path zip = FleetGenerator.writeZip(tmp.resolve("pd.zip"), sample());
        BundlePlan.Bundle b = new BundlePlan.Bundle("hdfs://nn/smc/pd.zip", false, 0);

        BundleResult r = BundleTask.archive(b, () -> Files.newInputStream(zip),
                FleetLimits.of(EvidenceBundle.Limits.defaults()), counters);
        DiagnosisReport direct = Diagnoser.create().diagnose(EvidenceBundle.read(zip));

        assertThat(r.error()).isNull();
        assertThat(r.causes()).extracting(BundleResult.Cause::id)
                .containsExactlyElementsOf(direct.diagnoses().stream().map(d -> d.id()).toList());
        assertThat(r.warnings()).isEqualTo(direct.warnings().size());
        assertThat(r.bundle()).isEqualTo("hdfs://nn/smc/pd.zip");
    }

    @Test
    void nodename_isTheSecondWordOfUnameA_only() {
        assertThat(BundleTask.nodename(new KernelRelease(new Provenance("uname.txt", 1,
                "Linux web-1 6.12.12+bpo-amd64 #1 SMP PREEMPT_DYNAMIC Debian x86_64 GNU/Linux"), "6.12.12+bpo-amd64",
                "x86_64", "debian12"))).contains("web-1");
        assertThat(BundleTask.nodename(new KernelRelease(new Provenance("uname.txt", 1, "6.12.12+bpo-amd64"),
                "6.12.12+bpo-amd64", "", ""))).isEmpty();
        assertThat(List.of("(none)", "localhost", "localhost.localdomain", " ", ""))
                .noneMatch(BundleTask::meaningfulHost);
        assertThat(BundleTask.meaningfulHost("iZbp1n5m8b1v4c7x0z3l6kZ")).isTrue();
    }

    @Test
    void below_acceptsPlainRelativePathsOnly() {
        Path root = tmp.resolve("b");
        assertThat(BundleTask.below(root, "proc/sys/net/smc/autocorking_size"))
                .contains(root.resolve("proc/sys/net/smc/autocorking_size"));
        for (String bad : List.of("", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/.", "a\\b", "a\0b")) {
            assertThat(BundleTask.below(root, bad)).as(bad).isEmpty();
        }
    }
}
