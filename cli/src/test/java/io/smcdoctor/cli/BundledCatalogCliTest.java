package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** The commands over the catalog shipped in the jar, as users run them. */
class BundledCatalogCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(Catalog.bundled(), args);
    }

    @Test
    void explain_0x0303000c_inJapanese_printsJapaneseText() {
        CliRunner.Result r = run("explain", "0x0303000c", "--lang", "ja");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("0x0303000c  ").contains("意味", "考えられる原因（多い順）", "[vendor-options-changed]",
                "ベンダー", "Alibaba Cloud Linux カーネルのみ");
    }

    @Test
    void explain_0x03030000_json_hasCausesFromCatalogIds() throws Exception {
        JsonNode n = MAPPER.readTree(run("explain", "0x03030000", "--format", "json").out());

        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/reason-code/v1");
        assertThat(n.get("name").asText()).isEqualTo("SMC_CLC_DECL_NOSMCDEV");
        assertThat(n.get("causes").findValuesAsText("id"))
                .contains("nosmcdev-no-rdma-device", "nosmcdev-rdma-netns-exclusive", "nosmcdev-ipv6", "nosmcdev-no-ueid");
        assertThat(n.get("checks").size()).isPositive();
    }

    @Test
    void explain_smcssPair_printsBothCodes() throws Exception {
        JsonNode n = MAPPER.readTree(run("explain", "TCP 0x05000000/0x03030000", "--format", "json").out());

        assertThat(n.get("codes").findValuesAsText("code")).containsExactly("0x05000000", "0x03030000");
    }

    @Test
    void sockopt_tcpFastopen_isNWith0x03060000() throws Exception {
        CliRunner.Result r = run("sockopt", "TCP_FASTOPEN", "--format", "json");

        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("support").asText()).isEqualTo("N");
        assertThat(n.get("value").asInt()).isEqualTo(23);
        assertThat(n.get("fallbackCodes").get(0).asText()).isEqualTo("0x03060000");
    }

    @Test
    void explain_unknownCode_exits2WithSuggestion() {
        CliRunner.Result r = run("explain", "0x03030010");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smc-doctor: unknown reason code '0x03030010'; did you mean 0x0303");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void sockopt_misspelt_exits2WithSuggestion() {
        CliRunner.Result r = run("sockopt", "TCP_FASTOPN");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean TCP_FASTOPEN");
    }

    @Test
    void ask_japaneseCodeQuestion_answersWithBothCodesFirst() throws Exception {
        JsonNode n = MAPPER.readTree(run("ask", "--format", "json", "TCP 0x05000000/0x03030000 の意味は").out());

        assertThat(n.get("language").asText()).isEqualTo("ja");
        assertThat(n.get("answers").get(0).get("id").asText()).isEqualTo("0x05000000");
        assertThat(n.get("answers").get(1).get("id").asText()).isEqualTo("0x03030000");
    }
}
