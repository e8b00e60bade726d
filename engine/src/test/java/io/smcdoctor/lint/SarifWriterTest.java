package io.smcdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.lint.LintReport.SkippedFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the SARIF output against the fields the 2.1.0 schema requires, and what GitHub code scanning needs. */
class SarifWriterTest {
    private static final SourceScanner SCANNER = SourceScanner.of(SockoptAdvisor.bundled()
            .forKernel("seed"));
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private static JsonNode sarif(LintReport report, Language lang) throws Exception {
        StringWriter w = new StringWriter();
        report.writeSarif("0.1.0", lang, w);
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void toSarif_isTheDocumentWriteSarifWrites() throws Exception {
        Path root = SourceScannerTest.fixtures();
        LintReport report = SCANNER.scan(List.of(root), root);

        String text = report.toSarif("0.1.0", Language.JA);

        assertThat(new ObjectMapper().readTree(text)).isEqualTo(sarif(report, Language.JA));
        assertThat(new ObjectMapper().readTree(text).at("/runs/0/tool/driver/version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void write_fixtureTree_satisfiesSarif210RequiredFields() throws Exception {
        Path root = SourceScannerTest.fixtures();
        LintReport report = SCANNER.scan(List.of(root), root);

        JsonNode doc = sarif(report, Language.EN);

        // sarifLog: required version + runs
        assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
        assertThat(doc.get("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
        assertThat(doc.get("runs").isArray()).isTrue();
        assertThat(doc.get("runs")).hasSize(1);
        JsonNode run = doc.get("runs").get(0);
        // run: required tool; tool: required driver; driver: required name
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("smc-doctor");
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
        // reportingDescriptor: required id; unique ids
        JsonNode rules = driver.get("rules");
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode rule : rules) {
            assertThat(ruleIds.add(rule.get("id").asText())).isTrue();
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("fullDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("help").get("text").asText()).isNotBlank();
            assertThat(LEVELS).contains(rule.get("defaultConfiguration").get("level").asText());
        }
        assertThat(ruleIds).containsExactlyInAnyOrder("SMC-SENDFLAG-MSG_FASTOPEN", "SMC-SOCKOPT-SO_BINDTODEVICE",
                "SMC-SOCKOPT-SO_KEEPALIVE", "SMC-SOCKOPT-TCP_FASTOPEN", "SMC-SOCKOPT-TCP_FASTOPEN_CONNECT",
                "SMC-SOCKOPT-TCP_KEEPIDLE", "SMC-SOCKOPT-TCP_KEEPINTVL", "SMC-SOCKOPT-TCP_QUICKACK",
                "SMC-SOCKOPT-TCP_USER_TIMEOUT");
        // result: required message (text); ruleId/ruleIndex consistent; level valid; location
        JsonNode results = run.get("results");
        assertThat(results).hasSize(report.findings().size());
        for (JsonNode r : results) {
            String ruleId = r.get("ruleId").asText();
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
            assertThat(LEVELS).contains(r.get("level").asText());
            assertThat(r.get("message").get("text").asText()).isNotBlank();
            JsonNode phys = r.get("locations").get(0).get("physicalLocation");
            String uri = phys.get("artifactLocation").get("uri").asText();
            assertThat(uri).doesNotStartWith("/").doesNotContain("\\").doesNotContain("..");
            assertThat(phys.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(phys.get("region").get("startLine").asInt()).isPositive();
            assertThat(phys.get("region").get("startColumn").asInt()).isPositive();
        }
        JsonNode first = results.get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("SMC-SOCKOPT-TCP_FASTOPEN_CONNECT");
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("c-server/src/compat.h");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(14);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(38);
        assertThat(first.at("/properties/fallbackCodes/0").asText()).isEqualTo("0x03060000");
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void write_japanese_usesJapaneseMessages() throws Exception {
        LintReport report = new LintReport(SCANNER.scan("a.py",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)\n"), List.of(), 1);

        JsonNode doc = sarif(report, Language.JA);

        JsonNode r = doc.at("/runs/0/results/0");
        assertThat(r.get("level").asText()).isEqualTo("warning");
        assertThat(r.at("/message/text").asText()).contains("SMC では TCP と異なる動作");
    }

    @Test
    void write_skippedFiles_becomeNotifications() throws Exception {
        LintReport report = new LintReport(List.of(), List.of(new SkippedFile("big.c", "larger than the limit")), 0);

        JsonNode doc = sarif(report, Language.EN);

        assertThat(doc.at("/runs/0/results")).isEmpty();
        assertThat(doc.at("/runs/0/tool/driver/rules")).isEmpty();
        JsonNode n = doc.at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertThat(n.get("level").asText()).isEqualTo("note");
        assertThat(n.at("/message/text").asText()).isEqualTo("skipped big.c: larger than the limit");
        assertThat(n.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("big.c");
    }

    @Test
    void encodePath_escapesSpacesAndNonAscii() {
        assertThat(SarifWriter.encodePath("src/my dir/サーバ.c")).isEqualTo("src/my%20dir/%E3%82%B5%E3%83%BC%E3%83%90.c");
        assertThat(SarifWriter.encodePath("a/b_c-d.rs")).isEqualTo("a/b_c-d.rs");
    }
}
