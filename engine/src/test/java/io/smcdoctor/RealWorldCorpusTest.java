package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-world measure of the diagnosis: the public corpus ({@code corpus/public}: cases from mailing lists,
 * kernel commits, syzbot and vendor documents, with the evidence as published and the cause the source states) and
 * the own lab captures ({@code lab-own}: genuine bundles of a 6.12 kernel with a configuration mistake or fault each).
 * A case passes when one of its acceptable causes is among the first three diagnoses. The test writes the per-case
 * table and the calibration (confidence band of the first diagnosis against the share of right first diagnoses) to
 * {@code target/real-world-report.md}, and fails when the pass rate falls below the recorded floor or confidence
 * stops meaning what it says.
 */
class RealWorldCorpusTest {
    /** Pass floors: raise them when the diagnosis improves, never lower them. */
    private static final int PUBLIC_FLOOR = 43;
    private static final int LAB_FLOOR = 32;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Diagnoser diagnoser;

    /** One case: where its evidence is, what a right answer names, and whether the first diagnosis must be right. */
    record Case(String set, String id, List<Path> inputs, Set<String> acceptable, boolean topMustMatch) {
    }

    /** What the diagnosis said about a case. */
    record Outcome(Case c, List<String> top3, double topConfidence, String error) {
        boolean passed() {
            return error.isEmpty() && top3.stream().anyMatch(c.acceptable()::contains)
                    && (!c.topMustMatch() || (!top3.isEmpty() && c.acceptable().contains(top3.get(0))));
        }

        boolean topRight() {
            return !top3.isEmpty() && c.acceptable().contains(top3.get(0));
        }
    }

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
    }

    private static Path resource(String name) {
        try {
            return Path.of(RealWorldCorpusTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> publicCases() throws IOException {
        Path root = resource("/corpus/public");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                JsonNode y = YAML.readTree(dir.resolve("case.yaml").toFile());
                Set<String> ok = new LinkedHashSet<>();
                y.path("expected").forEach(n -> ok.add(n.asText()));
                if (y.path("proposed").has("id")) {
                    ok.add(y.path("proposed").path("id").asText());
                }
                List<Path> inputs;
                try (Stream<Path> files = Files.list(dir)) {
                    inputs = files.filter(f -> !f.getFileName().toString().equals("case.yaml")).sorted().toList();
                }
                out.add(new Case("public", dir.getFileName().toString(), inputs, ok, false));
            }
        }
        return out;
    }

    static List<Case> labCases() throws IOException {
        Path root = resource("/lab-own");
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Case("lab", f[0], List.of(root.resolve(f[0])), new LinkedHashSet<>(List.of(f[1].split(","))),
                    f.length > 2 && f[2].equals("top")));
        }
        return out;
    }

    static Outcome run(Case c) {
        try {
            Evidence e = EvidenceBundle.read(c.inputs());
            DiagnosisReport r = diagnoser.diagnose(e);
            List<String> top = r.diagnoses().stream().limit(3).map(Diagnosis::id).toList();
            double conf = r.diagnoses().isEmpty() ? 0 : r.diagnoses().get(0).confidence();
            return new Outcome(c, top, conf, "");
        } catch (RuntimeException ex) {
            return new Outcome(c, List.of(), 0, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    @Test
    void everyAcceptableCause_isACatalogCause() throws IOException {
        Catalog catalog = Catalog.bundled();
        List<String> unknown = new ArrayList<>();
        for (Case c : labCases()) {
            c.acceptable().stream().filter(id -> catalog.cause(id).isEmpty()).forEach(id -> unknown.add(c.id() + ": " + id));
        }
        assertThat(unknown).as("lab expectations name catalog causes").isEmpty();
    }

    @Test
    void realWorldCases_passAtLeastTheFloor_andConfidenceMeansWhatItSays() throws IOException {
        List<Outcome> pub = publicCases().stream().map(RealWorldCorpusTest::run).toList();
        List<Outcome> lab = labCases().stream().map(RealWorldCorpusTest::run).toList();
        List<Outcome> all = new ArrayList<>(pub);
        all.addAll(lab);
        String report = report(pub, lab, all);
        Path out = Path.of("target", "real-world-report.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(report.lines().filter(l -> l.startsWith("**")).reduce((a, b) -> a + "\n" + b).orElse(""));

        assertThat(pub.stream().filter(Outcome::passed).count()).as("public cases passing (report: %s)", out)
                .isGreaterThanOrEqualTo(PUBLIC_FLOOR);
        assertThat(lab.stream().filter(Outcome::passed).count()).as("lab cases passing (report: %s)", out)
                .isGreaterThanOrEqualTo(LAB_FLOOR);
        List<Outcome> confident = all.stream().filter(o -> o.topConfidence() >= 0.8).toList();
        if (confident.size() >= 5) {
            assertThat((double) confident.stream().filter(Outcome::topRight).count() / confident.size())
                    .as("share of right first diagnoses at confidence >= 0.8 (report: %s)", out).isGreaterThanOrEqualTo(0.9);
        }
    }

    private static String report(List<Outcome> pub, List<Outcome> lab, List<Outcome> all) {
        StringBuilder sb = new StringBuilder("# Real-world cases\n\n");
        sb.append(String.format(Locale.ROOT, "**public: %d of %d pass (%.0f %%)**%n", passed(pub), pub.size(),
                100.0 * passed(pub) / Math.max(1, pub.size())));
        sb.append(String.format(Locale.ROOT, "**lab: %d of %d pass (%.0f %%)**%n", passed(lab), lab.size(),
                100.0 * passed(lab) / Math.max(1, lab.size())));
        sb.append(String.format(Locale.ROOT, "**all: %d of %d pass (%.0f %%)**%n%n", passed(all), all.size(),
                100.0 * passed(all) / Math.max(1, all.size())));
        sb.append("| confidence of the first diagnosis | cases | first diagnosis right |\n|---|---|---|\n");
        double[][] bands = {{0.8, 1.01}, {0.6, 0.8}, {0.4, 0.6}, {0.0, 0.4}};
        for (double[] b : bands) {
            List<Outcome> in = all.stream().filter(o -> !o.top3().isEmpty() && o.topConfidence() >= b[0]
                    && o.topConfidence() < b[1]).toList();
            long right = in.stream().filter(Outcome::topRight).count();
            sb.append(String.format(Locale.ROOT, "| %.1f - %.1f | %d | %d (%s) |%n", b[0], Math.min(1.0, b[1]), in.size(),
                    right, in.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * right / in.size())));
        }
        long none = all.stream().filter(o -> o.top3().isEmpty()).count();
        sb.append(String.format(Locale.ROOT, "| no diagnosis | %d | - |%n%n", none));
        sb.append("| set | case | pass | top 3 | acceptable |\n|---|---|---|---|---|\n");
        for (Outcome o : all) {
            sb.append("| ").append(o.c().set()).append(" | ").append(o.c().id()).append(" | ")
                    .append(o.passed() ? "yes" : "**no**").append(" | ")
                    .append(o.error().isEmpty() ? String.join(", ", o.top3()) : "error: " + o.error())
                    .append(String.format(Locale.ROOT, " (%.2f)", o.topConfidence())).append(" | ")
                    .append(String.join(", ", o.c().acceptable())).append(" |\n");
        }
        return sb.toString();
    }

    private static long passed(List<Outcome> os) {
        return os.stream().filter(Outcome::passed).count();
    }
}
