package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.HostEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairing in the fleet job (local mode, the test JVM's one session): a fleet made of the client and server bundles of
 * every lab scenario ({@code engine/src/test/resources/lab-pairs.tsv}: the shared lab-6.12 captures and the own
 * {@code --scenario-file} captures, as .tar.gz, .zip and directories), a hub server with {@value #CLIENTS} clients
 * (made from the ueid-mismatch capture: the server's listing with one row per client connection, each client's
 * listing with its own rows) and a corrupt archive. The oracle is the engine used directly: every two bundles of the
 * fleet diagnosed together with {@link Diagnoser#diagnose(List)}, a pair expected where that joins connections with
 * both ports known (what connection keys can find: {@link io.smcdoctor.engine.internal.project.ConnectionKeys}).
 */
class FleetPairsTest {
    static final int CLIENTS = 6;
    static final int CAP = 3;
    private static final Instant TIME = Instant.parse("2026-11-30T03:00:00Z");

    @TempDir
    static Path work;

    static FleetRun run;
    /** Bundle path (Hadoop form) to the host name its manifest gives. */
    static Map<String, String> hosts = new TreeMap<>();
    /** Bundle path (Hadoop form) to its local path. */
    static Map<String, Path> local = new TreeMap<>();
    static Path hub;
    static List<Path> hubClients = new ArrayList<>();
    /** Rows of the pairs table by "bundle_a bundle_b", in rank order. */
    static Map<String, List<Row>> pairs;
    static Diagnoser diagnoser;
    static Map<String, Evidence> evidence = new HashMap<>();

    @BeforeAll
    static void runTheFleet() throws IOException {
        Path root = Files.createDirectories(work.resolve("fleet"));
        List<String> scenarios = Files.readAllLines(Path.of("../engine/src/test/resources/lab-pairs.tsv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0]).toList();
        int n = 0;
        for (String s : scenarios) {
            for (String side : List.of("client", "server")) {
                Map<String, byte[]> files = files(Path.of("../engine/src/test/resources", s, side));
                String host = side + "-" + s.replace('/', '-').replace('.', '-');
                write(root, host, files, n++);
            }
        }
        // a server with CLIENTS clients, client i with i + 1 connections to it
        Map<String, byte[]> server = files(Path.of("../engine/src/test/resources/lab-own/ueid-mismatch/server"));
        Map<String, byte[]> client = files(Path.of("../engine/src/test/resources/lab-own/ueid-mismatch/client"));
        StringBuilder hubListing = new StringBuilder(header());
        for (int i = 0; i < CLIENTS; i++) {
            StringBuilder listing = new StringBuilder(header());
            for (int c = 0; c <= i; c++) {
                String peer = String.format(Locale.ROOT, "10.10.9.%d:%d", 10 + i, 41000 + c);
                hubListing.append(String.format(Locale.ROOT, "ACTIVE         00000 %07d %-23s %-23s 0000 TCP"
                        + " 0x03030000\n", 500 + 10 * i + c, "10.10.0.1:5150", peer));
                listing.append(String.format(Locale.ROOT, "ACTIVE         00000 %07d %-23s %-23s 0000 TCP"
                        + " 0x05000000/0x03030000\n", 400 + c, peer, "10.10.0.1:5150"));
            }
            Map<String, byte[]> files = new TreeMap<>(client);
            String address = "10.10.9." + (10 + i);
            files.replaceAll((name, bytes) -> new String(bytes, StandardCharsets.UTF_8)
                    .replace("10.10.0.2", address).getBytes(StandardCharsets.UTF_8));
            files.keySet().removeIf(name -> name.startsWith("smcss"));
            files.put("smcss.txt", listing.toString().getBytes(StandardCharsets.UTF_8));
            hubClients.add(write(root, String.format(Locale.ROOT, "hub-client-%d", i), files, n++));
        }
        hubListing.append("LISTEN         00000 0000406 0.0.0.0:5150            \n");
        Map<String, byte[]> hubFiles = new TreeMap<>(server);
        hubFiles.keySet().removeIf(name -> name.startsWith("smcss"));
        hubFiles.put("smcss.txt", hubListing.toString().getBytes(StandardCharsets.UTF_8));
        hub = write(root, "hub-server", hubFiles, n++);
        Files.write(root.resolve("broken.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        run = FleetJob.builder().inputs(List.of(root.toString())).output(work.resolve("out").toString())
                .pairsPerBundle(CAP).build().run(LocalSpark.session());
        pairs = new TreeMap<>();
        for (Row r : LocalSpark.session().read().parquet(run.pairTable().orElseThrow()).collectAsList()) {
            pairs.computeIfAbsent(r.getString(r.fieldIndex("bundle_a")) + " " + r.getString(r.fieldIndex("bundle_b")),
                    k -> new ArrayList<>()).add(r);
        }
        pairs.values().forEach(l -> l.sort(Comparator.comparing(r -> r.isNullAt(r.fieldIndex("rank")) ? 0
                : r.getInt(r.fieldIndex("rank")))));
        diagnoser = Diagnoser.create();
        local.forEach((key, path) -> evidence.put(key, EvidenceBundle.read(path)));
    }

    private static String header() {
        return "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    /** Writes a bundle named by its manifest, in the n-th of the three formats. */
    private static Path write(Path root, String host, Map<String, byte[]> files, int n) throws IOException {
        Map<String, byte[]> out = new TreeMap<>(files);
        out.put("manifest.json", FleetGenerator.manifest(out.get("manifest.json"), host, TIME));
        Path path = switch (n % 3) {
            case 0 -> FleetGenerator.writeTarGz(root.resolve(host + ".tar.gz"), "smc-bundle-" + host + "/", out);
            case 1 -> FleetGenerator.writeZip(root.resolve(host + ".zip"), out);
            default -> FleetGenerator.writeDirectory(root.resolve(host), out);
        };
        hosts.put(key(path), host);
        local.put(key(path), path);
        return path;
    }

    static String key(Path p) {
        return "file:" + p.toAbsolutePath().normalize();
    }

    /** The two bundles diagnosed together directly, named by their manifests' hosts. */
    static MultiHostReport direct(String a, String b) {
        return diagnoser.diagnose(List.of(HostEvidence.of(hosts.get(a), evidence.get(a)),
                HostEvidence.of(hosts.get(b), evidence.get(b))));
    }

    /** Every two readable bundles whose connections the engine joins with both ports known. */
    static Set<String> expectedCandidates() {
        List<String> all = new ArrayList<>(local.keySet());
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                HostPairing p = direct(all.get(i), all.get(j)).pairings().get(0);
                if (p.joined() - p.joinedByPortZero() > 0) {
                    expected.add(all.get(i) + " " + all.get(j));
                }
            }
        }
        return expected;
    }

    @Test
    void pairsFound_areTheBundlesTheEngineJoins_lessWhatTheHubCapLeavesOut() {
        Set<String> expected = expectedCandidates();
        Set<String> leftOut = new TreeSet<>();
        // the hub keeps its CAP clients with the most connections: the last ones
        for (int i = 0; i < CLIENTS - CAP; i++) {
            leftOut.add(key(hubClients.get(i)) + " " + key(hub));
        }
        assertThat(expected).containsAll(leftOut);
        Set<String> kept = new TreeSet<>(expected);
        kept.removeAll(leftOut);

        assertThat(pairs.keySet()).isEqualTo(kept);
        // not vacuous: most lab scenarios pair, IPv4-mapped on one end included
        assertThat(kept).hasSizeGreaterThanOrEqualTo(15 + CAP);
        String mapped = pairs.keySet().stream().filter(k -> k.contains("smc6-dualstack-server")).findFirst()
                .orElseThrow();
        assertThat(mapped).contains("client-lab-own-smc6-dualstack-server", "server-lab-own-smc6-dualstack-server");
        // the broken archive is a row of the diagnoses table and in no pair
        assertThat(pairs.keySet()).noneMatch(k -> k.contains("broken"));
        assertThat(run.unreadable()).isEqualTo(1);

        FleetSummary.Pairs s = run.summary().pairs();
        assertThat(s.perBundleCap()).isEqualTo(CAP);
        assertThat(s.candidates()).isEqualTo(expected.size());
        assertThat(s.diagnosed()).isEqualTo(kept.size());
        assertThat(s.skippedByCap()).isEqualTo(CLIENTS - CAP);
        assertThat(s.hubs()).isEqualTo(1);
        assertThat(s.hubSample()).singleElement().isEqualTo(new FleetSummary.Hub(key(hub), "hub-server", CLIENTS));
        assertThat(s.failed()).isZero();
    }

    @Test
    void everyPairRow_equalsTheDirectDiagnosisOfTheTwoBundlesTogether() {
        int related = 0;
        for (Map.Entry<String, List<Row>> e : pairs.entrySet()) {
            String[] ab = e.getKey().split(" ");
            MultiHostReport r = direct(ab[0], ab[1]);
            HostPairing p = r.pairings().get(0);
            List<Row> rows = e.getValue();
            assertThat(rows).as(e.getKey()).hasSize(Math.max(1, r.diagnoses().size()));
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String at = e.getKey() + " row " + i;
                assertThat(row.getString(row.fieldIndex("host_a"))).as(at).isEqualTo(hosts.get(ab[0]));
                assertThat(row.getString(row.fieldIndex("host_b"))).as(at).isEqualTo(hosts.get(ab[1]));
                assertThat(row.isNullAt(row.fieldIndex("error"))).as(at).isTrue();
                assertThat(row.getString(row.fieldIndex("relation"))).as(at).isEqualTo(p.relation().json());
                assertThat(row.getBoolean(row.fieldIndex("related"))).as(at).isEqualTo(p.related());
                assertThat(row.getBoolean(row.fieldIndex("consistent"))).as(at).isEqualTo(p.consistent());
                assertThat(row.getLong(row.fieldIndex("joined"))).as(at).isEqualTo(p.joined());
                assertThat(row.getLong(row.fieldIndex("joined_by_cut"))).as(at).isEqualTo(p.joinedByCut());
                assertThat(row.getLong(row.fieldIndex("contradicting"))).as(at).isEqualTo(p.contradicting());
                assertThat(row.getLong(row.fieldIndex("matched_keys"))).as(at)
                        .isEqualTo(p.joined() - p.joinedByPortZero());
                if (r.diagnoses().isEmpty()) {
                    assertThat(row.isNullAt(row.fieldIndex("cause_id"))).as(at).isTrue();
                    continue;
                }
                HostDiagnosis d = r.diagnoses().get(i);
                assertThat(row.getInt(row.fieldIndex("rank"))).as(at).isEqualTo(d.rank());
                assertThat(row.getString(row.fieldIndex("cause_id"))).as(at).isEqualTo(d.id());
                assertThat(row.getString(row.fieldIndex("title"))).as(at).isEqualTo(d.diagnosis().title());
                assertThat(row.getDouble(row.fieldIndex("confidence"))).as(at).isEqualTo(d.confidence());
                assertThat(row.getString(row.fieldIndex("severity"))).as(at).isEqualTo(d.diagnosis().severity().json());
                assertThat(row.getString(row.fieldIndex("side"))).as(at).isEqualTo(d.diagnosis().side().json());
                assertThat(row.<String>getList(row.fieldIndex("concluded_on"))).as(at).isEqualTo(d.concludedOn());
                assertThat(row.<String>getList(row.fieldIndex("fix_on"))).as(at).isEqualTo(d.fixOn());
                assertThat(row.getBoolean(row.fieldIndex("fix_each"))).as(at).isEqualTo(d.fixEach());
                assertThat(row.<String>getList(row.fieldIndex("reason_codes"))).as(at).isEqualTo(d.diagnosis()
                        .reasonCodes().stream().map(c -> String.format(Locale.ROOT, "0x%08x", c)).toList());
                assertThat(row.getInt(row.fieldIndex("evidence_count"))).as(at).isEqualTo(d.evidence().size());
            }
            if (p.related()) {
                related++;
            }
        }
        assertThat(run.summary().pairs().related()).isEqualTo(related);
        // the ueid-mismatch pair names both hosts to fix (either end), as diagnose --host does
        String ueid = pairs.keySet().stream().filter(k -> k.contains("ueid-mismatch") && !k.contains("hub"))
                .findFirst().orElseThrow();
        Row top = pairs.get(ueid).get(0);
        assertThat(top.getString(top.fieldIndex("cause_id"))).isEqualTo("nosmcdev-ueid-mismatch");
        assertThat(top.<String>getList(top.fieldIndex("fix_on"))).containsExactlyInAnyOrder(
                "client-lab-own-ueid-mismatch", "server-lab-own-ueid-mismatch");
    }

    @Test
    void summaryJsonAndPage_showThePairs() throws IOException {
        FleetSummary.Pairs s = run.summary().pairs();
        String json = Files.readString(work.resolve("out").resolve(FleetJob.SUMMARY), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(run.summary().toJson()).contains("\"pairs\" : {", "\"perBundleCap\" : " + CAP,
                "\"skippedByCap\" : " + (CLIENTS - CAP), "\"candidates\" : " + CLIENTS);
        // the causes of the related pairs, counted from the table
        Map<String, Set<String>> byCause = new TreeMap<>();
        pairs.forEach((k, rows) -> rows.stream().filter(r -> r.getBoolean(r.fieldIndex("related"))
                && !r.isNullAt(r.fieldIndex("cause_id"))).forEach(r -> byCause.computeIfAbsent(
                        r.getString(r.fieldIndex("cause_id")), x -> new TreeSet<>()).add(k)));
        Map<String, Long> counted = new LinkedHashMap<>();
        s.causes().forEach(c -> counted.put(c.id(), c.pairs()));
        Map<String, Long> expected = new TreeMap<>();
        byCause.forEach((id, ps) -> expected.put(id, (long) ps.size()));
        assertThat(new TreeMap<>(counted)).isEqualTo(expected);
        assertThat(s.sample()).hasSizeLessThanOrEqualTo(FleetSummary.TOP).isSortedAccordingTo(
                Comparator.comparingLong(FleetSummary.PairSample::joined).reversed()
                        .thenComparing(FleetSummary.PairSample::hostA));

        String html = Files.readString(work.resolve("out").resolve(FleetJob.PAGE), StandardCharsets.UTF_8);
        assertThat(html).contains("<section class=\"card\" id=\"pairs\">",
                "<tr data-pairs-count=\"diagnosed\" data-value=\"" + s.diagnosed() + "\">",
                "<tr data-pairs-count=\"skipped\" data-value=\"" + (CLIENTS - CAP) + "\">",
                "<tr class=\"hub\" data-candidates=\"" + CLIENTS + "\">",
                "<span data-item=\"pairs\">Host pairs diagnosed together <b>" + s.diagnosed() + "</b></span>");
        expected.forEach((id, n) -> assertThat(html).contains("<tr data-pair-cause=\"" + id + "\" data-pairs=\""
                + n + "\">"));
    }
}
