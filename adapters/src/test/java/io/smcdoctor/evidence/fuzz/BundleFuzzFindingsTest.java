package io.smcdoctor.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Named regression tests for what fuzzing the bundle reader found (inputs kept under BundleFuzzTestInputs). */
class BundleFuzzFindingsTest {
    private static final String UNAME = "Linux client 6.12.0 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n";

    @TempDir
    Path tmp;

    /**
     * Fuzz finding crash-fd81cdc4: a zip entry declaring the Zstandard method (20) passed commons-compress's
     * {@code canReadEntryData} and then escaped as {@code NoClassDefFoundError: com/github/luben/zstd/...} (the
     * optional zstd-jni library is not on our class path), killing the embedding process's thread. Its central
     * directory is broken, so the zip is streamed, and the streamed reader sets up the decompressor while reading the
     * entry header: the archive is now refused (or, after readable entries, cut) with a message instead.
     */
    @Test
    void read_fuzzedZipWithZstdEntry_doesNotThrowLinkageError() throws IOException {
        byte[] input;
        try (InputStream in = getClass().getResourceAsStream(
                "BundleFuzzTestInputs/archiveBytes_areReadOrRefused_neverCrash/crash-fd81cdc45c71b4ecf6a54e7ca9b50c6a36084772")) {
            input = in.readAllBytes();
        }
        Path zip = tmp.resolve("crash.zip");
        Files.write(zip, Arrays.copyOf(input, input.length - 1)); // the last byte chose the .zip suffix

        assertThatThrownBy(() -> EvidenceBundle.read(zip))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageStartingWith(zip + ": not a readable zip archive (an entry is compressed with a method this"
                        + " build cannot decode");
    }

    /** Zstandard (20 and 93), XZ (95) and LZMA (14) entries are skipped with a warning; the other entries are read. */
    @ParameterizedTest
    @ValueSource(ints = {14, 20, 93, 95})
    void read_zipEntryWithMethodNeedingAnOptionalLibrary_isSkippedWithWarning(int method) throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String name : List.of("uname.txt", "dmesg.txt")) {
                byte[] content = (name.equals("uname.txt") ? UNAME : "[    1.0] smc: x\n").getBytes(StandardCharsets.UTF_8);
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                e.setMethod(ZipArchiveEntry.STORED);
                e.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        patchMethod(zip, "dmesg.txt", method);

        Evidence ev = EvidenceBundle.read(zip);

        assertThat(ev.sources()).containsOnlyKeys("uname.txt");
        assertThat(ev.warnings()).extracting(ParseWarning::message)
                .containsExactly("skipped 'dmesg.txt': encrypted or compressed with an unsupported method");
    }

    /**
     * Fuzz finding crash-7975cba8: a {@code manifest.json} starting with {@code 7b 00 00 00} made Jackson guess
     * UTF-32 and throw {@code CharConversionException}, which is not a {@code JsonProcessingException}: the whole
     * bundle read failed ("cannot be read") instead of one warning about one bad file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "sockopt-probe.json"})
    void read_bundleJsonThatLooksLikeUtf32_isAWarningNotAFailure(String name) throws IOException {
        byte[] input;
        try (InputStream in = getClass().getResourceAsStream(
                "BundleFuzzTestInputs/bundleJson_isReadWithWarnings_neverThrows/crash-7975cba844c2714e8d0409e757730ca59575db3a")) {
            input = in.readAllBytes();
        }
        Path dir = Files.createDirectories(tmp.resolve("bundle"));
        Files.write(dir.resolve(name), Arrays.copyOf(input, input.length - 1));
        Files.writeString(dir.resolve("uname.txt"), UNAME);

        Evidence ev = EvidenceBundle.read(dir);

        assertThat(ev.sources()).containsKeys(name, "uname.txt");
        assertThat(ev.warnings()).filteredOn(w -> w.source().equals(name)).extracting(ParseWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("not valid JSON (Invalid UTF-32 character"));
    }

    /** Rewrites the method field of the named entry in its local header and central directory record. */
    private static void patchMethod(Path zip, String name, int method) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int patched = 0;
        for (int i = 0; i + 4 <= b.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x04034b50 && matches(b, i + 30, n, buf.getShort(i + 26))) {
                buf.putShort(i + 8, (short) method);
                patched++;
            } else if (sig == 0x02014b50 && matches(b, i + 46, n, buf.getShort(i + 28))) {
                buf.putShort(i + 10, (short) method);
                patched++;
            }
        }
        assertThat(patched).isEqualTo(2);
        Files.write(zip, b);
    }

    private static boolean matches(byte[] b, int at, byte[] name, int len) {
        return len == name.length && at + len <= b.length && Arrays.equals(b, at, at + len, name, 0, len);
    }
}
