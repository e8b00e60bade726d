package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.Language;
import org.junit.jupiter.api.Test;

class SockoptCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sockopt_fastopen_isNWithFallbackCode() throws Exception {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_FASTOPEN", "--format", "json", "--lang", "en");

        assertThat(r.exit()).isZero();
        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/sockopt/v1");
        assertThat(n.get("level").asText()).isEqualTo("SOL_TCP");
        assertThat(n.get("name").asText()).isEqualTo("TCP_FASTOPEN");
        assertThat(n.get("value").asInt()).isEqualTo(23);
        assertThat(n.get("support").asText()).isEqualTo("N");
        assertThat(n.get("fallbackCodes").get(0).asText()).isEqualTo("0x03060000");
        assertThat(n.get("note").asText()).isEqualTo(Catalog.bundled().socketOption("TCP_FASTOPEN").orElseThrow().note().en());
    }

    @Test
    void sockopt_text_namesSupportAndFallbackCode() {
        CliRunner.Result r = CliRunner.run("sockopt", "tcp_fastopen", "--lang", "en");

        assertThat(r.out()).startsWith("TCP_FASTOPEN (SOL_TCP, 23): N — not supported");
        assertThat(r.out()).contains("Fallback reason: 0x03060000 (SMC_CLC_DECL_OPTUNSUPP, Socket option not supported");
    }

    @Test
    void sockopt_byLevelAndNumber_findsOption() throws Exception {
        CliRunner.Result r = CliRunner.run("sockopt", "9", "--level", "SOL_SOCKET", "--format", "json");

        JsonNode n = MAPPER.readTree(r.out());
        assertThat(n.get("name").asText()).isEqualTo("SO_KEEPALIVE");
        assertThat(n.get("support").asText()).isEqualTo("M");
        assertThat(n.get("fallbackCodes")).isEmpty();
    }

    @Test
    void sockopt_alias_findsCanonicalName() throws Exception {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_INQ", "--level", "tcp", "--format", "json");

        assertThat(MAPPER.readTree(r.out()).get("name").asText()).isEqualTo("TCP_CM_INQ");
    }

    @Test
    void sockopt_japanese_printsJapaneseNote() {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_FASTOPEN", "--lang", "ja");

        assertThat(r.out()).contains(Support.N.consequence(Language.JA), "フォールバックの原因コード: 0x03060000",
                Catalog.bundled().socketOption("TCP_FASTOPEN").orElseThrow().note().ja());
    }

    @Test
    void sockopt_wrongLevel_isUnknown() {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_FASTOPEN", "--level", "SOL_SOCKET");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown socket option 'TCP_FASTOPEN at SOL_SOCKET'");
    }

    @Test
    void sockopt_misspelt_exits2WithSuggestion() {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_FASTOPN");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("smc-doctor: unknown socket option 'TCP_FASTOPN'; did you mean TCP_FASTOPEN");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void sockopt_badLevel_exits2() {
        CliRunner.Result r = CliRunner.run("sockopt", "TCP_NODELAY", "--level", "SOL_IP");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown socket option level 'SOL_IP'; use SOL_TCP or SOL_SOCKET");
    }
}
