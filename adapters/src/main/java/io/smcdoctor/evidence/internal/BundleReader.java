package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads bundle directories, archives, single files and in-memory bundles into one {@link Evidence}: the
 * implementation of {@link EvidenceBundle}. One instance per read; not thread-safe.
 */
public final class BundleReader {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_PROC_VALUE = 4096;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final BundleBudget budget;
    private final Evidence.Builder builder = Evidence.builder();
    private final Set<String> labels = new HashSet<>();
    private final Set<String> singleSources = new HashSet<>();
    private final @Nullable FileSink sink;
    private final @Nullable InputStream stdin;

    /** Receives the evidence files of a read instead of the parsers. */
    @FunctionalInterface
    public interface FileSink {
        /**
         * One evidence file: its source name exactly as the facts of a normal read cite it, its kind and its
         * content (bounded by the limits; what the sink does not read is still counted).
         */
        void file(String source, SourceKind kind, InputStream content) throws IOException;
    }

    /** A reader bounded by {@code limits}. */
    public BundleReader(EvidenceBundle.Limits limits) {
        this(limits, null, null);
    }

    /** One input of a read: a path, a bundle held in memory, or one file held in memory. */
    public sealed interface Input permits PathInput, MemoryBundle, MemoryFile {
    }

    /** A bundle directory, archive or single file on disk. */
    public record PathInput(Path path) implements Input {
    }

    /**
     * A bundle held in memory: file names relative to the bundle root (as in the bundle format) to content. The same
     * rules as for a directory apply; {@code label} prefixes its sources when the read has several inputs.
     */
    public record MemoryBundle(String label, Map<String, byte[]> files) implements Input {
        public MemoryBundle {
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    /** One file held in memory, recognised by its name or else by its content, like a single file on disk. */
    public record MemoryFile(String name, byte[] content) implements Input {
    }

    /**
     * A reader that walks the inputs as a normal read does (same names, same limits, same refusals) but hands each
     * evidence file to {@code sink} instead of parsing it: for reading cited files again, e.g. to show the lines
     * around a citation. The evidence {@link #read(List)} returns is then empty apart from warnings.
     */
    public BundleReader(EvidenceBundle.Limits limits, FileSink sink) {
        this(limits, sink, null);
    }

    /**
     * A reader bounded by {@code limits} for which the path {@value #STDIN} stands for {@code stdin}: pasted text,
     * split into the tools' outputs by content.
     */
    public BundleReader(EvidenceBundle.Limits limits, @Nullable InputStream stdin) {
        this(limits, null, stdin);
    }

    private BundleReader(EvidenceBundle.Limits limits, @Nullable FileSink sink, @Nullable InputStream stdin) {
        this.budget = new BundleBudget(limits);
        this.sink = sink;
        this.stdin = stdin;
    }

    /**
     * Reads without the connection index ({@link Evidence.Builder#withoutConnections()}): for evidence diagnosed on
     * its own. Before the first read.
     */
    public BundleReader withoutConnections() {
        builder.withoutConnections();
        return this;
    }

    /**
     * Reads without computing the fingerprint ({@link Evidence.Builder#withoutFingerprint()}): for evidence diagnosed
     * once. Before the first read.
     */
    public BundleReader withoutFingerprint() {
        builder.withoutFingerprint();
        return this;
    }

    /** The path that names standard input. */
    public static final String STDIN = "-";

    /**
     * Reads every path; sources are prefixed with the bundle's name when there is more than one path.
     *
     * @throws EvidenceParseException when a path cannot be read, an archive is refused or a limit is exceeded
     */
    public Evidence read(List<Path> paths) {
        List<Input> inputs = new ArrayList<>();
        paths.forEach(p -> inputs.add(new PathInput(p)));
        return readAll(inputs);
    }

    /**
     * Reads every input into one evidence; sources are prefixed with the name of their bundle when there is more
     * than one input.
     *
     * @throws EvidenceParseException when an input cannot be read, an archive is refused or a limit is exceeded
     */
    public Evidence readAll(List<Input> inputs) {
        boolean several = inputs.size() > 1;
        for (Input in : inputs) {
            if (in instanceof PathInput p) {
                readPath(p.path(), several);
            } else if (in instanceof MemoryBundle b) {
                readMemoryBundle(b, several ? label(b.label()) + "/" : "");
            } else if (in instanceof MemoryFile f) {
                readMemoryFile(f);
            }
        }
        return builder.build();
    }

    private void readMemoryBundle(MemoryBundle bundle, String prefix) {
        for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
            try {
                budget.countEntry(bundle.label(), f.getKey());
                entry(f.getKey(), prefix + f.getKey(), budget.entry(bundle.label(), f.getKey(),
                        new ByteArrayInputStream(f.getValue()), null));
            } catch (IOException e) {
                throw failure(bundle.label(), e);
            }
        }
    }

