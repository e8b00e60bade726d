package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.cli.mcp.StreamClientTransport;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code diagnose} over MCP with the bundled catalog and the real Diagnoser, on the genuine lab capture
 * {@code lab-6.12/fastopen/client} (ground truth in its scenario.json: the client set TCP_FASTOPEN_CONNECT, expected
 * fallback 0x03060000, cause id optunsupp-fastopen).
 */
class McpDiagnoseTest {
    private static StreamClientTransport.Session session;
    private static Path bundle;

    @BeforeAll
    static void start() throws Exception {
        Catalog catalog = Catalog.bundled();
        session = StreamClientTransport.connectedPair(
                new McpCommand.CliTools(catalog, OverCatalog.knowledgeBase(catalog)));
        session.client().initialize();
        bundle = Path.of(McpDiagnoseTest.class.getResource("/lab-6.12/fastopen-client").toURI());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CallToolResult call(Map<String, Object> args) {
        return session.client().callTool(new McpSchema.CallToolRequest("diagnose", args));
    }

    @SuppressWarnings("unchecked")
    private static void assertFastOpenDiagnosis(CallToolResult r) {
        assertThat(r.isError()).as("%s", r.content()).isFalse();
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("schema", "smc-doctor/diagnosis/v1");
        Map<String, Object> top = ((List<Map<String, Object>>) s.get("diagnoses")).get(0);
        assertThat(top).containsEntry("id", "optunsupp-fastopen").containsEntry("rank", 1);
        assertThat((List<String>) top.get("reasonCodes")).contains("0x03060000");
    }

    @Test
    void diagnose_bundlePath_findsFastOpenFallback() {
        assertFastOpenDiagnosis(call(Map.of("path", bundle.toString())));
    }

    @Test
    void diagnose_pastedFiles_findsFastOpenFallback() throws Exception {
        Map<String, Object> files = Map.of(
                "smcss.txt", Files.readString(bundle.resolve("smcss.txt"), StandardCharsets.UTF_8),
                "smcr-stats.txt", Files.readString(bundle.resolve("smcr-stats.txt"), StandardCharsets.UTF_8));

        assertFastOpenDiagnosis(call(Map.of("files", files, "symptom", "SMC is not used by my client")));
    }

    @Test
    void diagnose_pastedTextOfUnknownKind_isRecognisedByContent() throws Exception {
        String stats = Files.readString(bundle.resolve("smcr-stats.txt"), StandardCharsets.UTF_8);

        assertFastOpenDiagnosis(call(Map.of("text", stats)));
    }

    @Test
    void diagnose_badFileName_orMissingPath_isToolError() {
        CallToolResult badName = call(Map.of("files", Map.of("../etc/passwd", "x")));
        CallToolResult missing = call(Map.of("path", bundle.resolve("does-not-exist").toString()));

        assertThat(badName.isError()).isTrue();
        assertThat(((McpSchema.TextContent) badName.content().get(0)).text()).contains("is not a bundle file name");
        assertThat(missing.isError()).isTrue();
        assertThat(((McpSchema.TextContent) missing.content().get(0)).text()).contains("does-not-exist");
    }
}
