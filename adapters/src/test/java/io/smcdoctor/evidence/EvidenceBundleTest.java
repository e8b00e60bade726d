package io.smcdoctor.evidence;

import static io.smcdoctor.evidence.internal.BundleTestArchives.files;
import static io.smcdoctor.evidence.internal.BundleTestArchives.items;
import static io.smcdoctor.evidence.internal.BundleTestArchives.resource;
import static io.smcdoctor.evidence.internal.BundleTestArchives.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.internal.BundleTestArchives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {
    private static final List<String> SERVER_FILES = List.of("dmesg.txt", "ip-addr.txt", "lsmod.txt",
            "rdma-dev.txt", "rdma-link.txt", "rdma-system.txt", "smc-pnet.txt", "smcr-device.txt", "smcr-info.txt",
            "smcr-linkgroup.txt", "smcr-stats.txt", "smcr-ueid.txt", "smcss-R.txt", "smcss-d.txt", "smcss.txt",
            "sysctl.txt", "uname.txt");

    @TempDir
    Path tmp;

    private final Path server = resource("bundle/no-ueid-server");

    @Test
    void read_labDirectory_registersEveryEvidenceFileUnderItsKind() {
        Evidence ev = EvidenceBundle.read(server);

        assertThat(ev.sources().keySet()).containsExactlyElementsOf(SERVER_FILES);
        assertThat(ev.sources()).containsEntry("smcss-R.txt", SourceKind.SMCSS)
                .containsEntry("smcss.txt", SourceKind.SMCSS)
                .containsEntry("smcr-ueid.txt", SourceKind.SMCR_UEID)
                .containsEntry("smc-pnet.txt", SourceKind.SMC_PNET)
                .containsEntry("dmesg.txt", SourceKind.DMESG);
        assertThat(ev.missing(SourceKind.IBV_DEVINFO)).isTrue();
        assertThat(ev.warnings()).noneMatch(w -> w.message().contains("scenario.json")
                || w.source().contains("scenario.json"));
    }

    @Test
    void read_tarGzWithOneTopFolder_readsLikeTheDirectory() throws IOException {
        Path archive = BundleTestArchives.tar(tmp.resolve("server.tar.gz"), true,
                items(under("smc-bundle-server-20261126", files(server))));

        Evidence fromArchive = EvidenceBundle.read(archive);
        Evidence fromDir = EvidenceBundle.read(server);

        assertThat(fromArchive.sources()).isEqualTo(fromDir.sources());
        assertThat(fromArchive.fingerprint()).isEqualTo(fromDir.fingerprint());
    }

    @Test
    void read_zipAndPlainTar_readLikeTheDirectory() throws IOException {
        Path zip = BundleTestArchives.zip(tmp.resolve("server.zip"), files(server));
        Path tar = BundleTestArchives.tar(tmp.resolve("server.tar"), false, items(files(server)));
        Evidence fromDir = EvidenceBundle.read(server);

        assertThat(EvidenceBundle.read(zip).fingerprint()).isEqualTo(fromDir.fingerprint());
        assertThat(EvidenceBundle.read(tar).fingerprint()).isEqualTo(fromDir.fingerprint());
        assertThat(EvidenceBundle.read(zip).sources().keySet()).containsExactlyElementsOf(SERVER_FILES);
    }

    @Test
    void read_archiveWithoutExtension_isRecognisedByMagic() throws IOException {
        Path archive = BundleTestArchives.tar(tmp.resolve("upload.bin"), true, items(files(server)));

        assertThat(EvidenceBundle.read(archive).sources().keySet()).containsExactlyElementsOf(SERVER_FILES);
    }

    @Test
    void read_twoBundles_prefixesSourcesWithTheBundleNames() {
        Path client = resource("bundle/smc-module-missing-client");

        Evidence ev = EvidenceBundle.read(List.of(client, server));

        assertThat(ev.sources()).containsEntry("smc-module-missing-client/smcss.txt", SourceKind.SMCSS)
                .containsEntry("no-ueid-server/smcss.txt", SourceKind.SMCSS)
                .containsEntry("no-ueid-server/smcr-stats.txt", SourceKind.SMCR_STATS)
                .doesNotContainKey("smcss.txt");
        assertThat(ev.warnings()).anySatisfy(w -> {
            assertThat(w.source()).isEqualTo("smc-module-missing-client/smctest.txt");
            assertThat(w.message()).contains("unknown file ignored").contains("smctest.txt");
        });
    }

    @Test
    void read_twoArchivesOfTheSameName_keepsSourcesApart() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Path a = BundleTestArchives.tar(tmp.resolve("a/bundle.tar.gz"), true,
                List.of(BundleTestArchives.TarItem.file("uname.txt", "Linux a 6.12.1 #1 SMP x86_64 GNU/Linux\n")));
        Path b = BundleTestArchives.tar(tmp.resolve("b/bundle.tgz"), true,
                List.of(BundleTestArchives.TarItem.file("uname.txt", "Linux b 6.12.1 #1 SMP x86_64 GNU/Linux\n")));

        Evidence ev = EvidenceBundle.read(List.of(a, b));

        assertThat(ev.sources().keySet()).containsExactly("bundle/uname.txt", "bundle-2/uname.txt");
    }

    @Test
    void read_singleFileByName_usesItsKind() {
        Evidence ev = EvidenceBundle.read(server.resolve("smcr-stats.txt"));

        assertThat(ev.sources()).isEqualTo(Map.of("smcr-stats.txt", SourceKind.SMCR_STATS));
    }

    @Test
    void read_singleFileWithOtherName_isRecognisedByContent() throws IOException {
        Path log = Files.copy(server.resolve("dmesg.txt"), tmp.resolve("kernel-log-from-customer.log"));
        Path listing = Files.copy(server.resolve("smcss-d.txt"), tmp.resolve("out"));

        assertThat(EvidenceBundle.read(log).sources())
                .isEqualTo(Map.of("kernel-log-from-customer.log", SourceKind.DMESG));
        assertThat(EvidenceBundle.read(listing).sources()).isEqualTo(Map.of("out", SourceKind.SMCSS));
    }

    @Test
    void read_severalSingleFiles_mergesThemUnderTheirNames() {
        Evidence ev = EvidenceBundle.read(List.of(server.resolve("smcss.txt"), server.resolve("uname.txt")));

        assertThat(ev.sources().keySet()).containsExactly("smcss.txt", "uname.txt");
        assertThat(ev.sources()).containsEntry("uname.txt", SourceKind.UNAME);
    }

    @Test
    void read_unrecognisableSingleFile_throwsOneLineMessageNamingFileAndKinds() throws IOException {
        // not text: nobody wrote it, no tool printed it
        Path f = Files.write(tmp.resolve("notes.log"), new byte[] {0x00, 0x01, 0x02, (byte) 0x80, 0x00, 0x10});

        assertThatThrownBy(() -> EvidenceBundle.read(f))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("not a recognised evidence file")
                .hasMessageContaining("smcss")
                .hasMessageContaining("dmesg")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void read_missingPath_throwsNamingIt() {
        Path nowhere = tmp.resolve("no-such-bundle");

        assertThatThrownBy(() -> EvidenceBundle.read(nowhere))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessage(nowhere + ": no such file or directory");
    }

    @Test
    void read_emptyList_isRejected() {
        assertThatThrownBy(() -> EvidenceBundle.read(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_procSysTree_yieldsSysctlsNamedLikeSysctl() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("proc/sys/net/smc/autocorking_size"), "65536\n");
        write(bundle.resolve("proc/sys/net/ipv6/conf/eth0.100/disable_ipv6"), "1\n");
        write(bundle.resolve("proc/sys/net/ipv4/tcp_rmem"), "4096\t131072\t6291456\n");

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(ev.sysctl("net.smc.autocorking_size")).contains("65536");
        assertThat(ev.sysctl("net.ipv6.conf.eth0/100.disable_ipv6")).contains("1");
        assertThat(ev.sysctl("net.ipv4.tcp_rmem")).contains("4096 131072 6291456");
        assertThat(ev.facts(SysctlSetting.class)).anySatisfy(s -> {
            assertThat(s.key()).isEqualTo("net.smc.autocorking_size");
            assertThat(s.provenance().source()).isEqualTo("proc/sys/net/smc/autocorking_size");
            assertThat(s.provenance().text()).isEqualTo("net.smc.autocorking_size = 65536");
        });
        assertThat(ev.sources()).containsEntry("proc/sys/net/smc/autocorking_size", SourceKind.SYSCTL);
    }

    @Test
    void read_unknownFilesAndScenario_warnsOnlyAboutTheUnknownOne() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("uname.txt"), "Linux h 6.12.1 #1 SMP x86_64 GNU/Linux\n");
        write(bundle.resolve("notes.docx"), "binary-ish");
        write(bundle.resolve("scenario.json"), "{\"scenario\": \"no-ueid\"}");

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(ev.sources().keySet()).containsExactly("uname.txt");
        assertThat(ev.warnings()).singleElement().satisfies(w -> {
            assertThat(w.source()).isEqualTo("notes.docx");
            assertThat(w.message()).contains("unknown file ignored: 'notes.docx'");
        });
    }

    @Test
    void read_directoryWithSymlink_skipsItWithWarning() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("uname.txt"), "Linux h 6.12.1 #1 SMP x86_64 GNU/Linux\n");
        Path secret = write(tmp.resolve("secret.txt"), "State          UID   Inode\n");
        Files.createSymbolicLink(bundle.resolve("smcss.txt"), secret);

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(ev.sources().keySet()).containsExactly("uname.txt");
        assertThat(ev.warnings()).anySatisfy(w -> {
            assertThat(w.source()).isEqualTo("smcss.txt");
            assertThat(w.message()).contains("symbolic link");
        });
    }

    @Test
    void read_directoryFileBeyondEntryLimit_throwsNamingIt() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("dmesg.txt"), "[    0.000000] x\n".repeat(1000));

        assertThatThrownBy(() -> EvidenceBundle.read(List.of(bundle),
                EvidenceBundle.Limits.defaults().withMaxEntryBytes(1000)))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("'dmesg.txt'")
                .hasMessageContaining("maxEntryBytes");
    }

    @Test
    void read_inMemoryBundle_readsLikeTheDirectory() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : SERVER_FILES) {
            files.put(name, Files.readString(server.resolve(name), StandardCharsets.UTF_8));
        }

        Evidence fromMemory = EvidenceBundle.read(files);
        Evidence fromDir = EvidenceBundle.read(server);

        assertThat(fromMemory.sources()).isEqualTo(fromDir.sources());
        assertThat(fromMemory.fingerprint()).isEqualTo(fromDir.fingerprint());
        assertThat(fromMemory.sockets()).isEqualTo(fromDir.sockets());
    }

    @Test
    void read_inMemoryBundle_warnsAboutUnknownNamesLikeADirectory() {
        Evidence ev = EvidenceBundle.read(Map.of("notes.txt", "hello", "uname.txt",
                "Linux client 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1 x86_64 GNU/Linux\n"));

        assertThat(ev.sources()).containsOnlyKeys("uname.txt");
        assertThat(ev.warnings()).singleElement().satisfies(w -> assertThat(w.source()).isEqualTo("notes.txt"));
    }

    @Test
    void reader_pathPlusPastedFiles_prefixesTheBundleAndRecognisesPastedTextByContent() throws IOException {
        String dmesg = Files.readString(server.resolve("dmesg.txt"), StandardCharsets.UTF_8);

        Evidence ev = EvidenceBundle.reader().path(server)
                .bundle("pasted", Map.of("symptom.txt", "no speed-up"))
                .file("pasted.txt", dmesg)
                .read();

        assertThat(ev.sources()).containsEntry("no-ueid-server/smcss.txt", SourceKind.SMCSS)
                .containsEntry("pasted/symptom.txt", SourceKind.SYMPTOM)
                .containsEntry("pasted.txt", SourceKind.DMESG);
    }

    @Test
    void reader_pastedTextWithoutToolOutput_isReadAsTheReportersWords() {
        Evidence ev = EvidenceBundle.reader().file("pasted.txt", "connections to the cache hang since Monday\n").read();

        assertThat(ev.sources()).containsEntry("pasted.txt", SourceKind.SYMPTOM);
        assertThat(ev.facts(SymptomText.class)).extracting(SymptomText::text)
                .containsExactly("connections to the cache hang since Monday");
        assertThat(ev.warnings()).extracting(ParseWarning::message)
                .containsExactly("no tool output recognised in 'pasted.txt'; read as a description of the problem");
    }

    @Test
    void reader_binaryContentOfNoKnownKind_throwsNamingIt() {
        assertThatThrownBy(() -> EvidenceBundle.reader().file("pasted.bin", "\u0001\u0002\u0003\u0000\u0004").read())
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageStartingWith("pasted.bin: not a recognised evidence file");
    }

    @Test
    void reader_withoutInput_isRejected() {
        assertThatThrownBy(() -> EvidenceBundle.reader().read()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void limits_rejectNonPositiveBounds() {
        assertThatThrownBy(() -> EvidenceBundle.Limits.defaults().withMaxEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> EvidenceBundle.Limits.defaults().withMaxCompressionRatio(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCompressionRatio");
        assertThat(EvidenceBundle.Limits.defaults().maxTotalBytes()).isEqualTo(1L << 30);
    }

    private static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
