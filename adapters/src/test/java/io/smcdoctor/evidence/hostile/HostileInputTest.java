package io.smcdoctor.evidence.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.testing.LongLineStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs written to hurt the process that embeds the library: a gibibyte on one line, a zip lying about its sizes,
 * links that leave the bundle. Archive bombs, path traversal and links inside archives are covered by
 * {@code ArchiveReaderTest}; invalid UTF-8 and NUL bytes in every parser by {@code SmcssLargeInputTest} and
 * {@code HostParsersRobustnessTest}.
 */
class HostileInputTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    /**
     * One line of 1 GiB without a newline, streamed (never on disk, never in memory): the parser keeps 16 KiB of it,
     * warns once and goes on to the next line. The 1 GiB could not even be held as a String in this test JVM's heap.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void parse_oneGibibyteLine_isCutWithOneWarningAndTheNextLineIsRead() {
        long before = usedHeap();
        long start = System.nanoTime();

        Evidence ev = Evidence.builder()
                .parse(SourceKind.SYSCTL, "sysctl.txt", new LongLineStream(GIB, "\nnet.smc.limit_smc_hs = 1\n"))
                .build();

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(ev.sysctl("net.smc.limit_smc_hs")).contains("1");
        assertThat(ev.warnings()).extracting(ParseWarning::line, ParseWarning::message)
                .contains(tuple(1, "line is longer than 16384 bytes; the rest of it was skipped"));
        assertThat(seconds).as("1 GiB streamed in %d s", seconds).isLessThan(30);
        assertThat(usedHeap() - before).as("heap grown by the parse").isLessThan(256L << 20);
    }

    /**
     * A zip whose headers say each entry is 10 bytes while it inflates to 8 MiB: the reader counts what it really
     * inflates, so the per-entry bound still holds.
     */
    @Test
    void read_zipLyingAboutEntrySize_isRefusedByTheInflatedCount() throws IOException {
        Path zip = tmp.resolve("liar.zip");
        byte[] big = "[    1.000000] smc: filler line of a lying zip entry\n".repeat(160_000)
                .getBytes(StandardCharsets.US_ASCII);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry e = new ZipArchiveEntry("dmesg.txt");
            out.putArchiveEntry(e);
            out.write(big);
            out.closeArchiveEntry();
        }
        patchUncompressedSize(zip, 10);
        EvidenceBundle.Limits limits = EvidenceBundle.Limits.defaults().withMaxEntryBytes(1L << 20)
                .withMaxCompressionRatio(10_000);

        assertThatThrownBy(() -> EvidenceBundle.read(List.of(zip), limits))
                .isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining(zip.toString())
                .hasMessageContaining("dmesg.txt");
    }

    /** A bundle directory holding a link to a directory outside it: the link is reported, never followed. */
    @Test
    void read_directoryLinkOutOfTheBundle_isNotFollowed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sysctl.txt"), "net.smc.secret = 42\n");
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.writeString(bundle.resolve("uname.txt"), "Linux h 6.12.0 #1 SMP x86_64 GNU/Linux\n");
        Files.createSymbolicLink(bundle.resolve("escape"), outside);

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(ev.sources()).containsOnlyKeys("uname.txt");
        assertThat(ev.sysctl("net.smc.secret")).isEmpty();
        assertThat(ev.warnings()).extracting(ParseWarning::source, ParseWarning::message)
                .contains(tuple("escape",
                        "skipped symbolic link (only regular files are read)"));
    }

    /** A file name of the bundle format that is a FIFO (would block a naive reader forever) is skipped. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void read_fifoNamedLikeEvidence_isSkippedWithoutBlocking() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("fifo-bundle"));
        Files.writeString(bundle.resolve("uname.txt"), "Linux h 6.12.0 #1 SMP x86_64 GNU/Linux\n");
        Process mkfifo = new ProcessBuilder("mkfifo", bundle.resolve("dmesg.txt").toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(ev.sources()).containsOnlyKeys("uname.txt");
        assertThat(ev.warnings()).extracting(ParseWarning::message)
                .contains("skipped special file (only regular files are read)");
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Rewrites the uncompressed size of every entry in the local headers and the central directory. */
    private static void patchUncompressedSize(Path zip, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 4 <= b.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x04034b50 && i + 26 <= b.length) {
                buf.putInt(i + 22, size);
                patched++;
            } else if (sig == 0x02014b50 && i + 28 <= b.length) {
                buf.putInt(i + 24, size);
                patched++;
            }
        }
        assertThat(patched).isEqualTo(2);
        Files.write(zip, b);
    }
}
