package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockopt --kernel} and {@code lint --kernel} with the bundled catalog. Kernel facts: "net: restrict
 * SO_REUSEPORT to inet sockets" (5b0af621c3f6, mainline 6.13; stable 6.12.9, 6.6.70, 6.1.124, 5.15.176) makes
 * net/core/sock.c sk_setsockopt() return EOPNOTSUPP for an AF_SMC socket; nginx then logs
 * {@code setsockopt(SO_REUSEPORT) ... failed (95: Operation not supported)}.
 */
class KernelOptionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SERVER_C = "#include <sys/socket.h>\n"
            + "int serve(int fd) {\n"
            + "    int one = 1;\n"
            + "    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);\n"
            + "    return listen(fd, 128);\n"
            + "}\n";

    private static final Catalog BUNDLED = Catalog.bundled();

    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(BUNDLED, args);
    }

    @Test
    void sockopt_withKernel_givesThatKernelsVerdict() throws Exception {
        CliRunner.Result fixed = run("sockopt", "SO_REUSEPORT", "--kernel", "6.12.9", "--lang", "en");
        assertThat(fixed.exit()).isZero();
        assertThat(fixed.out()).startsWith("SO_REUSEPORT (SOL_SOCKET, 15): N — ");
        assertThat(fixed.out()).contains("Verdict for kernel 6.12.9: not supported on SMC sockets: "
                + "setsockopt fails with EOPNOTSUPP");
        assertThat(fixed.out()).contains("Seed FAQ (Alibaba Cloud Linux 3): Y");
        assertThat(fixed.out()).contains("  - N — mainline 6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+, "
                + "setsockopt → EOPNOTSUPP (5b0af621c3f6): ");

        CliRunner.Result before = run("sockopt", "SO_REUSEPORT", "--kernel", "6.12.8", "--lang", "en");
        assertThat(before.out()).startsWith("SO_REUSEPORT (SOL_SOCKET, 15): Y — ");

        JsonNode any = MAPPER.readTree(run("sockopt", "SO_REUSEPORT", "--format", "json", "--lang", "en")
                .out());
        assertThat(any.get("support").asText()).isEqualTo("N");
        assertThat(any.get("seedSupport").asText()).isEqualTo("Y");
        assertThat(any.get("kernel").asText()).isEqualTo("any");
        assertThat(any.get("definite").asBoolean()).isFalse();
        assertThat(any.get("verdicts")).extracting(v -> v.get("support").asText()).containsExactly("N", "M", "Y");
        assertThat(any.at("/verdicts/0/errno").asText()).isEqualTo("EOPNOTSUPP");
        assertThat(any.at("/kernelVerdicts/0/stable")).extracting(JsonNode::asText)
                .containsExactly("6.12.9", "6.6.70", "6.1.124", "5.15.176");

        JsonNode alibaba = MAPPER.readTree(run("sockopt", "SO_REUSEPORT", "--format", "json",
                "--kernel", "5.10.134-16.al8.x86_64").out());
        assertThat(alibaba.get("support").asText()).isEqualTo("Y");
        assertThat(alibaba.get("definite").asBoolean()).isTrue();
    }

    @Test
    void sockopt_badKernel_exits2() {
        CliRunner.Result r = run("sockopt", "SO_REUSEPORT", "--kernel", "latest");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--kernel: 'latest' is not a kernel release");
    }

    @Test
    void lint_withoutKernel_reportsSoReuseportAsErrorNamingBothVerdicts() throws Exception {
        Files.writeString(dir.resolve("server.c"), SERVER_C, StandardCharsets.UTF_8);
        CliRunner.Result r = run("lint", "--lang", "en", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).singleElement().asString()
                .contains("server.c:4:32: error: SO_REUSEPORT (SOL_SOCKET): depends on the kernel: N on mainline "
                        + "6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+");
        assertThat(r.err()).contains("Verdict for: any kernel (--kernel RELEASE judges for one kernel)");
    }

    @Test
    void lint_withKernel_judgesForThatKernel() throws Exception {
        Files.writeString(dir.resolve("server.c"), SERVER_C, StandardCharsets.UTF_8);
        CliRunner.Result fixed = run("lint", "--lang", "en", "--kernel", "6.6.70", dir.toString());
        assertThat(fixed.exit()).isEqualTo(1);
        assertThat(fixed.out()).contains("error: SO_REUSEPORT (SOL_SOCKET): kernel 6.6.70: not supported on SMC "
                + "sockets: setsockopt fails with EOPNOTSUPP");
        CliRunner.Result works = run("lint", "--lang", "en", "--kernel", "6.6.69", dir.toString());
        assertThat(works.exit()).isZero();
        assertThat(works.out()).isEmpty();
        CliRunner.Result old = run("lint", "--lang", "en", "--kernel", "5.15.100", dir.toString());
        assertThat(old.exit()).isZero();
        assertThat(old.out()).contains("warning: SO_REUSEPORT (SOL_SOCKET): kernel 5.15.100: works but behaves "
                + "differently on SMC sockets");

        JsonNode sarif = MAPPER.readTree(run("lint", "--format", "sarif", "--kernel", "6.6.70",
                dir.toString()).out());
        assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("error");
        assertThat(sarif.at("/runs/0/results/0/properties/kernel").asText()).isEqualTo("6.6.70");
        JsonNode json = MAPPER.readTree(run("lint", "--format", "json", "--kernel", "6.6.69",
                "--include-supported", dir.toString()).out());
        assertThat(json.at("/findings/0/level").asText()).isEqualTo("note");
        assertThat(json.at("/findings/0/support").asText()).isEqualTo("Y");
        assertThat(json.at("/findings/0/kernel").asText()).isEqualTo("6.6.69");
    }
}
