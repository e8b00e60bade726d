package io.smcdoctor.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tools' input schemas, kept as JSON resources next to the server. */
class ToolSpecsTest {
    static List<String> tools() {
        return SmcDoctorMcpServer.toolNames();
    }

    @ParameterizedTest
    @MethodSource("tools")
    void inputSchema_isAnObjectSchemaWhoseRequiredPropertiesExist(String tool) throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ToolSpecs.inputSchema(tool));

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("properties").size()).isPositive();
        schema.get("properties").forEach(p -> assertThat(p.get("description").asText()).isNotBlank());
        schema.path("required").forEach(r -> assertThat(schema.get("properties").has(r.asText())).as(r.asText()).isTrue());
        assertThat(schema.get("properties").get("lang").get("enum")).extracting(JsonNode::asText).containsExactly("en", "ja");
    }
}
