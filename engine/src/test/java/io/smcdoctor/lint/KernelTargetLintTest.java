package io.smcdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.SockoptAdvice;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.lint.LintFinding.Level;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lint and SARIF verdicts for a target kernel, on the fixture tree's four SO_REUSEPORT uses (C
 * {@code setsockopt}, Go {@code syscall.SetsockoptInt}, Netty {@code EpollChannelOption.SO_REUSEPORT}, Rust
 * socket2 {@code set_reuse_port}). Kernel facts:
 * "net: restrict SO_REUSEPORT to inet sockets" (5b0af621c3f6, 6.13; stable 6.12.9, 6.6.70, 6.1.124, 5.15.176) makes
 * net/core/sock.c sk_setsockopt() fail it with EOPNOTSUPP on AF_SMC; 6.1 .. the fix copy it to the CLC socket
 * ("net/smc: Support SO_REUSEPORT"); before 6.1 it was accepted and not applied.
 */
class KernelTargetLintTest {
    private static final SockoptAdvisor BUNDLED = SockoptAdvisor.bundled();

    private static LintReport scan(String kernel) {
        SockoptAdvisor advisor = kernel == null ? BUNDLED : BUNDLED.forKernel(kernel);
        Path fixtures = SourceScannerTest.fixtures();
        return SourceScanner.of(advisor).scan(List.of(fixtures), fixtures);
    }

    private static List<LintFinding> reuseport(LintReport r) {
        List<LintFinding> out = new ArrayList<>();
        for (LintFinding f : r.findings()) {
            if (f.subject().equals("SO_REUSEPORT")) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void noKernel_reportsSoReuseportAtTheStrictestLevelAndNamesEveryVerdict() {
        List<LintFinding> found = reuseport(scan(null));
        assertThat(found).extracting(LintFinding::file).containsExactly("c-server/src/server.c", "go-dialer/dialer.go",
                "java-netty/src/main/java/com/example/echo/EchoServer.java", "rust-server/src/main.rs");
        assertThat(found).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.ERROR));
        assertThat(found.get(0).message(Language.EN)).startsWith("SO_REUSEPORT (SOL_SOCKET): depends on the kernel: "
                + "N on mainline 6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+ (not supported on SMC sockets: "
                + "setsockopt fails with EOPNOTSUPP (no fallback; the socket stays SMC)); M on mainline before 6.1 "
                + "(works but behaves differently on SMC sockets); Y on other kernels (as in the seed FAQ) "
                + "(works as on TCP)");
        assertThat(found.get(0).message(Language.JA)).contains("カーネルによって異なります")
                .contains("メインライン 6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+ では N");
    }

