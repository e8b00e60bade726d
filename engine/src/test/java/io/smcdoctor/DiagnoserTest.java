package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract of the Diagnoser: coverage of the catalog, determinism, JSON shape, cache, threads, language. */
class DiagnoserTest {
    static final Catalog CATALOG = Catalog.bundled();
    static final Diagnoser UNCACHED = OverCatalog.diagnoser(CATALOG).cacheSize(0).build();

    static Stream<ReasonCode> reasonCodes() {
        return CATALOG.reasonCodes().stream();
    }

    static Stream<Symptom> symptoms() {
        return CATALOG.symptoms().stream();
    }

    private static Evidence fallback(int code) {
        return Fx.smcss(Evidence.builder(), "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP "
                + ReasonCode.hex(code)).build();
    }

    private static Evidence ipv6Fallback() {
        return Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000760 fd00::2:51144           fd00::1:5102            0000 TCP 0x03030000",
                "ACTIVE         00000 0000761 10.10.0.2:51146         10.10.0.1:5102          0000 TCP 0x03010000").build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasonCodes")
    void diagnose_anyCatalogCodeObserved_concludesEachOfItsCauses(ReasonCode rc) {
        DiagnosisReport r = UNCACHED.diagnose(fallback(rc.code()));

        Set<String> ids = r.diagnoses().stream().map(Diagnosis::id).collect(Collectors.toSet());
        for (Cause c : rc.causes()) {
            Set<Preconditions.Family> families = c.preconditions().families();
            if (!families.isEmpty() && !families.contains(Preconditions.Family.IPV4)) {
                // the socket is IPv4: a cause of other address families only is contradicted (catalog preconditions)
                assertThat(ids).as("cause %s of %s", c.id(), rc.hex()).doesNotContain(c.id());
            } else if (rc.code() == 0x03010000 && c.id().equals("peernosmc-server-handshake-limited")) {
                // the PEERNOSMC rule explains the code with its two usual causes; the server's handshake limit needs
                // its own evidence (net.smc.limit_smc_hs = 1 on the server)
                assertThat(ids).as("cause %s of %s", c.id(), rc.hex()).doesNotContain(c.id());
            } else {
                assertThat(ids).as("cause %s of %s", c.id(), rc.hex()).contains(c.id());
            }
        }
        assertThat(r.diagnoses()).allSatisfy(d -> assertThat(d.reasonCodes()).contains(rc.code()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symptoms")
    void diagnose_anyCatalogSymptomPhrase_concludesEachOfItsCauses(Symptom s) {
        String phrase = s.phrases().get(0).toUpperCase(java.util.Locale.ROOT);
        Evidence ev = Evidence.builder().source("symptom.txt", SourceKind.SYMPTOM)
                .add(new SymptomText(Fx.at("symptom.txt", 1, "we see: " + phrase), "we see: " + phrase)).build();

        Set<String> ids = UNCACHED.diagnose(ev).diagnoses().stream().map(Diagnosis::id).collect(Collectors.toSet());

        assertThat(ids).containsAll(s.causes().stream().map(Cause::id).toList());
    }

    @Test
    void diagnose_japanesePhrase_matchesSymptom() {
        Evidence ev = Evidence.builder().source("symptom.txt", SourceKind.SYMPTOM)
                .add(new SymptomText(Fx.at("symptom.txt", 1, "SMC を使っても速くならない"), "SMC を使っても速くならない")).build();

        assertThat(UNCACHED.diagnose(ev).diagnoses()).extracting(Diagnosis::id).contains("no-speedup-short-lived-connections");
    }

    @Test
    void diagnose_sameEvidenceTwice_givesEqualReportsAndRanks() {
        DiagnosisReport a = UNCACHED.diagnose(ipv6Fallback());
        DiagnosisReport b = UNCACHED.diagnose(ipv6Fallback());

        assertThat(a).isNotSameAs(b).isEqualTo(b);
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(a.diagnoses()).extracting(Diagnosis::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, a.diagnoses().size()).boxed().toArray(Integer[]::new));
        assertThat(a.diagnoses()).extracting(Diagnosis::confidence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void toJson_followsDiagnosisV1Schema() throws Exception {
        JsonNode root = new ObjectMapper().readTree(UNCACHED.diagnose(ipv6Fallback()).toJson());

        assertThat(root.get("schema").asText()).isEqualTo("smc-doctor/diagnosis/v1");
        JsonNode top = root.get("diagnoses").get(0);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("id").asText()).isEqualTo("nosmcdev-ipv6");
        assertThat(top.get("title").asText()).isEqualTo(Fx.title("nosmcdev-ipv6", Language.EN));
        assertThat(top.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(top.get("side").asText()).isEqualTo("local");
        assertThat(top.get("severity").asText()).isEqualTo("problem");
        assertThat(top.get("reasonCodes").get(0).asText()).isEqualTo("0x03030000");
        JsonNode ev = top.get("evidence").get(0);
        assertThat(ev.get("source").asText()).isEqualTo("smcss.txt");
        assertThat(ev.get("line").asInt()).isEqualTo(2);
        assertThat(ev.get("text").asText()).startsWith("ACTIVE         00000 0000760 fd00::2:51144");
        List<String> commands = new ArrayList<>();
        top.get("remedies").forEach(rem -> rem.get("commands").forEach(c -> commands.add(c.asText())));
        assertThat(commands).containsAll(Fx.remedyCommands("nosmcdev-ipv6"))
                .contains("sysctl -w net.ipv6.conf.all.disable_ipv6=1");
        assertThat(top.get("references").isArray()).isTrue();
        JsonNode missing = root.get("missingEvidence").get(0);
        assertThat(missing.has("what") && missing.has("command") && missing.has("why")).isTrue();
        assertThat(root.get("warnings").isArray()).isTrue();
        JsonNode stats = root.get("stats");
        assertThat(stats.get("sockets").asLong()).isEqualTo(2);
        assertThat(stats.get("smcSockets").asLong()).isZero();
        assertThat(stats.get("fallbacks").get("0x03030000").asLong()).isEqualTo(1);
        assertThat(stats.get("fallbacks").get("0x03010000").asLong()).isEqualTo(1);
    }

    @Test
    void diagnose_cachedDiagnoser_returnsSameReportForSameEvidence() {
        Diagnoser cached = OverCatalog.diagnoser(CATALOG).cacheSize(16).build();

        DiagnosisReport first = cached.diagnose(ipv6Fallback());
        DiagnosisReport again = cached.diagnose(ipv6Fallback());
        // a value given directly (line 0) changes the fingerprint; facts added with a line number are assumed to come
        // from parsed text, which is what the fingerprint digests
        DiagnosisReport other = cached.diagnose(Fx.smcss(Evidence.builder().sysctl("net.smc.tcp2smc", "1"),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03060000").build());

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(other.top().orElseThrow().id()).isEqualTo("optunsupp-fastopen");
    }

    @Test
    void diagnose_cachedDiagnoserEvidenceWithoutFingerprint_eachDiagnosedOnItsOwn() {
        Diagnoser cached = OverCatalog.diagnoser(CATALOG).cacheSize(16).build();

        // without fingerprints both would have the same (empty) cache key; the second must not get the first's report
        DiagnosisReport ipv6 = cached.diagnose(Fx.smcss(Evidence.builder().withoutFingerprint(),
                "ACTIVE         00000 0000760 fd00::2:51144           fd00::1:5102            0000 TCP 0x03030000")
                .build());
        DiagnosisReport fastopen = cached.diagnose(Fx.smcss(Evidence.builder().withoutFingerprint()
                        .sysctl("net.smc.tcp2smc", "1"),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03060000").build());

        assertThat(fastopen.top().orElseThrow().id()).isEqualTo("optunsupp-fastopen");
        assertThat(ipv6.top().orElseThrow().id()).isNotEqualTo("optunsupp-fastopen");
        assertThat(fastopen.toJson()).isEqualTo(UNCACHED.diagnose(Fx.smcss(Evidence.builder()
                        .sysctl("net.smc.tcp2smc", "1"),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03060000").build())
                .toJson());
    }

    @Test
    void diagnose_manyThreads_giveIdenticalReports() throws Exception {
        Evidence ev = ipv6Fallback();
        String expected = UNCACHED.diagnose(ev).toJson();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Evidence e = i % 2 == 0 ? ev : ipv6Fallback();
                results.add(pool.submit(() -> UNCACHED.diagnose(e).toJson()));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toText_japanese_usesCatalogJapaneseAndShowsCommands() {
        Diagnoser ja = OverCatalog.diagnoser(CATALOG).language(Language.JA).cacheSize(0).build();

        String text = ja.diagnose(ipv6Fallback()).toText();

        assertThat(text).contains("1. " + Fx.title("nosmcdev-ipv6", Language.JA), "証拠", "smcss.txt:2",
                "$ sysctl -w net.ipv6.conf.all.disable_ipv6=1");
    }

    @Test
    void toText_english_putsTopDiagnosisEvidenceThenCommands() {
        String text = UNCACHED.diagnose(ipv6Fallback()).toText();

        int title = text.indexOf("1. " + Fx.title("nosmcdev-ipv6", Language.EN));
        int evidence = text.indexOf("smcss.txt:2: ACTIVE");
        int command = text.indexOf("$ sysctl -w net.ipv6.conf.all.disable_ipv6=1");
        assertThat(title).isNotNegative();
        assertThat(evidence).isGreaterThan(title);
        assertThat(command).isGreaterThan(evidence);
        assertThat(text).contains("Missing evidence", "$ sysctl -a");
    }

    @Test
    void builder_conflictingCatalogSettings_failWithBothNamed() {
        assertThatThrownBy(() -> OverCatalog.diagnoser(CATALOG).catalogOverlays(Path.of("a.yaml")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("catalog instance");
        assertThatThrownBy(() -> Diagnoser.builder().cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
        // rule packs are checked when the Diagnoser is built (samples' RulePackTest loads a real one)
        assertThatThrownBy(() -> Diagnoser.builder().rulePacks(Path.of("no-such-pack.jar")).build())
                .isInstanceOf(KnowledgeValidationException.class).hasMessageContaining("no-such-pack.jar");
    }
}
