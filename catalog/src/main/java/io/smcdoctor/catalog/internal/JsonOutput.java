package io.smcdoctor.catalog.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one JSON configuration of SMC Doctor's output (reports, answers, SARIF, the command line's and MCP's JSON):
 * pretty-printed, fields in insertion order, never closing the caller's stream. Bundle files are read elsewhere with
 * tighter limits ({@code BundleJson}). The mapper is configured once and shared; Jackson mappers and writers are
 * thread-safe once configured.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.CLOSE_CLOSEABLE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /** The shared mapper (for libraries that take one, such as the MCP SDK); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Adds {@code field} as an array of the strings. */
    public static ArrayNode strings(ObjectNode node, String field, List<String> values) {
        ArrayNode a = node.putArray(field);
        values.forEach(a::add);
        return a;
    }

    /** The node as pretty-printed JSON text. */
    public static String write(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the node as pretty-printed JSON; the writer stays open.
     *
     * @throws UncheckedIOException when writing fails
     */
    public static void write(JsonNode node, Writer out) {
        try {
            PRETTY.writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
