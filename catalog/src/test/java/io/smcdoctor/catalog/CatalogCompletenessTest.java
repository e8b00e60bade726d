package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled catalog covers every fact of the seed FAQ and the reference. */
class CatalogCompletenessTest {
    private static final Catalog CATALOG = Catalog.bundled();
    /** The seed next to the repository ({@code <repo>/../shared/seed}); tests run in the module directory. */
    private static final Path SEED = Path.of(System.getProperty("smcdoctor.seed",
            Path.of("..", "..", "shared", "seed", "alinux3-smc-faq.ja.txt").toString()));

    static List<String> lines(String resource) {
        try (InputStream in = CatalogCompletenessTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> seedCodes() {
        return lines("/seed/seed-codes.txt").stream();
    }

    static Stream<Arguments> seedSockopts() {
        return lines("/seed/seed-sockopts.tsv").stream().map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], Integer.parseInt(f[2]), f[3]));
    }

    static Stream<Arguments> mainlineConstants() {
        return lines("/seed/mainline-constants.tsv").stream().map(l -> l.split("\t", -1))
                .map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    /** Values of earlier kernels ({@code legacy-constants.tsv}: code, kernel constant). */
    static Stream<Arguments> legacyConstants() {
        return lines("/seed/legacy-constants.tsv").stream().map(l -> l.split("\t", -1))
                .map(f -> Arguments.of(f[0], f[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedCodes")
    void seedCode_isInCatalog_withCauses(String hex) {
        int code = Integer.parseUnsignedInt(hex.substring(2), 16);
        ReasonCode rc = CATALOG.reasonCode(code).orElseThrow(() -> new AssertionError("missing " + hex));
        assertThat(rc.hex()).isEqualTo(hex);
        assertThat(rc.causes()).as("causes of %s", hex).isNotEmpty();
        assertThat(rc.references()).anyMatch(r -> r.startsWith("seed"));
        assertThat(rc.origin()).isNotEqualTo(Origin.LEGACY);
    }

    @Test
    void seedCodes_listEachCodeOnce() {
        assertThat(seedCodes()).doesNotHaveDuplicates().isNotEmpty();
    }

    private static Set<Integer> codesOf(Stream<String> hex) {
        Set<Integer> out = new LinkedHashSet<>();
        hex.forEach(h -> out.add(Integer.parseUnsignedInt(h.substring(2), 16)));
        return out;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mainlineConstants")
    void mainlineConstant_hasNameAndStatsName(String hex, String constant, String statsName) {
        ReasonCode rc = CATALOG.reasonCode(Integer.parseUnsignedInt(hex.substring(2), 16)).orElseThrow();
        assertThat(rc.name()).isEqualTo(constant);
        assertThat(rc.statsName()).isEqualTo(statsName);
        assertThat(rc.origin()).isEqualTo(Origin.MAINLINE);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("legacyConstants")
    void legacyConstant_isPresentAndMarked(String hex, String constant) {
        ReasonCode rc = CATALOG.reasonCode(Integer.parseUnsignedInt(hex.substring(2), 16)).orElseThrow();
        assertThat(rc.name()).isEqualTo(constant);
        assertThat(rc.origin()).isEqualTo(Origin.LEGACY);
    }

    @Test
    void everyCode_isFromTheSeedMainlineOrAnEarlierKernel() {
        Set<Integer> sourced = codesOf(seedCodes());
        sourced.addAll(codesOf(mainlineConstants().map(a -> (String) a.get()[0])));
        sourced.addAll(codesOf(legacyConstants().map(a -> (String) a.get()[0])));
        assertThat(CATALOG.reasonCodes()).extracting(ReasonCode::code).containsExactlyInAnyOrderElementsOf(sourced);
    }

    @Test
    void unusedCodes_followTheSeed() {
        // the seed's "not used" codes, except 0x03050000: Linux declines with it when a (non-Linux) peer asks for
        // RMBE eyecatchers (af_smc.c smcr_clnt_conf_first_link / smcr_serv_conf_first_link, smc_llc_eval_conf_link)
        assertThat(CATALOG.reasonCodes().stream().filter(ReasonCode::unused).map(ReasonCode::hex))
                .containsExactlyInAnyOrder("0x02020000", "0x03030006");
        assertThat(CATALOG.reasonCode(0x03050000).orElseThrow().unused()).isFalse();
    }

    @Test
    void noSmcDev_hasTheFourSeedCausesAndNoUeid_inOrder() {
        // the seed's four causes and the no-UEID cause first (the baseline offers a code's causes in catalog order),
        // then the causes the kernel also reports as NOSMCDEV (af_smc.c smc_find_rdma_v2_device_serv,
        // smc_listen_find_device before 4abbd2e3c1db, smc_pnet.c, smc_ib.c smc_ib_determine_gid_rcu)
        assertThat(CATALOG.reasonCode(0x03030000).orElseThrow().causes()).extracting(Cause::id).startsWith(
                "nosmcdev-no-rdma-device", "nosmcdev-nic-without-erdma", "nosmcdev-rdma-netns-exclusive",
                "nosmcdev-ipv6", "nosmcdev-no-ueid").contains("nosmcdev-ueid-mismatch", "diffprefix-different-subnet");
        assertThat(CATALOG.reasonCode(0x03030000).orElseThrow().causes()).filteredOn(c -> c.id().equals(
                "diffprefix-different-subnet")).singleElement().isSameAs(
                CATALOG.cause("diffprefix-different-subnet").orElseThrow());
    }

    @ParameterizedTest(name = "{1}:{0}")
    @MethodSource("seedSockopts")
    void seedSockopt_hasSeedSupportAndValue(String seedName, String level, int value, String support) {
        String name = seedName.contains("/") ? seedName.substring(0, seedName.indexOf('/')) : seedName;
        SocketOption o = CATALOG.socketOption(SockoptLevel.valueOf(level), name).orElseThrow();
        assertThat(o.name()).isEqualTo(name);
        assertThat(o.support()).isEqualTo(Support.valueOf(support));
        assertThat(o.value()).isEqualTo(value);
        assertThat(CATALOG.socketOption(SockoptLevel.valueOf(level), value)).contains(o);
        if (o.support() == Support.N) {
            assertThat(o.fallbackCodes()).isNotEmpty();
        } else {
            assertThat(o.fallbackCodes()).isEmpty();
        }
    }

    @Test
    void sockoptRows_perLevel_matchTheSeedTable() {
        // one catalog row per seed row (TCP_CM_INQ/TCP_INQ is one row with an alias)
        for (SockoptLevel level : SockoptLevel.values()) {
            long seedRows = seedSockopts().filter(a -> a.get()[1].equals(level.name())).count();
            assertThat(CATALOG.socketOptions().stream().filter(o -> o.level() == level)).as("%s", level)
                    .hasSize((int) seedRows);
        }
    }

    @Test
    void fastOpenOptions_fallBackWithOptUnsupp_andTcpUlpHasKernelNote() {
        for (String n : List.of("TCP_FASTOPEN", "TCP_FASTOPEN_CONNECT", "TCP_FASTOPEN_KEY", "TCP_FASTOPEN_NO_COOKIE")) {
            assertThat(CATALOG.socketOption(n).orElseThrow().fallbackCodes()).containsExactly(0x03060000);
        }
        SocketOption ulp = CATALOG.socketOption("TCP_ULP").orElseThrow();
        assertThat(ulp.support()).isEqualTo(Support.N);
        assertThat(ulp.kernelNotes()).anyMatch(k -> k.text().en().contains("EOPNOTSUPP"));
    }

    @Test
    void everyCauseIdOfTheSharedIdList_isInCatalog() {
        for (String id : lines("/seed/catalog-cause-ids.txt")) {
            assertThat(CATALOG.cause(id)).as(id).isPresent();
        }
    }

    @Test
    void symptoms_haveTheSharedIds_andRefsResolve() {
        assertThat(CATALOG.symptoms()).extracting(Symptom::id).startsWith("no-speedup", "smcr-breaks-some-peers",
                "smc-run-no-effect", "reserved-ports-erdma-oob", "ipv6-fallback", "smc-in-container", "high-pps-slower",
                "ops-tools-blind",
                "gpu-scc-ofed", "sockopt-unsupported", "smc-unavailable", "smc-status")
                .contains("kernel-crash-or-hang", "connections-dropped-rdma-change", "smcss-fails", "bind-eaddrinuse",
                        "tcp-fast-open");
        Symptom ipv6 = CATALOG.symptom("ipv6-fallback").orElseThrow();
        assertThat(ipv6.causes()).singleElement().isSameAs(CATALOG.cause("nosmcdev-ipv6").orElseThrow());
        assertThat(CATALOG.symptom("smc-run-no-effect").orElseThrow().causes()).extracting(Cause::id)
                .containsExactly("smc-run-static-binary", "peernosmc-peer-without-smc");
        assertThat(CATALOG.cause("rdma-traffic-invisible-to-tcp-tools").orElseThrow().severity())
                .isEqualTo(Severity.WARNING);
        assertThat(CATALOG.cause("smc-working").orElseThrow().severity()).isEqualTo(Severity.INFO);
        // a symptom may name causes defined under reason codes and under other symptoms
        assertThat(CATALOG.symptom("smc-in-container").orElseThrow().causes()).extracting(Cause::id)
                .startsWith("nosmcdev-rdma-netns-exclusive", "nosmcrdev-rdma-netns-exclusive", "no-smc-sockets");
        assertThat(CATALOG.symptom("smc-in-container").orElseThrow().causes().get(2))
                .isSameAs(CATALOG.cause("no-smc-sockets").orElseThrow());
    }

    @Test
    void seedText_codesAndRows_matchCatalog() throws IOException {
        Path seed = SEED;
        Assumptions.assumeTrue(Files.exists(seed), "seed FAQ not available at " + seed.toAbsolutePath());
        String text = Files.readString(seed);
        Set<Integer> codes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("0x([0-9a-fA-F]{8})").matcher(text);
        while (m.find()) {
            codes.add(Integer.parseUnsignedInt(m.group(1), 16));
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(codesOf(seedCodes()));
        for (int c : codes) {
            assertThat(CATALOG.reasonCode(c)).as(ReasonCode.hex(c)).isPresent();
        }
        // the table lists an option name on one line and its support letter on the next non-blank line
        List<String[]> rows = new ArrayList<>();
        String level = null;
        String pending = null;
        for (String raw : text.lines().toList()) {
            String l = raw.trim();
            if (l.startsWith("SOL_SOCKET レベル")) {
                level = "SOL_SOCKET";
            } else if (l.startsWith("SOL_TCP レベル")) {
                level = "SOL_TCP";
            } else if (level != null && l.matches("(SO|TCP)_[A-Z0-9_/]+")) {
                pending = l;
            } else if (pending != null && l.matches("[YMN]")) {
                rows.add(new String[] {level, pending, l});
                pending = null;
            }
        }
        assertThat(rows).hasSize((int) seedSockopts().count());
        for (String[] r : rows) {
            String name = r[1].split("/")[0];
            SocketOption o = CATALOG.socketOption(SockoptLevel.valueOf(r[0]), name).orElseThrow(
                    () -> new AssertionError("missing " + r[1]));
            assertThat(o.support().name()).as(r[1]).isEqualTo(r[2]);
            for (String alias : r[1].split("/")) {
                assertThat(CATALOG.socketOption(alias.toLowerCase(Locale.ROOT))).as(alias).contains(o);
            }
        }
    }
}
