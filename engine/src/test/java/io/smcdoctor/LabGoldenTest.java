package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.RdmaLink;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketSummary;
import io.smcdoctor.evidence.facts.Ueid;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests over every bundle the smc-lab captured on a real upstream 6.12 kernel (two qemu guests,
 * soft-RoCE, see README "Tested against a real kernel"). The expected values come from two places that do not
 * depend on the code under test: each bundle's {@code scenario.json} (the lab's own ground truth: setup,
 * expected and observed modes and codes) and the table in {@link #EXPECTED}, written by reading the raw files.
 */
class LabGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KERNEL = "6.12.117+deb12-amd64";
    private static Diagnoser diagnoser;

    /** Expected top diagnosis per bundle, and the reason codes it must cite (the scenario's cause). */
    private record Expect(String bundle, String topId, Severity severity, List<Integer> codes) {
    }

    private static final List<Expect> EXPECTED = List.of(
            new Expect("smc-module-missing/client", "smc-module-not-loaded", Severity.PROBLEM, List.of()),
            new Expect("smc-module-missing/server", "peernosmc-peer-without-smc", Severity.PROBLEM,
                    List.of(0x03010000)),
            new Expect("no-ueid/client", "nosmcdev-no-ueid", Severity.PROBLEM, List.of(0x03030000)),
            // the server has a UEID and only sees the client's decline: it cannot tell the client's cause from its own
            // files (own lab captures ueid-mismatch, pnet-netdev-only, smc6-mapped-client show the same evidence)
            new Expect("no-ueid/server", "peerdecl-peer-declined", Severity.PROBLEM, List.of(0x05000000, 0x03030000)),
            new Expect("smcr-ok/client", "smc-working", Severity.INFO, List.of()),
            new Expect("smcr-ok/server", "smc-working", Severity.INFO, List.of()),
            new Expect("ipv6/client", "nosmcdev-ipv6", Severity.PROBLEM, List.of(0x03030000)),
            new Expect("ipv6/server", "nosmcdev-ipv6", Severity.PROBLEM, List.of(0x03030000)),
            new Expect("peer-no-smc/client", "peernosmc-peer-without-smc", Severity.PROBLEM, List.of(0x03010000)),
            new Expect("peer-no-smc/server", "no-smc-sockets", Severity.INFO, List.of()),
            new Expect("fastopen/client", "optunsupp-fastopen", Severity.PROBLEM, List.of(0x03060000)),
            new Expect("fastopen/server", "peernosmc-peer-without-smc", Severity.PROBLEM, List.of(0x03010000)),
            new Expect("ipv6-disabled-fix/client", "smc-working", Severity.INFO, List.of()),
            new Expect("ipv6-disabled-fix/server", "smc-working", Severity.INFO, List.of()),
            new Expect("many-conns/client", "smc-working", Severity.INFO, List.of()),
            new Expect("many-conns/server", "smc-working", Severity.INFO, List.of()),
            new Expect("server-limit-hs/client", "smc-working", Severity.INFO, List.of()),
            new Expect("server-limit-hs/server", "smc-working", Severity.INFO, List.of()));

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.create();
    }

    static Stream<Arguments> bundles() {
        return EXPECTED.stream().map(e -> Arguments.of(e.bundle(), e));
    }

    private static Path dir(String bundle) throws URISyntaxException {
        return Path.of(LabGoldenTest.class.getResource("/lab-6.12/" + bundle).toURI());
    }

    private static JsonNode scenario(String bundle) throws IOException, URISyntaxException {
        return JSON.readTree(dir(bundle).resolve("scenario.json").toFile());
    }

    private static String raw(String bundle, String file) throws IOException, URISyntaxException {
        Path p = dir(bundle).resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static boolean smcLoaded(String bundle) throws IOException, URISyntaxException {
        return raw(bundle, "lsmod.txt").lines().anyMatch(l -> l.startsWith("smc "));
    }

    @Test
    void everyCapturedBundle_hasAnExpectation() throws Exception {
        Path root = Path.of(LabGoldenTest.class.getResource("/lab-6.12").toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName().toString().equals("scenario.json"))
                    .forEach(p -> found.add(root.relativize(p.getParent()).toString().replace('\\', '/')));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(EXPECTED.stream().map(Expect::bundle).toList());
    }

    @ParameterizedTest(name = "{0}: sockets per mode and code as in scenario.json")
    @MethodSource("bundles")
    void parse_labBundle_socketsMatchTheLabsObservation(String bundle, Expect e) throws Exception {
        JsonNode obs = scenario(bundle).get("observed");
        Evidence ev = EvidenceBundle.read(List.of(dir(bundle)));
        SocketSummary s = ev.sockets();

        long smcr = obs.path("modes").path("SMCR").asLong(0);
        long tcp = obs.path("modes").path("TCP").asLong(0);
        long none = obs.path("modes").path("NONE").asLong(0);
        assertThat(s.smc()).as("SMC sockets").isEqualTo(smcr);
        assertThat(s.fallbacks()).as("TCP sockets").isEqualTo(tcp);
        assertThat(s.total()).as("non-LISTEN sockets").isEqualTo(smcr + tcp + none);
        List<Integer> codes = new ArrayList<>();
        obs.path("codes").forEach(c -> codes.add(Integer.parseUnsignedInt(c.asText().substring(2), 16)));
        assertThat(s.byCode().keySet()).containsExactlyInAnyOrderElementsOf(codes);
        codes.forEach(c -> assertThat(s.byCode().get(c)).as("sockets with %08x", c).isEqualTo(tcp));

        Map<String, Long> counters = new java.util.HashMap<>();
        for (FallbackCounter c : ev.facts(FallbackCounter.class)) {
            if (c.count() > 0) {
                counters.merge(c.name(), c.count(), Long::sum);
            }
        }
        Map<String, Long> expectedCounters = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obs.path("statsFallbacks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            expectedCounters.put(f.getKey(), f.getValue().get("count").asLong());
            int code = Integer.parseUnsignedInt(f.getValue().get("code").asText().substring(2), 16);
            assertThat(ev.facts(FallbackCounter.class)).as("counter %s", f.getKey())
                    .anyMatch(c -> c.name().equals(f.getKey()) && c.code() == code);
        }
        assertThat(counters).isEqualTo(expectedCounters);
        // every evidence file parses cleanly; the only warning is for the lab's own test-client log (smctest.txt)
        assertThat(ev.warnings()).as("parse warnings").allSatisfy(w -> {
            assertThat(w.source()).isEqualTo("smctest.txt");
            assertThat(w.message()).startsWith("unknown file ignored");
        });
    }

    @ParameterizedTest(name = "{0}: devices, link groups, UEID, sysctls, modules, dmesg")
    @MethodSource("bundles")
    void parse_labBundle_hostFactsMatchTheRawFiles(String bundle, Expect e) throws Exception {
        Evidence ev = EvidenceBundle.read(List.of(dir(bundle)));
        boolean loaded = smcLoaded(bundle);
        JsonNode sc = scenario(bundle);
        String scenarioName = sc.get("scenario").asText();
        String side = sc.get("side").asText();

        assertThat(ev.facts(KernelRelease.class)).extracting(KernelRelease::release).contains(KERNEL);
        assertThat(ev.facts(LoadedModule.class)).extracting(LoadedModule::name).contains("rdma_rxe");
        assertThat(ev.facts(LoadedModule.class).stream().anyMatch(m -> m.name().equals("smc"))).isEqualTo(loaded);
        assertThat(ev.facts(RdmaLink.class)).singleElement().satisfies(l -> {
            assertThat(l.device()).isEqualTo("rxe0");
            assertThat(l.state()).isEqualTo("ACTIVE");
            assertThat(l.netDev()).isEqualTo("eth0");
        });
        assertThat(ev.sysctl("net.ipv6.conf.all.disable_ipv6"))
                .contains(scenarioName.equals("ipv6-disabled-fix") && side.equals("client") ? "1" : "0");

        List<KernelEvent> events = ev.facts(KernelEvent.class);
        assertThat(events).anyMatch(k -> k.kind() == KernelEventKind.RXE_DRIVER);
        long linkAddedLines = raw(bundle, "dmesg.txt").lines().filter(l -> l.contains(" link added: id ")).count();
        assertThat(events.stream().filter(k -> k.kind() == KernelEventKind.SMC_LINK_ADDED).count())
                .isEqualTo(linkAddedLines);

        if (!loaded) {
            assertThat(ev.sysctl("net.smc.limit_smc_hs")).isEmpty();
            assertThat(ev.facts(SmcrDevice.class)).isEmpty();
            assertThat(ev.facts(LinkGroup.class)).isEmpty();
            assertThat(events).noneMatch(k -> k.kind() == KernelEventKind.SMC_REGISTERED);
            return;
        }
        assertThat(ev.sysctl("net.smc.limit_smc_hs"))
                .contains(scenarioName.equals("server-limit-hs") && side.equals("server") ? "1" : "0");
        assertThat(ev.sysctl("net.smc.smcr_max_conns_per_lgr")).contains("255");
        assertThat(events).anyMatch(k -> k.kind() == KernelEventKind.SMC_REGISTERED);
        assertThat(events).anyMatch(k -> k.kind() == KernelEventKind.SMC_IB_DEVICE_ADDED
                && "rxe0".equals(k.fields().get("device")));
        assertThat(ev.facts(SmcrDevice.class)).singleElement().satisfies(d -> {
            assertThat(d.netDev()).isEqualTo("eth0");
            assertThat(d.ibDev()).isEqualTo("rxe0");
            assertThat(d.ibPort()).isEqualTo(1);
            assertThat(d.state()).isEqualTo("ACTIVE");
            assertThat(d.pnetId()).isEmpty();
        });
        boolean noUeid = scenarioName.equals("no-ueid") && side.equals("client");
        assertThat(ev.facts(Ueid.class)).extracting(Ueid::ueid)
                .isEqualTo(noUeid ? List.of() : List.of("SMC-LAB-UEID-1"));

        long smcr = sc.get("observed").path("modes").path("SMCR").asLong(0);
        List<LinkGroup> lgs = ev.facts(LinkGroup.class);
        long lgLines = raw(bundle, "smcr-linkgroup.txt").lines().filter(l -> l.startsWith("LG-ID")).count();
        assertThat(lgs).hasSize((int) lgLines);
        if (smcr == 0) {
            // a link group of an earlier scenario may linger, idle: no connections on it
            assertThat(lgs).allSatisfy(lg -> assertThat(lg.connections()).isZero());
        } else {
            assertThat(lgs).singleElement().satisfies(lg -> {
                assertThat(lg.connections()).isEqualTo((int) smcr);
                assertThat(lg.role()).isEqualTo(side.equals("client") ? "CLNT" : "SERV");
                assertThat(lg.type()).isEqualTo("SINGLE");
                assertThat(lg.version()).isEqualTo(2);
                assertThat(lg.eid()).isEqualTo("SMC-LAB-UEID-1");
            });
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("bundles")
    void diagnose_labBundle_topDiagnosisIsTheScenariosCause(String bundle, Expect e) throws Exception {
        DiagnosisReport r = diagnoser.diagnose(EvidenceBundle.read(List.of(dir(bundle))));
        String text = r.toText();

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).as(text).isEqualTo(e.topId());
        assertThat(top.severity()).as(text).isEqualTo(e.severity());
        assertThat(top.reasonCodes()).as(text).containsAll(e.codes());
        assertThat(top.evidence()).as(text).isNotEmpty();
        if (e.severity() == Severity.INFO) {
            assertThat(r.diagnoses()).as("no fallback ranked as a problem: " + text)
                    .noneMatch(d -> d.severity() == Severity.PROBLEM);
            assertThat(r.stats().fallbacks()).isEmpty();
            assertThat(r.stats().smcSockets()).isEqualTo(scenario(bundle).get("observed").path("modes")
                    .path("SMCR").asLong());
        } else {
            // the codes it cites really are in the bundle (smcss or the stats counters), as the lab observed them
            assertThat(r.stats().fallbacks()).as(text).containsKeys(e.codes().toArray(Integer[]::new));
            for (int code : e.codes()) {
                String hex = String.format("0x%08x", code);
                JsonNode obs = scenario(bundle).get("observed");
                assertThat(obs.toString()).as("scenario.json observed cites %s", hex).contains(hex);
            }
        }
    }

    @Test
    void diagnose_noUeid_remedyAddsAUeidOrPnetId() throws Exception {
        DiagnosisReport r = diagnoser.diagnose(EvidenceBundle.read(List.of(dir("no-ueid/client"))));

        Diagnosis top = r.top().orElseThrow();
        assertThat(String.join("\n", top.commands())).containsAnyOf("smcr ueid add", "smc_pnet");
        assertThat(top.evidence()).anyMatch(p -> p.source().equals("smcss.txt") || p.source().equals("smcr-ueid.txt"));
    }

    @Test
    void diagnose_fastopenClient_citesTheStatsCounterNotSmcss() throws Exception {
        DiagnosisReport r = diagnoser.diagnose(EvidenceBundle.read(List.of(dir("fastopen/client"))));

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.evidence()).anyMatch(p -> p.source().equals("smcr-stats.txt") && p.text().contains("OPTUNSUPP"));
    }

    @Test
    void diagnose_ipv6Client_citesTheIpv6Socket() throws Exception {
        DiagnosisReport r = diagnoser.diagnose(EvidenceBundle.read(List.of(dir("ipv6/client"))));

        assertThat(r.top().orElseThrow().evidence()).anyMatch(p -> p.text().contains("fd00::"));
    }
}