    @Test
    void kernelWithTheChange_isAnErrorThatSaysEopnotsupp() {
        List<LintFinding> found = reuseport(scan("6.12.9"));
        assertThat(found).hasSize(4).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.ERROR));
        assertThat(found.get(0).message(Language.EN)).startsWith("SO_REUSEPORT (SOL_SOCKET): kernel 6.12.9: "
                + "not supported on SMC sockets: setsockopt fails with EOPNOTSUPP (no fallback; the socket stays SMC). "
                + "setsockopt(SO_REUSEPORT, 1) on an AF_SMC socket fails with EOPNOTSUPP");
        assertThat(found.get(0).advice().fallbackCodes()).isEmpty();
    }

    @Test
    void kernelBeforeTheBackport_doesNotReportIt_andBefore61_warns() {
        assertThat(reuseport(scan("6.12.8"))).isEmpty();
        assertThat(reuseport(scan("6.6.69"))).isEmpty();
        List<LintFinding> old = reuseport(scan("5.15.175"));
        assertThat(old).hasSize(4).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.WARNING));
        assertThat(reuseport(scan("5.15.176"))).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.ERROR));
        // Debian's 6.1.0-18-amd64 does not tell the stable patch level: both verdicts, the stricter level
        List<LintFinding> debian = reuseport(scan("6.1.0-18-amd64"));
        assertThat(debian).hasSize(4).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.ERROR));
        assertThat(debian.get(0).message(Language.EN)).contains("depends on the kernel: N on mainline 6.13+")
                .contains("; Y on other kernels");
        // the seed's kernels: Y, not reported
        assertThat(reuseport(scan("5.10.134-16.al8.x86_64"))).isEmpty();
    }

    @Test
    void optionsThatFailOnMainline_sayErrnoThere_andTheSeedFallbackOnAlibaba() {
        SockoptAdvice mainline = BUNDLED.forKernel("6.12.117+deb12-amd64")
                .check("SO_ZEROCOPY").orElseThrow();
        assertThat(mainline.support()).isEqualTo(SockoptAdvice.Support.N);
        assertThat(mainline.consequenceText(Language.EN))
                .isEqualTo("kernel 6.12.117+deb12-amd64: not supported on SMC sockets: setsockopt fails with "
                        + "EOPNOTSUPP (no fallback; the socket stays SMC)");
        SockoptAdvice seed = BUNDLED.forKernel("seed").check("SO_ZEROCOPY")
                .orElseThrow();
        assertThat(seed.consequenceText(Language.EN)).startsWith("not supported on SMC sockets: falls back to TCP "
                + "with 0x03010001");
        SockoptAdvice any = BUNDLED.check("SO_PEEK_OFF").orElseThrow();
        assertThat(any.consequenceText(Language.EN)).isEqualTo("depends on the kernel: N on mainline 4.11+ "
                + "(not supported on SMC sockets: setsockopt fails with EOPNOTSUPP (no fallback; the socket stays "
                + "SMC)); N on other kernels (as in the seed FAQ) (not supported on SMC sockets: falls back to TCP "
                + "with 0x03010001 (" + Catalog.bundled().reasonCode(0x03010001).orElseThrow().title().en() + "))");
    }

    @Test
    void sarif_levelsAndPropertiesFollowTheKernel() throws Exception {
        JsonNode any = sarif(scan(null));
        JsonNode fixed = sarif(scan("6.13"));
        JsonNode works = sarif(scan("6.8.0"));
        assertThat(levels(any, "server.c")).containsEntry(27, "error");
        assertThat(levels(fixed, "server.c")).containsEntry(27, "error");
        assertThat(levels(works, "server.c")).doesNotContainKey(27);
        JsonNode r = result(fixed, "SMC-SOCKOPT-SO_REUSEPORT");
        assertThat(r.at("/properties/support").asText()).isEqualTo("N");
        assertThat(r.at("/properties/seedSupport").asText()).isEqualTo("Y");
        assertThat(r.at("/properties/kernel").asText()).isEqualTo("6.13");
        assertThat(r.at("/message/text").asText()).contains("kernel 6.13: not supported on SMC sockets");
        assertThat(result(any, "SMC-SOCKOPT-SO_REUSEPORT").at("/properties/kernel").asText()).isEqualTo("any");
        JsonNode rule = null;
        for (JsonNode n : fixed.at("/runs/0/tool/driver/rules")) {
            if (n.get("id").asText().equals("SMC-SOCKOPT-SO_REUSEPORT")) {
                rule = n;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    }

    private static JsonNode sarif(LintReport report) throws Exception {
        StringWriter w = new StringWriter();
        SarifWriter.of("test", Language.EN).write(report, w);
        return new ObjectMapper().readTree(w.toString());
    }

    private static java.util.Map<Integer, String> levels(JsonNode sarif, String fileSuffix) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        for (JsonNode r : sarif.at("/runs/0/results")) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            if (loc.at("/artifactLocation/uri").asText().endsWith(fileSuffix)) {
                out.put(loc.at("/region/startLine").asInt(), r.get("level").asText());
            }
        }
        return out;
    }

    private static JsonNode result(JsonNode sarif, String ruleId) {
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
