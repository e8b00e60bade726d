package io.smcdoctor.evidence.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds bundle archives for tests from fixture files and synthetic entries. */
public final class BundleTestArchives {
    private BundleTestArchives() {
    }

    /** A directory of test resources, e.g. {@code bundle/no-ueid-server}. */
    public static Path resource(String name) {
        URL url = BundleTestArchives.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a fixture directory: relative name to content, in name order. */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Prefixes every name with {@code folder/}. */
    public static Map<String, byte[]> under(String folder, Map<String, byte[]> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((k, v) -> out.put(folder + "/" + k, v));
        return out;
    }

    /** One tar entry to write. */
    public record TarItem(String name, byte[] content, byte type, String link) {
        /** A regular file. */
        public static TarItem file(String name, String content) {
            return new TarItem(name, content.getBytes(StandardCharsets.UTF_8), TarConstants.LF_NORMAL, "");
        }

        /** A regular file with bytes. */
        public static TarItem file(String name, byte[] content) {
            return new TarItem(name, content, TarConstants.LF_NORMAL, "");
        }

        /** A symbolic link. */
        public static TarItem symlink(String name, String target) {
            return new TarItem(name, new byte[0], TarConstants.LF_SYMLINK, target);
        }

        /** A hard link. */
        public static TarItem hardlink(String name, String target) {
            return new TarItem(name, new byte[0], TarConstants.LF_LINK, target);
        }

        /** A character device. */
        public static TarItem chardev(String name) {
            return new TarItem(name, new byte[0], TarConstants.LF_CHR, "");
        }
    }

    /** Tar items for every file of a map. */
    public static List<TarItem> items(Map<String, byte[]> files) {
        List<TarItem> out = new ArrayList<>();
        files.forEach((k, v) -> out.add(TarItem.file(k, v)));
        return out;
    }

    /** Writes a tar (gzip-compressed when {@code gzip}). Absolute and {@code ..} names are kept as given. */
    public static Path tar(Path file, boolean gzip, List<TarItem> items) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             OutputStream z = gzip ? new GzipCompressorOutputStream(os) : os;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarItem i : items) {
                TarArchiveEntry e = new TarArchiveEntry(i.name(), i.type(), true);
                if (!i.link().isEmpty()) {
                    e.setLinkName(i.link());
                }
                if (i.type() == TarConstants.LF_NORMAL) {
                    e.setSize(i.content().length);
                }
                tar.putArchiveEntry(e);
                tar.write(i.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return file;
    }

    /** Writes a zip of the files; an entry whose content starts with {@code "->"} becomes a symlink. */
    public static Path zip(Path file, Map<String, byte[]> files) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipArchiveEntry e = new ZipArchiveEntry(f.getKey());
                String s = new String(f.getValue(), StandardCharsets.UTF_8);
                byte[] content = f.getValue();
                if (s.startsWith("->")) {
                    e.setUnixMode(0120777);
                    content = s.substring(2).getBytes(StandardCharsets.UTF_8);
                }
                zip.putArchiveEntry(e);
                zip.write(content);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
        return file;
    }

    /** UTF-8 bytes. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
