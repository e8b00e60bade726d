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
 * {@code diagnose} over MCP with the peer's evidence: the genuine lab capture no-rdma-driver (the client's RDMA driver
 * was unloaded; the client shows 0x03030000, the server the client's decline 0x05000000/0x03030000).
 */
class McpDiagnosePairTest {
    private static final Path LAB = Path.of("..", "engine", "src", "test", "resources", "lab-own", "no-rdma-driver");
    private static StreamClientTransport.Session session;

    @BeforeAll
    static void start() throws Exception {
        Catalog catalog = Catalog.bundled();
        session = StreamClientTransport.connectedPair(
                new McpCommand.CliTools(catalog, OverCatalog.knowledgeBase(catalog)));
        session.client().initialize();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CallToolResult call(Map<String, Object> args) {
        return session.client().callTool(new McpSchema.CallToolRequest("diagnose", args));
    }

    @SuppressWarnings("unchecked")
    private static void assertClientToFix(CallToolResult r, String clientName) {
        assertThat(r.isError()).as("%s", r.content()).isFalse();
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("schema", "smc-doctor/diagnosis/v1").containsKey("hosts").containsKey("connections");
        Map<String, Object> top = ((List<Map<String, Object>>) s.get("diagnoses")).get(0);
        assertThat(top).containsEntry("id", "nosmcdev-no-rdma-device");
        assertThat((List<String>) top.get("fixOn")).containsExactly(clientName);
    }

    @Test
    void diagnose_serverBundleWithClientAsPeerPath_namesTheClientToFix() {
        assertClientToFix(call(Map.of("path", LAB.resolve("server").toString(),
                "peer_path", LAB.resolve("client").toString())), "peer");
    }

    @Test
    void diagnose_serverBundleWithPastedClientOutput_namesTheClientToFix() throws Exception {
        String clientListing = Files.readString(LAB.resolve("client").resolve("smcss.txt"), StandardCharsets.UTF_8)
                + "\n" + Files.readString(LAB.resolve("client").resolve("smcr-device.txt"), StandardCharsets.UTF_8)
                + "\n" + Files.readString(LAB.resolve("client").resolve("dmesg.txt"), StandardCharsets.UTF_8);

        CallToolResult r = call(Map.of("path", LAB.resolve("server").toString(), "peer_text", clientListing));

        assertThat(r.isError()).as("%s", r.content()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        @SuppressWarnings("unchecked")
        Map<String, Object> connection = ((List<Map<String, Object>>) s.get("connections")).get(0);
        assertThat(connection).containsEntry("relation", "joined").containsEntry("joined", 1);
    }

    @Test
    void diagnose_peerBundleMissing_hostDiagnosedWithAWarning() {
        CallToolResult r = call(Map.of("path", LAB.resolve("server").toString(),
                "peer_path", LAB.resolve("nowhere").toString()));

        assertThat(r.isError()).isFalse();
        assertThat(r.content().toString()).contains("the peer's evidence could not be read");
    }

    @Test
    void diagnose_sameBundleAsPeer_orBothPeerForms_isToolError() {
        CallToolResult same = call(Map.of("path", LAB.resolve("server").toString(),
                "peer_path", LAB.resolve("server").toString()));
        CallToolResult both = call(Map.of("path", LAB.resolve("server").toString(),
                "peer_path", LAB.resolve("client").toString(), "peer_text", "x"));

        assertThat(same.isError()).isTrue();
        assertThat(same.content().toString()).contains("same bundle was given twice");
        assertThat(both.isError()).isTrue();
        assertThat(both.content().toString()).contains("not both");
    }
}
