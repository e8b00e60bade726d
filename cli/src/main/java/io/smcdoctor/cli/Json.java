package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.internal.JsonOutput;
import java.util.List;

/** Small JSON helpers of the commands, over the one shared output configuration ({@link JsonOutput}). */
final class Json {
    ObjectNode object() {
        return JsonOutput.object();
    }

    ArrayNode array() {
        return JsonOutput.mapper().createArrayNode();
    }

    static void strings(ObjectNode node, String field, List<String> values) {
        JsonOutput.strings(node, field, values);
    }

    String write(Object node) {
        return JsonOutput.write(JsonOutput.mapper().valueToTree(node));
    }
}
