package io.smcdoctor.evidence.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON plumbing shared by {@code manifest.json} and {@code sockopt-probe.json}: a factory with tight
 * {@link StreamReadConstraints} (bundle JSON is small; anything deep or huge is hostile) and lenient field
 * accessors that never throw on a wrong type.
 */
final class BundleJson {
    /** Bounds for reading bundle JSON. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxStringLength(64 * 1024)
            .maxNumberLength(32)
            .maxNameLength(256)
            .maxDocumentLength(32L << 20)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectReader READER = new ObjectMapper(FACTORY).reader();

    private BundleJson() {
    }

    /** A parser over {@code in} with the constraints; the caller closes it (the stream stays open). */
    static JsonParser parser(InputStream in) throws IOException {
        JsonParser p = FACTORY.createParser(in);
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return p;
    }

    /** Reads the value at the parser's current token as a tree. */
    static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = READER.readTree(p);
        return n == null ? READER.createObjectNode() : n;
    }

    /** A pretty-printing generator writing UTF-8 to {@code out} (left open). */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.useDefaultPrettyPrinter();
        return g;
    }

    static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : dflt;
    }

    static long number(JsonNode n, String field, long dflt) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asLong() : dflt;
    }

    static boolean bool(JsonNode n, String field, boolean dflt) {
        JsonNode v = n.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : dflt;
    }

    static List<String> texts(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }
}
