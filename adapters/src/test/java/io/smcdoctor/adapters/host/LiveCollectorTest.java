package io.smcdoctor.adapters.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.CollectedCommand;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.BundleTestArchives;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LiveCollectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T16:10:08Z"), ZoneOffset.UTC);
    /** A sleep no other process on the machine uses, to find leftovers of the timed-out command. */
    private static final String SLEEP_SECONDS = "4242.5";

    @TempDir
    Path tmp;

    private Path tools;
    private Path proc;
    private final Path lab = BundleTestArchives.resource("bundle/no-ueid-server");

    @BeforeEach
    void fakeHost() throws IOException {
        tools = Files.createDirectories(tmp.resolve("tools"));
        script("smcss", "case \"$*\" in\n"
                + "  -v) echo 'smcss utility, smc-tools-1.8.5' >&2 ;;\n"
                + "  '-a -R') exec /bin/cat '" + lab.resolve("smcss-R.txt") + "' ;;\n"
                + "  '-a -d') exec /bin/cat '" + lab.resolve("smcss-d.txt") + "' ;;\n"
                + "  *) exec /bin/cat '" + lab.resolve("smcss.txt") + "' ;;\n"
                + "esac\n");
        script("smcr", "case \"$*\" in\n"
                + "  '-d stats') /bin/sleep " + SLEEP_SECONDS + " ;;\n"
                + "  '-d device') exec /bin/cat '" + lab.resolve("smcr-device.txt") + "' ;;\n"
                + "  *) echo 'Error: SMC module not loaded' >&2; exit 1 ;;\n"
                + "esac\n");
        script("dmesg", "echo 'dmesg: read kernel buffer failed: Operation not permitted' >&2\nexit 1\n");
        script("journalctl", "exec /bin/cat '" + lab.resolve("dmesg.txt") + "'\n");
        script("uname", "echo 'Linux testhost 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux'\n");
        script("lsmod", "echo 'Module                  Size  Used by'\nexit 3\n");
        script("rdma", "case \"$1\" in\n"
                + "  dev) i=0; while [ $i -lt 2000 ]; do echo \"$i: rxe$i: node_type ca node_guid 5054:00ff:fe5c:0001\"; i=$((i+1)); done ;;\n"
                + "  *) echo 'netns shared copy-on-fork on' ;;\n"
                + "esac\n");
        proc = tmp.resolve("proc");
        write("sys/kernel/hostname", "testhost\n");
        write("sys/kernel/osrelease", "6.12.117+deb12-amd64\n");
        write("sys/net/smc/autocorking_size", "65536\n");
        write("sys/net/smc/limit_smc_hs", "0\n");
        write("sys/net/ipv6/conf/all/disable_ipv6", "0\n");
        write("sys/net/ipv6/conf/eth0.100/disable_ipv6", "1\n");
        write("sys/net/core/rmem_max", "212992\n");
        write("sys/net/core/wmem_max", "212992\n");
    }

    private LiveCollector.Builder collector() {
        FakeLibc libc = new FakeLibc();
        libc.socketErrno = 97;
        return LiveCollector.builder().searchPath(List.of(tools)).procRoot(proc).clock(CLOCK)
                .commandTimeout(Duration.ofMillis(1500))
                .socketProbe(SocketProbe.using(libc, true, proc, CLOCK));
    }

    @Test
    @Timeout(60)
    void collect_fakeTools_recordsEveryCommandAndKillsTheHungOne() throws IOException {
        Path out = tmp.resolve("bundle");

        LiveCollector.Result r = collector().build().collect(out);

        assertThat(command(r, "smcss -a")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("ok");
            assertThat(c.exitCode()).isZero();
            assertThat(c.file()).isEqualTo("smcss.txt");
        });
        assertThat(command(r, "smcr -d stats")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("timeout");
            assertThat(c.exitCode()).isEqualTo(-1);
            assertThat(c.durationMillis()).isBetween(1500L, 15_000L);
        });
        assertThat(leftoverSleeps()).as("the timed-out command's process tree was killed").isEmpty();
        assertThat(command(r, "smcr info")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("error");
            assertThat(c.exitCode()).isEqualTo(1);
        });
        assertThat(command(r, "lsmod").exitCode()).isEqualTo(3);
        assertThat(command(r, "dmesg").status()).isEqualTo("error");
        assertThat(command(r, "journalctl -k -b --no-pager").status()).isEqualTo("ok");
        assertThat(command(r, "ibv_devinfo -v").status()).isEqualTo("not-installed");
        assertThat(command(r, "smcd -d device").status()).isEqualTo("not-installed");
        assertThat(command(r, "smc_pnet -s").status()).isEqualTo("not-installed");
        // every command of the evidence-spec registry, the journalctl fallback of dmesg, the /proc/sys read and the
        // socket probe
        long registryCommands = EvidenceSpecs.all().stream().mapToLong(s -> s.commands().size()).sum();
        assertThat(registryCommands).isGreaterThanOrEqualTo(21);
        assertThat(r.commands()).hasSize((int) registryCommands + 3);
        assertThat(r.smcModuleLoaded()).isTrue();
        assertThat(r.host()).isEqualTo("testhost");
        assertThat(r.notes()).contains("not installed (not on the search path): smc_pnet, smcd, ip, ibv_devinfo")
                .contains("socket(AF_SMC): SMC not available in this kernel (EAFNOSUPPORT)");

        assertThat(out.resolve("smcss.txt")).hasSameBinaryContentAs(lab.resolve("smcss.txt"));
        assertThat(out.resolve("smcss-R.txt")).hasSameBinaryContentAs(lab.resolve("smcss-R.txt"));
        assertThat(out.resolve("smcr-device.txt")).hasSameBinaryContentAs(lab.resolve("smcr-device.txt"));
        assertThat(out.resolve("dmesg.txt")).hasSameBinaryContentAs(lab.resolve("dmesg.txt"));
        assertThat(out.resolve("smcr-info.txt")).hasContent("Error: SMC module not loaded");
        assertThat(out.resolve("ibv_devinfo.txt")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("sysctl.txt"))).containsExactly(
                "net.smc.autocorking_size = 65536",
                "net.smc.limit_smc_hs = 0",
                "net.ipv6.conf.all.disable_ipv6 = 0",
                "net.ipv6.conf.eth0/100.disable_ipv6 = 1",
                "net.core.rmem_max = 212992",
                "net.core.wmem_max = 212992");
        assertThat(Files.readString(out.resolve("manifest.json")))
                .contains("\"smc-tools\" : \"1.8.5\"", "\"host\" : \"testhost\"", "\"time\" : \"2026-11-26T16:10:08Z\"");
    }

    @Test
    @Timeout(60)
    void collect_bundleReadsBackWithManifestAndProbe() {
        Path out = tmp.resolve("bundle");
        LiveCollector.Result r = collector().build().collect(out);

        Evidence ev = EvidenceBundle.read(out);

        assertThat(ev.facts(CollectedCommand.class)).extracting(c -> String.join(" ", c.argv()) + "=" + c.status())
                .containsExactlyElementsOf(r.commands().stream()
                        .map(c -> String.join(" ", c.argv()) + "=" + c.status()).toList());
        assertThat(ev.facts(SocketProbeOutcome.class)).extracting(SocketProbeOutcome::errnoName)
                .containsExactly("EAFNOSUPPORT", "EAFNOSUPPORT");
        assertThat(ev.sources()).containsEntry("smcss-R.txt", SourceKind.SMCSS)
                .containsEntry("smcss-smcd.txt", SourceKind.SMCSS)
                .containsEntry("manifest.json", SourceKind.MANIFEST)
                .containsEntry("sockopt-probe.json", SourceKind.SOCKOPT_PROBE)
                .containsEntry("sysctl.txt", SourceKind.SYSCTL)
                .doesNotContainKey("ibv_devinfo.txt");
        assertThat(ev.warnings()).noneMatch(w -> w.message().contains("unknown file"));
    }

    @Test
    @Timeout(60)
    void collect_toTarGz_writesOneTopFolderAndReadsLikeTheDirectory() throws IOException {
        LiveCollector c = collector().build();
        Path dir = tmp.resolve("bundle");
        Path tgz = tmp.resolve("out/bundle.tar.gz");
        c.collect(dir);

        c.collect(tgz);

        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            ArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        assertThat(names).first().isEqualTo("smc-bundle-testhost-20261126T161008Z/");
        assertThat(names).contains("smc-bundle-testhost-20261126T161008Z/smcss.txt",
                "smc-bundle-testhost-20261126T161008Z/manifest.json");
        assertThat(EvidenceBundle.read(tgz).sources()).isEqualTo(EvidenceBundle.read(dir).sources());
        try (var s = Files.list(tgz.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("bundle.tar.gz");
        }
    }

    @Test
    @Timeout(60)
    void collect_largeOutput_isCutAtTheBoundAndMarkedTruncated() {
        Path out = tmp.resolve("bundle");

        LiveCollector.Result r = collector().maxOutputBytes(4096).build().collect(out);

        assertThat(out.resolve("rdma-dev.txt")).hasSize(4096);
        assertThat(out.resolve("dmesg.txt")).hasSize(4096); // the 24 KB lab dmesg
        assertThat(out.resolve("smcss.txt")).hasSameBinaryContentAs(lab.resolve("smcss.txt"));
        assertThat(manifestLine(out, "\"truncated\" : true")).isEqualTo(2);
        assertThat(command(r, "rdma dev").status()).isEqualTo("ok");
    }

    @Test
    @Timeout(60)
    void collect_hostWithoutSmc_saysSoInTheManifest() throws IOException {
        try (var s = Files.walk(proc.resolve("sys/net/smc"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        LiveCollector.Result r = collector().build().collect(tmp.resolve("bundle"));

        assertThat(r.smcModuleLoaded()).isFalse();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("SMC kernel module not loaded: "));
        assertThat(Files.readString(tmp.resolve("bundle/manifest.json"))).contains("\"smcModuleLoaded\" : false");
        assertThat(Files.readString(tmp.resolve("bundle/sysctl.txt"))).doesNotContain("net.smc.");
    }

    @Test
    @Timeout(60)
    void collectEvidence_readsTheCollectionInMemory() {
        Evidence ev = collector().build().collectEvidence();

        assertThat(ev.sources()).containsEntry("smcss.txt", SourceKind.SMCSS)
                .containsEntry("manifest.json", SourceKind.MANIFEST)
                .containsEntry("dmesg.txt", SourceKind.DMESG);
        assertThat(ev.facts(CollectedCommand.class)).isNotEmpty();
        assertThat(ev.sysctl("net.smc.autocorking_size")).contains("65536");
        assertThat(ev.sockets().byCode()).containsKeys(0x05000000, 0x03030000);
    }

    @Test
    void sysctlKey_turnsDotsInSegmentsIntoSlashes() {
        assertThat(HostGatherer.sysctlKey(Path.of("net/ipv6/conf/eth0.100/disable_ipv6")))
                .isEqualTo("net.ipv6.conf.eth0/100.disable_ipv6");
    }

    @Test
    @Timeout(120)
    void collect_realHost_completesAndRecordsMissingToolsAndNoSmc() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"));
        assumeFalse(Files.exists(Path.of("/proc/sys/net/smc")), "this host has SMC loaded");
        Path out = tmp.resolve("real.tar.gz");

        LiveCollector.Result r = LiveCollector.create().collect(out);

        assertThat(r.smcModuleLoaded()).isFalse();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("SMC kernel module not loaded"));
        assertThat(command(r, "uname -a").status()).isEqualTo("ok");
        boolean smcToolsInstalled = r.commands().stream()
                .anyMatch(c -> c.argv().get(0).equals("smcss") && !c.status().equals("not-installed"));
        if (!smcToolsInstalled) {
            assertThat(command(r, "smcss -a").status()).isEqualTo("not-installed");
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("smcss"));
        }
        Evidence ev = EvidenceBundle.read(out);
        assertThat(ev.sources()).containsKeys("uname.txt", "manifest.json", "sockopt-probe.json", "sysctl.txt");
        assertThat(ev.facts(SocketProbeOutcome.class)).first()
                .satisfies(s -> assertThat(s.errno()).isEqualTo(97));
    }

    private static CollectedCommand command(LiveCollector.Result r, String argv) {
        return r.commands().stream().filter(c -> String.join(" ", c.argv()).equals(argv)).findFirst()
                .orElseThrow(() -> new AssertionError("no command " + argv + " in " + r.commands()));
    }

    private static long manifestLine(Path bundle, String text) {
        try {
            return Files.readAllLines(bundle.resolve("manifest.json")).stream().filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ProcessHandle> leftoverSleeps() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("sleep " + SLEEP_SECONDS)).orElse(false))
                .toList();
    }

    private void script(String name, String body) throws IOException {
        Path p = tools.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void write(String rel, String content) throws IOException {
        Path p = proc.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