    private void readMemoryFile(MemoryFile file) {
        String source = uniqueSingleSource(file.name(), null);
        try {
            budget.countEntry(file.name(), file.name());
            budget.checkDeclaredSize(file.name(), file.name(), file.content().length);
            readSingle(file.name(), EvidenceSpec.baseName(file.name()), source,
                    () -> new ByteArrayInputStream(file.content()));
        } catch (IOException e) {
            throw failure(file.name(), e);
        }
    }

    private void readPath(Path path, boolean several) {
        if (stdin != null && path.toString().equals(STDIN)) {
            readStdin(stdin);
            return;
        }
        if (!Files.exists(path)) {
            throw new EvidenceParseException(path + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            readDirectory(path, several ? label(path) + "/" : "");
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new EvidenceParseException(path + ": not a regular file or directory");
        }
        Optional<ArchiveFormat> format;
        try {
            format = ArchiveFormat.of(path);
        } catch (IOException e) {
            throw failure(path.toString(), e);
        }
        if (format.isPresent()) {
            readArchive(path, format.get(), several ? label(path) + "/" : "");
        } else {
            readSingleFile(path);
        }
    }

    private void readSingleFile(Path path) {
        String container = path.toString();
        String name = String.valueOf(path.getFileName());
        String source = uniqueSingleSource(name, path);
        try {
            budget.countEntry(container, name);
            budget.checkDeclaredSize(container, name, Files.size(path));
            if (!isLabTruth(name) && isElf(path)) {
                // an executable given with the evidence: is it statically linked (smc_run cannot preload into it)?
                builder.binary(path);
                return;
            }
            readSingle(container, name, source, () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw failure(container, e);
        }
    }

    /** The content of a single file, opened again for each pass over it (a file on disk or bytes in memory). */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    /**
     * A single file (on disk or in memory): read by the parser its name says, else as a paste whose parts are
     * recognised by content, else, when it is text without any tool's output, as the reporter's description.
     *
     * @throws EvidenceParseException when it is neither (binary content of no recognised kind)
     */
    private void readSingle(String container, String name, String source, Content content) throws IOException {
        if (isLabTruth(name)) {
            builder.warning(new ParseWarning(source, 0, "scenario.json is lab ground truth; not read"));
            return;
        }
        Optional<SourceKind> kind = SourceKind.ofFileName(name)
                .filter(k -> !(EvidenceSpecs.of(k).reader() instanceof EvidenceSpec.Reader.Elf));
        if (kind.isPresent()) {
            try (InputStream in = content.open()) {
                process(kind.get(), source, budget.entry(container, name, in, null));
            }
            return;
        }
        // a file of unknown name: a paste, whose parts are recognised by content
        int parts;
        try (InputStream in = content.open()) {
            parts = builder.readPaste(source, budget.entry(container, name, in, null), false);
        }
        if (parts == 0 && isText(content)) {
            // no tool's output in it, but text: what a person wrote about the problem (a ticket, a mail)
            try (InputStream in = content.open()) {
                process(SourceKind.SYMPTOM, source, budget.entry(container, name, in, null));
            }
            builder.warning(new ParseWarning(source, 0, "no tool output recognised in '" + source
                    + "'; read as a description of the problem"));
            return;
        }
        if (parts == 0) {
            throw new EvidenceParseException(container + ": not a recognised evidence file; give a bundle "
                    + "directory, a .tar.gz/.tgz/.tar/.zip archive, a file named as in the bundle format "
                    + "(smcss.txt, dmesg.txt, sysctl.txt, ...) or the output of one of: "
                    + ContentSniffer.recognisedKinds());
        }
    }

    /** A name for a single file's citations, unique within the read (the parent folder is added on a clash). */
    private String uniqueSingleSource(String name, @Nullable Path path) {
        String source = name;
        if (!singleSources.add(source)) {
            Path parent = path == null ? null : path.toAbsolutePath().normalize().getParent();
            source = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + name;
            int n = 2;
            while (!singleSources.add(source)) {
                source = name + "#" + n++;
            }
        }
        return source;
    }

    /**
     * True when the file's first 8 KiB are text a person wrote: valid UTF-8 (or ASCII) without NUL bytes and with few
     * other control characters.
     */
    private static boolean isText(Content content) throws IOException {
        byte[] head;
        try (InputStream in = content.open()) {
            head = in.readNBytes(8192);
        }
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        if (control * 20 > head.length) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(head, 0,
                    head.length < 8192 ? head.length : lastCharBoundary(head)));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The length of the longest prefix that does not cut a UTF-8 sequence. */
    private static int lastCharBoundary(byte[] b) {
        int end = b.length;
        int i = end - 1;
        while (i > 0 && (b[i] & 0xC0) == 0x80 && end - i < 4) {
            i--;
        }
        return (b[i] & 0x80) == 0 ? end : i;
    }

    private static boolean isElf(Path path) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            return ContentSniffer.isElf(magic, in.readNBytes(magic, 0, 4));
        }
    }

