package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.BundleManifest;
import io.smcdoctor.evidence.facts.CollectedCommand;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {
    @TempDir
    Path tmp;

    private static ManifestJson.Manifest sample() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("smc-doctor", "0.1.0");
        versions.put("smc-tools", "1.8.5");
        return new ManifestJson.Manifest("web-1", Instant.parse("2026-11-26T16:10:08Z"), "6.12.117+deb12-amd64",
                false, versions, List.of("SMC kernel module not loaded"), List.of(
                new ManifestJson.Command("smcss.txt", List.of("smcss", "-a"), 0, 12, "ok", 311, false),
                new ManifestJson.Command("smcr-stats.txt", List.of("smcr", "-d", "stats"), -1, 10003, "timeout", 0, false),
                new ManifestJson.Command("ibv_devinfo.txt", List.of("ibv_devinfo", "-v"), -1, 0, "not-installed", 0,
                        false)));
    }

    private static byte[] bytes(ManifestJson.Manifest m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ManifestJson.write(m, out);
        return out.toByteArray();
    }

    @Test
    void writeThenRead_roundTripsEveryField() throws IOException {
        List<ParseWarning> warnings = new ArrayList<>();

        ManifestJson.Parsed parsed = ManifestJson.read(new ByteArrayInputStream(bytes(sample())), "manifest.json",
                warnings::add);

        assertThat(parsed.manifest()).isEqualTo(sample());
        assertThat(warnings).isEmpty();
    }

    @Test
    void write_usesTheDocumentedSchemaAndFieldNames() throws IOException {
        String json = new String(bytes(sample()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schema\" : \"smc-doctor/manifest/v1\"", "\"smcModuleLoaded\" : false",
                "\"argv\" : [ \"smcr\", \"-d\", \"stats\" ]", "\"status\" : \"timeout\"", "\"exitCode\" : -1",
                "\"durationMillis\" : 10003");
    }

    @Test
    void bundleWithManifest_yieldsCollectedCommandsCitingTheirLines() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("b"));
        byte[] json = bytes(sample());
        Files.write(dir.resolve("manifest.json"), json);
        List<String> lines = List.of(new String(json, StandardCharsets.UTF_8).split("\n"));

        Evidence ev = EvidenceBundle.read(dir);

        assertThat(ev.sources()).containsEntry("manifest.json", SourceKind.MANIFEST);
        List<CollectedCommand> cmds = ev.facts(CollectedCommand.class);
        assertThat(cmds).extracting(CollectedCommand::status).containsExactly("ok", "timeout", "not-installed");
        CollectedCommand stats = cmds.get(1);
        assertThat(stats.argv()).containsExactly("smcr", "-d", "stats");
        assertThat(stats.file()).isEqualTo("smcr-stats.txt");
        assertThat(stats.exitCode()).isEqualTo(-1);
        assertThat(stats.durationMillis()).isEqualTo(10003);
        assertThat(stats.provenance().source()).isEqualTo("manifest.json");
        assertThat(stats.provenance().text()).isEqualTo("smcr -d stats -> timeout (exit -1, 10003 ms)");
        // the cited line opens that command's object; the next line names its file
        assertThat(lines.get(stats.provenance().line() - 1).trim()).isEqualTo("}, {");
        assertThat(lines.get(stats.provenance().line())).contains("\"file\" : \"smcr-stats.txt\"");
    }

    @Test
    void bundleWithManifest_yieldsHostTimeAndKernelOnce() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("b"));
        Files.write(dir.resolve("manifest.json"), bytes(sample()));

        Evidence ev = EvidenceBundle.read(dir);

        assertThat(ev.facts(BundleManifest.class)).singleElement().satisfies(m -> {
            assertThat(m.host()).isEqualTo("web-1");
            assertThat(m.time()).contains(Instant.parse("2026-11-26T16:10:08Z"));
            assertThat(m.kernel()).isEqualTo("6.12.117+deb12-amd64");
            assertThat(m.provenance().source()).isEqualTo("manifest.json");
            assertThat(m.provenance().line()).isEqualTo(1);
        });
    }

    @Test
    void header_missingOrInvalidTime_isEmptyNotEpoch() throws IOException {
        for (String json : List.of("{\"host\": \"h\"}", "{\"host\": \"h\", \"time\": \"yesterday\"}")) {
            ManifestJson.Parsed parsed = ManifestJson.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "manifest.json", w -> { });

            BundleManifest m = ManifestJson.header(parsed, "manifest.json");

            assertThat(m.host()).isEqualTo("h");
            assertThat(m.time()).as(json).isEmpty();
            assertThat(m.kernel()).isEmpty();
        }
    }

    @Test
    void bundleWithoutManifest_hasNoManifestFact() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("uname.txt"), "Linux web-2 6.12.117 #1 SMP x86_64 GNU/Linux\n");

        assertThat(EvidenceBundle.read(dir).facts(BundleManifest.class)).isEmpty();
    }

    @Test
    void read_truncatedJson_keepsCommandsBeforeTheCutAndWarns() throws IOException {
        byte[] json = bytes(sample());
        String text = new String(json, StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("ibv_devinfo") - 3);
        List<ParseWarning> warnings = new ArrayList<>();

        ManifestJson.Parsed parsed = ManifestJson.read(
                new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), "manifest.json", warnings::add);

        assertThat(parsed.manifest().commands()).extracting(ManifestJson.Command::file)
                .containsExactly("smcss.txt", "smcr-stats.txt");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isGreaterThan(1);
            assertThat(w.message()).startsWith("not valid JSON (").endsWith("the rest of the file was not read");
        });
    }

    @Test
    void read_wrongSchemaAndWrongTypes_warnsAndReadsWhatFits() throws IOException {
        String json = "{\"schema\": \"other/v9\", \"host\": 42, \"commands\": [\"x\", {\"file\": \"uname.txt\","
                + " \"argv\": [\"uname\", \"-a\"], \"exitCode\": \"zero\", \"status\": \"ok\"}]}";
        List<ParseWarning> warnings = new ArrayList<>();

        ManifestJson.Parsed parsed = ManifestJson.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json", warnings::add);

        assertThat(parsed.manifest().host()).isEqualTo("42");
        assertThat(parsed.manifest().commands()).singleElement().satisfies(c -> {
            assertThat(c.argv()).containsExactly("uname", "-a");
            assertThat(c.exitCode()).isEqualTo(-1);
        });
        assertThat(warnings).extracting(ParseWarning::message).containsExactly(
                "command entry is not an object; ignored",
                "schema is 'other/v9', expected 'smc-doctor/manifest/v1'; read as far as the fields match");
    }

    @Test
    void read_hostileNesting_isAWarningNotACrash() throws IOException {
        String json = "{\"schema\": \"smc-doctor/manifest/v1\", \"notes\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        List<ParseWarning> warnings = new ArrayList<>();

        ManifestJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json", warnings::add);

        assertThat(warnings).first().satisfies(w -> assertThat(w.message()).contains("not valid JSON")
                .contains("nesting depth"));
    }

    @Test
    void read_notAnObject_warns() throws IOException {
        List<ParseWarning> warnings = new ArrayList<>();

        ManifestJson.Parsed parsed = ManifestJson.read(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)),
                "m.json", warnings::add);

        assertThat(parsed.manifest().commands()).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message())
                .isEqualTo("not a JSON object; expected schema smc-doctor/manifest/v1"));
    }
}
