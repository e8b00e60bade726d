package io.smcdoctor.cli.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.JsonOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The four tools: names, descriptions, input/output JSON schemas and handlers that call {@link SmcDoctorTools}. */
final class ToolSpecs {
    static final String DIAGNOSE = "diagnose";
    static final String EXPLAIN = "explain_reason_code";
    static final String SOCKOPT = "sockopt_support";
    static final String ASK = "ask_smc_question";

    /** Upper bound on pasted text per field, so one call cannot exhaust memory. */
    static final int MAX_TEXT_CHARS = 8 * 1024 * 1024;


    private final McpJsonMapper mcpMapper;
    private final ObjectMapper mapper = JsonOutput.mapper();
    private final SmcDoctorTools tools;

    ToolSpecs(McpJsonMapper mcpMapper, SmcDoctorTools tools) {
        this.mcpMapper = mcpMapper;
        this.tools = tools;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                spec(DIAGNOSE, "Diagnose SMC problems",
                        "Diagnose why Linux SMC (AF_SMC, SMC-R, SMC-D) connections fall back to TCP or fail, from an "
                        + "evidence bundle path on the server's host or from pasted command output (smcss -a, dmesg, "
                        + "sysctl -a, smcr -d stats, ...). Returns ranked diagnoses with the evidence lines, remedies "
                        + "and the evidence still missing (schema smc-doctor/diagnosis/v1). With the peer host's bundle "
                        + "or output too (peer_path, peer_text), both ends are diagnosed together: the connections are "
                        + "joined, the peer's decline is explained by its own evidence, and each diagnosis names the "
                        + "host to fix (fields hosts, connections, fixOn; evidence cites host:file:line).",
                        "smc-doctor/diagnosis/v1", this::diagnose),
                spec(EXPLAIN, "Explain an SMC reason code",
                        "Explain an SMC fallback/decline reason code as shown by smcss or smcr stats: 0x03030000, "
                        + "3030000, 0x05000000/0x03030000 (peer/local), SMC_CLC_DECL_NOSMCDEV. Returns meaning, causes, "
                        + "checks, remedies and references (schema smc-doctor/reason-code/v1).",
                        null, this::explain),
                spec(SOCKOPT, "Socket option support on SMC",
                        "Whether a SOL_SOCKET or SOL_TCP socket option works on SMC sockets: Y (supported), M (works "
                        + "but behaves differently than on TCP) or N (the connection falls back to TCP, with the "
                        + "fallback reason code), and what to do (schema smc-doctor/sockopt/v1).",
                        "smc-doctor/sockopt/v1", this::sockopt),
                spec(ASK, "Ask about SMC",
                        "Answer a question about Linux SMC in English or Japanese from the SMC Doctor knowledge "
                        + "(Alibaba Cloud Linux SMC FAQ, kernel reason codes, smc-tools). Returns ranked answers "
                        + "with commands and references; an empty list when nothing fits (schema smc-doctor/answers/v1).",
                        "smc-doctor/answers/v1", this::ask));
    }

    private SyncToolSpecification spec(String name, String title, String description, String outputSchemaName,
                                       Function<Map<String, Object>, ToolResult> body) {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder(name, mcpMapper, inputSchema(name)).title(title)
                .description(description);
        if (outputSchemaName != null) {
            tool.outputSchema(mcpMapper, "{\"type\": \"object\", \"properties\": {\"schema\": {\"type\": \"string\","
                    + " \"const\": \"" + outputSchemaName + "\"}}, \"required\": [\"schema\"]}");
        }
        tool.annotations(new McpSchema.ToolAnnotations(title, true, false, true, false, null));
        return SyncToolSpecification.builder().tool(tool.build())
                .callHandler((exchange, request) -> call(request, body)).build();
    }

    /** The JSON schema of a tool's input: the resource {@code <tool>.input.json} next to this class. */
    static String inputSchema(String tool) {
        String resource = tool + ".input.json";
        try (InputStream in = ToolSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("input schema of MCP tool " + tool + " missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CallToolResult call(CallToolRequest request, Function<Map<String, Object>, ToolResult> body) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        ToolResult result;
        try {
            result = body.apply(args);
        } catch (BadArgument e) {
            result = ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            result = ToolResult.error("internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (result.error()) {
            String text = result.message() + (result.suggestions().isEmpty() ? ""
                    : " Did you mean: " + String.join(", ", result.suggestions()) + "?");
            return CallToolResult.builder().addTextContent(text).isError(true).build();
        }
        try {
            Map<String, Object> structured = mapper.readValue(result.json(), new TypeReference<LinkedHashMap<String, Object>>() { });
            return CallToolResult.builder().structuredContent(structured).addTextContent(result.json()).isError(false).build();
        } catch (IOException e) {
            return CallToolResult.builder().addTextContent("internal error: tool returned invalid JSON").isError(true).build();
        }
    }

    private ToolResult diagnose(Map<String, Object> args) {
        Map<String, String> files = new LinkedHashMap<>();
        Object f = args.get("files");
        if (f instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) f).entrySet()) {
                if (!(e.getValue() instanceof String)) {
                    throw new BadArgument("files." + e.getKey() + " must be a string with the file's content");
                }
                files.put(String.valueOf(e.getKey()), bounded("files." + e.getKey(), (String) e.getValue()));
            }
        } else if (f != null) {
            throw new BadArgument("files must be an object mapping bundle file names to their content");
        }
        DiagnoseRequest req = new DiagnoseRequest(optional(args, "path"), files,
                optional(args, "text").map(t -> bounded("text", t)), optional(args, "symptom"), lang(args),
                optional(args, "peer_path"), optional(args, "peer_text").map(t -> bounded("peer_text", t)));
        if (req.isEmpty()) {
            return ToolResult.error("give a bundle 'path', pasted evidence in 'files' (e.g. {\"smcss.txt\": ...}), "
                    + "or pasted command output in 'text'" + (req.hasPeer() ? " for the first host; 'peer_path' and "
                    + "'peer_text' are the other end's" : ""));
        }
        if (req.peerPath().isPresent() && req.peerText().isPresent()) {
            return ToolResult.error("give the peer's evidence as 'peer_path' or as 'peer_text', not both");
        }
        return tools.diagnose(req);
    }

    private ToolResult explain(Map<String, Object> args) {
        return tools.explainReasonCode(required(args, "code"), lang(args));
    }

    private ToolResult sockopt(Map<String, Object> args) {
        return tools.sockoptSupport(required(args, "name"), optional(args, "level"), lang(args));
    }

    private ToolResult ask(Map<String, Object> args) {
        int limit = 5;
        Object l = args.get("limit");
        if (l instanceof Number) {
            limit = ((Number) l).intValue();
        } else if (l != null) {
            throw new BadArgument("limit must be an integer from 1 to 10");
        }
        if (limit < 1 || limit > 10) {
            throw new BadArgument("limit must be from 1 to 10, was " + limit);
        }
        Optional<Language> lang = optional(args, "lang").map(Language::fromTag);
        return tools.ask(required(args, "question"), limit, lang);
    }

    private static Language lang(Map<String, Object> args) {
        return optional(args, "lang").map(Language::fromTag).orElse(Language.EN);
    }

    private static String required(Map<String, Object> args, String key) {
        return optional(args, key).orElseThrow(() -> new BadArgument("'" + key + "' is required"));
    }

    private static Optional<String> optional(Map<String, Object> args, String key) {
        Object v = args.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String)) {
            throw new BadArgument("'" + key + "' must be a string");
        }
        String s = ((String) v).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String bounded(String what, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new BadArgument(what + " is larger than " + MAX_TEXT_CHARS + " characters; give a bundle path instead");
        }
        return text;
    }

    /** A tool argument is missing or has the wrong type; reported to the model as a tool error. */
    static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message);
        }
    }
}
