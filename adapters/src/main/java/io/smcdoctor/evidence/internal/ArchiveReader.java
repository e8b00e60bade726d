package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.EvidenceParseException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Streams the regular files of a tar, tar.gz or zip archive to a visitor, one entry at a time, never
 * extracting anything to disk. Entries with absolute paths or {@code ..} segments make the whole archive
 * refused; links, devices and FIFOs are skipped with a warning; every byte (also of skipped data) is counted
 * by the {@link BundleBudget}.
 */
final class ArchiveReader {
    /** Stored, unshrinking, imploding, deflated, deflate64, bzip2: decoded by commons-compress alone. */
    private static final Set<Integer> SUPPORTED_ZIP_METHODS = Set.of(0, 1, 6, 8, 9, 12);
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /** Receives the regular files of an archive. */
    interface Visitor {
        /** One regular file: its normalised relative path and a stream over its content (bounded). */
        void file(String path, InputStream content) throws IOException;

        /** Something in the archive that was skipped. */
        void warning(String message);

        /** False when only the names matter (zip content is then not even inflated). */
        default boolean wantsContent() {
            return true;
        }
    }

    private ArchiveReader() {
    }

    /**
     * Reads every entry of {@code archive}.
     *
     * @throws EvidenceParseException when the file is not a readable archive of the format, or an entry
     *                                escapes the bundle
     * @throws BundleLimitException   when a limit is exceeded
     * @throws IOException            when the visitor fails to read an entry for another reason
     */
    static void read(Path archive, ArchiveFormat format, BundleBudget budget, Visitor visitor) throws IOException {
        String container = archive.toString();
        if (format == ArchiveFormat.ZIP) {
            if (!zipSignature(archive)) {
                throw new EvidenceParseException(container + ": not a readable zip archive (no zip signature)");
            }
            Optional<ZipFile> zip = openZip(archive, budget, visitor);
            if (zip.isPresent()) {
                try (ZipFile z = zip.get()) {
                    readZip(container, z, budget, visitor);
                }
                return;
            }
        }
        try (Counting raw = new Counting(Files.newInputStream(archive))) {
            BundleBudget.Ratio ratio = budget.ratio(raw::count);
            ArchiveInputStream<?> in;
            try {
                in = open(format, new BufferedInputStream(raw, 64 * 1024));
            } catch (IOException e) {
                throw new EvidenceParseException(container + ": not a readable " + format.label() + " archive ("
                        + message(e) + ")", e);
            }
            try (ArchiveInputStream<?> archiveIn = in) {
                readEntries(container, format, archiveIn, budget, ratio, visitor);
            }
        }
    }

    private static void readEntries(String container, ArchiveFormat format, ArchiveInputStream<?> in,
                                    BundleBudget budget, BundleBudget.Ratio ratio, Visitor visitor)
            throws IOException {
        @Nullable String last = null;
        boolean inEntry = false;
        while (true) {
            ArchiveEntry entry;
            try {
                inEntry = false;
                entry = nextEntry(in);
                if (entry == null) {
                    return;
                }
                String raw = entry.getName();
                budget.countEntry(container, raw);
                String name = safeName(container, raw);
                if (entry.isDirectory() || name.isEmpty()) {
                    continue;
                }
                String skip = skipReason(entry);
                if (skip != null) {
                    visitor.warning("skipped " + skip + " '" + raw + "' (only regular files are read)");
                    continue;
                }
                if (entry instanceof ZipArchiveEntry && (!methodSupported((ZipArchiveEntry) entry)
                        || !((ZipArchiveInputStream) in).canReadEntryData(entry))) {
                    visitor.warning("skipped '" + raw + "': encrypted or compressed with an unsupported method");
                    continue;
                }
                budget.checkDeclaredSize(container, raw, entry.getSize());
                last = raw;
                inEntry = true;
                InputStream content = budget.entry(container, raw, in, ratio);
                visitor.file(name, content);
                content.transferTo(OutputStream.nullOutputStream()); // count what the visitor did not read
            } catch (BundleLimitException | EvidenceParseException e) {
                throw e;
            } catch (IOException e) {
                if (last == null) {
                    throw new EvidenceParseException(container + ": not a readable " + format.label() + " archive ("
                            + message(e) + ")", e);
                }
                visitor.warning("archive is truncated or corrupt " + (inEntry ? "in" : "after") + " entry '" + last
                        + "' (" + message(e) + "); the rest of the archive was not read");
                return;
            }
        }
    }

    /**
     * Opens a zip through its central directory (which alone knows which entries are symbolic links), after
     * checking from the end-of-central-directory record that the directory is within the limits. Empty when
     * there is no readable central directory (a truncated zip): the caller then streams the local entries.
     */
    private static Optional<ZipFile> openZip(Path archive, BundleBudget budget, Visitor visitor) throws IOException {
        String container = archive.toString();
        Optional<long[]> dir = ArchiveZipDirectory.read(archive);
        if (dir.isEmpty()) {
            visitor.warning("zip has no readable central directory (truncated?); entries are read in stream order"
                    + " and symbolic links cannot be told apart");
            return Optional.empty();
        }
        long entries = dir.get()[0];
        long size = dir.get()[1];
        long maxEntries = budget.limits().maxEntries();
        if (entries < 0 || size < 0 || entries > maxEntries || size > maxEntries * ArchiveZipDirectory.MAX_RECORD_BYTES) {
            throw new BundleLimitException(container + ": zip central directory lists " + entries + " entries in "
                    + size + " bytes, more than " + maxEntries
                    + " entries; raise EvidenceBundle.Limits.maxEntries if this is expected");
        }
        try {
            return Optional.of(ZipFile.builder().setPath(archive).get());
        } catch (IOException e) {
            visitor.warning("zip central directory unreadable (" + message(e) + "); entries are read in stream"
                    + " order and symbolic links cannot be told apart");
            return Optional.empty();
        }
    }

