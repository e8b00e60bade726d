package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.cli.mcp.StreamClientTransport;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real tools behind {@code smc-doctor mcp}, driven through the SDK client over a pipe. */
class McpCommandTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static StreamClientTransport.Session session;

    @BeforeAll
    static void start() {
        session = StreamClientTransport.connectedPair(
                new McpCommand.CliTools(CATALOG, OverCatalog.knowledgeBase(CATALOG)));
        session.client().initialize();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CallToolResult call(String tool, Map<String, Object> args) {
        return session.client().callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static Map<String, Object> cliJson(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(CATALOG, args);
        assertThat(r.exit()).isZero();
        return new ObjectMapper().readValue(r.out(), new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void explainReasonCode_returnsTheCliJson() throws Exception {
        CallToolResult r = call("explain_reason_code", Map.of("code", "0x03030000", "lang", "en"));

        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("schema", "smc-doctor/reason-code/v1").containsEntry("code", "0x03030000")
                .containsEntry("name", "SMC_CLC_DECL_NOSMCDEV");
        assertThat(s).isEqualTo(cliJson("explain", "0x03030000", "--format", "json", "--lang", "en"));
    }

    @Test
    void sockoptSupport_fastOpenIsN_withFallbackCode() throws Exception {
        CallToolResult r = call("sockopt_support", Map.of("name", "TCP_FASTOPEN", "level", "SOL_TCP"));

        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("schema", "smc-doctor/sockopt/v1").containsEntry("support", "N")
                .containsEntry("value", 23).containsEntry("fallbackCodes", List.of("0x03060000"));
        assertThat(s).isEqualTo(cliJson("sockopt", "TCP_FASTOPEN", "--level", "SOL_TCP", "--format", "json", "--lang", "en"));
    }

    @Test
    void sockoptSupport_byNumber_andJapanese() {
        CallToolResult r = call("sockopt_support", Map.of("name", "30", "level", "6", "lang", "ja"));

        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("name", "TCP_FASTOPEN_CONNECT").containsEntry("language", "ja");
    }

    @Test
    void sockoptSupport_unknown_isToolErrorWithSuggestion() {
        CallToolResult r = call("sockopt_support", Map.of("name", "TCP_FASTOPN"));

        assertThat(r.isError()).isTrue();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text())
                .startsWith("unknown socket option 'TCP_FASTOPN'").contains("Did you mean: TCP_FASTOPEN");
    }

    @Test
    void askSmcQuestion_returnsRankedAnswers() throws Exception {
        CallToolResult r = call("ask_smc_question", Map.of("question", "IPv6 connections fall back to TCP", "limit", 3,
                "lang", "en"));

        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.structuredContent();
        assertThat(s).containsEntry("schema", "smc-doctor/answers/v1");
        assertThat((List<?>) s.get("answers")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(s).isEqualTo(cliJson("ask", "--limit", "3", "--format", "json", "--lang", "en",
                "IPv6 connections fall back to TCP"));
    }
}
