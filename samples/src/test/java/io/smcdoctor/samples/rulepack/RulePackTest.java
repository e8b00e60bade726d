package io.smcdoctor.samples.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.Answers;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample rule pack ({@code samples/rule-pack}, compiled by kie-maven-plugin in its own module) loaded from an
 * explicit path, with its catalog overlay: its site rule concludes next to the bundled rules. The pack's classes are
 * not on this module's class path; only the path below reaches them.
 */
class RulePackTest {
    private static final Path PACK = Path.of(System.getProperty("rulepack.dir", "rule-pack/target/classes"));
    private static final Path OVERLAY = Path.of(System.getProperty("rulepack.catalog", "rule-pack/site-catalog.yaml"));
    private static final Path BUNDLE = Path.of("bundles/peer-declined");
    private static Diagnoser withPack;

    @BeforeAll
    static void setUp() {
        withPack = Diagnoser.builder().catalogOverlays(OVERLAY).rulePacks(PACK).cacheSize(0).build();
    }

    @Test
    void overlay_explainsTheSiteCause_throughKnowledgeBaseWithOverlays() {
        Answers.Answer a = KnowledgeBase.withOverlays(OVERLAY).explain("site-ueid-not-fleet-standard").orElseThrow();

        assertThat(a.kind()).isEqualTo(Answers.Answer.Kind.CAUSE);
        assertThat(a.title(Language.EN)).contains("The host's UEID is not the fleet's FLEET-SMC-EID-01");
        assertThat(a.title(Language.JA)).contains("ホストの UEID がフリート標準の FLEET-SMC-EID-01 ではない");
        assertThat(a.commands()).contains("smcr ueid add FLEET-SMC-EID-01");
        // the bundled knowledge base does not know the site's cause
        assertThat(KnowledgeBase.bundled().explain("site-ueid-not-fleet-standard")).isEmpty();
    }

    @Test
    void packOnTheClassPath_isNot_onlyTheNamedPathLoadsIt() {
        assertThat(RulePackTest.class.getClassLoader().getResource("com/example/smcsite/site-policy.drl")).isNull();
    }

    @Test
    void hostWithAnotherUeid_sitePolicyConcludes_nextToTheBundledDiagnosis() throws IOException {
        DiagnosisReport report = withPack.diagnose(EvidenceBundle.read(List.of(BUNDLE)));

        Diagnosis site = report.diagnosis("site-ueid-not-fleet-standard").orElseThrow();
        assertThat(site.title()).isEqualTo("The host's UEID is not the fleet's FLEET-SMC-EID-01");
        assertThat(site.evidence()).extracting(Provenance::source).containsExactly("smcr-ueid.txt");
        assertThat(site.remedies().get(0).commands()).containsExactly("smcr ueid add FLEET-SMC-EID-01");
        assertThat(site.rules()).containsExactly("site-ueid-not-fleet-standard: a UEID other than the fleet's");
        // the bundled rules still run: the peer's decline is diagnosed as without the pack
        DiagnosisReport plain = Diagnoser.builder().cacheSize(0).build().diagnose(EvidenceBundle.read(List.of(BUNDLE)));
        assertThat(report.diagnosis(plain.top().orElseThrow().id())).isPresent();
        assertThat(plain.diagnosis("site-ueid-not-fleet-standard")).isEmpty();
    }

    @Test
    void hostWithTheFleetUeid_sitePolicyIsQuiet(@TempDir Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(BUNDLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        Files.writeString(tmp.resolve("smcr-ueid.txt"), "FLEET-SMC-EID-01                \n");

        assertThat(withPack.diagnose(EvidenceBundle.read(List.of(tmp))).diagnosis("site-ueid-not-fleet-standard"))
                .isEmpty();
    }

    @Test
    void packAsJar_loadsLikeTheDirectory(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("site-rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(PACK)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(PACK.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        Diagnoser fromJar = Diagnoser.builder().catalogOverlays(OVERLAY).rulePacks(jar).cacheSize(0).build();

        assertThat(fromJar.diagnose(EvidenceBundle.read(List.of(BUNDLE))).diagnosis("site-ueid-not-fleet-standard"))
                .isPresent();
    }

    @Test
    void badPackPaths_failWithTheirPath(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("missing.jar");
        assertThatThrownBy(() -> Diagnoser.builder().rulePacks(missing).build())
                .isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");

        Path notAPack = Files.createDirectories(tmp.resolve("classes"));
        assertThatThrownBy(() -> Diagnoser.builder().rulePacks(notAPack).build())
                .isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(notAPack.toString()).hasMessageContaining("no executable rule model");

        Path wrongModel = tmp.resolve("wrong-model");
        Files.createDirectories(wrongModel.resolve("META-INF/kie/com.example/site"));
        Files.writeString(wrongModel.resolve("META-INF/kie/com.example/site/drools-model"),
                "Drools-Model-Version:10.2.0\njava.lang.StringBuilder\n");
        assertThatThrownBy(() -> Diagnoser.builder().rulePacks(wrongModel).build())
                .isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining("cannot instantiate generated rule model java.lang.StringBuilder");

        Path text = Files.writeString(tmp.resolve("rules.drl"), "rule \"x\" when then end");
        assertThatThrownBy(() -> Diagnoser.builder().rulePacks(text).build())
                .isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining("a rule pack is a .jar file or a directory");
    }
}
