package io.smcdoctor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes the whole diagnosis: fuzzed text for up to four kinds of evidence goes through the parsers, the rules and
 * the report assembly (cache off, so every input runs the rule engine). Whatever the evidence, {@code diagnose}
 * returns a report whose JSON is valid and whose diagnoses are ranked 1..n with confidences in [0, 1].
 *
 * <p>In {@code mvn verify} this replays {@code src/test/resources/io/smcdoctor/fuzz/DiagnoserFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes for real (see SECURITY.md).
 */
class DiagnoserFuzzTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.builder().cacheSize(0).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SourceKind> KINDS = SourceKind.textKinds();

    @FuzzTest(maxDuration = "10m")
    void anyEvidence_yieldsAValidRankedReport(FuzzedDataProvider data) throws IOException {
        Evidence.Builder b = Evidence.builder();
        int files = data.consumeInt(1, 4);
        for (int i = 0; i < files; i++) {
            SourceKind kind = KINDS.get(data.consumeInt(0, KINDS.size() - 1));
            byte[] text = i == files - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 4096));
            b.parse(kind, kind.fileName(), new ByteArrayInputStream(text));
        }
        DiagnosisReport report = DIAGNOSER.diagnose(b.build());

        JsonNode json = JSON.readTree(report.toJson());
        assertThat(json.path("schema").asText()).isEqualTo(DiagnosisReport.SCHEMA);
        assertThat(report.toText()).isNotEmpty();
        for (int i = 0; i < report.diagnoses().size(); i++) {
            assertThat(report.diagnoses().get(i).rank()).isEqualTo(i + 1);
            assertThat(report.diagnoses().get(i).confidence()).isBetween(0.0, 1.0);
        }
    }
}
