package io.smcdoctor.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.SocketOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asserts what {@code src/lab/lab-e2e.sh} produced on a real 6.12 kernel (Maven profile {@code lab}): the
 * smc-lab's own bundles, and this project's CLI run inside the client guest during {@code smcr-ok} ({@code
 * collect} live with the socket probe connected to the lab's SMC-R server, {@code diagnose} of that bundle and
 * live). Skipped, with the script's one-line reason, when the lab could not start.
 */
class LabIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FASTOPEN = Set.of("TCP_FASTOPEN", "TCP_FASTOPEN_CONNECT", "TCP_FASTOPEN_NO_COOKIE");
    private static final String MEASURED = "upstream 6.12 (measured)";
    /** Fallback codes the 50-connection scenarios may show on a loaded host: peer declined / ERR_REGBUF. */
    private static final Pattern UNDER_LOAD = Pattern.compile("0x05000000|0x09990003");
    private Path out;

    @BeforeEach
    void labRan() throws IOException {
        out = Path.of(System.getProperty("smclab.dir", "target/smc-lab"));
        Path status = out.resolve("lab-status.txt");
        String s = Files.exists(status) ? Files.readString(status).strip() : "unavailable: no " + status;
        System.out.println("[smc-lab] " + s);
        Path time = out.resolve("lab-time.txt");
        if (Files.exists(time)) {
            System.out.println("[smc-lab] " + Files.readString(time).strip());
        }
        Assumptions.assumeTrue(s.startsWith("ran"), "SMC lab skipped: " + s);
    }

    private String text(String file) throws IOException {
        return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
    }

    private JsonNode json(String file) throws IOException {
        return JSON.readTree(out.resolve(file).toFile());
    }

    @Test
    void lab_everyScenarioMatchesItsExpectation() throws IOException {
        String summary = text("summary.md");
        List<String> rows = summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| scenario")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(18);
        // many-conns and server-limit-hs open 50 connections at once: on a loaded 2-CPU host some may time out
        // (the lab then reports "SMCR x44; socket: ETIMEDOUT"), and a few may fall back with 0x09990003 when the
        // LLC rkey exchange fails under load (captured in engine's lab-6.12-load, diagnosed by LabUnderLoadTest);
        // any other fallback code is a failure
        assertThat(rows).allSatisfy(r -> {
            if (r.startsWith("| many-conns ") || r.startsWith("| server-limit-hs ")) {
                assertThat(r).as(r).containsAnyOf("| SMCR x", "(no bundle: timed out");
                assertThat(UNDER_LOAD.matcher(r).replaceAll("")).as(r).doesNotContainPattern("0x[0-9a-f]{8}");
            } else {
                assertThat(r).as(r).endsWith("match |").doesNotContain("mismatch");
            }
        });
        assertThat(text("guest-cmd.rc").strip()).isEqualTo("0");
    }

    @Test
    void collect_liveInGuest_writesTheRealKernelsFiles() throws IOException {
        assertThat(text("collect.rc").strip()).isEqualTo("0");
        assertThat(text("collect.out")).contains("SMC module loaded");
        assertThat(text("live-bundle/sysctl.txt")).contains("net.smc.limit_smc_hs = 0", "net.smc.smcr_max_conns_per_lgr = 255");
        assertThat(text("live-bundle/uname.txt")).contains("6.12.");
        assertThat(text("live-bundle/smcr-device.txt")).contains("rxe0");
        assertThat(text("live-bundle/smcr-ueid.txt")).contains("SMC-LAB-UEID-1");
        assertThat(text("live-bundle/dmesg.txt")).contains("NET: Registered PF_SMC protocol family");
        // the lab's smcr-ok connection (client 10.10.0.2 -> server 10.10.0.1:5103) is alive while collect runs
        assertThat(text("live-bundle/smcss.txt").lines())
                .anyMatch(l -> l.contains("10.10.0.1:5103") && l.contains("SMCR"));
    }

    @Test
    void diagnose_bundleAndLive_seeTheSmcRConnectionAndReportSmcWorking() throws IOException {
        for (String f : List.of("diagnose-bundle", "diagnose-live")) {
            assertThat(text(f + ".rc").strip()).as(f).isEqualTo("0");
            JsonNode r = json(f + ".json");
            assertThat(r.path("schema").asText()).isEqualTo("smc-doctor/diagnosis/v1");
            assertThat(r.path("stats").path("smcSockets").asLong()).as(f).isGreaterThanOrEqualTo(1);
            assertThat(r.path("diagnoses").size()).as(f).isPositive();
            // no socket of this host fell back, so SMC-R working is the answer; the kernel's fallback counters hold
            // one client NOSMCDEV counted before our commands ran, which is reported as information only
            assertThat(r.path("diagnoses").get(0).path("id").asText()).as(f).isEqualTo("smc-working");
            for (JsonNode d : r.path("diagnoses")) {
                assertThat(d.path("severity").asText()).as(f + ": " + d.path("id")).isEqualTo("info");
            }
        }
        assertThat(text("diagnose-bundle.txt")).contains("SMC");
    }

    @Test
    void collect_withProbeConnect_writesTheProbeNextToTheBundle() throws IOException {
        assertThat(text("probe.rc").strip()).isEqualTo("0");
        assertThat(text("probe.out")).contains("sockopt-probe.json");
        assertThat(out.resolve("probe-bundle/smcss.txt")).exists();
    }

    @Test
    void probe_onRealKernel_opensAfSmcAndSeesFastOpenForceFallback() throws IOException {
        JsonNode p = json("probe-bundle/sockopt-probe.json");
        assertThat(p.path("kernel").asText()).startsWith("6.12.");
        List<String> sockets = new ArrayList<>();
        p.path("sockets").forEach(s -> sockets.add(s.path("protocol").asText() + " " + s.path("opened").asBoolean()
                + " " + s.path("message").asText()));
        assertThat(sockets).anyMatch(s -> s.startsWith("SMCPROTO_SMC true"));
        assertThat(sockets).anyMatch(s -> s.startsWith("SMCPROTO_SMC -> 10.10.0.1:") && s.contains("mode SMCR"));

        Catalog catalog = Catalog.bundled();
        List<SockoptTable.Measured> rows = SockoptTable.measure(catalog, p);
        assertThat(rows).hasSize(catalog.socketOptions().size());
        assertThat(rows).allSatisfy(m -> {
            assertThat(m.before()).as("before-connect " + m.option().name()).isPresent();
            assertThat(m.established()).as("established " + m.option().name()).isPresent();
        });
        for (SockoptTable.Measured m : rows) {
            if (FASTOPEN.contains(m.option().name())) {
                assertThat(m.forcesFallback()).as(m.option().name()).isTrue();
                assertThat(m.before().orElseThrow().path("fallbackCode").asText()).isEqualTo("0x03060000");
                assertThat(m.established().orElseThrow().path("errnoName").asText()).isEqualTo("EINVAL");
            } else {
                assertThat(m.forcesFallback()).as(m.option().name()).isFalse();
            }
        }
        assertThat(rows.stream().filter(m -> m.option().name().equals("TCP_NODELAY")).findFirst().orElseThrow()
                .established().orElseThrow().path("detail").asText()).contains("connection SMCR");
    }

    @Test
    void sockoptTable_docAndCatalogMatchTheMeasurement() throws IOException {
        JsonNode p = json("probe-bundle/sockopt-probe.json");
        Catalog catalog = Catalog.bundled();
        List<SockoptTable.Measured> rows = SockoptTable.measure(catalog, p);
        String doc = SockoptTable.render(rows, p.path("kernel").asText(), p.path("target").asText());
        Path docs = Path.of(System.getProperty("smclab.docs", "../docs")).resolve("sockopts-linux-6.12.md");
        if (Boolean.getBoolean("smclab.writeDoc")) {
            Files.writeString(docs, doc, StandardCharsets.UTF_8);
        }
        assertThat(docs).exists();
        assertThat(table(Files.readString(docs, StandardCharsets.UTF_8))).isEqualTo(table(doc));
        for (SockoptTable.Measured m : rows) {
            SocketOption o = m.option();
            boolean noted = o.kernelNotes().stream().map(KernelNote::kernels).anyMatch(MEASURED::equals);
            if (m.differsFromSeed()) {
                assertThat(noted).as("catalog kernel note for %s", o.name()).isTrue();
            }
        }
    }

    /** The rows of the table (level, option, seed, verdicts), without the header's run details. */
    private static List<String> table(String doc) {
        return doc.lines().filter(l -> l.startsWith("| SOL_")).toList();
    }
}
