package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Severity;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end over the shipped example bundles ({@code samples/bundles/}): each is read from disk with
 * {@link EvidenceBundle} and diagnosed by the bundled Diagnoser; the expected top diagnosis and its reason codes
 * come from the machine-readable table in {@code samples/bundles/README.md}, written with the bundles.
 */
class SampleBundlesTest {
    private static final Path BUNDLES = Path.of("..", "samples", "bundles");
    private static final Diagnoser DIAGNOSER = Diagnoser.create();

    record Row(String bundle, String expected, List<Integer> codes) {
        @Override
        public String toString() {
            return bundle + " -> " + expected;
        }
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(BUNDLES.resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| bundle | expected | codes |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            String codes = cells[3].trim();
            rows.add(new Row(cells[1].trim(), cells[2].trim(), codes.equals("-") ? List.of()
                    : Arrays.stream(codes.split(",")).map(c -> Integer.parseUnsignedInt(c.trim().substring(2), 16)).toList()));
        }
        assertThat(rows).as("rows of the expected-diagnoses table").hasSizeGreaterThanOrEqualTo(13);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void diagnose_sampleBundle_ranksItsScenarioFirst(Row row) {
        DiagnosisReport report = DIAGNOSER.diagnose(EvidenceBundle.read(List.of(BUNDLES.resolve(row.bundle()))));

        Diagnosis top = report.top().orElseThrow();
        assertThat(top.id()).as(report.toText()).isEqualTo(row.expected());
        assertThat(top.reasonCodes()).containsAll(row.codes());
        assertThat(top.evidence()).as("cited evidence lines").isNotEmpty()
                .allSatisfy(e -> assertThat(e.source()).isNotBlank());
        if (top.severity() == Severity.PROBLEM) {
            assertThat(top.remedies()).as("what to do").isNotEmpty();
        }
        assertThat(report.warnings()).as("realistic bundles parse cleanly").isEmpty();
    }
}
