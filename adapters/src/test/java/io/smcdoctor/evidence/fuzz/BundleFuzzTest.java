package io.smcdoctor.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.BundleReader;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Fuzzes the bundle reader: archive bytes read through {@link EvidenceBundle#read(List, EvidenceBundle.Limits)} from
 * a temporary file, archives built from fuzzed entries (hostile names, links, devices, garbage content, corrupted
 * bytes), and the JSON files of a bundle ({@code manifest.json}, {@code sockopt-probe.json}). Whatever the bytes, a
 * read either returns evidence that keeps its invariants or refuses the input with an
 * {@link EvidenceParseException} naming the file; nothing else may escape.
 *
 * <p>In {@code mvn verify} this replays {@code src/test/resources/io/smcdoctor/evidence/fuzz/BundleFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes one method for real (see SECURITY.md).
 */
class BundleFuzzTest {
    /** Small bounds so that a fuzzed bomb is refused quickly. */
    private static final EvidenceBundle.Limits SMALL = new EvidenceBundle.Limits(4L << 20, 1L << 20, 64, 100);
    private static final List<String> SUFFIXES = List.of(".tar.gz", ".tgz", ".zip", ".tar", ".bin");
    private static final List<String> NAMES = List.of("smcss.txt", "dmesg.txt", "sysctl.txt", "uname.txt",
            "manifest.json", "sockopt-probe.json", "smcr-device.txt", "ip-addr.txt", "bundle/smcss.txt",
            "bundle/proc/sys/net/smc/limit_smc_hs", "proc/sys/net/ipv4/tcp_syncookies", "scenario.json",
            "../etc/passwd", "/etc/shadow", "a/../../b", "C:\\x", "__MACOSX/._smcss.txt", "././/smcss.txt",
            "a\\..\\dmesg.txt", "", "/", "unknown.bin");

    /** The JSON inputs of the evidence-spec registry. */
    private static final List<SourceKind> JSON_KINDS = EvidenceSpecs.jsonKinds();
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("smc-doctor-bundle-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void archiveBytes_areReadOrRefused_neverCrash(FuzzedDataProvider data) throws IOException {
        String suffix = SUFFIXES.get(data.consumeInt(0, SUFFIXES.size() - 1));
        readFile(suffix, data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "10m")
    void archiveEntries_areReadOrRefused_neverCrash(FuzzedDataProvider data) throws IOException {
        int format = data.consumeInt(0, 2);
        int entries = data.consumeInt(0, 6);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format == 2) {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
                for (int i = 0; i < entries; i++) {
                    ZipArchiveEntry e = new ZipArchiveEntry(name(data));
                    if (data.consumeBoolean()) {
                        e.setUnixMode(data.consumeBoolean() ? 0120777 : 0100644);
                    }
                    zip.putArchiveEntry(e);
                    byte[] content = data.consumeBytes(data.consumeInt(0, 2048));
                    if (!e.isDirectory()) {
                        zip.write(content);
                    }
                    zip.closeArchiveEntry();
                }
                zip.finish();
            }
        } else {
            try (OutputStream z = format == 0 ? new GzipCompressorOutputStream(bytes) : bytes;
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                byte[] types = {TarConstants.LF_NORMAL, TarConstants.LF_SYMLINK, TarConstants.LF_LINK,
                    TarConstants.LF_CHR, TarConstants.LF_FIFO, TarConstants.LF_DIR};
                for (int i = 0; i < entries; i++) {
                    byte type = types[data.consumeInt(0, types.length - 1)];
                    TarArchiveEntry e = new TarArchiveEntry(name(data), type, true);
                    byte[] content = type == TarConstants.LF_NORMAL ? data.consumeBytes(data.consumeInt(0, 2048))
                            : new byte[0];
                    if (e.isDirectory()) {
                        content = new byte[0]; // a name ending in '/' makes any entry a directory
                    }
                    if (type == TarConstants.LF_SYMLINK || type == TarConstants.LF_LINK) {
                        e.setLinkName(name(data));
                    }
                    e.setSize(content.length);
                    tar.putArchiveEntry(e);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
        }
        byte[] archive = bytes.toByteArray();
        // corrupt a few bytes: headers, sizes, CRCs and the compressed stream are all fair game
        int flips = data.consumeInt(0, 4);
        for (int i = 0; i < flips && archive.length > 0; i++) {
            archive[data.consumeInt(0, archive.length - 1)] = data.consumeByte();
        }
        if (data.consumeBoolean() && archive.length > 0) {
            archive = Arrays.copyOf(archive, data.consumeInt(0, archive.length - 1));
        }
        readFile(SUFFIXES.get(format == 0 ? 0 : format == 1 ? 3 : 2), archive);
    }

    @FuzzTest(maxDuration = "10m")
    void bundleJson_isReadWithWarnings_neverThrows(FuzzedDataProvider data) {
        String name = JSON_KINDS.get(data.consumeInt(0, JSON_KINDS.size() - 1)).fileName();
        byte[] content = data.consumeRemainingAsBytes();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content);
        Evidence ev = new BundleReader(SMALL).readAll(List.of(new BundleReader.MemoryBundle("fuzz", files)));
        invariants(ev);
        assertThat(ev.sources()).containsKey(name);
    }

    private static String name(FuzzedDataProvider data) {
        int pick = data.consumeInt(0, NAMES.size());
        return pick < NAMES.size() ? NAMES.get(pick) : data.consumeString(64);
    }

    private void readFile(String suffix, byte[] bytes) throws IOException {
        Path file = DIR.resolve("input" + suffix);
        Files.write(file, bytes);
        try {
            Evidence ev = EvidenceBundle.read(List.of(file), SMALL);
            invariants(ev);
        } catch (EvidenceParseException e) {
            assertThat(e.getMessage()).as("a refusal names the file").contains(file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void invariants(Evidence ev) {
        assertThat(ev.sockets().smc() + ev.sockets().fallbacks()).isLessThanOrEqualTo(ev.sockets().total());
        assertThat(ev.warnings()).allSatisfy(w -> {
            assertThat(w.line()).isGreaterThanOrEqualTo(0);
            assertThat(w.source()).isNotNull();
        });
        assertThat(ev.fingerprint()).hasSize(64);
        assertThat(ev.toString()).isNotEmpty();
        assertThat(ev.allFacts()).allSatisfy(f -> assertThat(f).isNotNull());
    }
}
