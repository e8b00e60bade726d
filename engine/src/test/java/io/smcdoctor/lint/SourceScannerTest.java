package io.smcdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.lint.LintFinding.Level;
import io.smcdoctor.lint.LintReport.SkippedFile;
import io.smcdoctor.lint.SourceScanner.SourceLanguage;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    /** The seed FAQ's verdicts (Alibaba Cloud Linux 3); KernelTargetLintTest covers the other kernels. */
    private static final SockoptAdvisor ADVISOR = SockoptAdvisor.bundled()
            .forKernel("seed");
    private static final SourceScanner SCANNER = SourceScanner.of(ADVISOR);

    static Path fixtures() {
        try {
            return Path.of(SourceScannerTest.class.getResource("/lint").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> describe(List<LintFinding> findings) {
        return findings.stream()
                .map(f -> f.file() + ":" + f.line() + ":" + f.column() + ": " + f.level() + " " + f.subject())
                .collect(Collectors.toList());
    }

    @Test
    void scan_fixtureTree_reportsEveryFindingAtExactPosition() {
        LintReport report = SCANNER.scan(List.of(fixtures()), fixtures());

        assertThat(describe(report.findings())).containsExactly(
                "c-server/src/compat.h:14:38: ERROR TCP_FASTOPEN_CONNECT",
                "c-server/src/compat.h:25:39: ERROR SO_BINDTODEVICE",
                "c-server/src/server.c:30:33: ERROR TCP_FASTOPEN",
                "c-server/src/server.c:36:20: WARNING SO_KEEPALIVE",
                "c-server/src/server.c:40:56: WARNING TCP_KEEPIDLE",
                "c-server/src/server.c:58:31: ERROR MSG_FASTOPEN",
                "go-dialer/dialer.go:20:56: ERROR TCP_FASTOPEN_CONNECT",
                "go-dialer/dialer.go:26:5: WARNING TCP_USER_TIMEOUT",
                "go-dialer/dialer.go:44:11: WARNING SO_KEEPALIVE",
                "go-dialer/dialer.go:46:50: WARNING TCP_FASTOPEN_CONNECT",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:27:25: ERROR TCP_FASTOPEN",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:29:30: WARNING SO_KEEPALIVE",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:30:30: WARNING TCP_USER_TIMEOUT",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:31:30: WARNING TCP_KEEPIDLE",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:38:25: ERROR TCP_FASTOPEN_CONNECT",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:45:21: WARNING TCP_QUICKACK",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:46:21: WARNING TCP_KEEPINTVL",
                "java-netty/src/main/java/com/example/echo/EchoServer.java:49:15: WARNING SO_KEEPALIVE",
                "python-client/client.py:15:40: WARNING SO_KEEPALIVE",
                "python-client/client.py:16:41: WARNING TCP_KEEPIDLE",
                "python-client/client.py:17:37: ERROR TCP_FASTOPEN",
                "python-client/client.py:18:26: ERROR MSG_FASTOPEN",
                "python-client/client.py:22:9: WARNING TCP_FASTOPEN",
                "rust-server/src/main.rs:21:12: WARNING SO_KEEPALIVE",
                "rust-server/src/main.rs:22:12: WARNING TCP_USER_TIMEOUT",
                "rust-server/src/main.rs:28:13: ERROR TCP_FASTOPEN",
                "rust-server/src/main.rs:36:12: ERROR SO_BINDTODEVICE");
        assertThat(report.filesScanned()).isEqualTo(6);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.count(Level.ERROR)).isEqualTo(11);
        assertThat(report.count(Level.WARNING)).isEqualTo(16);
    }

    @Test
    void scan_fixtureTree_withoutKernel_differsFromTheSeedOnlyWhereTheKernelDecides() {
        LintReport seed = SCANNER.scan(List.of(fixtures()), fixtures());
        // without a kernel the strictest verdict counts: SO_REUSEPORT (Y on the seed's kernels, EOPNOTSUPP on 6.13
        // and the stable kernels with 5b0af621c3f6) becomes an error; every other finding stays as on the seed
        LintReport any = SourceScanner.of(SockoptAdvisor.bundled()).scan(List.of(fixtures()), fixtures());

        assertThat(describe(any.findings())).filteredOn(l -> !l.endsWith(" SO_REUSEPORT"))
                .isEqualTo(describe(seed.findings()));
        assertThat(describe(seed.findings())).noneMatch(l -> l.endsWith(" SO_REUSEPORT"));
        assertThat(describe(any.findings())).filteredOn(l -> l.endsWith(" SO_REUSEPORT")).isNotEmpty()
                .allMatch(l -> l.contains(": ERROR "));
        assertThat(any.findings().get(0).advice().fallbackCodes()).containsExactly("0x03060000");
    }

    @Test
    void scan_fixtureTree_skipsBuildAndNodeModules() {
        LintReport report = SCANNER.scan(List.of(fixtures()), fixtures());

        assertThat(report.findings()).extracting(LintFinding::file)
                .noneMatch(f -> f.contains("build/") || f.contains("node_modules/"));
    }

    @Test
    void scan_reportSupported_addsNotesForYOptionsAndReadsOfM() {
        SourceScanner all = SourceScanner.builder(ADVISOR).reportSupported(true).build();
        LintReport report = all.scan(List.of(fixtures().resolve("c-server/src/server.c")), fixtures());

        assertThat(describe(report.findings())).containsExactly(
                "c-server/src/server.c:26:32: NOTE SO_REUSEADDR",
                "c-server/src/server.c:27:32: NOTE SO_REUSEPORT",
                "c-server/src/server.c:30:33: ERROR TCP_FASTOPEN",
                "c-server/src/server.c:36:20: WARNING SO_KEEPALIVE",
                "c-server/src/server.c:40:56: WARNING TCP_KEEPIDLE",
                "c-server/src/server.c:50:32: NOTE SO_ERROR",
                "c-server/src/server.c:51:33: NOTE TCP_INFO",
                "c-server/src/server.c:58:31: ERROR MSG_FASTOPEN");
    }

    @Test
    void scan_fastOpenFinding_carriesFallbackCodeAndBilingualMessage() {
        LintFinding f = SCANNER.scan("srv.c", "void f(int fd){int q=5;\n  setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &q, sizeof q);}\n")
                .get(0);

        assertThat(f.ruleId()).isEqualTo("SMC-SOCKOPT-TCP_FASTOPEN");
        assertThat(f.usage()).isEqualTo(LintFinding.Usage.SET);
        assertThat(f.symbol()).isEqualTo("TCP_FASTOPEN");
        assertThat(f.advice().fallbackCodes()).containsExactly("0x03060000");
        assertThat(f.toCompilerLine(Language.EN)).isEqualTo("srv.c:2:31: error: TCP_FASTOPEN (SOL_TCP): not supported on "
                + "SMC sockets: falls back to TCP with 0x03060000 ("
                + Catalog.bundled().reasonCode(0x03060000).orElseThrow().title().en() + "). " + f.advice().advice(Language.EN));
        assertThat(f.message(Language.JA)).contains("TCP へフォールバック").contains("0x03060000")
                .contains(f.advice().advice(Language.JA));
    }

    @Test
    void scan_commentsAndStrings_yieldNothing() {
        String c = "// setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, 4);\n"
                + "/* setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, 4); */\n"
                + "const char *s = \"setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, 4)\";\n"
                + "char q = '\"'; int x = 1; /* \" */\n";
        String py = "# s.setsockopt(socket.SOL_TCP, socket.TCP_FASTOPEN, 5)\n"
                + "x = '''\ns.setsockopt(socket.SOL_TCP, socket.TCP_FASTOPEN, 5)\n'''\n"
                + "y = \"s.sendto(b'', socket.MSG_FASTOPEN, a)\"\n";
        String go = "var s = `unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_FASTOPEN, 1)`\n";
        String rust = "/* a /* nested */ libc::setsockopt(fd, libc::SOL_TCP, libc::TCP_FASTOPEN, p, l) */\n"
                + "let h = r##\"s.set_keepalive(true) \"# still\"##;\n";

        assertThat(SCANNER.scan("a.c", c)).isEmpty();
        assertThat(SCANNER.scan("a.py", py)).isEmpty();
        assertThat(SCANNER.scan("a.go", go)).isEmpty();
        assertThat(SCANNER.scan("a.rs", rust)).isEmpty();
    }

    @Test
    void scan_rustLifetimeBeforeCall_doesNotHideIt() {
        String rust = "fn f<'a>(s: &'a Socket) { s.set_keepalive(true).ok(); }\n";

        assertThat(describe(SCANNER.scan("lib.rs", rust))).containsExactly("lib.rs:1:29: WARNING SO_KEEPALIVE");
    }

    @Test
    void scan_otherLevelsAndUnknownOptions_areIgnored() {
        String c = "setsockopt(fd, IPPROTO_IP, IP_TOS, &t, sizeof t);\n"
                + "setsockopt(fd, SOL_SMC, SMC_LIMIT_HS, &on, sizeof on);\n"
                + "setsockopt(fd, SOL_TCP, TCP_NOT_A_REAL_OPTION, &on, sizeof on);\n"
                + "int setsockopt(int fd, int level, int name, const void *v, socklen_t l);\n";

        assertThat(SCANNER.scan("x.c", c)).isEmpty();
    }

    @Test
    void scan_levelInVariable_infersLevelFromName() {
        String c = "int lvl = pick();\nsetsockopt(fd, lvl, TCP_FASTOPEN_CONNECT, &on, sizeof on);\n";

        assertThat(describe(SCANNER.scan("x.cc", c))).containsExactly("x.cc:2:21: ERROR TCP_FASTOPEN_CONNECT");
    }

    @Test
    void scan_javaStaticImports_flagBareOptionNames() {
        String java = "import static io.netty.channel.ChannelOption.TCP_FASTOPEN_CONNECT;\n"
                + "import static java.net.StandardSocketOptions.*;\n"
                + "class C {\n"
                + "  void f(Bootstrap b, Socket s) throws Exception {\n"
                + "    b.option(TCP_FASTOPEN_CONNECT, true);\n"
                + "    s.setOption(SO_KEEPALIVE, true);\n"
                + "    b.option(SO_BACKLOG, 128);\n"
                + "  }\n"
                + "}\n";

        assertThat(describe(SCANNER.scan("C.java", java))).containsExactly(
                "C.java:5:14: ERROR TCP_FASTOPEN_CONNECT",
                "C.java:6:17: WARNING SO_KEEPALIVE");
    }

    @Test
    void scan_javaBareNamesWithoutStaticImport_areNotFlagged() {
        String java = "class C { static final int TCP_FASTOPEN = 1; void f(Cfg b) { b.option(TCP_FASTOPEN, 2); } }\n";

        assertThat(SCANNER.scan("C.java", java)).isEmpty();
    }

    @Test
    void scan_crlfLineEnds_keepColumns() {
        String py = "import socket\r\ns = socket.socket()\r\ns.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 5)\r\n";

        assertThat(describe(SCANNER.scan("c.py", py))).containsExactly("c.py:3:34: ERROR TCP_FASTOPEN");
    }

    @Test
    void scan_unknownExtension_yieldsNothing() {
        assertThat(SCANNER.scan("notes.txt", "setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, 4);")).isEmpty();
    }

    @Test
    void scan_garbageText_neverThrowsAndIsBounded() {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        String alphabet = "setsockopt(,SOL_TCP TCP_FASTOPEN)\"'/*#`r#\\\n{}[]MSG_FASTOPEN sendto(";
        for (int i = 0; i < 200_000; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        for (SourceLanguage lang : SourceLanguage.values()) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> SCANNER.scan(lang, "fuzz", text));
        }
        assertThat(SCANNER.scan(SourceLanguage.C, "empty.c", "")).isEmpty();
        assertThat(SCANNER.scan(SourceLanguage.C, "cut.c", "setsockopt(fd, SOL_TCP, TCP_FASTOPEN")).isEmpty();
    }

    @Test
    void scan_binaryAndOversizedFiles_areSkippedWithReason(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("blob.c"), new byte[] {'i', 'n', 't', 0, 1, 2});
        Files.writeString(dir.resolve("big.py"), "x = 1\n".repeat(100), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ok.go"), "package p\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), "setsockopt(fd, SOL_TCP, TCP_FASTOPEN)", StandardCharsets.UTF_8);
        SourceScanner small = SourceScanner.builder(ADVISOR).maxFileBytes(100).build();

        LintReport report = small.scan(List.of(dir), dir);

        assertThat(report.filesScanned()).isEqualTo(1);
        assertThat(report.skipped()).extracting(SkippedFile::file, SkippedFile::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("big.py", "larger than the limit of 100 bytes (600 bytes)"),
                org.assertj.core.groups.Tuple.tuple("blob.c", "binary content (NUL byte at offset 3)"));
    }

    @Test
    void scan_missingPath_throwsNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> SCANNER.scan(List.of(missing), dir))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nope");
    }
}
