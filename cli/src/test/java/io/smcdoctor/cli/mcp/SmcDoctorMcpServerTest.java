package io.smcdoctor.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.smcdoctor.catalog.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The protocol layer over a recording stub: schemas, argument handling, error results, end of session. */
class SmcDoctorMcpServerTest {
    /** Records what the server passed on and answers with fixed JSON. */
    static final class Recorder implements SmcDoctorTools {
        final List<Object> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ToolResult diagnose(DiagnoseRequest request) {
            calls.add(request);
            return ToolResult.ok("{\"schema\": \"smc-doctor/diagnosis/v1\", \"diagnoses\": []}");
        }

        @Override
        public ToolResult explainReasonCode(String code, Language language) {
            calls.add(code + "/" + language);
            return ToolResult.error("unknown reason code '" + code + "'", List.of("0x03030000"));
        }

        @Override
        public ToolResult sockoptSupport(String name, Optional<String> level, Language language) {
            calls.add(name + "/" + level.orElse("-") + "/" + language);
            return ToolResult.ok("{\"schema\": \"smc-doctor/sockopt/v1\", \"name\": \"" + name + "\"}");
        }

        @Override
        public ToolResult ask(String question, int limit, Optional<Language> language) {
            calls.add(question + "/" + limit + "/" + language.map(Language::tag).orElse("-"));
            return ToolResult.ok("{\"schema\": \"smc-doctor/answers/v1\", \"answers\": []}");
        }
    }

    private static List<String> keys(McpSchema.Tool tool) {
        Map<?, ?> props = (Map<?, ?>) tool.inputSchema().get("properties");
        return props.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toList());
    }

    private static CallToolResult call(StreamClientTransport.Session s, String tool, Map<String, Object> args) {
        return s.client().callTool(new McpSchema.CallToolRequest(tool, args));
    }

    @Test
    void listTools_declaresFourToolsWithInputSchemas() {
        try (StreamClientTransport.Session s = StreamClientTransport.connectedPair(new Recorder())) {
            McpSchema.InitializeResult init = s.client().initialize();
            assertThat(init.serverInfo().name()).isEqualTo("smc-doctor");
            assertThat(init.capabilities().tools()).isNotNull();

            List<McpSchema.Tool> tools = s.client().listTools().tools();

            assertThat(tools).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("diagnose", "explain_reason_code", "sockopt_support", "ask_smc_question");
            McpSchema.Tool sockopt = tools.stream().filter(t -> t.name().equals("sockopt_support")).findFirst().orElseThrow();
            assertThat(sockopt.inputSchema()).containsEntry("type", "object").containsEntry("required", List.of("name"));
            assertThat(keys(sockopt)).contains("name", "level", "lang");
            assertThat(sockopt.outputSchema()).containsEntry("type", "object");
            McpSchema.Tool diagnose = tools.stream().filter(t -> t.name().equals("diagnose")).findFirst().orElseThrow();
            assertThat(keys(diagnose)).contains("path", "files", "text", "symptom");
            assertThat(diagnose.description()).contains("smcss");
        }
    }

    @Test
    void callTool_passesArgumentsAndReturnsStructuredContent() {
        Recorder rec = new Recorder();
        try (StreamClientTransport.Session s = StreamClientTransport.connectedPair(rec)) {
            s.client().initialize();

            CallToolResult r = call(s, "sockopt_support", Map.of("name", "TCP_FASTOPEN", "level", "SOL_TCP", "lang", "ja"));
            CallToolResult d = call(s, "diagnose", Map.of("files", Map.of("smcss.txt", "State UID Inode ..."),
                    "symptom", "no speed-up"));
            CallToolResult a = call(s, "ask_smc_question", Map.of("question", "なぜ速くならない", "limit", 3));

            assertThat(r.isError()).isFalse();
            assertThat(r.structuredContent()).isEqualTo(Map.of("schema", "smc-doctor/sockopt/v1", "name", "TCP_FASTOPEN"));
            assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("\"smc-doctor/sockopt/v1\"");
            assertThat(d.isError()).isFalse();
            assertThat(a.isError()).isFalse();
            DiagnoseRequest req = (DiagnoseRequest) rec.calls.get(1);
            assertThat(req.files()).containsEntry("smcss.txt", "State UID Inode ...");
            assertThat(req.symptom()).contains("no speed-up");
            assertThat(req.path()).isEmpty();
            assertThat(rec.calls).containsExactly("TCP_FASTOPEN/SOL_TCP/JA", req, "なぜ速くならない/3/-");
        }
    }

    @Test
    void callTool_errorsBecomeToolErrorsWithSuggestions() {
        Recorder rec = new Recorder();
        try (StreamClientTransport.Session s = StreamClientTransport.connectedPair(rec)) {
            s.client().initialize();

            CallToolResult unknown = call(s, "explain_reason_code", Map.of("code", "0x0303"));
            CallToolResult missing = call(s, "sockopt_support", Map.of("level", "SOL_TCP"));
            CallToolResult empty = call(s, "diagnose", Map.of());
            CallToolResult badLimit = call(s, "ask_smc_question", Map.of("question", "q", "limit", 99));

            assertThat(unknown.isError()).isTrue();
            assertThat(((McpSchema.TextContent) unknown.content().get(0)).text())
                    .isEqualTo("unknown reason code '0x0303' Did you mean: 0x03030000?");
            assertThat(missing.isError()).isTrue();
            // the SDK checks arguments against the declared input schema before the handler runs
            assertThat(((McpSchema.TextContent) missing.content().get(0)).text()).contains("required property 'name'");
            assertThat(empty.isError()).isTrue();
            assertThat(((McpSchema.TextContent) empty.content().get(0)).text()).startsWith("give a bundle 'path'");
            assertThat(badLimit.isError()).isTrue();
            assertThat(((McpSchema.TextContent) badLimit.content().get(0)).text()).contains("limit");
            assertThat(rec.calls).containsExactly("0x0303/EN");
        }
    }

    @Test
    void closingInput_endsTheSession() throws Exception {
        StreamClientTransport.Session s = StreamClientTransport.connectedPair(new Recorder());
        s.client().initialize();

        s.clientOut().close();

        assertThat(s.server().awaitInputClosed(Duration.ofSeconds(10))).isTrue();
        s.server().close();
    }
}
