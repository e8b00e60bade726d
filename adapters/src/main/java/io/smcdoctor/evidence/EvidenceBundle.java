package io.smcdoctor.evidence;

import io.smcdoctor.evidence.internal.BundleReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads evidence from files: a bundle directory, a {@code .tar.gz}/{@code .tgz}/{@code .tar}/{@code .zip}
 * archive, or single evidence files, using the file names of {@code docs/bundle.md}.
 *
 * <p>Files are streamed straight into the parsers; archives are never extracted to disk. Unknown files are
 * ignored with a warning naming them; {@code scenario.json} (lab ground truth) is skipped silently. A
 * {@code proc/sys/...} tree inside a bundle is read as sysctl settings. Archive entries that are links or
 * devices are skipped with a warning; entries that escape the bundle ({@code ../}, absolute paths) and
 * inputs beyond the {@link Limits} make the whole read fail.
 *
 * <p>When several paths are given, their facts are merged into one {@link Evidence} and each source is
 * prefixed with the name of its bundle (e.g. {@code client/smcss.txt}) so that citations stay unique.
 *
 * <p>Evidence held in memory (pasted command output, files received over a network) is read the same way, without
 * writing anything to disk: {@link #read(Map)} takes file names and contents; {@link #reader()} combines paths,
 * in-memory bundles and single in-memory files (recognised by name or else by content) in one read.
 *
 * <pre>{@code
 * Evidence client = EvidenceBundle.read(Path.of("bundle-client.tar.gz"));
 * Evidence both = EvidenceBundle.read(List.of(Path.of("client"), Path.of("server")));
 * Evidence pasted = EvidenceBundle.read(Map.of("smcss.txt", smcssText, "symptom.txt", "no speed-up"));
 * Evidence mixed = EvidenceBundle.reader().path(Path.of("bundle.tar.gz")).file("out.log", pastedText).read();
 * }</pre>
 *
 * (The examples are compiled and run in the tests' {@code io.smcdoctor.adapters.host.Snippets}.)
 *
 * <p>A single file whose name is not of the bundle format, a bundle's file of unknown name holding text, and standard
 * input ({@link #read(List, InputStream)} with the path {@code -}) are read as pastes: text copied from a ticket, a mail
 * or a terminal that may mix several tools' outputs ({@code $ smcss -a}, then {@code $ smcr -d stats}, then kernel log
 * lines) and prose. Each tool's part is recognised by its command line or content and read by that tool's parser;
 * quoting ({@code > }), indentation, prompts, wrapped lines, colour codes and {@code ...} elisions are understood; the
 * prose is the reporter's words (symptom text). What nothing recognises becomes warnings with its lines.
 *
 * <p>Thread-safe: every call reads independently.
 */
public final class EvidenceBundle {
    private EvidenceBundle() {
    }

    /**
     * Reads one bundle directory, archive or single file with the {@link Limits#defaults() default limits}.
     *
     * @throws EvidenceParseException when the path is missing or unreadable, an archive is refused, or a
     *                                single file is of no recognisable kind; the message names the file
     */
    public static Evidence read(Path path) {
        Objects.requireNonNull(path, "path");
        return read(List.of(path), Limits.defaults());
    }

    /**
     * Reads several bundles or files into one {@link Evidence} with the default limits; sources are prefixed
     * with the bundle name when more than one path is given.
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     * @throws EvidenceParseException   as for {@link #read(Path)}
     */
    public static Evidence read(List<Path> paths) {
        return read(paths, Limits.defaults());
    }

    /**
     * Reads several bundles or files into one {@link Evidence} with the given limits.
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     * @throws EvidenceParseException   as for {@link #read(Path)}, or when a limit is exceeded
     */
    public static Evidence read(List<Path> paths, Limits limits) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(limits, "limits");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must name at least one bundle or file");
        }
        paths.forEach(p -> Objects.requireNonNull(p, "paths must not contain null"));
        return new BundleReader(limits).read(paths);
    }

    /**
     * Reads a bundle held in memory: file names as in the bundle format ({@code smcss.txt}, {@code dmesg.txt},
     * {@code symptom.txt}, ...) to their text, with the default limits. Unknown names are ignored with a warning,
     * as in a bundle directory. Nothing is written to disk.
     *
     * @throws EvidenceParseException when a limit is exceeded
     */
    public static Evidence read(Map<String, String> files) {
        Objects.requireNonNull(files, "files");
        return reader().bundle("bundle", files).read();
    }

    /** A reader that combines paths and evidence held in memory in one {@link Evidence}. */
    public static Reader reader() {
        return new Reader();
    }

    /**
     * Combines inputs into one read: bundle paths, bundles held in memory and single files held in memory. When
     * there is more than one input, each source is prefixed with the name of its bundle, as for
     * {@link #read(List)}. Not thread-safe; {@link #read()} may be called once.
     */
    public static final class Reader {
        private final List<BundleReader.Input> inputs = new ArrayList<>();
        private Limits limits = Limits.defaults();

        private Reader() {
        }

        /** The bounds of the read (default {@link Limits#defaults()}). */
        public Reader limits(Limits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** A bundle directory, archive or single file on disk. */
        public Reader path(Path path) {
            inputs.add(new BundleReader.PathInput(Objects.requireNonNull(path, "path")));
            return this;
        }

        /**
         * A bundle held in memory: file names as in the bundle format to their text ({@code label} names it in
         * citations when the read has several inputs).
         */
        public Reader bundle(String label, Map<String, String> files) {
            Objects.requireNonNull(label, "label");
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            files.forEach((name, text) -> bytes.put(Objects.requireNonNull(name, "file name"),
                    Objects.requireNonNull(text, "text of " + name).getBytes(StandardCharsets.UTF_8)));
            inputs.add(new BundleReader.MemoryBundle(label, bytes));
            return this;
        }

        /**
         * One file held in memory, recognised by its name ({@code dmesg.txt}) or else by its content, like a single
         * file on the command line.
         */
        public Reader file(String name, String text) {
            Objects.requireNonNull(name, "name");
            inputs.add(new BundleReader.MemoryFile(name, Objects.requireNonNull(text, "text")
                    .getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /**
         * Reads every input.
         *
         * @throws IllegalStateException  when no input was given
         * @throws EvidenceParseException when an input is unreadable, refused or of no recognisable kind, or a limit
         *                                is exceeded; the message names the file
         */
        public Evidence read() {
            if (inputs.isEmpty()) {
                throw new IllegalStateException("give at least one path, bundle or file to read");
            }
            return new BundleReader(limits).readAll(inputs);
        }
    }

    /**
     * Reads several bundles or files with the default limits, where the path {@code -} stands for {@code stdin}: a
     * paste from a ticket ({@code smc-doctor diagnose -}).
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     * @throws EvidenceParseException   as for {@link #read(Path)}
     */
    public static Evidence read(List<Path> paths, InputStream stdin) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(stdin, "stdin");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must name at least one bundle or file");
        }
        paths.forEach(p -> Objects.requireNonNull(p, "paths must not contain null"));
        return new BundleReader(Limits.defaults(), stdin).read(paths);
    }

    /**
     * Bounds on what one read may consume, protecting against archive bombs and runaway inputs.
     *
     * @param maxTotalBytes       uncompressed bytes read over all files of one call
     * @param maxEntryBytes       uncompressed bytes of any one file or archive entry
     * @param maxEntries          files or archive entries (of any type) of one call
     * @param maxCompressionRatio largest accepted ratio of uncompressed to compressed bytes of an archive,
     *                            checked once more than {@link #RATIO_CHECK_THRESHOLD} bytes were inflated
     */
    public record Limits(long maxTotalBytes, long maxEntryBytes, int maxEntries, int maxCompressionRatio) {
        /** Inflated bytes of an archive after which the compression ratio is checked. */
        public static final long RATIO_CHECK_THRESHOLD = 1L << 20;

        /** Validates that every bound is positive and the entry bound does not exceed the total. */
        public Limits {
            if (maxTotalBytes <= 0) {
                throw new IllegalArgumentException("maxTotalBytes must be > 0, was " + maxTotalBytes);
            }
            if (maxEntryBytes <= 0) {
                throw new IllegalArgumentException("maxEntryBytes must be > 0, was " + maxEntryBytes);
            }
            if (maxEntries <= 0) {
                throw new IllegalArgumentException("maxEntries must be > 0, was " + maxEntries);
            }
            if (maxCompressionRatio <= 1) {
                throw new IllegalArgumentException("maxCompressionRatio must be > 1, was " + maxCompressionRatio);
            }
        }

        /** 1 GiB in total, 256 MiB per file, 10,000 entries, compression ratio at most 100. */
        public static Limits defaults() {
            return new Limits(1L << 30, 256L << 20, 10_000, 100);
        }

        /** A copy with another total size bound. */
        public Limits withMaxTotalBytes(long bytes) {
            return new Limits(bytes, maxEntryBytes, maxEntries, maxCompressionRatio);
        }

        /** A copy with another per-file size bound. */
        public Limits withMaxEntryBytes(long bytes) {
            return new Limits(maxTotalBytes, bytes, maxEntries, maxCompressionRatio);
        }

        /** A copy with another entry count bound. */
        public Limits withMaxEntries(int entries) {
            return new Limits(maxTotalBytes, maxEntryBytes, entries, maxCompressionRatio);
        }

        /** A copy with another compression ratio bound. */
        public Limits withMaxCompressionRatio(int ratio) {
            return new Limits(maxTotalBytes, maxEntryBytes, maxEntries, ratio);
        }
    }
}