    /**
     * True for names a paste is saved under ({@code paste.txt}, {@code ticket-4711.log}, {@code out}): text without a
     * format of its own. Structured and document files ({@code .yaml}, {@code .json}, {@code .md}, {@code .html}, ...)
     * are not pastes of terminal output and are never read as one.
     */
    static boolean pasteName(String name) {
        String base = EvidenceSpec.baseName(name);
        int dot = base.lastIndexOf('.');
        if (dot <= 0) {
            return true;
        }
        switch (base.substring(dot + 1)) {
            case "txt": case "log": case "out": case "text": case "paste": case "dmesg":
                return true;
            default:
                return false;
        }
    }

    /** Standard input: a paste (a ticket, a mail), read by content; prose alone is still the reporter's words. */
    private void readStdin(InputStream in) {
        String source = "stdin";
        try {
            budget.countEntry(source, source);
            builder.readPaste(source, budget.entry(source, source, in, null), true);
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    private void readDirectory(Path dir, String prefix) {
        String container = dir.toString();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new DirectoryLister(dir, container, prefix, files));
        } catch (IOException e) {
            throw failure(container, e);
        }
        files.sort(Comparator.comparing(p -> relative(dir, p)));
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(relative(dir, f)));
        String top = commonTopFolder(names);
        if (files.isEmpty()) {
            builder.warning(new ParseWarning(prefix.isEmpty() ? container : stripSlash(prefix), 0,
                    "the bundle directory holds no files"));
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String rel = strip(names.get(i), top);
            try {
                budget.checkDeclaredSize(container, names.get(i), Files.size(f));
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    entry(rel, prefix + rel, budget.entry(container, names.get(i), in, null));
                }
            } catch (IOException e) {
                throw failure(container, e);
            }
        }
    }

    private final class DirectoryLister implements FileVisitor<Path> {
        private final Path root;
        private final String container;
        private final String prefix;
        private final List<Path> files;

        DirectoryLister(Path root, String container, String prefix, List<Path> files) {
            this.root = root;
            this.container = container;
            this.prefix = prefix;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            String rel = relative(root, f);
            budget.countEntry(container, rel);
            if (attrs.isRegularFile()) {
                files.add(f);
            } else {
                String what = attrs.isSymbolicLink() ? "symbolic link" : attrs.isDirectory()
                        ? "directory deeper than " + MAX_DEPTH + " levels" : "special file";
                builder.warning(new ParseWarning(prefix + rel, 0, "skipped " + what + " (only regular files are read)"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
            builder.warning(new ParseWarning(prefix + relative(root, f), 0, "cannot be read (" + e.getMessage() + ")"));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }

    private void readArchive(Path archive, ArchiveFormat format, String prefix) {
        String container = archive.toString();
        String warnSource = prefix.isEmpty() ? String.valueOf(archive.getFileName()) : stripSlash(prefix);
        try {
            // pass 1: the names, to find a single top-level folder (bounded like pass 2, on its own budget)
            List<String> names = new ArrayList<>();
            ArchiveReader.read(archive, format, new BundleBudget(budget.limits()), new ArchiveReader.Visitor() {
                @Override
                public void file(String path, InputStream content) {
                    names.add(path);
                }

                @Override
                public void warning(String message) {
                    // reported by pass 2
                }

                @Override
                public boolean wantsContent() {
                    return false;
                }
            });
            String top = commonTopFolder(names);
            if (names.isEmpty()) {
                builder.warning(new ParseWarning(warnSource, 0, "the archive holds no files"));
            }
            ArchiveReader.read(archive, format, budget, new ArchiveReader.Visitor() {
                @Override
                public void file(String path, InputStream content) throws IOException {
                    String rel = strip(path, top);
                    entry(rel, prefix + rel, content);
                }

                @Override
                public void warning(String message) {
                    builder.warning(new ParseWarning(warnSource, 0, message));
                }
            });
        } catch (IOException e) {
            throw failure(container, e);
        }
    }

    /** One file of a bundle: dispatch by name. */
    private void entry(String rel, String source, InputStream in) throws IOException {
        String base = rel.substring(rel.lastIndexOf('/') + 1);
        if (isLabTruth(base) || base.startsWith("._") || rel.startsWith("__MACOSX/")) {
            return; // lab ground truth and macOS resource forks: never evidence
        }
        if (rel.startsWith("proc/sys/") || rel.contains("/proc/sys/")) {
            procSys(rel, source, in);
            return;
        }
        Optional<SourceKind> kind = SourceKind.ofFileName(base);
        if (kind.isEmpty() || EvidenceSpecs.of(kind.get()).reader() instanceof EvidenceSpec.Reader.Elf) {
            unknownEntry(source, in);
            return;
        }
        process(kind.get(), source, in);
    }

    /**
     * A bundle file whose name is not of the bundle format ({@code paste.txt}, {@code notes.txt}, {@code ticket.log}):
     * read as a paste when it is text holding some tool's output, else ignored with a warning.
     */
    private void unknownEntry(String source, InputStream raw) throws IOException {
        if (!pasteName(source)) {
            builder.warning(new ParseWarning(source, 0, "unknown file ignored: '" + source
                    + "' is not a file name of the evidence bundle format"));
            return;
        }
        BufferedInputStream in = new BufferedInputStream(raw, ContentSniffer.HEAD_BYTES);
        in.mark(ContentSniffer.HEAD_BYTES);
        byte[] head = in.readNBytes(ContentSniffer.HEAD_BYTES);
        in.reset();
        boolean binary = head.length == 0 || ContentSniffer.isElf(head, head.length);
        for (int i = 0; i < head.length && !binary; i++) {
            binary = head[i] == 0;
        }
        if (!binary && builder.readPaste(source, in, false) > 0) {
            return;
        }
        builder.warning(new ParseWarning(source, 0, "unknown file ignored: '" + source
                + "' is not a file name of the evidence bundle format"
                + (binary ? " (binary content)" : ", and no tool's output was recognised in it")));
    }

    /** One input of a known kind, read as its spec says. */
    private void process(SourceKind kind, String source, InputStream in) throws IOException {
        if (sink != null) {
            sink.file(source, kind, in);
            return;
        }
        EvidenceSpec.Reader reader = EvidenceSpecs.of(kind).reader();
        if (reader instanceof EvidenceSpec.Reader.Json json) {
            builder.source(source, kind);
            json.read().read(in, source, builder::warning).forEach(builder::add);
            return;
        }
        try {
            builder.parse(kind, source, in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file of a {@code proc/sys} tree: one sysctl, the key from the path (as {@code sysctl} names it). */
    private void procSys(String rel, String source, InputStream in) throws IOException {
        String path = rel.substring(rel.indexOf("proc/sys/") + "proc/sys/".length());
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/")) {
            parts.add(seg.replace('.', '/'));
        }
        String key = String.join(".", parts);
        byte[] bytes = in.readNBytes(MAX_PROC_VALUE);
        String value = SPACES.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll(" ").strip();
        if (value.indexOf('\0') >= 0) {
            builder.warning(new ParseWarning(source, 0, "binary data in a proc/sys file; ignored"));
            return;
        }
        builder.source(source, SourceKind.SYSCTL);
        builder.add(new SysctlSetting(new Provenance(source, 0, key + " = " + value), key, value));
    }

    private String label(Path path) {
        Path name = path.getFileName();
        if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
            name = path.toAbsolutePath().normalize().getFileName();
        }
        String l = name == null ? "bundle" : name.toString();
        String lower = l.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".tar.gz", ".tgz", ".tar", ".zip")) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                l = l.substring(0, l.length() - ext.length());
                break;
            }
        }
        return label(l);
    }

    /** The label, made unique within the read ({@code client}, {@code client-2}, ...). */
    private String label(String l) {
        String unique = l;
        int n = 2;
        while (!labels.add(unique)) {
            unique = l + "-" + n++;
        }
        return unique;
    }

    private static boolean isLabTruth(String base) {
        return base.equalsIgnoreCase("scenario.json");
    }

    /** The first path segment shared by every name, when each name lies below it; else empty. */
    static String commonTopFolder(List<String> names) {
        String top = null;
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash <= 0) {
                return "";
            }
            String first = n.substring(0, slash);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        return top == null || top.equals("proc") ? "" : top;
    }

    private static String strip(String name, String top) {
        return !top.isEmpty() && name.startsWith(top + "/") ? name.substring(top.length() + 1) : name;
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static EvidenceParseException failure(String container, IOException e) {
        if (e instanceof BundleLimitException) {
            return new EvidenceParseException(e.getMessage(), e);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new EvidenceParseException(container + ": cannot be read (" + m + ")", e);
    }
}
