package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import io.smcdoctor.catalog.OptionVerdict.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Socket-option verdicts per kernel: the kernel ranges of the bundled catalog as release strings meet them, and the
 * validation of the {@code kernelVerdicts} fields. The expected verdicts are the kernel facts themselves:
 * SO_REUSEPORT fails with EOPNOTSUPP on AF_SMC since "net: restrict SO_REUSEPORT to inet sockets" (5b0af621c3f6,
 * mainline 6.13; stable 6.12.9, 6.6.70, 6.1.124, 5.15.176 per the stable announcements), and was accepted but not
 * applied to the CLC listen socket before "net/smc: Support SO_REUSEPORT" (6.1).
 */
class KernelVerdictTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path tmp;

    private static OptionVerdict reuseport(String kernel) {
        return CATALOG.socketOption("SO_REUSEPORT").orElseThrow()
                .verdictFor(TargetKernel.parse(kernel).orElseThrow());
    }

    private static String letters(OptionVerdict v) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : v.outcomes()) {
            sb.append(o.support());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "SO_REUSEPORT on {0}: {1}")
    @CsvSource({
        // mainline releases with the change, and the stable backports from their first patch level on
        "6.13, N", "6.14.2, N", "6.12.9, N", "6.12.117+deb12-amd64, N", "6.6.70, N", "6.1.124, N",
        "5.15.176, N", "6.12.10-200.fc41.x86_64, N",
        // the same stable series before the backport: 6.1 .. 6.12 work (the seed's Y), 5.15 is before 6.1 (M)
        "6.12.8, Y", "6.6.69, Y", "6.1.123, Y", "6.1.0, Y", "6.8.0, Y", "6.11.11, Y", "5.15.175, M", "5.10.200, M",
        "4.19.0, M",
        // Alibaba Cloud Linux kernels: the seed FAQ's verdict
        "5.10.134-16.al8.x86_64, Y", "seed, Y",
        // undecided: the series has a backport and the patch level is unknown (Debian/Ubuntu ABI numbering,
        // a bare series), a release candidate of 6.13, a vendor kernel, no kernel at all
        "6.1.0-18-amd64, NY", "6.12, NY", "5.15.0-91-generic, NM", "6.13.0-rc3, NY",
        "4.18.0-553.el8_10.x86_64, NMY", "any, NMY", "mainline, NMY"})
    void soReuseport_verdictPerKernel(String kernel, String expected) {
        OptionVerdict v = reuseport(kernel);
        assertThat(letters(v)).isEqualTo(expected);
        assertThat(v.definite()).isEqualTo(expected.length() == 1);
        assertThat(v.strictest().name()).isEqualTo(expected.contains("N") ? "N" : expected.contains("M") ? "M" : "Y");
    }

    @Test
    void soReuseport_onAKernelWithTheChange_failsWithEopnotsuppWithoutFallback() {
        Outcome o = reuseport("6.12.9").outcomes().get(0);
        assertThat(o.errno()).contains("EOPNOTSUPP");
        assertThat(o.fallbackCodes()).isEmpty();
        assertThat(o.range().orElseThrow().commit()).contains("5b0af621c3f6");
        assertThat(o.kernels().en()).isEqualTo("mainline 6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+");
        assertThat(reuseport("6.12.8").outcomes().get(0).seed()).isTrue();
    }

    @Test
    void soPeekOffZerocopyUlp_failOnEveryMainlineKernelWhereTheSeedFallsBack() {
        for (String name : List.of("SO_PEEK_OFF", "SO_ZEROCOPY", "TCP_ULP")) {
            SocketOption o = CATALOG.socketOption(name).orElseThrow();
            Outcome mainline = o.verdictFor(TargetKernel.parse("6.12.117+deb12-amd64").orElseThrow()).outcomes()
                    .get(0);
            assertThat(mainline.support()).isEqualTo(Support.N);
            assertThat(mainline.errno()).as(name).contains("EOPNOTSUPP");
            Outcome seed = o.verdictFor(TargetKernel.parse("seed").orElseThrow()).outcomes().get(0);
            assertThat(seed.seed()).isTrue();
            assertThat(seed.errno()).isEmpty();
            assertThat(seed.fallbackCodes()).containsExactly(0x03010001);
        }
        // TCP_ULP before "smc: disallow TCP_ULP in smc_setsockopt()" (5.13, stable 5.10.38): forwarded, falls back
        SocketOption ulp = CATALOG.socketOption("TCP_ULP").orElseThrow();
        assertThat(ulp.verdictFor(TargetKernel.parse("5.10.37").orElseThrow()).outcomes().get(0).fallbackCodes())
                .containsExactly(0x03060000);
        assertThat(ulp.verdictFor(TargetKernel.parse("5.10.38").orElseThrow()).outcomes().get(0).errno())
                .contains("EOPNOTSUPP");
    }

    @Test
    void optionWithoutKernelRanges_hasTheSeedVerdictOnEveryKernel() {
        SocketOption tfo = CATALOG.socketOption("TCP_FASTOPEN").orElseThrow();
        for (String k : List.of("any", "6.12.9", "seed", "4.18.0-553.el8_10.x86_64")) {
            OptionVerdict v = tfo.verdictFor(TargetKernel.parse(k).orElseThrow());
            assertThat(v.definite()).isTrue();
            assertThat(v.outcomes().get(0).fallbackCodes()).containsExactly(0x03060000);
        }
    }

    /**
     * The SMC lab measured every catalog option on 6.12.117+deb12-amd64 (docs/sockopts-linux-6.12.md, generated by
     * LabIT from the probe run in the lab): where a kernel range decides an option on that kernel with an errno, the
     * measurement is that errno in both phases; where it decides a fallback, the measurement is a fallback.
     */
    @Test
    void verdictsOnTheMeasuredKernel_agreeWithTheLabMeasurement() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("smcdoctor.docs", "../docs"))
                .resolve("sockopts-linux-6.12.md"), StandardCharsets.UTF_8);
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("upstream Linux (\\S+) \\(measured\\)").matcher(doc);
        assertThat(k.find()).isTrue();
        TargetKernel measured = TargetKernel.parse(k.group(1)).orElseThrow();
        assertThat(measured.text()).isEqualTo("6.12.117+deb12-amd64");
        int checked = 0;
        for (String row : doc.lines().filter(l -> l.startsWith("| SOL_")).toList()) {
            String[] c = row.split("\\|");
            String name = c[2].strip().replace("`", "");
            SocketOption o = CATALOG.socketOption(name).orElseThrow();
            OptionVerdict v = o.verdictFor(measured);
            if (o.kernelVerdicts().isEmpty() || !v.definite() || v.outcomes().get(0).seed()) {
                continue;
            }
            Outcome out = v.outcomes().get(0);
            if (out.errno().isPresent()) {
                assertThat(c[5].strip()).as(name + " before connect").isEqualTo("error " + out.errno().get());
                assertThat(c[6].strip()).as(name + " established").isEqualTo("error " + out.errno().get());
            } else {
                assertThat(c[5].strip()).as(name).startsWith("fallback");
            }
            checked++;
        }
        // SO_REUSEPORT, SO_PEEK_OFF, SO_ZEROCOPY, TCP_ULP
        assertThat(checked).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"6.12.9, MAINLINE, 6, 12, 9, false", "6.1.0-18-amd64, MAINLINE, 6, 1, -1, false",
        "6.1.0, MAINLINE, 6, 1, 0, false", "5.10.134-16.al8.x86_64, SEED, 5, 10, 134, false",
        "4.18.0-553.el8_10.x86_64, VENDOR, 4, 18, -1, false", "6.13.0-rc3, MAINLINE, 6, 13, 0, true",
        "upstream-6.12, MAINLINE, 6, 12, -1, false", "Linux-6.6.70, MAINLINE, 6, 6, 70, false"})
    void targetKernel_parsesReleaseStrings(String text, TargetKernel.Kind kind, int major, int minor, int patch,
                                           boolean pre) {
        TargetKernel k = TargetKernel.parse(text).orElseThrow();
        assertThat(k.kind()).isEqualTo(kind);
        assertThat(k.major()).isEqualTo(major);
        assertThat(k.minor()).isEqualTo(minor);
        assertThat(k.patch()).isEqualTo(patch);
        assertThat(k.preRelease()).isEqualTo(pre);
    }

    @Test
    void targetKernel_refusesWhatIsNoKernel() {
        assertThat(TargetKernel.parse("latest")).isEmpty();
        assertThat(TargetKernel.parse("6")).isEmpty();
        assertThat(TargetKernel.parse("6.12x")).isEmpty();
    }

    private List<Problem> problems(String verdicts) throws IOException {
        Path p = tmp.resolve("overlay.yaml");
        Files.writeString(p, "schema: smc-doctor/catalog/v1\nsocketOptions:\n"
                + "  - name: SO_SITE_OPTION\n    level: SOL_SOCKET\n    value: 300\n    support: Y\n"
                + "    note: {en: \"Site note.\", ja: \"サイトの注記。\"}\n"
                + "    kernelVerdicts:\n" + verdicts, StandardCharsets.UTF_8);
        try {
            Catalog.load(p);
        } catch (KnowledgeValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected a validation error");
    }

    private static final String NOTE = "        note: {en: \"Why.\", ja: \"理由。\"}\n";

    @Test
    void load_kernelVerdicts_validRangeIsRead() throws IOException {
        Path p = tmp.resolve("ok.yaml");
        Files.writeString(p, "schema: smc-doctor/catalog/v1\nsocketOptions:\n"
                + "  - name: SO_SITE_OPTION\n    level: SOL_SOCKET\n    value: 300\n    support: Y\n"
                + "    note: {en: \"Site note.\", ja: \"サイトの注記。\"}\n"
                + "    kernelVerdicts:\n      - support: N\n        since: \"6.20\"\n        stable: [\"6.18.4\"]\n"
                + "        errno: EOPNOTSUPP\n        commit: 0123456789ab\n" + NOTE, StandardCharsets.UTF_8);
        SocketOption o = Catalog.load(p).socketOption("SO_SITE_OPTION").orElseThrow();
        KernelVerdict v = o.kernelVerdicts().get(0);
        assertThat(v.since()).contains("6.20");
        assertThat(v.stable()).containsExactly("6.18.4");
        assertThat(o.verdictFor(TargetKernel.parse("6.18.4").orElseThrow()).strictest()).isEqualTo(Support.N);
        assertThat(o.verdictFor(TargetKernel.parse("6.18.3").orElseThrow()).strictest()).isEqualTo(Support.Y);
    }

    @Test
    void load_kernelVerdicts_everyMistakeIsReported() throws IOException {
        assertThat(problems("      - support: N\n        errno: EOPNOTSUPP\n" + NOTE)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("a kernel verdict needs a range: since, before or stable"));
        assertThat(problems("      - support: N\n        since: \"6.13\"\n        stable: [\"6.12\", \"6.14.1\"]\n"
                + "        errno: EOPNOTSUPP\n" + NOTE)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("stable release '6.12' must be major.minor.patch"))
                .anySatisfy(m -> assertThat(m).contains("stable release 6.14.1 is not a backport"));
        assertThat(problems("      - support: N\n        since: \"6.13\"\n" + NOTE)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("a kernel verdict N needs errno"));
        assertThat(problems("      - support: M\n        before: \"6.1\"\n        errno: eopnotsupp\n" + NOTE))
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("errno must be a name such as EOPNOTSUPP"));
        assertThat(problems("      - support: M\n        before: \"6.1\"\n        errno: EOPNOTSUPP\n" + NOTE))
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("errno and fallbackCodes are only for support N"));
        assertThat(problems("      - support: Y\n        before: \"6.1\"\n" + NOTE)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("says what the seed verdict says"));
        assertThat(problems("      - support: N\n        since: \"6.1\"\n        before: \"5.10\"\n"
                + "        fallbackCodes: [0x0e0e0e0e]\n        commit: XYZ\n" + NOTE)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("kernel range is empty: since 6.1 is not before 5.10"))
                .anySatisfy(m -> assertThat(m).contains("commit must be 12 to 40 lower-case hex digits"))
                .anySatisfy(m -> assertThat(m).contains("0x0e0e0e0e"));
        assertThat(problems("      - support: N\n        since: \"6.13\"\n        errno: EOPNOTSUPP\n"
                + "        note: {en: \"Why.\"}\n")).isNotEmpty();
    }
}
