package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smc-doctor lsp} driven by a client library no one here wrote: npm {@code vscode-jsonrpc} (the JSON-RPC layer
 * of VS Code's language client), from a node script that starts the server as a child process. The package is
 * installed on first use into {@code target/npm/} (kept across runs until {@code mvn clean}). Skipped, with the
 * reason printed, only when node or npm cannot be run or the package cannot be installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VscodeJsonrpcClientTest {
    static final String PACKAGE = "vscode-jsonrpc";
    static final String VERSION = "10.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static void skip(String reason) {
        System.out.println("VscodeJsonrpcClientTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** Runs a command; empty when it cannot be started or fails (the output is kept in the given file). */
    private static Optional<String> run(List<String> cmd, Path output, int timeoutSeconds) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The directory holding node_modules/vscode-jsonrpc at the pinned version, installing it if needed. */
    private Path installedClient() throws Exception {
        if (run(List.of("node", "--version"), tmp.resolve("node-version.txt"), 30).isEmpty()) {
            skip("node cannot be run (not on PATH?)");
        }
        Path prefix = Path.of("target", "npm", PACKAGE + "-" + VERSION).toAbsolutePath();
        Path installed = prefix.resolve("node_modules").resolve(PACKAGE).resolve("package.json");
        if (Files.isRegularFile(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(VERSION)) {
            return prefix;
        }
        Files.createDirectories(prefix);
        Path log = tmp.resolve("npm-install.txt");
        if (run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                "--no-package-lock", "--loglevel=error", PACKAGE + "@" + VERSION), log, 240).isEmpty()) {
            skip("npm could not install " + PACKAGE + "@" + VERSION + ": "
                    + (Files.exists(log) ? Files.readString(log).strip() : "npm cannot be run"));
        }
        return prefix;
    }

    @Test
    void vscodeJsonrpc_drivesTheServer_throughAWholeSession() throws Exception {
        Path prefix = installedClient();
        Path script = prefix.resolve("vscode-jsonrpc-client.js");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/lsp/vscode-jsonrpc-client.js"))) {
            Files.write(script, in.readAllBytes());
        }
        String text = LspCommandTest.resource("listener.c");
        ObjectNode config = JSON.createObjectNode();
        config.putArray("command").addAll(
                ChildJvm.command(List.of(), "lsp").stream().map(JSON.getNodeFactory()::textNode).toList());
        config.put("uri", "file:///src/listener.c");
        config.put("text", text);
        Path configFile = Files.writeString(tmp.resolve("config.json"), JSON.writeValueAsString(config));

        List<String> cmd = new ArrayList<>(List.of("node", script.toString(), configFile.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("node.err").toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stdout + Files.readString(tmp.resolve("node.err"))).isZero();
        JsonNode r = JSON.readTree(stdout);

        assertThat(r.at("/initialize/serverInfo/name").asText()).isEqualTo("smc-doctor");
        assertThat(r.at("/initialize/capabilities/textDocumentSync/change").asInt()).isEqualTo(2);

        JsonNode opened = r.at("/opened/diagnostics");
        assertThat(opened).extracting(d -> d.path("code").asText()).containsExactly("TCP_FASTOPEN", "SO_BINDTODEVICE");
        JsonNode tfo = opened.get(0);
        assertThat(tfo.at("/range/start/line").asInt()).isEqualTo(18);
        assertThat(tfo.at("/range/start/character").asInt()).isEqualTo(32);
        assertThat(tfo.at("/range/end/character").asInt()).isEqualTo(44);
        assertThat(tfo.path("severity").asInt()).isEqualTo(1);
        assertThat(tfo.at("/codeDescription/href").asText()).endsWith("/docs/sockopts.ja.md#tcp_fastopen");
        // locale "ja" and kernel "upstream-6.12" (the 6.12 series): Japanese text with the catalog's note measured
        // on 6.12 appended under its kernels
        assertThat(opened.get(1).path("message").asText()).contains("TCP にフォールバック")
                .contains("upstream 6.12 (measured): upstream 6.12.117 での実測");

        JsonNode changed = r.at("/changed/diagnostics");
        assertThat(changed).extracting(d -> d.path("code").asText()).containsExactly("SO_BINDTODEVICE");
        assertThat(r.at("/hover/contents/kind").asText()).isEqualTo("markdown");
        assertThat(r.at("/hover/contents/value").asText()).startsWith("**SO_BINDTODEVICE** (`SOL_SOCKET`, 25): "
                + "SMC でのサポート **N**").contains("**対象: カーネル upstream-6.12**");
        assertThat(r.path("actions")).extracting(a -> a.path("title").asText())
                .containsExactly("コメントを追加: SO_BINDTODEVICE (SMC ソケット)", "説明: SO_BINDTODEVICE (SMC、smc-doctor)");
        assertThat(r.path("explain").asText()).contains("### 0x03010001 SMC_CLC_DECL_ACTIVE");
        assertThat(r.at("/unknown/code").asInt()).isEqualTo(-32601);
        assertThat(r.path("shutdown").isNull()).isTrue();
        assertThat(r.path("exitCode").asInt()).isZero();
        assertThat(r.path("messages")).anySatisfy(m -> assertThat(m.path("message").asText())
                .startsWith("SO_BINDTODEVICE (SOL_SOCKET, SMC でのサポート N)"));
    }
}
