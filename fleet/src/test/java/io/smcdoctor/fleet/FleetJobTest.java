package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.BundleManifest;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.HtmlPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job in Spark's local mode (the test JVM's one session, {@link LocalSpark}) over a fleet
 * generated from the lab and sample bundles ({@link FleetGenerator}; {@code -Dfleet.test.bundles}, 240 by default,
 * 1,000+ in the {@code fleet-full} profile) plus the hostile archives of {@link HostileBundles}. The oracle is the
 * library itself used as {@code smc-doctor diagnose} uses it: each bundle read alone with
 * {@link EvidenceBundle#read} and diagnosed by a {@link Diagnoser} of this JVM.
 */
class FleetJobTest {
    static final EvidenceBundle.Limits LIMITS = EvidenceBundle.Limits.defaults()
            .withMaxTotalBytes(HostileBundles.MAX_TOTAL).withMaxEntryBytes(HostileBundles.MAX_ENTRY)
            .withMaxEntries(HostileBundles.MAX_ENTRIES);

    @TempDir
    static Path work;

    static SparkSession spark;
    static List<FleetGenerator.Generated> fleet;
    static Map<String, String> hostile;
    static FleetRun run;
    /** Rows of the table by bundle path (Hadoop form), in rank order. */
    static Map<String, List<Row>> rows;
    /** The single-bundle reads: local path to report or error. */
    static Map<Path, Single> singles;

    /** A bundle read and diagnosed alone. */
    record Single(@Nullable Evidence evidence, @Nullable DiagnosisReport report, @Nullable String error) {
    }

    @BeforeAll
    static void runTheFleet() throws IOException {
        int bundles = Integer.getInteger("fleet.test.bundles", 240);
        Path root = Files.createDirectories(work.resolve("fleet"));
        fleet = new FleetGenerator(Path.of("")).generate(root, bundles, 0);
        Map<String, byte[]> good = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("../samples/bundles/ipv6-fallback"))) {
            for (Path f : files.toList()) {
                good.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        // no host name in uname: the hostile bundles are named by their file names
        good.put("uname.txt", new String(good.get("uname.txt"), StandardCharsets.UTF_8)
                .replaceFirst("^Linux \\S+", "Linux (none)").getBytes(StandardCharsets.UTF_8));
        hostile = HostileBundles.write(root.resolve("hostile"), good);
        Files.writeString(root.resolve("README.md"), "nightly SMC bundles\n"); // not a bundle: ignored

        spark = LocalSpark.session();
        run = FleetJob.builder().inputs(List.of(root.toString())).output(work.resolve("out").toString())
                .limits(LIMITS).build().run(spark);
        rows = new HashMap<>();
        for (Row r : spark.read().parquet(run.table()).collectAsList()) {
            rows.computeIfAbsent(r.getString(r.fieldIndex("bundle")), k -> new ArrayList<>()).add(r);
        }
        rows.values().forEach(l -> l.sort(Comparator.comparing(r -> r.isNullAt(r.fieldIndex("rank")) ? 0
                : r.getInt(r.fieldIndex("rank")))));

        Diagnoser diagnoser = Diagnoser.create();
        singles = new LinkedHashMap<>();
        for (Path p : allBundles()) {
            try {
                Evidence ev = EvidenceBundle.read(List.of(p), LIMITS);
                singles.put(p, new Single(ev, diagnoser.diagnose(ev), null));
            } catch (EvidenceParseException e) {
                singles.put(p, new Single(null, null, e.getMessage()));
            }
        }
    }

    static List<Path> allBundles() {
        List<Path> all = new ArrayList<>();
        fleet.forEach(g -> all.add(g.path()));
        hostile.keySet().forEach(name -> all.add(work.resolve("fleet/hostile").resolve(name)));
        return all;
    }

    /** The bundle column's value for a local path: Hadoop's name of the local file. */
    static String key(Path p) {
        return "file:" + p.toAbsolutePath().normalize();
    }

    @Test
    void everyBundle_isInTheTableOnce_andNothingElseIs() {
        Set<String> expected = new HashSet<>();
        allBundles().forEach(p -> expected.add(key(p)));

        assertThat(rows.keySet()).isEqualTo(expected);
        assertThat(run.bundles()).isEqualTo(expected.size());
        assertThat(run.rows()).isEqualTo(rows.values().stream().mapToLong(List::size).sum());
        assertThat(fleet).hasSizeGreaterThanOrEqualTo(Integer.getInteger("fleet.test.bundles", 240));
        assertThat(fleet).extracting(FleetGenerator.Generated::format).contains(FleetGenerator.Format.values());
    }

    @Test
    void everyReadableBundle_rowsEqualItsSingleBundleDiagnosis() {
        int compared = 0;
        for (Map.Entry<Path, Single> e : singles.entrySet()) {
            Single s = e.getValue();
            if (s.error() != null) {
                continue;
            }
            List<Row> actual = rows.get(key(e.getKey()));
            DiagnosisReport r = s.report();
            List<Diagnosis> ds = r.diagnoses();
            assertThat(actual).as(e.getKey().toString()).hasSize(Math.max(1, ds.size()));
            for (int i = 0; i < actual.size(); i++) {
                Row row = actual.get(i);
                String at = e.getKey() + " row " + i;
                assertThat(row.isNullAt(row.fieldIndex("error"))).as(at).isTrue();
                assertThat(row.getLong(row.fieldIndex("sockets"))).as(at).isEqualTo(r.stats().sockets());
                assertThat(row.getLong(row.fieldIndex("smc_sockets"))).as(at).isEqualTo(r.stats().smcSockets());
                Map<String, Long> fallbacks = new TreeMap<>();
                r.stats().fallbacks().forEach((code, n) ->
                        fallbacks.put(String.format(Locale.ROOT, "0x%08x", code), n));
                assertThat(new TreeMap<>(row.<String, Long>getJavaMap(row.fieldIndex("fallbacks")))).as(at)
                        .isEqualTo(fallbacks);
                assertThat(row.getInt(row.fieldIndex("warnings"))).as(at).isEqualTo(r.warnings().size());
                if (ds.isEmpty()) {
                    assertThat(row.isNullAt(row.fieldIndex("rank"))).as(at).isTrue();
                    assertThat(row.isNullAt(row.fieldIndex("cause_id"))).as(at).isTrue();
                    continue;
                }
                Diagnosis d = ds.get(i);
                assertThat(row.getInt(row.fieldIndex("rank"))).as(at).isEqualTo(d.rank());
                assertThat(row.getString(row.fieldIndex("cause_id"))).as(at).isEqualTo(d.id());
                assertThat(row.getString(row.fieldIndex("title"))).as(at).isEqualTo(d.title());
                assertThat(row.getDouble(row.fieldIndex("confidence"))).as(at).isEqualTo(d.confidence());
                assertThat(row.getString(row.fieldIndex("severity"))).as(at)
                        .isEqualTo(d.severity().name().toLowerCase(Locale.ROOT));
                assertThat(row.getString(row.fieldIndex("side"))).as(at)
                        .isEqualTo(d.side().name().toLowerCase(Locale.ROOT));
                assertThat(row.<String>getList(row.fieldIndex("reason_codes"))).as(at).isEqualTo(d.reasonCodes()
                        .stream().map(c -> String.format(Locale.ROOT, "0x%08x", c)).toList());
                assertThat(row.getInt(row.fieldIndex("evidence_count"))).as(at).isEqualTo(d.evidence().size());
            }
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(fleet.size());
        // the fleet is not trivially uniform: many causes, bundles without any diagnosis are rare
        assertThat(run.summary().causes()).hasSizeGreaterThan(15);
    }

    @Test
    void pairs_ofTheGeneratedFleet_areTheDirectDiagnosesOfTheTwoBundlesTogether() {
        // lab client and server bundles of one round have the same shifted addresses: the two ends of connections
        Map<String, Path> byKey = new HashMap<>();
        allBundles().forEach(p -> byKey.put(key(p), p));
        Map<String, String> hostOf = new HashMap<>();
        fleet.forEach(g -> hostOf.put(key(g.path()), g.host()));
        Map<String, List<Row>> pairRows = new TreeMap<>();
        for (Row r : spark.read().parquet(run.pairTable().orElseThrow()).collectAsList()) {
            String pair = r.getString(r.fieldIndex("bundle_a")) + " " + r.getString(r.fieldIndex("bundle_b"));
            pairRows.computeIfAbsent(pair, k -> new ArrayList<>()).add(r);
        }
        Diagnoser diagnoser = Diagnoser.create();
        int related = 0;
        for (Map.Entry<String, List<Row>> e : pairRows.entrySet()) {
            String[] ab = e.getKey().split(" ");
            Row first = e.getValue().get(0);
            String hostA = first.getString(first.fieldIndex("host_a"));
            String hostB = first.getString(first.fieldIndex("host_b"));
            assertThat(hostA).as(e.getKey()).isEqualTo(hostOf.get(ab[0]));
            assertThat(hostB).as(e.getKey()).isEqualTo(hostOf.get(ab[1]));
            io.smcdoctor.MultiHostReport r = diagnoser.diagnose(List.of(
                    io.smcdoctor.HostEvidence.of(hostA, singles.get(byKey.get(ab[0])).evidence()),
                    io.smcdoctor.HostEvidence.of(hostB, singles.get(byKey.get(ab[1])).evidence())));
            assertThat(e.getValue()).as(e.getKey()).hasSize(Math.max(1, r.diagnoses().size()));
            assertThat(first.getLong(first.fieldIndex("joined"))).as(e.getKey())
                    .isEqualTo(r.pairings().get(0).joined());
            assertThat(first.getString(first.fieldIndex("relation"))).as(e.getKey())
                    .isEqualTo(r.pairings().get(0).relation().json());
            List<String> ids = e.getValue().stream().sorted(Comparator.comparing(x -> x.isNullAt(x.fieldIndex("rank"))
                    ? 0 : x.getInt(x.fieldIndex("rank")))).map(x -> x.getString(x.fieldIndex("cause_id"))).toList();
            if (!r.diagnoses().isEmpty()) {
                assertThat(ids).as(e.getKey()).isEqualTo(r.diagnoses().stream().map(d -> d.id()).toList());
            }
            if (r.pairings().get(0).related()) {
                related++;
            }
        }
        assertThat(related).isPositive();
        assertThat(run.summary().pairs().diagnosed()).isEqualTo(pairRows.size());
        assertThat(run.summary().pairs().related()).isEqualTo(related);
    }

    @Test
    void hostTimeAndKernel_comeFromTheManifestUnameOrTheBundleName() {
        Map<String, Integer> sources = new TreeMap<>();
        for (FleetGenerator.Generated g : fleet) {
            Row row = rows.get(key(g.path())).get(0);
            assertThat(row.getString(row.fieldIndex("host"))).as(g.path().toString()).isEqualTo(g.host());
            assertThat(row.getString(row.fieldIndex("host_source"))).as(g.path().toString())
                    .isEqualTo(g.hostSource());
            Timestamp collected = row.getTimestamp(row.fieldIndex("collected_at"));
            assertThat(collected == null ? null : collected.toInstant()).as(g.path().toString())
                    .isEqualTo(g.collectedAt());
            Evidence ev = singles.get(g.path()).evidence();
            String kernel = ev.facts(KernelRelease.class).stream().map(KernelRelease::release).findFirst()
                    .orElse(ev.facts(BundleManifest.class).stream().map(BundleManifest::kernel)
                            .filter(k -> !k.isEmpty()).findFirst().orElse(null));
            assertThat(row.getString(row.fieldIndex("kernel"))).as(g.path().toString()).isEqualTo(kernel);
            if (g.format() != FleetGenerator.Format.DIRECTORY) {
                assertThat(row.getTimestamp(row.fieldIndex("modified_at")).toInstant())
                        .isEqualTo(Instant.ofEpochMilli(g.path().toFile().lastModified()));
            }
            sources.merge(g.hostSource(), 1, Integer::sum);
        }
        assertThat(sources.keySet()).containsExactly("bundle-name", "manifest", "uname");
    }

    @Test
    void hostileArchives_becomeErrorRows_asTheirSingleReadFails() {
        for (Map.Entry<String, String> h : hostile.entrySet()) {
            Path p = work.resolve("fleet/hostile").resolve(h.getKey());
            List<Row> actual = rows.get(key(p));
            Single single = singles.get(p);
            if (h.getValue() == null) {
                assertThat(single.error()).as(h.getKey() + " is readable alone").isNull();
                assertThat(actual).as(h.getKey())
                        .allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("error"))).isTrue())
                        .allSatisfy(r -> assertThat(r.getString(r.fieldIndex("host")))
                                .isEqualTo(HostileBundles.host(h.getKey())));
                continue;
            }
            assertThat(actual).as(h.getKey()).singleElement().satisfies(r -> {
                String error = r.getString(r.fieldIndex("error"));
                assertThat(error).as(h.getKey()).startsWith(key(p) + ": ").contains(h.getValue());
                if (!h.getKey().equals("huge.zip")) { // refused before the copy; a read alone stops later
                    assertThat(error.replace(key(p), p.toString())).isEqualTo(single.error());
                } else {
                    assertThat(single.error()).isNotNull();
                }
                assertThat(r.getString(r.fieldIndex("host"))).isEqualTo(BundlePlan.stripArchiveExtension(h.getKey()));
                assertThat(r.getString(r.fieldIndex("host_source"))).isEqualTo("bundle-name");
                for (String column : List.of("rank", "cause_id", "confidence", "reason_codes", "sockets",
                        "fallbacks", "collected_at", "kernel")) {
                    assertThat(r.isNullAt(r.fieldIndex(column))).as(h.getKey() + " " + column).isTrue();
                }
            });
        }
        assertThat(run.unreadable()).isEqualTo(hostile.values().stream().filter(v -> v != null).count());
    }

    /** What the summary must say, counted from the single-bundle reads and the hosts the generator wrote. */
    record Expected(Map<String, Set<String>> causeHosts, Map<String, Set<String>> codeHosts,
                    Map<String, Long> codeSockets, Map<String, Long> smcByHost, Map<String, Long> socketsByHost,
                    long unreadable) {
    }

    static Expected expected() {
        Map<Path, String> hosts = new HashMap<>();
        fleet.forEach(g -> hosts.put(g.path(), g.host()));
        hostile.keySet().forEach(n -> hosts.put(work.resolve("fleet/hostile").resolve(n), HostileBundles.host(n)));
        Map<String, Set<String>> causeHosts = new TreeMap<>();
        Map<String, Set<String>> codeHosts = new TreeMap<>();
        Map<String, Long> codeSockets = new TreeMap<>();
        Map<String, Long> smcByHost = new TreeMap<>();
        Map<String, Long> socketsByHost = new TreeMap<>();
        long unreadable = 0;
        for (Map.Entry<Path, Single> e : singles.entrySet()) {
            String host = hosts.get(e.getKey());
            if (e.getValue().error() != null) {
                unreadable++;
                continue;
            }
            DiagnosisReport r = e.getValue().report();
            r.diagnoses().forEach(d -> causeHosts.computeIfAbsent(d.id(), k -> new HashSet<>()).add(host));
            r.stats().fallbacks().forEach((code, n) -> {
                String hex = String.format(Locale.ROOT, "0x%08x", code);
                codeHosts.computeIfAbsent(hex, k -> new HashSet<>()).add(host);
                codeSockets.merge(hex, n, Long::sum);
            });
            smcByHost.merge(host, r.stats().smcSockets(), Math::max);
            socketsByHost.merge(host, r.stats().sockets(), Math::max);
        }
        return new Expected(causeHosts, codeHosts, codeSockets, smcByHost, socketsByHost, unreadable);
    }

    @Test
    void summary_countsHostsCausesAndCodesAsTheSingleReadsDo() throws IOException {
        Expected expected = expected();
        Map<String, Set<String>> causeHosts = expected.causeHosts();
        Map<String, Set<String>> codeHosts = expected.codeHosts();
        Map<String, Long> codeSockets = expected.codeSockets();
        Map<String, Long> smcByHost = expected.smcByHost();
        Map<String, Long> socketsByHost = expected.socketsByHost();
        long unreadable = expected.unreadable();
        FleetSummary s = run.summary();

        assertThat(s.bundles()).isEqualTo(singles.size());
        assertThat(s.unreadable()).isEqualTo(unreadable);
        assertThat(s.hosts()).isEqualTo(smcByHost.size());
        assertThat(s.causes().stream().collect(Collectors.toMap(FleetSummary.CauseCount::id,
                FleetSummary.CauseCount::hosts))).isEqualTo(causeHosts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, x -> (long) x.getValue().size())));
        assertThat(s.causes()).isSortedAccordingTo(Comparator.comparingLong(FleetSummary.CauseCount::hosts)
                .reversed().thenComparing(FleetSummary.CauseCount::id));
        assertThat(s.reasonCodes()).extracting(FleetSummary.CodeCount::code).containsExactlyInAnyOrderElementsOf(
                codeHosts.keySet());
        for (FleetSummary.CodeCount c : s.reasonCodes()) {
            assertThat(c.hosts()).as(c.code()).isEqualTo(codeHosts.get(c.code()).size());
            assertThat(c.sockets()).as(c.code()).isEqualTo(codeSockets.get(c.code()));
        }
        assertThat(s.smcWorks().hosts()).isEqualTo(smcByHost.values().stream().filter(n -> n > 0).count());
        assertThat(s.noSmcSockets().hosts()).isEqualTo(smcByHost.values().stream().filter(n -> n == 0).count());
        assertThat(s.noSockets().hosts()).isEqualTo(socketsByHost.values().stream().filter(n -> n == 0).count());
        assertThat(s.smcWorks().hosts()).isPositive();
        assertThat(s.noSmcSockets().hosts()).isPositive();
        assertThat(s.smcWorks().sample()).isSorted().hasSizeLessThanOrEqualTo(FleetSummary.TOP)
                .allSatisfy(h -> assertThat(smcByHost.get(h)).isPositive());
        assertThat(s.unreadableReasons().stream().mapToLong(FleetSummary.ReasonCount::bundles).sum())
                .isEqualTo(unreadable);
        assertThat(s.unreadableReasons()).allSatisfy(r -> assertThat(r.reason()).doesNotStartWith("file:"));
        assertThat(s.unreadableBundles()).hasSize((int) unreadable);

        String json = Files.readString(work.resolve("out").resolve(FleetJob.SUMMARY), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(s.toJson()).contains("\"schema\" : \"smc-doctor/fleet-summary/v1\"");
    }

    @Test
    void summaryPage_showsCausesByHostsAndCodes_withMarkupFromTheBundlesAsText() throws IOException {
        Expected x = expected();
        Path page = work.resolve("out").resolve(FleetJob.PAGE);
        String html = Files.readString(page, StandardCharsets.UTF_8);

        assertThat(run.summaryPage()).endsWith("/out/" + FleetJob.PAGE);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").contains(
                "<title>SMC Doctor fleet summary</title>",
                "<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.policy() + "\">");
        assertThat(html).contains("<span data-item=\"bundles\">Bundles <b>" + singles.size() + "</b></span>",
                "<span data-item=\"unreadable\">Unreadable bundles <b>" + x.unreadable() + "</b></span>");
        x.causeHosts().forEach((id, hosts) -> assertThat(html).as(id).contains(
                "<tr data-cause=\"" + id + "\" data-hosts=\"" + hosts.size() + "\">"));
        // the chart: the causes on the most hosts
        List<FleetSummary.CauseCount> causes = run.summary().causes();
        for (FleetSummary.CauseCount c : causes.subList(0, Math.min(causes.size(), FleetSummaryPage.CHART_CAUSES))) {
            assertThat(html).contains("<g class=\"bar\" data-key=\"" + c.id() + "\" data-value=\""
                    + x.causeHosts().get(c.id()).size() + "\">");
        }
        assertThat(html.split("<g class=\"bar\"", -1)).hasSize(1 + Math.min(causes.size(),
                FleetSummaryPage.CHART_CAUSES) + 2 * x.codeHosts().size());
        x.codeHosts().forEach((code, hosts) -> assertThat(html).as(code).contains("<tr data-code=\"" + code + "\">",
                "<g class=\"bar\" data-key=\"" + code + "\" data-value=\"" + hosts.size() + "\">",
                "<td class=\"num\">" + x.codeSockets().get(code) + "</td>"));
        assertThat(html).contains("<tr data-group=\"smc-works\" data-hosts=\""
                + x.smcByHost().values().stream().filter(n -> n > 0).count() + "\">");
        // the host named by markup and the bundle named by markup are on the page as text only
        assertThat(html).contains(Html.text(HostileBundles.SCRIPT), Html.text(HostileBundles.IMG))
                .doesNotContain(HostileBundles.SCRIPT, HostileBundles.IMG, "<img");
        assertThat(html.split("<script", -1)).hasSize(2); // the page's own
    }

    @Test
    void timings_andBytes_areMeasured() {
        FleetRun.Timings t = run.timings();
        assertThat(t.read()).isPositive();
        assertThat(t.rules()).isPositive();
        assertThat(t.copy()).isPositive();
        assertThat(run.bytes()).isPositive();
    }

    @Test
    void main_writesAResult_andRefusesToOverwriteUnlessAsked() {
        String out = work.resolve("out-main").toString();
        String in = work.resolve("fleet/hostile").toString();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        FleetMain.Options options = FleetMain.parse(new String[] {in, "--out", out}).orElseThrow();

        int first = FleetMain.execute(options, spark, print(stdout), print(stderr), false);
        int again = FleetMain.execute(options, spark, print(stdout), print(stderr), false);
        int overwrite = FleetMain.execute(FleetMain.parse(new String[] {in, "--out", out, "--overwrite", "--quiet"})
                .orElseThrow(), spark, print(stdout), print(stderr), false);

        assertThat(first).isZero();
        assertThat(again).isEqualTo(2);
        assertThat(overwrite).isZero();
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(hostile.size() + " bundles from ", "table:   ", "(Parquet, ", "summary: ",
                "page:    " + out + "/" + FleetJob.PAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("bundles " + hostile.size() + "/" + hostile.size() + " (100%)")
                .contains("smc-doctor fleet: " + out + " already holds a fleet table or summary");
    }

    @Test
    void inputWithoutBundles_isAnInputError() throws IOException {
        Path empty = Files.createDirectories(work.resolve("nothing-here"));
        Files.writeString(empty.resolve("notes.txt"), "no bundles\n");

        FleetJob job = FleetJob.builder().inputs(List.of(empty.toString())).output(work.resolve("out-none").toString())
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.run(spark))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("no evidence bundles under")
                .hasMessageContaining("1 other files");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
