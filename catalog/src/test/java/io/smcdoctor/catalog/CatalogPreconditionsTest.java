package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.catalog.Preconditions.Family;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelFamily;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Preconditions.Technology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cause preconditions and cause references in reason codes, as the YAML writes them. */
class CatalogPreconditionsTest {
    private static final String HEAD = "schema: smc-doctor/catalog/v1\nreasonCodes:\n"
            + "  - code: 0x0e000002\n    side: local\n    origin: mainline\n"
            + "    title: {en: \"Site code\", ja: \"サイトのコード\"}\n"
            + "    meaning: {en: \"A site code.\", ja: \"サイトのコードです。\"}\n"
            + "    causes:\n";

    @TempDir
    Path tmp;

    private Path overlay(String causes) throws IOException {
        Path p = tmp.resolve("overlay.yaml");
        Files.writeString(p, HEAD + causes, StandardCharsets.UTF_8);
        return p;
    }

    private static String cause(String id, String preconditions) {
        return "      - id: " + id + "\n"
                + "        title: {en: \"A cause\", ja: \"原因\"}\n"
                + "        detail: {en: \"Why.\", ja: \"理由。\"}\n"
                + preconditions;
    }

    private static List<Problem> problems(Path overlay) {
        try {
            Catalog.load(overlay);
        } catch (KnowledgeValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected KnowledgeValidationException for " + overlay);
    }

    @Test
    void load_preconditions_everyDimensionIsRead() throws IOException {
        Catalog c = Catalog.load(overlay(cause("site-cause", """
                        preconditions:
                          family: [ipv6, ipv4-mapped]
                          role: client
                          technology: [smc-r]
                          device: [erdma, rxe]
                          kernel: {families: [mainline], since: "5.17", before: "6.13"}
                          host: {ueid-defined: false, smc-loaded: true}
                """)));
        Preconditions p = c.cause("site-cause").orElseThrow().preconditions();
        assertThat(p.families()).containsExactlyInAnyOrder(Family.IPV6, Family.IPV4_MAPPED);
        assertThat(p.roles()).containsExactly(Role.CLIENT);
        assertThat(p.technologies()).containsExactly(Technology.SMC_R);
        assertThat(p.devices()).containsExactlyInAnyOrder(DeviceKind.ERDMA, DeviceKind.RXE);
        assertThat(p.kernel().families()).containsExactly(KernelFamily.MAINLINE);
        assertThat(p.kernel().since()).contains("5.17");
        assertThat(p.kernel().before()).contains("6.13");
        assertThat(p.host()).isEqualTo(Map.of(HostFlag.UEID_DEFINED, false, HostFlag.SMC_LOADED, true));
        assertThat(p.isNone()).isFalse();
    }

    @Test
    void load_causeWithoutPreconditions_hasNone() throws IOException {
        Catalog c = Catalog.load(overlay(cause("site-cause", "")));
        assertThat(c.cause("site-cause").orElseThrow().preconditions()).isEqualTo(Preconditions.NONE);
        assertThat(Preconditions.NONE.isNone()).isTrue();
    }

    @Test
    void load_badPreconditions_reportsEachWithTheClosestValue() throws IOException {
        Path bad = overlay(cause("site-cause", """
                        preconditions:
                          family: [ipv5]
                          device: erdmaa
                          kernel: {since: "5.17.3", before: "5.10"}
                          host: {ueid-define: false, smc-loaded: maybe}
                          colour: red
                """));
        List<Problem> ps = problems(bad);
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown family value 'ipv5'").contains("did you mean 'ipv4'"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown device value 'erdmaa'").contains("did you mean 'erdma'"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("kernel version '5.17.3' must be a mainline release like 5.17"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown host property 'ueid-define'").contains("did you mean 'ueid-defined'"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("host property 'smc-loaded' must be true or false, was 'maybe'"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown field 'colour' in preconditions"));
        assertThat(ps).allSatisfy(p -> assertThat(p.line()).isBetween(9, 17));
    }

    @Test
    void load_emptyKernelRangeOrEmptyPreconditions_areRefused() throws IOException {
        assertThat(problems(overlay(cause("site-cause", """
                        preconditions:
                          kernel: {since: "6.1", before: "5.17"}
                """)))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("kernel range is empty: since 6.1 is not before 5.17"));
        assertThat(problems(overlay(cause("site-cause", """
                        preconditions: {}
                """)))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("empty preconditions"));
    }

    @Test
    void load_reasonCodeCauseRef_reusesTheCauseDefinedElsewhere() throws IOException {
        Catalog c = Catalog.load(overlay(cause("site-cause", "") + "      - ref: diffprefix-different-subnet\n"));
        ReasonCode rc = c.reasonCode(0x0e000002).orElseThrow();
        assertThat(rc.causes()).extracting(Cause::id).containsExactly("site-cause", "diffprefix-different-subnet");
        assertThat(rc.causes().get(1)).isSameAs(c.cause("diffprefix-different-subnet").orElseThrow());
        Optional<ReasonCode> owner = c.reasonCode(0x03070000);
        assertThat(owner).get().extracting(r -> r.causes().get(0).id()).isEqualTo("diffprefix-different-subnet");
    }

    @Test
    void load_reasonCodeCauseRef_unknownOrRepeated_isReported() throws IOException {
        List<Problem> ps = problems(overlay(cause("site-cause", "")
                + "      - ref: diffprefix-diferent-subnet\n      - ref: site-cause\n"));
        assertThat(ps).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown cause id 'diffprefix-diferent-subnet'")
                .contains("did you mean 'diffprefix-different-subnet'"));
        assertThat(ps).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("cause 'site-cause' is listed twice here"));
    }

    @Test
    void bundled_everyPreconditionUsesTheVocabulary() {
        // the bundled catalog loads, and its preconditions only name values of the closed vocabulary
        for (ReasonCode rc : Catalog.bundled().reasonCodes()) {
            for (Cause cause : rc.causes()) {
                Preconditions p = cause.preconditions();
                assertThat(p.families()).isSubsetOf(Set.of(Family.values()));
                assertThat(p.host().keySet()).isSubsetOf(Set.of(HostFlag.values()));
            }
        }
    }
}
