package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code smc-doctor explain} for the facts of the bundled catalog: sysctls, smc-tools commands, kernel features, known
 * bugs and applications, as text and as versioned JSON, English and Japanese, with "did you mean" for typos.
 */
class ExplainFactTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.bundled();

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(CATALOG, args);
    }

    private static JsonNode json(String... args) throws Exception {
        CliRunner.Result r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return MAPPER.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"net.smc.limit_smc_hs", "limit_smc_hs", "/proc/sys/net/smc/limit_smc_hs",
        "sysctl:net.smc.limit_smc_hs", "NET.SMC.LIMIT_SMC_HS"})
    void explain_sysctl_acceptsTheWaysUsersWriteIt(String input) throws Exception {
        JsonNode n = json("explain", input, "--format", "json", "--lang", "en");

        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/sysctl/v1");
        assertThat(n.get("id").asText()).isEqualTo("sysctl:net.smc.limit_smc_hs");
        assertThat(n.get("fullName").asText()).isEqualTo("net.smc.limit_smc_hs");
        assertThat(n.get("path").asText()).isEqualTo("/proc/sys/net/smc/limit_smc_hs");
        assertThat(n.get("addedIn").asText()).isEqualTo("6.12");
        assertThat(n.get("origin").asText()).isEqualTo("mainline");
        assertThat(n.get("range").asText()).isEqualTo("0 .. 1");
        assertThat(n.get("meaning").asText()).contains("handshake workqueue is congested");
        assertThat(n.get("references").get(0).asText()).startsWith("kernel: net/smc/smc_sysctl.c");
    }

    @Test
    void explain_sysctl_text_inJapanese() {
        CliRunner.Result r = run("explain", "net.smc.wmem", "--lang", "ja");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("sysctl:net.smc.wmem  SMC ソケットの送信バッファの初期サイズ")
                .contains("追加された Linux 6.1", "既定値: ", "範囲: ", "意味", "変更する場面", "参照");
    }

    @Test
    void explain_command_listsOptionsAndColumns() throws Exception {
        JsonNode n = json("explain", "smcss", "--format", "json", "--lang", "en");

        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/tool/v1");
        assertThat(n.get("command").asText()).isEqualTo("smcss");
        assertThat(n.get("options").findValuesAsText("name")).contains("-a", "-d", "-D", "-R", "-W");
        assertThat(n.get("columns").findValuesAsText("name")).contains("State", "Mode", "Sndbuf", "GID / Peer-GID");
        assertThat(n.get("example").asText()).contains("TCP 0x05000000/0x03030000");
    }

    @Test
    void explain_commandWithOptionsAsTyped_text() {
        // quoted as one argument (or after --): otherwise -d is taken for an option of explain
        CliRunner.Result r = run("explain", "smcr -d stats", "--lang", "en");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("tool:smcr-stats  smcr stats").contains("Synopsis", "Options", "reset",
                "Output columns", "References");
    }

    @Test
    void explain_knownBug_byIdAndByCve() throws Exception {
        JsonNode n = json("explain", "bug:smc-cdc-tx-handler-uaf", "--format", "json");
        assertThat(n.get("schema").asText()).isEqualTo("smc-doctor/known-bug/v1");
        assertThat(n.get("fixedIn").asText()).isEqualTo("5.16");
        assertThat(n.get("commit").asText()).startsWith("349d43127dac");
        assertThat(n.get("splatFunctions").get(0).asText()).isEqualTo("smc_cdc_tx_handler");

        assertThat(json("explain", "CVE-2025-40168", "--format", "json").get("id").asText())
                .isEqualTo("bug:smc-clc-prfx-match-uaf");
    }

    @Test
    void explain_featureByAlias_andApplication() throws Exception {
        JsonNode f = json("explain", "IPPROTO_SMC", "--format", "json", "--lang", "ja");
        assertThat(f.get("schema").asText()).isEqualTo("smc-doctor/kernel-feature/v1");
        assertThat(f.get("addedIn").asText()).isEqualTo("6.11");
        assertThat(f.get("language").asText()).isEqualTo("ja");

        JsonNode a = json("explain", "nginx", "--format", "json", "--lang", "en");
        assertThat(a.get("schema").asText()).isEqualTo("smc-doctor/application/v1");
        assertThat(a.get("smcRun").asText()).isEqualTo("works");
        assertThat(a.get("socketOptions").findValuesAsText("option")).contains("SO_REUSEPORT");
    }

    @Test
    void explain_misspeltSysctl_exits2WithDidYouMean() {
        CliRunner.Result r = run("explain", "limit_smc_hz");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("smc-doctor: unknown reason code or name 'limit_smc_hz'; did you mean")
                .contains("limit_smc_hs");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void explain_reasonCodes_stillWinOverNames() throws Exception {
        assertThat(json("explain", "NOSMCDEV", "--format", "json").get("code").asText()).isEqualTo("0x03030000");
    }
}
