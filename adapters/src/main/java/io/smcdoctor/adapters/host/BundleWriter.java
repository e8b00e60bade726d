package io.smcdoctor.adapters.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes a gathered bundle as a directory or, atomically, as a {@code .tar.gz} with one top folder. Stateless. */
final class BundleWriter {
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BundleWriter() {
    }

    static void writeDirectory(Path dir, HostGatherer.Gathered g) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : g.files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    static void writeTarGz(Path file, HostGatherer.Gathered g) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String folder = "smc-bundle-" + (g.host.isEmpty() ? "host" : g.host.replaceAll("[^A-Za-z0-9._-]", "_"))
                + "-" + FOLDER_TIME.format(g.time);
        Path tmp = Files.createTempFile(parent, ".smc-bundle-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                TarArchiveEntry dir = new TarArchiveEntry(folder + "/");
                dir.setModTime(Date.from(g.time));
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                for (Map.Entry<String, byte[]> f : g.files.entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(folder + "/" + f.getKey());
                    e.setSize(f.getValue().length);
                    e.setMode(0100644);
                    e.setModTime(Date.from(g.time));
                    tar.putArchiveEntry(e);
                    tar.write(f.getValue());
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
