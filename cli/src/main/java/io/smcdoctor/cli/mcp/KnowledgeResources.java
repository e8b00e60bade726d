package io.smcdoctor.cli.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.smcdoctor.catalog.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge as MCP resources: one index per kind ({@code smc-doctor://reason-codes}, {@code smc-doctor://sysctls},
 * ...) listing every entry with its URI, and one resource template per kind for the entries themselves
 * ({@code smc-doctor://reason-code/0x03030000}, {@code smc-doctor://socket-option/SOL_TCP/TCP_FASTOPEN},
 * {@code smc-doctor://sysctl/net.smc.limit_smc_hs}, {@code smc-doctor://tool/smcr-stats}, ...). An entry is the JSON
 * the CLI prints for it, in English; {@code ?lang=ja} gives Japanese texts. An index gives every title in both.
 */
final class KnowledgeResources {
    static final String SCHEME = "smc-doctor://";
    static final String INDEX_SCHEMA = "smc-doctor/knowledge-index/v1";
    private static final String JSON = "application/json";
    private static final Map<String, String> VARIABLES = Map.of("reason-code", "{code}",
            "socket-option", "{level}/{name}");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "reason-code", "SMC CLC decline / fallback reason codes (the codes smcss -a and smcr -d stats show)",
            "socket-option", "Socket options (SOL_SOCKET, SOL_TCP) and whether they work on SMC sockets (Y/M/N)",
            "sysctl", "net.smc sysctls (mainline and Alibaba Cloud Linux) with default, range and the kernel that"
                    + " added them",
            "tool", "smc-tools commands with every option and output column",
            "kernel-feature", "SMC features of the Linux kernel with the release that added them",
            "known-bug", "Fixed SMC kernel bugs, keyed by the functions of their splat, with the fixing release",
            "application", "Common servers, runtimes and load generators under SMC");

    private final ObjectMapper mapper = new ObjectMapper();
    private final SmcDoctorKnowledge knowledge;

    KnowledgeResources(SmcDoctorKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** The URI of an entry, e.g. {@code smc-doctor://sysctl/net.smc.wmem}. */
    static String uri(String kind, String key) {
        return SCHEME + kind + "/" + key;
    }

    /** The URI of a kind's index, e.g. {@code smc-doctor://sysctls}. */
    static String indexUri(String kind) {
        return SCHEME + kind + "s";
    }

    List<SyncResourceSpecification> indexes() {
        List<SyncResourceSpecification> out = new ArrayList<>();
        for (String kind : SmcDoctorKnowledge.KINDS) {
            McpSchema.Resource r = McpSchema.Resource.builder().uri(indexUri(kind)).name(kind + "s")
                    .title("SMC " + kind.replace('-', ' ') + "s").mimeType(JSON)
                    .description(DESCRIPTIONS.get(kind) + ": every entry with its URI " + SCHEME + kind + "/"
                            + VARIABLES.getOrDefault(kind, "{name}") + " and its title in English and Japanese.")
                    .build();
            out.add(new SyncResourceSpecification(r, (exchange, request) -> readIndex(kind, request.uri())));
        }
        return out;
    }

    List<SyncResourceTemplateSpecification> templates() {
        List<SyncResourceTemplateSpecification> out = new ArrayList<>();
        for (String kind : SmcDoctorKnowledge.KINDS) {
            McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder()
                    .uriTemplate(SCHEME + kind + "/" + VARIABLES.getOrDefault(kind, "{name}")).name(kind)
                    .title("SMC " + kind.replace('-', ' ')).mimeType(JSON)
                    .description(DESCRIPTIONS.get(kind) + "; one entry as JSON. The index " + indexUri(kind)
                            + " lists them. Add ?lang=ja for Japanese.")
                    .build();
            out.add(new SyncResourceTemplateSpecification(t, (exchange, request) -> readEntry(request.uri())));
        }
        return out;
    }

    /**
     * {@code {"schema": "smc-doctor/knowledge-index/v1", "kind", "entries": [{"key", "uri", "title", "titleJa"}]}}.
     */
    private ReadResourceResult readIndex(String kind, String uri) {
        ObjectNode n = mapper.createObjectNode();
        n.put("schema", INDEX_SCHEMA);
        n.put("kind", kind);
        ArrayNode entries = n.putArray("entries");
        List<SmcDoctorKnowledge.Item> en = knowledge.items(kind, Language.EN);
        List<SmcDoctorKnowledge.Item> ja = knowledge.items(kind, Language.JA);
        for (int i = 0; i < en.size(); i++) {
            SmcDoctorKnowledge.Item item = en.get(i);
            entries.addObject().put("key", item.key()).put("uri", uri(kind, item.key())).put("title", item.title())
                    .put("titleJa", i < ja.size() ? ja.get(i).title() : item.title());
        }
        return result(uri, write(n));
    }

    private ReadResourceResult readEntry(String uri) {
        String path = stripQuery(uri).substring(SCHEME.length());
        int slash = path.indexOf('/');
        String kind = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        if (!SmcDoctorKnowledge.KINDS.contains(kind) || key.isEmpty()) {
            throw notFound(uri, List.of());
        }
        Optional<String> json = knowledge.json(kind, key, language(uri));
        return result(uri, json.orElseThrow(() -> notFound(uri, knowledge.suggestions(kind, key).stream()
                .map(s -> uri(kind, s)).toList())));
    }

    private static McpError notFound(String uri, List<String> suggestions) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("Resource not found: " + uri + (suggestions.isEmpty() ? ""
                        : "; did you mean " + String.join(", ", suggestions) + "?"))
                .data(Map.of("uri", uri)).build();
    }

    private static ReadResourceResult result(String uri, String json) {
        return new ReadResourceResult(List.of(new TextResourceContents(uri, JSON, json)));
    }

    /** {@code ?lang=ja} selects Japanese texts; anything else is English. */
    static Language language(String uri) {
        int q = uri.indexOf('?');
        if (q >= 0) {
            for (String param : uri.substring(q + 1).split("&")) {
                if (param.startsWith("lang=")) {
                    return Language.fromTag(param.substring("lang=".length()));
                }
            }
        }
        return Language.EN;
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private String write(ObjectNode n) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resource index", e);
        }
    }
}
