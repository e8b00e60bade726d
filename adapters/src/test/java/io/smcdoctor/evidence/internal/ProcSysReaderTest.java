package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.facts.SysctlSetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSysReaderTest {
    @TempDir
    Path root;

    private void write(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void read_smcTree_yieldsSortedDottedSettings() throws IOException {
        write("net/smc/tcp2smc", "1\n");
        write("net/smc/wmem", "262144\n");
        write("net/smc/hs_ctrl", "\n");
        write("net/ipv4/tcp_rmem", "4096\t131072\t6291456\n");
        write("net/ipv4/conf/eth0.100/rp_filter", "2\n");

        ProcSysReader.Result r = ProcSysReader.read(root);

        assertThat(r.settings()).extracting(s -> s.key() + "=" + s.value()).containsExactly(
                "net.ipv4.conf.eth0/100.rp_filter=2", "net.ipv4.tcp_rmem=4096\t131072\t6291456",
                "net.smc.hs_ctrl=", "net.smc.tcp2smc=1", "net.smc.wmem=262144");
        SysctlSetting tcp2smc = r.settings().get(3);
        assertThat(tcp2smc.provenance().source()).isEqualTo(root.resolve("net/smc/tcp2smc").toString());
        assertThat(tcp2smc.provenance().text()).isEqualTo("net.smc.tcp2smc = 1");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void read_subtree_namesKeysRelativeToRoot() throws IOException {
        write("net/smc/limit_smc_hs", "1\n");
        write("net/core/somaxconn", "4096\n");

        ProcSysReader.Result r = ProcSysReader.read(root, root.resolve("net/smc"));

        assertThat(r.settings()).extracting(SysctlSetting::key).containsExactly("net.smc.limit_smc_hs");
    }

    @Test
    void read_missingSmcDirectory_isEmptyWithoutWarning() {
        ProcSysReader.Result r = ProcSysReader.read(root, root.resolve("net/smc"));

        assertThat(r.settings()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void read_startOutsideRoot_isRejected() {
        assertThatThrownBy(() -> ProcSysReader.read(root.resolve("net"), root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not below root");
    }

    @Test
    void read_binaryAndHugeFiles_warnAndKeepTheRest() throws IOException {
        write("net/smc/tcp2smc", "0\n");
        Files.write(root.resolve("net/smc/blob"), new byte[] {'1', 0, '2'});
        write("net/smc/huge", "x".repeat(ProcSysReader.MAX_VALUE_BYTES + 10));

        ProcSysReader.Result r = ProcSysReader.read(root);

        assertThat(r.settings()).extracting(SysctlSetting::key).containsExactly("net.smc.huge", "net.smc.tcp2smc");
        assertThat(r.settings().get(0).value()).hasSize(ProcSysReader.MAX_VALUE_BYTES);
        assertThat(r.warnings()).extracting(w -> w.message())
                .anyMatch(m -> m.contains("binary data")).anyMatch(m -> m.contains("cut"));
    }

    @Test
    void read_writeOnlyEntry_isSkippedSilently() throws IOException {
        write("net/ipv4/route/flush", "");
        write("net/ipv4/route/gc_timeout", "300\n");
        try {
            Files.setPosixFilePermissions(root.resolve("net/ipv4/route/flush"),
                    PosixFilePermissions.fromString("-w-------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system");
        }

        ProcSysReader.Result r = ProcSysReader.read(root);

        assertThat(r.settings()).extracting(SysctlSetting::key).containsExactly("net.ipv4.route.gc_timeout");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void read_symlinkToDirectory_isNotFollowed() throws IOException {
        write("net/smc/tcp2smc", "1\n");
        Files.createSymbolicLink(root.resolve("loop"), root);

        ProcSysReader.Result r = ProcSysReader.read(root);

        assertThat(r.settings()).extracting(SysctlSetting::key).containsExactly("net.smc.tcp2smc");
    }

    @Test
    void read_liveProcSysInteger_returnsWholeValue() {
        Path somaxconn = Path.of("/proc/sys/net/core/somaxconn");
        Assumptions.assumeTrue(Files.isReadable(somaxconn), "needs a Linux /proc");

        ProcSysReader.Result r = ProcSysReader.read(Path.of("/proc/sys"), somaxconn);

        assertThat(r.settings()).hasSize(1);
        assertThat(r.settings().get(0).key()).isEqualTo("net.core.somaxconn");
        // the value is a full integer, never the lone first digit the JDK's readAllBytes returns on procfs
        assertThat(Integer.parseInt(r.settings().get(0).value())).isGreaterThanOrEqualTo(128);
    }
}
