package io.smcdoctor.catalog;

import static io.smcdoctor.catalog.Overlays.at;
import static io.smcdoctor.catalog.Overlays.fixture;
import static io.smcdoctor.catalog.Overlays.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlays: strict validation with positions, hostile input refused, override and add. */
class CatalogValidationTest {
    @TempDir
    Path tmp;

    @Test
    void load_badOverlay_reportsEveryProblemWithPosition() {
        Path bad = fixture("bad-many.yaml");
        List<Problem> ps = problems(bad);
        assertThat(ps).allMatch(p -> p.file().equals(bad.toString()));
        assertThat(at(ps, 8, "unknown field 'colour'").column()).isEqualTo(5);
        assertThat(at(ps, 13, "missing ja (Japanese) text of 'meaning'").column()).isEqualTo(7);
        assertThat(at(ps, 15, "duplicate reason code 0x0303000d").column()).isEqualTo(5);
        Problem hex = at(ps, 22, "malformed reason code '0x303000'");
        assertThat(hex.column()).isEqualTo(11);
        Problem ref = at(ps, 34, "unknown cause id 'nosmcdev-ipv7'");
        assertThat(ref.message()).contains("did you mean 'nosmcdev-ipv6'");
        assertThat(ref.column()).isEqualTo(9);
        assertThat(at(ps, 39, "support must be Y, M or N").column()).isEqualTo(14);
        assertThat(ps).hasSize(6);
        assertThat(new KnowledgeValidationException(ps).getMessage())
                .startsWith("6 problems in knowledge files:").contains(bad + ":8:5: unknown field 'colour'");
    }

    @Test
    void load_overlay_overridesAndAdds() {
        Catalog c = Catalog.load(fixture("override-and-add.yaml"));
        ReasonCode ipsec = c.reasonCode(0x03020000).orElseThrow();
        assertThat(ipsec.title().en()).isEqualTo("Site-specific: no SMC device");
        assertThat(ipsec.causes()).extracting(Cause::id).containsExactly("site-no-device");
        assertThat(c.cause("ipsec-in-use")).isEmpty();
        assertThat(c.reasonCode(0x0e000001)).get().extracting(ReasonCode::side).isEqualTo(Side.HOST);
        assertThat(c.reasonCodes()).hasSize(Catalog.bundled().reasonCodes().size() + 1);
        Symptom site = c.symptom("site-ipv6").orElseThrow();
        assertThat(site.causes()).singleElement().extracting(Cause::id).isEqualTo("smc-run-static-binary");
        assertThat(c.symptoms()).hasSize(Catalog.bundled().symptoms().size() + 1).last().isSameAs(site);
        assertThat(c.socketOption("TCP_NODELAY")).get().extracting(SocketOption::support).isEqualTo(Support.M);
        assertThat(c.socketOption(SockoptLevel.SOL_TCP, 38)).get().extracting(SocketOption::name)
                .isEqualTo("TCP_AO_ADD_KEY");
        // the bundled catalog is untouched
        assertThat(Catalog.bundled().socketOption("TCP_NODELAY").orElseThrow().support()).isEqualTo(Support.Y);
    }

    @Test
    void load_aliasBomb_isRefused() throws IOException {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        Path f = write("bomb.yaml", sb.toString());
        List<Problem> ps = problems(f);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("anchors (&a) are not allowed");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void load_alias_isRefusedWithPosition() throws IOException {
        Path f = write("alias.yaml", "reasonCodes:\n  - *x\n");
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("aliases (*x) are not allowed");
        });
    }

    @Test
    void load_deepNesting_isRefused() throws IOException {
        Path f = write("deep.yaml", "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        List<Problem> ps = problems(f);
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("nesting"));
    }

    @Test
    void load_oversizedFile_isRefusedWithoutParsing() throws IOException {
        Path f = tmp.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(f)) {
            for (int written = 0; written <= 4 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertThat(problems(f)).singleElement().satisfies(p -> assertThat(p.message()).contains("4 MiB"));
    }

    @Test
    void load_invalidYaml_reportsPosition() throws IOException {
        Path f = write("broken.yaml", "reasonCodes:\n  - code: [0x03030000\n");
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThan(0);
        });
    }

    @Test
    void load_duplicateKeyAndCauseId_areReported() throws IOException {
        Path f = write("dups.yaml", String.join("\n",
                "symptoms:",
                "  - id: dup-test",
                "    id: dup-test-2",
                "    title: {en: \"T\", ja: \"テスト\"}",
                "    description: {en: \"D\", ja: \"説明\"}",
                "    causes:",
                "      - id: nosmcdev-ipv6",
                "        title: {en: \"T\", ja: \"テスト\"}",
                "        detail: {en: \"D\", ja: \"説明\"}",
                ""));
        List<Problem> ps = problems(f);
        assertThat(at(ps, 3, "duplicate key 'id'").column()).isEqualTo(5);
        assertThat(at(ps, 7, "duplicate cause id 'nosmcdev-ipv6'").message()).contains("ref: nosmcdev-ipv6");
    }

    @Test
    void load_missingFile_isAProblem() {
        Path missing = tmp.resolve("missing.yaml");
        assertThat(problems(missing)).singleElement().satisfies(p -> assertThat(p.message()).startsWith("cannot read"));
    }

    @Test
    void load_noOverlays_equalsBundledContent() {
        Catalog c = Catalog.load();
        assertThat(c.reasonCodes()).isEqualTo(Catalog.bundled().reasonCodes());
        assertThatThrownBy(() -> Catalog.load((Path) null)).isInstanceOf(NullPointerException.class);
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }
}
