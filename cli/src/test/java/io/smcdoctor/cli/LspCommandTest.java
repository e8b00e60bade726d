package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smc-doctor lsp} as an editor starts it: a child JVM speaking the LSP base protocol on its stdin/stdout.
 * Also checks that the other commands do not load the language server.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LspCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void help_listsTheLspCommand() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.out()).containsPattern("(?m)^\\s+lsp\\s+Run a language server \\(LSP\\) on stdio");
        CliRunner.Result lsp = CliRunner.run("lsp", "--help");
        assertThat(lsp.exit()).isZero();
        assertThat(lsp.out()).contains("--stdio").contains("docs/ide.md");
    }

    /** Classes loaded by a child run, from the JVM's class-load log (not stdout, which is the command's). */
    private List<String> loadedClasses(String name, Path stdin, String... args) throws Exception {
        Path log = tmp.resolve(name + ".classes");
        List<String> cmd = ChildJvm.command(List.of("-Xlog:class+load=info:file=" + log), args);
        Process p = new ProcessBuilder(cmd).redirectInput(stdin.toFile())
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(log).stream().map(l -> l.replaceAll("^.*\\]\\s*", "").split(" ")[0])
                .collect(Collectors.toList());
    }

    @Test
    void otherCommands_doNotLoadLsp4jOrTheServer() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty"), "");
        for (String[] args : List.of(new String[] {"sockopt", "TCP_FASTOPEN"}, new String[] {"--help"},
                new String[] {"lsp", "--help"})) {
            List<String> loaded = loadedClasses(String.join("-", args).replace("--", ""), empty, args);
            assertThat(loaded).as(String.join(" ", args)).contains("io.smcdoctor.cli.LspCommand")
                    .noneMatch(c -> c.startsWith("org.eclipse.lsp4j.") || c.startsWith("io.smcdoctor.lsp.")
                            || c.startsWith("com.google.gson."));
        }
        // the same check sees them when the server runs (here: initialize, then the input ends)
        Path init = tmp.resolve("init");
        Files.write(init, frame(request(1, "initialize", JSON.createObjectNode().putNull("processId"))));
        List<String> lsp = loadedClasses("lsp", init, "lsp");
        assertThat(lsp).contains("io.smcdoctor.lsp.SmcDoctorLanguageServer", "org.eclipse.lsp4j.launch.LSPLauncher$Builder");
    }

    @Test
    void stdioSession_onlyProtocolOnStdout_diagnosticsThenShutdownAndExitZero() throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), "lsp"))
                .redirectError(tmp.resolve("lsp.err").toFile()).start();
        try (OutputStream in = p.getOutputStream(); InputStream out = p.getInputStream()) {
            in.write(frame(request(1, "initialize", JSON.createObjectNode().putNull("processId").put("locale", "en"))));
            in.flush();
            JsonNode init = read(out);
            assertThat(init.path("id").asInt()).isEqualTo(1);
            assertThat(init.at("/result/capabilities/textDocumentSync/change").asInt()).isEqualTo(2);

            String text = resource("listener.c");
            ObjectNode open = JSON.createObjectNode();
            open.putObject("textDocument").put("uri", "file:///src/listener.c").put("languageId", "c")
                    .put("version", 1).put("text", text);
            in.write(frame(notification("initialized", JSON.createObjectNode())));
            in.write(frame(notification("textDocument/didOpen", open)));
            in.flush();
            JsonNode diagnostics = read(out);
            assertThat(diagnostics.path("method").asText()).isEqualTo("textDocument/publishDiagnostics");
            assertThat(diagnostics.at("/params/diagnostics")).extracting(d -> d.path("code").asText())
                    .containsExactly("TCP_FASTOPEN", "SO_BINDTODEVICE");

            in.write(frame(request(2, "shutdown", null)));
            in.flush();
            assertThat(read(out).path("id").asInt()).isEqualTo(2);
            in.write(frame(notification("exit", null)));
            in.flush();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out.readAllBytes()).as("nothing but protocol messages on stdout").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void editorGoesAway_serverExitsWithOne() throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), "lsp"))
                .redirectError(tmp.resolve("lsp.err").toFile()).start();
        try {
            OutputStream in = p.getOutputStream();
            in.write(frame(request(1, "initialize", JSON.createObjectNode().putNull("processId"))));
            in.flush();
            read(p.getInputStream());
            // a document big enough to keep the analysis busy, then the editor's end of both pipes closes
            ObjectNode open = JSON.createObjectNode();
            open.putObject("textDocument").put("uri", "file:///src/big.c").put("languageId", "c").put("version", 1)
                    .put("text", resource("listener.c").repeat(3000));
            in.write(frame(notification("textDocument/didOpen", open)));
            in.close();
            p.getInputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("server exited").isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(Files.readString(tmp.resolve("lsp.err"))).doesNotContain("Exception");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * A C source of the language server's own tests ({@code lsp/src/test/resources/sources}, one copy for both
     * modules; tests run in their module's directory, as the fleet tests read {@code ../samples}).
     */
    static String resource(String name) throws IOException {
        Path source = Path.of("..", "lsp", "src", "test", "resources", "sources", name);
        assertThat(source).as("the lsp module's test source %s", name).isRegularFile();
        return Files.readString(source, StandardCharsets.UTF_8);
    }

    private static ObjectNode request(int id, String method, JsonNode params) {
        ObjectNode n = notification(method, params);
        n.put("id", id);
        return n;
    }

    private static ObjectNode notification(String method, JsonNode params) {
        ObjectNode n = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        if (params != null) {
            n.set("params", params);
        }
        return n;
    }

    static byte[] frame(JsonNode message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(message);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.write(body);
        return b.toByteArray();
    }

    /** Reads one framed message; fails on anything that is not a header block followed by a JSON body. */
    static JsonNode read(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("end of stream inside headers: " + headers);
            }
            headers.append((char) c);
            if (headers.length() > 1000) {
                throw new IOException("not an LSP header block: " + headers);
            }
        }
        int length = -1;
        for (String h : headers.toString().split("\r\n")) {
            if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        assertThat(length).as("Content-Length in " + headers).isPositive();
        return JSON.readTree(in.readNBytes(length));
    }
}
