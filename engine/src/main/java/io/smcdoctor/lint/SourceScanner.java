package io.smcdoctor.lint;

import io.smcdoctor.SockoptAdvice;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.lint.LintFinding.Level;
import io.smcdoctor.lint.LintReport.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds socket options set in source code (C/C++, Java, Go, Python, Rust) and says, per use, what the catalog says
 * about them on SMC sockets.
 *
 * <p>What is recognised: {@code setsockopt}/{@code getsockopt} calls at {@code SOL_SOCKET} / {@code SOL_TCP} /
 * {@code IPPROTO_TCP} (C, C++, Rust {@code libc::}, Python {@code sock.setsockopt}, Go {@code unix./syscall.Setsockopt*},
 * names or numbers, calls spread over lines), Java {@code StandardSocketOptions}, {@code ExtendedSocketOptions} and
 * Netty {@code ChannelOption}/{@code EpollChannelOption} constants (also statically imported) and
 * {@code java.net.Socket} setters, Go
 * {@code net.TCPConn} setters, Rust {@code socket2} setters, and the {@code MSG_FASTOPEN} flag in send calls.
 * Comments and string literals are ignored.
 *
 * <p>Levels: options the catalog marks N are {@link Level#ERROR} (SMC falls back to TCP), M are
 * {@link Level#WARNING}; reading an N option is a warning; Y options and reading M options are
 * {@link Level#NOTE}s, reported only with {@link Builder#reportSupported(boolean)}. Options the catalog does
 * not know are not reported.
 *
 * <p>Immutable and thread-safe. Content never makes it throw: unreadable, binary and too-large files are listed in
 * {@link LintReport#skipped()}.
 */
public final class SourceScanner {
    /** Default limit on the size of a file to read: 2 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** Directory names never entered when walking a tree. */
    public static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "target", "node_modules",
            "build", ".gradle", ".idea", "__pycache__", ".venv", ".tox");

    private static final int BINARY_SNIFF_BYTES = 8192;

    private final SockoptAdvisor advisor;
    private final long maxFileBytes;
    private final boolean reportSupported;

    private SourceScanner(Builder b) {
        this.advisor = b.advisor;
        this.maxFileBytes = b.maxFileBytes;
        this.reportSupported = b.reportSupported;
    }

    /** A scanner with default settings over the given advisor. */
    public static SourceScanner of(SockoptAdvisor advisor) {
        return builder(advisor).build();
    }

    /** A builder over the given advisor. */
    public static Builder builder(SockoptAdvisor advisor) {
        return new Builder(advisor);
    }

    /**
     * Scans one document held in memory (e.g. an editor buffer), its language taken from the file name's extension.
     *
     * @param fileName the name reported in findings (its extension selects the language)
     * @param text     the document
     * @return findings in line/column order; empty for an unknown extension
     */
    public List<LintFinding> scan(String fileName, CharSequence text) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        return SourceLanguage.fromFileName(fileName).map(l -> scan(l, fileName, text)).orElse(List.of());
    }

    /** Scans one document held in memory in the given language. */
    public List<LintFinding> scan(SourceLanguage language, String fileName, CharSequence text) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        String masked = CodeMask.mask(text, language);
        int[] lineStarts = lineStarts(masked);
        List<LintFinding> out = new ArrayList<>();
        for (Hit h : Extractor.extract(masked, language)) {
            Optional<SockoptAdvice> advice = lookup(h);
            if (advice.isEmpty()) {
                continue;
            }
            Optional<Level> level = level(h.usage(), advice.get().support());
            if (level.isEmpty()) {
                continue;
            }
            int line = line(lineStarts, h.offset());
            int column = h.offset() - lineStarts[line - 1] + 1;
            out.add(new LintFinding(fileName, line, column, level.get(), h.usage(), h.symbol(), advice.get()));
        }
        out.sort(Comparator.comparingInt(LintFinding::line).thenComparingInt(LintFinding::column));
        return List.copyOf(out);
    }

    /**
     * Scans files and directory trees. Directories are walked (symbolic links are not followed), skipping
     * {@link #SKIPPED_DIRECTORIES}; files are chosen by extension. A file named explicitly is scanned whatever its
     * name if its extension is known, and otherwise listed as skipped.
     *
     * @param paths files or directories
     * @param base  findings name files relative to this directory (forward slashes) when they are under it
     * @throws NoSuchFileException (wrapped in {@link UncheckedIOException}) when a given path does not exist
     */
    public LintReport scan(List<Path> paths, Path base) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(base, "base");
        Path absBase = base.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new UncheckedIOException(new NoSuchFileException(p.toString(), null, "no such file or directory"));
            }
            if (Files.isDirectory(p)) {
                walk(p, files);
            } else if (SourceLanguage.fromFileName(p.getFileName().toString()).isPresent()) {
                files.add(p);
            } else {
                skipped.add(new SkippedFile(display(p, absBase), "not a C/C++, Java, Go, Python or Rust source file"));
            }
        }
        files.sort(Comparator.comparing(f -> display(f, absBase)));
        List<LintFinding> findings = new ArrayList<>();
        int scanned = 0;
        for (Path f : files) {
            String name = display(f, absBase);
            Optional<String> text = read(f, name, skipped);
            if (text.isPresent()) {
                scanned++;
                SourceLanguage lang = SourceLanguage.fromFileName(f.getFileName().toString()).orElseThrow();
                findings.addAll(scan(lang, name, text.get()));
            }
        }
        return new LintReport(findings, skipped, scanned);
    }

    private Optional<String> read(Path f, String name, List<SkippedFile> skipped) {
        try {
            long size = Files.size(f);
            if (size > maxFileBytes) {
                skipped.add(new SkippedFile(name, String.format(Locale.ROOT,
                        "larger than the limit of %d bytes (%d bytes)", maxFileBytes, size)));
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(f)) {
                bytes = in.readNBytes((int) Math.min(maxFileBytes, Integer.MAX_VALUE - 8) + 1);
            }
            if (bytes.length > maxFileBytes) {
                skipped.add(new SkippedFile(name, "grew beyond the limit of " + maxFileBytes + " bytes while reading"));
                return Optional.empty();
            }
            for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF_BYTES); i++) {
                if (bytes[i] == 0) {
                    skipped.add(new SkippedFile(name, "binary content (NUL byte at offset " + i + ")"));
                    return Optional.empty();
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text);
        } catch (IOException e) {
            skipped.add(new SkippedFile(name, "unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void walk(Path dir, List<Path> files) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    Path fn = d.getFileName();
                    boolean skip = !d.equals(dir) && fn != null && SKIPPED_DIRECTORIES.contains(fn.toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    Path fn = f.getFileName();
                    if (attrs.isRegularFile() && fn != null
                            && SourceLanguage.fromFileName(fn.toString()).isPresent()) {
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as findings name it: relative to base with forward slashes, else its absolute path. */
    static String display(Path file, Path absBase) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(absBase) && !abs.equals(absBase)) {
            return absBase.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    private Optional<SockoptAdvice> lookup(Hit h) {
        if (h.usage() == LintFinding.Usage.SEND_FLAG) {
            return advisor.checkSendFlagFastOpen();
        }
        if (h.numeric()) {
            return h.level() == null ? Optional.empty() : advisor.check(h.level().name(), h.value());
        }
        if (h.level() != null) {
            return advisor.check(h.level().name(), h.name());
        }
        return advisor.check(h.name());
    }

    private Optional<Level> level(LintFinding.Usage usage, SockoptAdvice.Support support) {
        Level l;
        if (usage == LintFinding.Usage.GET) {
            l = support == SockoptAdvice.Support.N ? Level.WARNING : Level.NOTE;
        } else if (usage == LintFinding.Usage.SEND_FLAG) {
            l = Level.ERROR;
        } else {
            l = support == SockoptAdvice.Support.N ? Level.ERROR
                    : support == SockoptAdvice.Support.M ? Level.WARNING : Level.NOTE;
        }
        return l == Level.NOTE && !reportSupported ? Optional.empty() : Optional.of(l);
    }

    private static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int line(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Settings for a {@link SourceScanner}. Not thread-safe; the built scanner is. */
    public static final class Builder {
        private final SockoptAdvisor advisor;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private boolean reportSupported;

        private Builder(SockoptAdvisor advisor) {
            this.advisor = Objects.requireNonNull(advisor, "advisor");
        }

        /** Files larger than this are skipped with a note (default {@link #DEFAULT_MAX_FILE_BYTES}). */
        public Builder maxFileBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /** Also report supported (Y) options and reads of M options, as {@link Level#NOTE} (default false). */
        public Builder reportSupported(boolean report) {
            this.reportSupported = report;
            return this;
        }

        /** The scanner. */
        public SourceScanner build() {
            return new SourceScanner(this);
        }
    }

    /** Programming languages the scanner understands, recognised by file extension. */
    public enum SourceLanguage {
        /** C: {@code .c}, {@code .h}. */
        C(List.of("c", "h")),
        /** C++: {@code .cc}, {@code .cpp}, {@code .cxx}, {@code .hh}, {@code .hpp}, {@code .hxx}. */
        CPP(List.of("cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx")),
        /** Java: {@code .java}. */
        JAVA(List.of("java")),
        /** Go: {@code .go}. */
        GO(List.of("go")),
        /** Python: {@code .py}, {@code .pyi}. */
        PYTHON(List.of("py", "pyi")),
        /** Rust: {@code .rs}. */
        RUST(List.of("rs"));

        private final List<String> extensions;

        SourceLanguage(List<String> extensions) {
            this.extensions = extensions;
        }

        /** File extensions (lower case, without the dot). */
        public List<String> extensions() {
            return extensions;
        }

        /** The language of a file by its name's extension (case-insensitive); empty for other files. */
        public static Optional<SourceLanguage> fromFileName(String fileName) {
            int dot = fileName.lastIndexOf('.');
            if (dot < 0 || dot == fileName.length() - 1) {
                return Optional.empty();
            }
            String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            for (SourceLanguage l : values()) {
                if (l.extensions.contains(ext)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }
}