    private static void readZip(String container, ZipFile z, BundleBudget budget, Visitor visitor)
            throws IOException {
        long[] compressed = {0};
        BundleBudget.Ratio ratio = budget.ratio(() -> compressed[0]);
        Enumeration<ZipArchiveEntry> en = z.getEntriesInPhysicalOrder();
        while (en.hasMoreElements()) {
            ZipArchiveEntry entry = en.nextElement();
            String raw = entry.getName();
            budget.countEntry(container, raw);
            String name = safeName(container, raw);
            if (entry.isDirectory() || name.isEmpty()) {
                continue;
            }
            if (entry.isUnixSymlink()) {
                visitor.warning("skipped symbolic link '" + raw + "' (only regular files are read)");
                continue;
            }
            if (!methodSupported(entry) || !z.canReadEntryData(entry)) {
                visitor.warning("skipped '" + raw + "': encrypted or compressed with an unsupported method");
                continue;
            }
            budget.checkDeclaredSize(container, raw, entry.getSize());
            if (!visitor.wantsContent()) {
                visitor.file(name, InputStream.nullInputStream());
                continue;
            }
            compressed[0] += Math.max(0, entry.getCompressedSize());
            try (InputStream in = z.getInputStream(entry)) {
                InputStream content = budget.entry(container, raw, in, ratio);
                visitor.file(name, content);
                content.transferTo(OutputStream.nullOutputStream());
            } catch (BundleLimitException | EvidenceParseException e) {
                throw e;
            } catch (IOException e) {
                visitor.warning("zip entry '" + raw + "' is corrupt (" + message(e) + "); the rest of it was not read");
            }
        }
    }

    /**
     * The next entry of a stream. A streamed zip sets up the entry's decompressor already here, so an entry whose
     * method needs an optional library that is not on the class path (Zstandard: zstd-jni) fails with a
     * {@link LinkageError}: that is a property of the input, reported like a corrupt entry instead of escaping.
     */
    private static @Nullable ArchiveEntry nextEntry(ArchiveInputStream<?> in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (LinkageError e) {
            throw new IOException("an entry is compressed with a method this build cannot decode (" + e + ")", e);
        }
    }

    /**
     * Whether the entry's compression method is one commons-compress decodes by itself. Zstandard, XZ and LZMA
     * entries pass {@code canReadEntryData} but need optional libraries that are not on our class path, and would
     * fail with a {@link NoClassDefFoundError} (found by fuzzing; see {@code BundleFuzzFindingsTest}).
     */
    private static boolean methodSupported(ZipArchiveEntry entry) {
        return SUPPORTED_ZIP_METHODS.contains(entry.getMethod());
    }

    /** A zip starts with a local file header (PK 3 4) or, when empty, the end of central directory (PK 5 6). */
    private static boolean zipSignature(Path archive) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(archive)) {
            n = in.readNBytes(head, 0, 4);
        }
        return n == 4 && head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4)
                || (head[2] == 5 && head[3] == 6));
    }

    private static ArchiveInputStream<?> open(ArchiveFormat format, InputStream in) throws IOException {
        switch (format) {
            case TAR_GZ:
                return new TarArchiveInputStream(new GzipCompressorInputStream(in, true));
            case TAR:
                return new TarArchiveInputStream(in);
            default:
                return new ZipArchiveInputStream(in, "UTF-8", true, true);
        }
    }

    private static @Nullable String skipReason(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry) {
            TarArchiveEntry t = (TarArchiveEntry) entry;
            if (t.isSymbolicLink()) {
                return "symbolic link (-> '" + t.getLinkName() + "')";
            }
            if (t.isLink()) {
                return "hard link (-> '" + t.getLinkName() + "')";
            }
            if (t.isCharacterDevice() || t.isBlockDevice()) {
                return "device";
            }
            if (t.isFIFO()) {
                return "FIFO";
            }
            if (!t.isFile()) {
                return "special entry";
            }
        } else if (entry instanceof ZipArchiveEntry && ((ZipArchiveEntry) entry).isUnixSymlink()) {
            return "symbolic link";
        }
        return null;
    }

    /**
     * The entry name as a clean relative path ({@code a/b.txt}); refuses absolute paths and {@code ..}.
     *
     * @throws EvidenceParseException when the name escapes the bundle
     */
    static String safeName(String container, String raw) throws EvidenceParseException {
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new EvidenceParseException(container + ": entry '" + raw
                    + "' has an absolute path; refused (a bundle holds relative paths only)");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new EvidenceParseException(container + ": entry '" + raw
                        + "' escapes the bundle with '..' (path traversal); refused");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Counts the compressed bytes read from the archive file. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
