package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.BundleTestArchives.TarItem.chardev;
import static io.smcdoctor.evidence.internal.BundleTestArchives.TarItem.file;
import static io.smcdoctor.evidence.internal.BundleTestArchives.TarItem.hardlink;
import static io.smcdoctor.evidence.internal.BundleTestArchives.TarItem.symlink;
import static io.smcdoctor.evidence.internal.BundleTestArchives.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    private static final String UNAME = "Linux h 6.12.117 #1 SMP x86_64 GNU/Linux\n";
    private static final String SMCSS = "State          UID   Inode   Local Address           Peer Address            Intf Mode \n"
            + "ACTIVE         00000 0000519 10.10.0.1:5101          10.10.0.2:56906         0000 TCP 0x05000000/0x03030000\n";

    @TempDir
    Path tmp;

    @Test
    void read_zipSlipEntry_refusesTheArchive() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("uname.txt", utf8(UNAME));
        files.put("../../evil/smcss.txt", utf8(SMCSS));
        Path zip = BundleTestArchives.zip(tmp.resolve("slip.zip"), files);

        assertThatThrownBy(() -> EvidenceBundle.read(zip))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessage(zip + ": entry '../../evil/smcss.txt' escapes the bundle with '..' (path traversal); refused");
    }

    @Test
    void read_tarSlipEntryInsideFolder_refusesTheArchive() throws IOException {
        Path tgz = BundleTestArchives.tar(tmp.resolve("slip.tar.gz"), true,
                List.of(file("b/uname.txt", UNAME), file("b/../../smcss.txt", SMCSS)));

        assertThatThrownBy(() -> EvidenceBundle.read(tgz))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("'b/../../smcss.txt'")
                .hasMessageContaining("path traversal");
    }

    @Test
    void read_absolutePaths_refuseTheArchive() throws IOException {
        Path tgz = BundleTestArchives.tar(tmp.resolve("abs.tar.gz"), true, List.of(file("/etc/smcss.txt", SMCSS)));
        Path zip = BundleTestArchives.zip(tmp.resolve("abs.zip"), Map.of("/tmp/smcss.txt", utf8(SMCSS)));

        assertThatThrownBy(() -> EvidenceBundle.read(tgz))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("'/etc/smcss.txt' has an absolute path; refused");
        assertThatThrownBy(() -> EvidenceBundle.read(zip))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("'/tmp/smcss.txt' has an absolute path");
    }

    @Test
    void read_linksAndDevicesInTar_areSkippedWithWarnings() throws IOException {
        Path tgz = BundleTestArchives.tar(tmp.resolve("links.tar.gz"), true, List.of(
                symlink("smcss.txt", "/etc/passwd"),
                hardlink("dmesg.txt", "/etc/shadow"),
                chardev("sysctl.txt"),
                file("uname.txt", UNAME)));

        Evidence ev = EvidenceBundle.read(tgz);

        assertThat(ev.sources().keySet()).containsExactly("uname.txt");
        assertThat(ev.warnings()).extracting(w -> w.source() + ": " + w.message()).containsExactly(
                "links.tar.gz: skipped symbolic link (-> '/etc/passwd') 'smcss.txt' (only regular files are read)",
                "links.tar.gz: skipped hard link (-> '/etc/shadow') 'dmesg.txt' (only regular files are read)",
                "links.tar.gz: skipped device 'sysctl.txt' (only regular files are read)");
    }

    @Test
    void read_symlinkInZip_isSkippedWithWarning() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("smcss.txt", utf8("->/etc/passwd"));
        files.put("uname.txt", utf8(UNAME));
        Path zip = BundleTestArchives.zip(tmp.resolve("links.zip"), files);

        Evidence ev = EvidenceBundle.read(zip);

        assertThat(ev.sources().keySet()).containsExactly("uname.txt");
        assertThat(ev.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("skipped symbolic link 'smcss.txt' (only regular files are read)"));
    }

    @Test
    @Timeout(60)
    void read_archiveBomb_isRefusedWithoutInflatingIt() throws IOException {
        // 64 MiB of one repeated line compresses about 1000:1
        Path bomb = tmp.resolve("bomb.tar.gz");
        long size = 64L << 20;
        byte[] chunk = "[    0.000000] aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                .repeat(1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (OutputStream os = Files.newOutputStream(bomb);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry e = new TarArchiveEntry("dmesg.txt");
            e.setSize(size - size % chunk.length);
            tar.putArchiveEntry(e);
            for (long written = 0; written + chunk.length <= size; written += chunk.length) {
                tar.write(chunk);
            }
            tar.closeArchiveEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(size / 100);

        assertThatThrownBy(() -> EvidenceBundle.read(bomb))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining(bomb.toString())
                .hasMessageContaining("entry 'dmesg.txt' inflates more than 100 times")
                .hasMessageContaining("archive bomb");
    }

    @Test
    void read_tooManyEntries_isRefusedNamingTheLimit() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            files.put("extra-" + i + ".txt", utf8("x"));
        }
        Path zip = BundleTestArchives.zip(tmp.resolve("many.zip"), files);
        Path tgz = BundleTestArchives.tar(tmp.resolve("many.tar.gz"), true, BundleTestArchives.items(files));
        EvidenceBundle.Limits ten = EvidenceBundle.Limits.defaults().withMaxEntries(10);

        assertThatThrownBy(() -> EvidenceBundle.read(List.of(tgz), ten))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessage(tgz + ": more than 10 entries (at 'extra-10.txt'); raise EvidenceBundle.Limits.maxEntries"
                        + " if this is expected");
        // a zip is refused from its end record, before its directory is loaded
        assertThatThrownBy(() -> EvidenceBundle.read(List.of(zip), ten))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageStartingWith(zip + ": zip central directory lists 30 entries in ")
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    @Timeout(60)
    void read_zipBomb_isRefused() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("uname.txt", utf8(UNAME));
        files.put("dmesg.txt", new byte[16 << 20]);
        Path zip = BundleTestArchives.zip(tmp.resolve("bomb.zip"), files);

        assertThatThrownBy(() -> EvidenceBundle.read(zip))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("entry 'dmesg.txt' inflates more than 100 times");
    }

    @Test
    void read_truncatedZip_streamsTheLocalEntriesWithAWarning() throws IOException {
        Random r = new Random(5);
        byte[] noise = new byte[200_000];
        r.nextBytes(noise);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("uname.txt", utf8(UNAME));
        files.put("smcss.txt", utf8(SMCSS));
        files.put("extra.bin", noise);
        Path full = BundleTestArchives.zip(tmp.resolve("full.zip"), files);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length - 150_000));

        Evidence ev = EvidenceBundle.read(cut);

        assertThat(ev.sources()).containsEntry("uname.txt", SourceKind.UNAME).containsEntry("smcss.txt", SourceKind.SMCSS);
        assertThat(ev.warnings()).extracting(w -> w.message())
                .anySatisfy(m -> assertThat(m).startsWith("zip has no readable central directory (truncated?)"))
                .anySatisfy(m -> assertThat(m).startsWith("archive is truncated or corrupt in entry 'extra.bin'"));
    }

    @Test
    void read_entryLargerThanLimit_isRefusedByItsDeclaredSize() throws IOException {
        byte[] big = new byte[2 << 20];
        new Random(1).nextBytes(big);
        Path tar = BundleTestArchives.tar(tmp.resolve("big.tar"), false, List.of(file("lsmod.txt", big)));

        assertThatThrownBy(() -> EvidenceBundle.read(List.of(tar), EvidenceBundle.Limits.defaults()
                .withMaxEntryBytes(1 << 20)))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessage(tar + ": entry 'lsmod.txt' is larger than the per-file limit of 1048576 bytes"
                        + " (EvidenceBundle.Limits.maxEntryBytes)");
    }

    @Test
    void read_totalBeyondLimit_isRefusedAtTheEntryThatCrossesIt() throws IOException {
        Random r = new Random(2);
        byte[] part = new byte[600 << 10];
        r.nextBytes(part);
        Path tar = BundleTestArchives.tar(tmp.resolve("total.tar"), false,
                List.of(file("a.txt", part), file("b.txt", part), file("c.txt", part)));

        assertThatThrownBy(() -> EvidenceBundle.read(List.of(tar), EvidenceBundle.Limits.defaults()
                .withMaxTotalBytes(1 << 20)))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("more than 1048576 bytes in total, reached at entry 'b.txt'");
    }

    @Test
    void read_truncatedTarGz_keepsEarlierEntriesAndWarns() throws IOException {
        Random r = new Random(3);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 400_000) {
            noise.append("[ ").append(r.nextInt(100000)).append(".").append(r.nextInt(999999)).append("] random ")
                    .append(Long.toHexString(r.nextLong())).append('\n');
        }
        Path full = BundleTestArchives.tar(tmp.resolve("full.tar.gz"), true,
                List.of(file("uname.txt", UNAME), file("smcss.txt", SMCSS), file("dmesg.txt", noise.toString()),
                        file("lsmod.txt", "Module                  Size  Used by\n")));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        Evidence ev = EvidenceBundle.read(cut);

        assertThat(ev.sources()).containsEntry("uname.txt", SourceKind.UNAME).containsEntry("smcss.txt", SourceKind.SMCSS)
                .doesNotContainKey("lsmod.txt");
        assertThat(ev.warnings()).anySatisfy(w -> {
            assertThat(w.source()).isEqualTo("cut.tar.gz");
            assertThat(w.message()).startsWith("archive is truncated or corrupt in entry 'dmesg.txt'")
                    .endsWith("the rest of the archive was not read");
        });
    }

    @Test
    void read_garbageWithArchiveNames_throwsNotReadable() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(4).nextBytes(garbage);
        garbage[0] = 'x';
        Path tgz = Files.write(tmp.resolve("garbage.tar.gz"), garbage);
        Path zip = Files.write(tmp.resolve("garbage.zip"), garbage);

        assertThatThrownBy(() -> EvidenceBundle.read(tgz)).isInstanceOf(EvidenceParseException.class)
                .hasMessageStartingWith(tgz + ": not a readable tar.gz archive (");
        assertThatThrownBy(() -> EvidenceBundle.read(zip)).isInstanceOf(EvidenceParseException.class)
                .hasMessage(zip + ": not a readable zip archive (no zip signature)");
    }

    @Test
    void read_emptyArchive_warnsThatItHoldsNoFiles() throws IOException {
        Path tgz = BundleTestArchives.tar(tmp.resolve("empty.tar.gz"), true, List.of());

        Evidence ev = EvidenceBundle.read(tgz);

        assertThat(ev.sources()).isEmpty();
        assertThat(ev.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("the archive holds no files"));
    }

    @Test
    void read_macosForksAndDotSegments_areHandled() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("./b/./uname.txt", utf8(UNAME));
        files.put("__MACOSX/b/._smcss.txt", new byte[] {0, 5, 22, 7, 0, 2});
        files.put("b/._smcss.txt", new byte[] {0, 5, 22, 7, 0, 2});
        Path zip = BundleTestArchives.zip(tmp.resolve("mac.zip"), files);

        Evidence ev = EvidenceBundle.read(zip);

        assertThat(ev.sources().keySet()).containsExactly("b/uname.txt");
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void safeName_normalisesSeparatorsAndDots() throws IOException {
        assertThat(ArchiveReader.safeName("x", "./a/./b.txt")).isEqualTo("a/b.txt");
        assertThat(ArchiveReader.safeName("x", "a\\b.txt")).isEqualTo("a/b.txt");
        assertThatThrownBy(() -> ArchiveReader.safeName("x", "C:\\evil.txt"))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> ArchiveReader.safeName("x", "a\\..\\..\\evil.txt"))
                .hasMessageContaining("path traversal");
    }

    @Test
    void commonTopFolder_onlyWhenEveryFileIsBelowIt() {
        assertThat(BundleReader.commonTopFolder(List.of("b/x.txt", "b/c/y.txt"))).isEqualTo("b");
        assertThat(BundleReader.commonTopFolder(List.of("client/x.txt", "server/x.txt"))).isEmpty();
        assertThat(BundleReader.commonTopFolder(List.of("b/x.txt", "y.txt"))).isEmpty();
        assertThat(BundleReader.commonTopFolder(List.of("proc/sys/net/smc/rmem"))).isEmpty();
    }
}
