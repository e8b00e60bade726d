package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    private static final String SERVER_C = "#include <sys/socket.h>\n"
            + "int serve(int fd) {\n"
            + "    int q = 16, one = 1;\n"
            + "    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);\n"
            + "    setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, sizeof q);\n"
            + "    return 0;\n"
            + "}\n";
    private static final String CLIENT_PY = "import socket\n"
            + "s = socket.socket()\n"
            + "s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)\n";

    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/server.c"), SERVER_C, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("client.py"), CLIENT_PY, StandardCharsets.UTF_8);
    }

    private static final Catalog CATALOG = Catalog.bundled();
    // the expectations are the seed FAQ's verdicts (--kernel seed); KernelOptionTest covers the other kernels

    /** The catalog's note on an option: what the lint message ends with. */
    private static String note(String option) {
        return CATALOG.socketOption(option).orElseThrow().note().en();
    }

    @Test
    void lint_text_printsCompilerStyleLinesAndExits1OnError() {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", "--lang", "en", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        String abs = dir.toAbsolutePath().normalize().toString();
        assertThat(r.out().lines()).containsExactly(
                abs + "/client.py:3:33: warning: SO_KEEPALIVE (SOL_SOCKET): works but behaves differently on SMC "
                        + "sockets. " + note("SO_KEEPALIVE"),
                abs + "/src/server.c:5:29: error: TCP_FASTOPEN (SOL_TCP): not supported on SMC sockets: falls back "
                        + "to TCP with 0x03060000 (" + CATALOG.reasonCode(0x03060000).orElseThrow().title().en() + "). "
                        + note("TCP_FASTOPEN"));
        assertThat(r.err()).contains("1 error(s), 1 warning(s), 0 note(s) in 2 file(s)");
    }

    @Test
    void lint_warningsOnly_exits0() {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", dir.resolve("client.py").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void lint_includeSupported_listsYOptionsAsNotes() {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", "--include-supported",
                dir.resolve("src/server.c").toString());

        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).endsWith("server.c:4:32: note: SO_REUSEPORT (SOL_SOCKET): "
                + "works as on TCP. " + note("SO_REUSEPORT"));
    }

    @Test
    void lint_sarif_isValidSarifWithFileUrisForPathsOutsideTheWorkingDirectory() throws Exception {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", "--format", "sarif", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
        assertThat(doc.at("/runs/0/tool/driver/name").asText()).isEqualTo("smc-doctor");
        JsonNode results = doc.at("/runs/0/results");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("SMC-SOCKOPT-TCP_FASTOPEN");
        assertThat(results.get(1).get("level").asText()).isEqualTo("error");
        assertThat(results.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(dir.resolve("src/server.c").toAbsolutePath().normalize().toUri().toString());
        assertThat(results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
        assertThat(results.get(1).at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(29);
    }

    @Test
    void lint_json_listsFindingsAndSkippedFiles() throws Exception {
        Files.write(dir.resolve("blob.c"), new byte[] {1, 0, 2});
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", "--format", "json", dir.toString());

        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("schema").asText()).isEqualTo("smc-doctor/lint/v1");
        assertThat(doc.get("filesScanned").asInt()).isEqualTo(2);
        JsonNode f = doc.get("findings").get(1);
        assertThat(f.get("option").asText()).isEqualTo("TCP_FASTOPEN");
        assertThat(f.get("level").asText()).isEqualTo("error");
        assertThat(f.get("line").asInt()).isEqualTo(5);
        assertThat(f.get("fallbackCodes").get(0).asText()).isEqualTo("0x03060000");
        assertThat(doc.get("skipped").get(0).get("reason").asText()).startsWith("binary content");
    }

    @Test
    void lint_missingPath_exits2WithOneLine() {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", dir.resolve("nope").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("smc-doctor: lint: " + dir.resolve("nope") + ": no such file or directory");
    }

    @Test
    void lint_noPath_exits2() {
        CliRunner.Result r = CliRunner.run("lint");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PATH");
    }

    @Test
    void lint_japanese_printsJapaneseMessages() {
        CliRunner.Result r = CliRunner.run("lint", "--kernel", "seed", "--lang", "ja", dir.resolve("src").toString());

        assertThat(r.out()).contains(": error: TCP_FASTOPEN (SOL_TCP): SMC ではサポートされていません");
    }
}
