package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.cli.mcp.StreamClientTransport;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge of the bundled catalog as MCP resources and the diagnose_host prompt, read through the SDK's own
 * client in-process (the real clients from npm are in {@code RealMcpClientsTest}). A resource is the CLI's JSON for
 * the same entry.
 */
class McpResourcesTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static StreamClientTransport.Session session;

    @BeforeAll
    static void start() {
        session = StreamClientTransport.connectedPair(
                new McpCommand.CliTools(CATALOG, OverCatalog.knowledgeBase(CATALOG)),
                new CliKnowledge(CATALOG));
        session.client().initialize();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static JsonNode read(String uri) throws Exception {
        ReadResourceResult r = session.client().readResource(new McpSchema.ReadResourceRequest(uri));
        TextResourceContents c = (TextResourceContents) r.contents().get(0);
        assertThat(c.mimeType()).isEqualTo("application/json");
        assertThat(c.uri()).isEqualTo(uri);
        return MAPPER.readTree(c.text());
    }

    private static JsonNode cli(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(CATALOG, args);
        assertThat(r.exit()).as(r.err()).isZero();
        return MAPPER.readTree(r.out());
    }

    @Test
    void resources_oneIndexPerKind_andTemplatesForTheEntries() {
        assertThat(session.client().listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("smc-doctor://reason-codes", "smc-doctor://socket-options", "smc-doctor://sysctls",
                        "smc-doctor://tools", "smc-doctor://kernel-features", "smc-doctor://known-bugs",
                        "smc-doctor://applications");
        assertThat(session.client().listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("smc-doctor://reason-code/{code}", "smc-doctor://socket-option/{level}/{name}",
                        "smc-doctor://sysctl/{name}", "smc-doctor://tool/{name}", "smc-doctor://kernel-feature/{name}",
                        "smc-doctor://known-bug/{name}", "smc-doctor://application/{name}");
    }

    @Test
    void index_listsEveryEntryWithItsUri() throws Exception {
        JsonNode codes = read("smc-doctor://reason-codes");
        assertThat(codes.get("schema").asText()).isEqualTo("smc-doctor/knowledge-index/v1");
        assertThat(codes.get("entries")).hasSize(CATALOG.reasonCodes().size());
        assertThat(codes.get("entries").findValuesAsText("uri")).contains("smc-doctor://reason-code/0x03030000");

        JsonNode options = read("smc-doctor://socket-options");
        assertThat(options.get("entries").findValuesAsText("uri"))
                .contains("smc-doctor://socket-option/SOL_TCP/TCP_FASTOPEN");
        JsonNode sysctls = read("smc-doctor://sysctls");
        assertThat(sysctls.get("entries").get(0).get("titleJa").asText()).isNotEqualTo(
                sysctls.get("entries").get(0).get("title").asText());
        assertThat(read("smc-doctor://known-bugs").get("entries")).hasSize(CATALOG.knownBugs().size());
    }

    @Test
    void entries_areTheCliJson() throws Exception {
        assertThat(read("smc-doctor://reason-code/0x03030000"))
                .isEqualTo(cli("explain", "0x03030000", "--format", "json", "--lang", "en"));
        assertThat(read("smc-doctor://socket-option/SOL_TCP/TCP_FASTOPEN?lang=ja"))
                .isEqualTo(cli("sockopt", "TCP_FASTOPEN", "--level", "SOL_TCP", "--format", "json", "--lang", "ja"));
        assertThat(read("smc-doctor://sysctl/net.smc.limit_smc_hs"))
                .isEqualTo(cli("explain", "net.smc.limit_smc_hs", "--format", "json", "--lang", "en"));
        assertThat(read("smc-doctor://tool/smcr-stats"))
                .isEqualTo(cli("explain", "smcr stats", "--format", "json", "--lang", "en"));
        assertThat(read("smc-doctor://kernel-feature/loopback-ism").get("addedIn").asText()).isEqualTo("6.10");
        assertThat(read("smc-doctor://known-bug/listen-loop").get("schema").asText())
                .isEqualTo("smc-doctor/known-bug/v1");
        assertThat(read("smc-doctor://application/nginx").get("schema").asText())
                .isEqualTo("smc-doctor/application/v1");
    }

    @Test
    void unknownEntry_isResourceNotFoundWithDidYouMean() {
        assertThatThrownBy(() -> read("smc-doctor://sysctl/net.smc.limit_smc_hz"))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Resource not found: smc-doctor://sysctl/net.smc.limit_smc_hz")
                .hasMessageContaining("did you mean smc-doctor://sysctl/net.smc.limit_smc_hs");
        assertThatThrownBy(() -> read("smc-doctor://reason-code/0x0303dead")).isInstanceOf(McpError.class);
        assertThatThrownBy(() -> read("smc-doctor://reason-code/")).isInstanceOf(McpError.class);
    }

    @Test
    void prompt_diagnoseHost_saysWhatToCollectAndWhichToolToCall() {
        assertThat(session.client().listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .containsExactly("diagnose_host");
        McpSchema.GetPromptResult p = session.client().getPrompt(new McpSchema.GetPromptRequest("diagnose_host",
                Map.of("symptom", "SMC を使っても速くならない", "lang", "ja")));
        String text = ((McpSchema.TextContent) p.messages().get(0).content()).text();
        assertThat(text).contains("SMC を使っても速くならない", "smc-doctor collect -o bundle.tar.gz",
                "smcss.txt: `smcss -a`", "smcr-stats.txt: `smcr -d stats`", "sysctl.txt: `sysctl -a`",
                "`diagnose`", "`files`", "explain_reason_code", "missingEvidence", "Answer in Japanese");
    }
}
