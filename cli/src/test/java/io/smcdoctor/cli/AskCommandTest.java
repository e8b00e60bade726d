package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import org.junit.jupiter.api.Test;

class AskCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void ask_json_hasRankedAnswersWithCitations() throws Exception {
        CliRunner.Result r = CliRunner.run("ask", "--format", "json", "--limit", "3", "curl fails after enabling SMC-R");

        assertThat(r.exit()).isZero();
        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/answers/v1");
        JsonNode answers = n.get("answers");
        assertThat(answers.size()).isBetween(1, 3);
        assertThat(answers.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(answers.get(0).get("id").asText()).isIn("smcr-breaks-some-peers", "tcp-option-replay-middlebox");
        assertThat(answers.get(0).get("references").get(0).asText()).startsWith("seed: ");
        assertThat(answers.get(0).has("reasonCodes")).isTrue();
        assertThat(answers.get(0).has("commands")).isTrue();
    }

    @Test
    void ask_text_japaneseQuestion_answersInJapanese() {
        CliRunner.Result r = CliRunner.run("ask", "TCP_FASTOPEN は SMC で使えますか");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("質問: TCP_FASTOPEN は SMC で使えますか",
                "1. TCP_FASTOPEN (SOL_TCP, 23): SMC サポート N", "原因コード: 0x03060000");
    }

    @Test
    void ask_severalWords_areOneQuestion() {
        CliRunner.Result r = CliRunner.run("ask", "--lang", "en", "what", "does", "0x03010000", "mean");

        assertThat(r.out()).contains("1. 0x03010000 SMC_CLC_DECL_PEERNOSMC: "
                + Catalog.bundled().reasonCode(0x03010000).orElseThrow().title().en() + "  [0x03010000]");
    }

    @Test
    void ask_offTopic_saysSoAndReturnsEmptyJson() throws Exception {
        CliRunner.Result text = CliRunner.run("ask", "--lang", "en", "how do I bake bread");
        CliRunner.Result json = CliRunner.run("ask", "--format", "json", "how do I bake bread");

        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("No answer in the SMC knowledge for this question.");
        assertThat(MAPPER.readTree(json.out()).get("answers")).isEmpty();
    }

    @Test
    void ask_badLimit_exits2() {
        CliRunner.Result r = CliRunner.run("ask", "--limit", "0", "smc");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--limit must be at least 1");
    }
}
