package io.smcdoctor.fleet;

import io.smcdoctor.html.PageChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Bundles no one should send, as a fleet meets them in storage: corrupt, empty, truncated, huge, bombs, path
 * traversal, links, too many entries, an oversize file in a bundle directory, markup as a host name and as a file
 * name. Each maps to what a read of it alone
 * must say (a fragment of the error), or to null when it is readable (with warnings) and must be diagnosed as usual.
 */
final class HostileBundles {
    /** The limits the tests run the fleet and the single reads with: small enough to build "huge" inputs. */
    static final long MAX_TOTAL = 8L << 20;
    static final long MAX_ENTRY = 4L << 20;
    static final int MAX_ENTRIES = 500;
    /** A script element; run, it would set {@link PageChecks#MARKER} on the page's root element. */
    static final String SCRIPT = "<script>document.documentElement.setAttribute('" + PageChecks.MARKER
            + "','script')</script>";
    /** Breaks out of a double-quoted attribute into an image whose error handler runs (no slash: a file name). */
    static final String IMG = "\"><img src=x onerror=\"document.documentElement.setAttribute('" + PageChecks.MARKER
            + "','img')\">";
    /** A readable bundle whose manifest names its host {@link #SCRIPT}. */
    static final String MARKUP_HOST = "markup-host.tar.gz";
    /** An unreadable bundle whose file name is {@link #IMG}. */
    static final String MARKUP_NAME = IMG + ".tar.gz";

    private HostileBundles() {
    }

    /** The host the fleet must name a hostile bundle by: the manifest's for {@link #MARKUP_HOST}, else its name. */
    static String host(String name) {
        return name.equals(MARKUP_HOST) ? SCRIPT : BundlePlan.stripArchiveExtension(name);
    }

    /** Writes the hostile bundles below {@code dir}; file name to expected error fragment (null: readable). */
    static Map<String, String> write(Path dir, Map<String, byte[]> good) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> expected = new LinkedHashMap<>();
        Random random = new Random(16);

        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        Files.write(dir.resolve("corrupt.tar.gz"), noise);
        expected.put("corrupt.tar.gz", "not a readable");
        Files.write(dir.resolve("not-gzip.tgz"), "hello, I am not an archive\n".getBytes(StandardCharsets.UTF_8));
        expected.put("not-gzip.tgz", "not a readable");
        Files.write(dir.resolve("empty.zip"), new byte[0]);
        expected.put("empty.zip", "no zip signature");
        Files.write(dir.resolve("empty.tar.gz"), new byte[0]);
        expected.put("empty.tar.gz", "not a readable");

        // a valid archive with no entries: readable, nothing to diagnose
        Files.write(dir.resolve("no-entries.zip"), FleetGenerator.zip(Map.of()));
        expected.put("no-entries.zip", null);

        // cut in the middle of the deflate stream: what was read before the cut is still evidence (with a warning)
        byte[] whole = tarGz("", good);
        Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(whole, whole.length * 6 / 10));
        expected.put("truncated.tar.gz", null);

        Map<String, byte[]> traversal = new LinkedHashMap<>(good);
        traversal.put("../../../../etc/cron.d/evil", "* * * * * root id\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("traversal.tar.gz"), tarGz("", traversal));
        expected.put("traversal.tar.gz", "path traversal");

        Map<String, byte[]> absolute = new LinkedHashMap<>(good);
        absolute.put("/etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("absolute.zip"), FleetGenerator.zip(absolute));
        expected.put("absolute.zip", "absolute path");

        // zeros just under the per-file limit as smcss.txt: a few KiB compressed, refused by the compression ratio
        // check once 1 MiB is inflated (a larger declared size would be refused before, by the per-file limit)
        Files.write(dir.resolve("bomb.tar.gz"), tarGz("", Map.of("smcss.txt", new byte[(int) MAX_ENTRY - 1])));
        expected.put("bomb.tar.gz", "archive bomb");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= MAX_ENTRIES; i++) {
            many.put("junk/" + i + ".txt", new byte[] {'x'});
        }
        Files.write(dir.resolve("too-many-entries.zip"), FleetGenerator.zip(many));
        expected.put("too-many-entries.zip", "more than " + MAX_ENTRIES + " entries");

        // bigger than all files of a bundle may be together: refused before it is copied
        byte[] big = new byte[(int) MAX_TOTAL + (1 << 20)];
        random.nextBytes(big);
        Files.write(dir.resolve("huge.zip"), storedZip("smcss.txt", big));
        expected.put("huge.zip", "more than all its files together may hold");

        // links are skipped with a warning; the rest is diagnosed
        Path links = dir.resolve("links.tar.gz");
        try (OutputStream os = Files.newOutputStream(links);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (Map.Entry<String, byte[]> f : good.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("dmesg.txt", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/var/log/secure");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            tar.finish();
        }
        expected.put("links.tar.gz", null);

        // names with terminal escapes and markup: unknown files, ignored with a warning
        Map<String, byte[]> names = new LinkedHashMap<>(good);
        names.put("\u001b[2J<script>alert(1)</script>.txt", "x".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("odd-names.zip"), FleetGenerator.zip(names));
        expected.put("odd-names.zip", null);

        // markup where the pages show text: a host name from the manifest, a bundle's file name in its error
        Map<String, byte[]> markupHost = new LinkedHashMap<>(good);
        markupHost.put("manifest.json", FleetGenerator.manifest(null, SCRIPT, Instant.parse("2026-11-30T02:00:00Z")));
        Files.write(dir.resolve(MARKUP_HOST), tarGz("", markupHost));
        expected.put(MARKUP_HOST, null);
        Files.write(dir.resolve(MARKUP_NAME), noise);
        expected.put(MARKUP_NAME, "not a readable");

        // a bundle directory with one file over the per-file limit
        Path oversize = Files.createDirectories(dir.resolve("oversize-dir"));
        for (Map.Entry<String, byte[]> f : good.entrySet()) {
            Path p = oversize.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        byte[] dmesg = new byte[(int) MAX_ENTRY + 1];
        Arrays.fill(dmesg, (byte) 'a');
        Files.write(oversize.resolve("dmesg.txt"), dmesg);
        expected.put("oversize-dir", "is larger than the per-file limit");
        return expected;
    }

    static byte[] tarGz(String folder, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(folder + f.getKey(), true);
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static byte[] storedZip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
