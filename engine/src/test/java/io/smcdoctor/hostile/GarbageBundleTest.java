package io.smcdoctor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.ParseWarning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle in which every file of the bundle format holds garbage (random bytes, NUL bytes, invalid UTF-8, an
 * over-long line, JSON that is not JSON): the report still comes and lists the warnings of every file.
 */
class GarbageBundleTest {
    private static final List<String> FILES = List.of("smcss.txt", "smcss-R.txt", "smcr-device.txt",
            "smcr-linkgroup.txt", "smcr-stats.txt", "smcr-info.txt", "smcr-ueid.txt", "smc-pnet.txt",
            "smcd-device.txt", "smcd-linkgroup.txt", "smcd-stats.txt", "dmesg.txt", "sysctl.txt", "uname.txt",
            "lsmod.txt", "ip-addr.txt", "ibv_devinfo.txt", "rdma-system.txt", "rdma-dev.txt", "rdma-link.txt",
            "symptom.txt", "sockopt-probe.json", "manifest.json");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void diagnose_bundleOfGarbageOnly_reportsWithTheWarningsOfEveryFile() throws IOException {
        Random rnd = new Random(20261126);
        for (int i = 0; i < FILES.size(); i++) {
            byte[] bytes = new byte[4096 + rnd.nextInt(60_000)];
            rnd.nextBytes(bytes);
            switch (i % 4) {
                case 0: // NUL-free binary with high bytes: invalid UTF-8 on every line
                    for (int j = 0; j < bytes.length; j++) {
                        bytes[j] = (byte) (bytes[j] == 0 ? 0xff : bytes[j]);
                    }
                    break;
                case 1: // one over-long line
                    Arrays.fill(bytes, (byte) '{');
                    break;
                case 2: // printable text that means nothing
                    bytes = "lorem ipsum 0x0303 ::: [[ }} = = =\n\t\r\n".repeat(500).getBytes(StandardCharsets.UTF_8);
                    break;
                default: // raw random bytes, NULs included
                    break;
            }
            Files.write(tmp.resolve(FILES.get(i)), bytes);
        }

        DiagnosisReport report = Diagnoser.create().diagnose(EvidenceBundle.read(tmp));

        assertThat(report.warnings()).isNotEmpty();
        assertThat(report.warnings()).extracting(ParseWarning::source).contains("smcss.txt", "manifest.json",
                "sockopt-probe.json");
        assertThat(report.warnings()).extracting(ParseWarning::message)
                .anySatisfy(m -> assertThat(m).contains("NUL"))
                .anySatisfy(m -> assertThat(m).contains("longer than"))
                .anySatisfy(m -> assertThat(m).contains("UTF-8"))
                .anySatisfy(m -> assertThat(m).contains("not valid JSON"));
        assertThat(report.stats().sockets()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.path("schema").asText()).isEqualTo(DiagnosisReport.SCHEMA);
        assertThat(json.path("warnings").size()).isEqualTo(report.warnings().size());
        assertThat(report.toText()).isNotBlank();
    }
}
