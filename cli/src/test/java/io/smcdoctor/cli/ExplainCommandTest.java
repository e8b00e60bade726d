package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainCommandTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void explain_text_showsHeadingCausesChecksAndRemedies() {
        CliRunner.Result r = CliRunner.run("explain", "0x03030000", "--lang", "en");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        ReasonCode rc = CATALOG.reasonCode(0x03030000).orElseThrow();
        assertThat(r.out()).startsWith("0x03030000  SMC_CLC_DECL_NOSMCDEV  " + rc.title().en());
        assertThat(r.out()).contains("What it means", "Possible causes (most common first)",
                "1. " + rc.causes().get(0).title().en() + "  [" + rc.causes().get(0).id() + "]",
                "$ " + rc.causes().get(0).checks().get(0).commands().get(0),
                "$ sysctl -w net.ipv6.conf.all.disable_ipv6=1", "$ smcr ueid add <EID>",
                "References", "kernel: SMC_CLC_DECL_NOSMCDEV");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x03030000", "3030000", "0X03030000", "NOSMCDEV", "SMC_CLC_DECL_NOSMCDEV"})
    void explain_acceptsTheWaysUsersWriteACode(String input) throws Exception {
        CliRunner.Result r = CliRunner.run("explain", input, "--format", "json");

        assertThat(r.exit()).isZero();
        assertThat(MAPPER.readTree(r.out()).get("code").asText()).isEqualTo("0x03030000");
    }

    @Test
    void explain_json_hasTheDesignFields() throws Exception {
        CliRunner.Result r = CliRunner.run("explain", "0x03060000", "--format", "json", "--lang", "en");

        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/reason-code/v1");
        assertThat(n.get("code").asText()).isEqualTo("0x03060000");
        assertThat(n.get("name").asText()).isEqualTo("SMC_CLC_DECL_OPTUNSUPP");
        ReasonCode rc = CATALOG.reasonCode(0x03060000).orElseThrow();
        Cause cause = rc.causes().get(0);
        assertThat(n.get("title").asText()).isEqualTo(rc.title().en());
        assertThat(n.get("side").asText()).isEqualTo("local");
        assertThat(n.get("meaning").asText()).isEqualTo(rc.meaning().en());
        assertThat(n.get("causes").get(0).get("id").asText()).isEqualTo("optunsupp-fastopen");
        assertThat(n.get("checks").get(0).get("summary").asText()).isEqualTo(cause.checks().get(0).summary().en());
        assertThat(n.get("checks").get(0).get("commands").get(0).asText())
                .isEqualTo(cause.checks().get(0).commands().get(0));
        assertThat(n.get("remedies")).isNotEmpty();
        assertThat(n.get("references").toString()).contains("kernel: SMC_CLC_DECL_OPTUNSUPP");
    }

    @Test
    void explain_pairFromSmcss_printsBothCodesInOrder() throws Exception {
        CliRunner.Result r = CliRunner.run("explain", "TCP", "0x05000000/0x03030000", "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/reason-codes/v1");
        assertThat(n.get("input").asText()).isEqualTo("TCP 0x05000000/0x03030000");
        assertThat(n.get("codes")).hasSize(2);
        assertThat(n.get("codes").get(0).get("code").asText()).isEqualTo("0x05000000");
        assertThat(n.get("codes").get(1).get("code").asText()).isEqualTo("0x03030000");
        assertThat(n.get("codes").get(1).get("schema").asText()).isEqualTo("smc-doctor/reason-code/v1");
    }

    @Test
    void explain_pairText_saysTheSecondCodeIsThePeers() {
        CliRunner.Result r = CliRunner.run("explain", "0x05000000/0x03030000", "--lang", "en");

        assertThat(r.out()).contains("0x05000000  SMC_CLC_DECL_PEERDECL", "0x03030000  SMC_CLC_DECL_NOSMCDEV",
                "The second code is the peer's own reason");
    }

    @Test
    void explain_japanese_printsJapaneseTextForAlibabaCode() {
        CliRunner.Result r = CliRunner.run("explain", "0x0303000c", "--lang", "ja");

        assertThat(r.exit()).isZero();
        ReasonCode rc = CATALOG.reasonCode(0x0303000c).orElseThrow();
        assertThat(r.out()).startsWith("0x0303000c  " + rc.title().ja());
        assertThat(r.out()).contains("意味", "考えられる原因（多い順）", rc.causes().get(0).title().ja(),
                "Alibaba Cloud Linux カーネルのみ", "$ " + rc.causes().get(0).checks().get(0).commands().get(0));
    }

    @Test
    void explain_unknownCode_exits2WithSuggestion() {
        CliRunner.Result r = CliRunner.run("explain", "0x03030010");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("smc-doctor: unknown reason code '0x03030010'; did you mean 0x03030000")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void explain_notACode_exits2WithHint() {
        CliRunner.Result r = CliRunner.run("explain", "hello");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown reason code or name 'hello'", "looks like 0x03030000");
    }

    @Test
    void explain_oneUnknownOfTwo_explainsTheKnownAndWarns() throws Exception {
        CliRunner.Result r = CliRunner.run("explain", "0x05000000/0x0303dead", "--format", "json");

        assertThat(r.exit()).isZero();
        assertThat(MAPPER.readTree(r.out()).get("code").asText()).isEqualTo("0x05000000");
        assertThat(r.err()).contains("0x0303dead is not a known reason code");
    }

    @Test
    void explain_catalogFails_exits2WithoutStackTrace() {
        CliRunner.Result r = CliRunner.run(new BrokenCatalog(), "explain", "0x03030000");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("smc-doctor: ", "broken catalog").doesNotContain("\tat ");
    }
}
