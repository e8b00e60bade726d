package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.catalog.internal.Drafts.CauseRef;
import io.smcdoctor.catalog.internal.Drafts.CauseSlot;
import io.smcdoctor.catalog.internal.Drafts.CodeEntry;
import io.smcdoctor.catalog.internal.Drafts.FileContent;
import io.smcdoctor.catalog.internal.Drafts.InlineCause;
import io.smcdoctor.catalog.internal.Drafts.Located;
import io.smcdoctor.catalog.internal.Drafts.OptionEntry;
import io.smcdoctor.catalog.internal.Drafts.SymptomDraft;
import io.smcdoctor.catalog.internal.FactDrafts.FactEntry;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Loads, merges and validates the catalog YAML: the bundled files under {@code io/smcdoctor/catalog/} in the
 * jar, then any overlays in order. An overlay entry with the same reason code, symptom id, socket option
 * (level and name) or fact id ({@code tool:smcss}) replaces the earlier entry as a whole; other entries are added. Every problem in every
 * file is collected and thrown together as one {@link KnowledgeValidationException}.
 *
 * <p>Entry point for {@link Catalog#bundled()} and {@link Catalog#load(Path...)}; not API otherwise.
 */
public final class CatalogLoader {
    /** Classpath folder of the bundled knowledge. */
    static final String RESOURCE_DIR = "io/smcdoctor/catalog/";
    /** The bundled files the diagnosis needs, read when the catalog is loaded. */
    static final List<String> CORE = List.of("reason-codes.yaml", "symptoms.yaml", "sockopts.yaml");
    /**
     * The bundled files of facts (tools, sysctls, kernel features, known bugs, applications). The bundled catalog reads
     * them on first use of a fact, so that commands that need none (diagnose, explain CODE) do not pay for parsing them
     * at start-up; {@link #load} with overlays reads them at once, so that every problem is reported by it.
     */
    static final List<String> FACT_FILES = List.of("tools.yaml", "sysctls.yaml", "kernel.yaml", "applications.yaml");
    /** All bundled files. */
    static final List<String> BUNDLED = List.of("reason-codes.yaml", "symptoms.yaml", "sockopts.yaml", "tools.yaml",
            "sysctls.yaml", "kernel.yaml", "applications.yaml");

    private CatalogLoader() {
    }

    /**
     * The bundled catalog, loaded and validated on first use and shared afterwards.
     *
     * @throws KnowledgeValidationException if the bundled knowledge is broken (a build error)
     */
    public static Catalog bundled() {
        return Holder.INSTANCE;
    }

    /**
     * The bundled catalog with overlays applied in order.
     *
     * @param overlays YAML files with any of the top-level lists {@code reasonCodes}, {@code symptoms},
     *                 {@code socketOptions}, {@code tools}, {@code sysctls}, {@code features}, {@code knownBugs},
     *                 {@code applications}
     * @throws KnowledgeValidationException listing every problem with {@code file:line:column}
     */
    public static Catalog load(List<Path> overlays) {
        Objects.requireNonNull(overlays, "overlays");
        List<Source> sources = new ArrayList<>(bundledSources(BUNDLED));
        for (Path p : overlays) {
            Objects.requireNonNull(p, "overlay path");
            sources.add(new Source(p.toString(), () -> Files.readAllBytes(p), p));
        }
        return build(sources, List.of());
    }

    /**
     * A catalog of exactly the given entries ({@link Catalog#of}).
     *
     * @throws IllegalArgumentException when a code, symptom id, cause id or option occurs twice
     */
    public static Catalog of(List<ReasonCode> codes, List<Symptom> symptoms, List<SocketOption> options) {
        Set<Object> seen = new HashSet<>();
        Map<String, Cause> causes = new HashMap<>();
        for (ReasonCode rc : codes) {
            unique(seen, rc.code(), "reason code " + rc.hex());
            rc.causes().forEach(c -> uniqueCause(causes, c));
        }
        for (Symptom s : symptoms) {
            unique(seen, "symptom:" + s.id(), "symptom " + s.id());
            s.causes().forEach(c -> uniqueCause(causes, c));
        }
        for (SocketOption o : options) {
            unique(seen, o.level() + ":" + o.name(), "socket option " + o.level() + ":" + o.name());
        }
        return new DefaultCatalog(codes, symptoms, options);
    }

    private static void unique(Set<Object> seen, Object key, String what) {
        if (!seen.add(key)) {
            throw new IllegalArgumentException(what + " occurs twice");
        }
    }

    /** A cause id names one cause; a symptom may share a code's cause (the same record). */
    private static void uniqueCause(Map<String, Cause> causes, Cause c) {
        Cause before = causes.putIfAbsent(c.id(), c);
        if (before != null && !before.equals(c)) {
            throw new IllegalArgumentException("cause id " + c.id() + " names two different causes");
        }
    }

    /** Lazy, thread-safe holder: the JVM runs the initialiser once, on first access. */
    private static final class Holder {
        static final Catalog INSTANCE = loadBundled();
    }

    /**
     * The bundled catalog from its compiled form ({@link CatalogCodec}, written by the build from these YAML files and
     * validated there) when that form is in the jar and was compiled from the very YAML beside it (same CRC-32); from
     * the YAML otherwise (a class path where the build step did not run, or a YAML file edited since).
     */
    static Catalog loadBundled() {
        try {
            Optional<Catalog> compiled = compiled(readOptional(CatalogCodec.RESOURCE, Integer.MAX_VALUE - 8),
                    bundledCrc());
            if (compiled.isPresent()) {
                return compiled.get();
            }
        } catch (IOException e) {
            // an unreadable class path: the YAML read below reports it
        }
        return loadBundledYaml();
    }

    /**
     * The catalog of a compiled form when it was compiled from YAML with the given CRC-32; empty when there is no
     * form, it is stale or it cannot be decoded.
     */
    static Optional<Catalog> compiled(byte @Nullable [] form, long yamlCrc) {
        if (form == null || CatalogCodec.yamlCrc(form) != yamlCrc) {
            return Optional.empty();
        }
        try {
            return Optional.of(CatalogCodec.decode(form));
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged: the YAML is the source
        }
    }

    /** The bundled catalog read and validated from its YAML, the fact files on first use of a fact. */
    static Catalog loadBundledYaml() {
        return build(bundledSources(CORE), bundledSources(FACT_FILES));
    }

    /** The bundled catalog read and validated from all its YAML files at once (what the build compiles). */
    static DefaultCatalog loadBundledYamlEagerly() {
        return (DefaultCatalog) build(bundledSources(BUNDLED), List.of());
    }

    /**
     * The stamp of the bundled YAML files: the CRC-32 over the CRC-32 of each file's bytes, in {@link #BUNDLED} order.
     * From a jar the file CRCs are the ones its directory stores for each entry (the same CRC-32 of the same bytes),
     * so that checking the compiled form does not inflate the YAML it replaces; from a directory (tests, an IDE) the
     * files are read.
     */
    static long bundledCrc() throws IOException {
        CRC32 crc = new CRC32();
        for (String f : BUNDLED) {
            URL url = CatalogLoader.class.getResource("/" + RESOURCE_DIR + f);
            if (url == null) {
                throw new IOException("bundled knowledge file missing from the jar: " + RESOURCE_DIR + f);
            }
            long one = storedCrc(url);
            if (one < 0) {
                CRC32 bytes = new CRC32();
                bytes.update(readResource(RESOURCE_DIR + f));
                one = bytes.getValue();
            }
            for (int shift = 24; shift >= 0; shift -= 8) {
                crc.update((int) (one >>> shift) & 0xff);
            }
        }
        return crc.getValue();
    }

    /** The CRC-32 a jar stores for the entry of a resource URL; -1 when it is not in a jar or the jar has none. */
    static long storedCrc(URL url) throws IOException {
        if (!"jar".equals(url.getProtocol())) {
            return -1;
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            return entry == null ? -1 : entry.getCrc();
        }
        return -1;
    }

    private static byte @Nullable [] readOptional(String resource, int max) throws IOException {
        try (InputStream in = CatalogLoader.class.getResourceAsStream("/" + resource)) {
            return in == null ? null : in.readNBytes(max);
        }
    }

    /** Where a file's bytes come from; {@code path} is set for overlays only. */
    private record Source(String name, Reader reader, Path path) {
    }

    @FunctionalInterface
    private interface Reader {
        byte[] read() throws IOException;
    }

    private static List<Source> bundledSources(List<String> files) {
        List<Source> out = new ArrayList<>();
        for (String f : files) {
            String resource = RESOURCE_DIR + f;
            out.add(new Source(resource, () -> readResource(resource), null));
        }
        return out;
    }

    private static byte[] readResource(String resource) throws IOException {
        try (InputStream in = CatalogLoader.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("bundled knowledge file missing from the jar: " + resource);
            }
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    /**
     * Builds the catalog from the sources; the facts of {@code deferredFacts} are read and linked against it on first
     * use (empty: none deferred).
     */
    private static Catalog build(List<Source> sources, List<Source> deferredFacts) {
        Problems problems = new Problems();
        YamlReader reader = new YamlReader();
        List<String> order = sources.stream().map(Source::name).toList();
        // Reading and scanning YAML dominates start-up (cold JIT), so files are parsed in parallel; mapping
        // and merging stay sequential to keep override order and problem order deterministic.
        List<Parsed> parsed = parseAll(sources, reader);
        Map<Integer, CodeEntry> codes = new LinkedHashMap<>();
        Map<String, SymptomDraft> symptoms = new LinkedHashMap<>();
        Map<String, OptionEntry> options = new LinkedHashMap<>();
        Map<String, FactEntry> facts = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            problems.addAll(p.problems());
            if (p.root().isEmpty()) {
                continue;
            }
            CatalogMapper mapper = new CatalogMapper(problems);
            FileContent content = mapper.map(p.root().get());
            content.codes().forEach(c -> codes.put(c.code().code(), c));
            content.symptoms().forEach(sd -> symptoms.put(sd.id(), sd));
            content.options().forEach(o -> options.put(o.key(), o));
            new FactMapper(mapper, problems).map(p.root().get()).forEach(f -> facts.put(f.fact().id(), f));
        }
        Catalog catalog = link(codes, symptoms, options, facts, deferredFacts, problems);
        problems.throwIfAny(order);
        return catalog;
    }

    /** Reads fact files and links them against the reason codes and socket options of a built catalog. */
    private static Facts buildFacts(List<Source> sources, Predicate<String> codeExists, Predicate<String> option) {
        Problems problems = new Problems();
        Map<String, FactEntry> facts = new LinkedHashMap<>();
        for (Parsed p : parseAll(sources, new YamlReader())) {
            problems.addAll(p.problems());
            p.root().ifPresent(root -> {
                CatalogMapper mapper = new CatalogMapper(problems);
                mapper.map(root);
                new FactMapper(mapper, problems).map(root).forEach(f -> facts.put(f.fact().id(), f));
            });
        }
        Facts linked = Facts.link(facts.values(), codeExists, option, problems);
        problems.throwIfAny(sources.stream().map(Source::name).toList());
        return linked;
    }

    /** A value computed once, on first use; thread-safe. */
    static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private volatile T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    /** One file read and parsed, with the problems found on the way. */
    private record Parsed(Optional<YamlNode> root, Problems problems) {
    }

    private static List<Parsed> parseAll(List<Source> sources, YamlReader reader) {
        if (sources.size() == 1) {
            return List.of(parse(sources.get(0), reader));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(sources.size(), 3), r -> {
            Thread t = new Thread(r, "smc-doctor-catalog-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Parsed>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> parse(s, reader)));
            }
            List<Parsed> out = new ArrayList<>();
            for (Future<Parsed> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the catalog", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("catalog loading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Parsed parse(Source s, YamlReader reader) {
        Problems problems = new Problems();
        byte[] bytes;
        try {
            if (s.path() != null && Files.size(s.path()) > YamlReader.MAX_BYTES) {
                bytes = new byte[YamlReader.MAX_BYTES + 1]; // reported as too large without reading it
            } else {
                bytes = s.reader().read();
            }
        } catch (IOException e) {
            problems.add(s.name(), 0, 0, "cannot read: " + e.getMessage());
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(reader.read(s.name(), bytes, problems), problems);
    }

    /** Checks references across files and builds the records. */
    private static Catalog link(Map<Integer, CodeEntry> codes, Map<String, SymptomDraft> symptoms,
                                Map<String, OptionEntry> options, Map<String, FactEntry> facts,
                                List<Source> deferredFacts, Problems problems) {
        Map<String, Cause> causes = new HashMap<>();
        Map<String, Mark> causeAt = new HashMap<>();
        for (CodeEntry e : codes.values()) {
            for (CauseSlot slot : e.causes()) {
                if (slot instanceof InlineCause ic) {
                    registerCause(ic.cause(), ic.at(), causes, causeAt, problems);
                }
            }
        }
        for (SymptomDraft sd : symptoms.values()) {
            for (CauseSlot slot : sd.causes()) {
                if (slot instanceof InlineCause ic) {
                    registerCause(ic.cause(), ic.at(), causes, causeAt, problems);
                }
            }
        }
        List<Symptom> built = new ArrayList<>();
        for (SymptomDraft sd : symptoms.values()) {
            List<Cause> list = resolve(sd.causes(), causes, problems);
            for (Located<Integer> rc : sd.relatedCodes()) {
                checkCode(rc, codes, problems, "relatedCodes");
            }
            built.add(new Symptom(sd.id(), sd.title(), sd.description(), list,
                    sd.relatedCodes().stream().map(Located::value).toList(), sd.phrases(), sd.references()));
        }
        Map<String, OptionEntry> names = new HashMap<>();
        Map<String, OptionEntry> values = new HashMap<>();
        List<SocketOption> builtOptions = new ArrayList<>();
        for (OptionEntry oe : options.values()) {
            SocketOption o = oe.option();
            for (Located<Integer> rc : oe.fallbackCodes()) {
                checkCode(rc, codes, problems, "fallbackCodes");
            }
            for (Located<String> n : oe.names()) {
                OptionEntry other = names.putIfAbsent(n.value().toUpperCase(Locale.ROOT), oe);
                if (other != null && other != oe) {
                    problems.add(n.at(), "option name '" + n.value() + "' is already used by " + other.key()
                            + " (" + other.at().file() + " line " + other.at().line() + ")");
                }
            }
            OptionEntry sameValue = values.putIfAbsent(o.level() + ":" + o.value(), oe);
            if (sameValue != null) {
                problems.add(oe.at(), o.level() + " value " + o.value() + " is already used by "
                        + sameValue.key() + "; list the other name as an alias");
            }
            builtOptions.add(o);
        }
        List<ReasonCode> builtCodes = new ArrayList<>(codes.size());
        for (CodeEntry e : codes.values()) {
            ReasonCode rc = e.code();
            List<Cause> list = resolve(e.causes(), causes, problems);
            builtCodes.add(list.equals(rc.causes()) ? rc : new ReasonCode(rc.code(), rc.name(), rc.statsName(),
                    rc.title(), rc.meaning(), rc.side(), rc.origin(), rc.unused(), list, rc.remedies(),
                    rc.kernelNotes(), rc.references()));
        }
        Set<String> hexCodes = new HashSet<>();
        codes.keySet().forEach(c -> hexCodes.add(ReasonCode.hex(c)));
        Predicate<String> codeExists = hexCodes::contains;
        Set<String> optionNames = Set.copyOf(names.keySet());
        Predicate<String> option = name -> optionNames.contains(name.toUpperCase(Locale.ROOT));
        Supplier<Facts> linked;
        if (deferredFacts.isEmpty()) {
            Facts now = Facts.link(facts.values(), codeExists, option, problems);
            linked = () -> now;
        } else {
            linked = new Lazy<>(() -> buildFacts(deferredFacts, codeExists, option));
        }
        return new DefaultCatalog(builtCodes, built, builtOptions, linked);
    }

    /** The causes of one entry in file order, references replaced by the cause they name. */
    private static List<Cause> resolve(List<CauseSlot> slots, Map<String, Cause> causes, Problems problems) {
        List<Cause> list = new ArrayList<>(slots.size());
        for (CauseSlot slot : slots) {
            if (slot instanceof InlineCause ic) {
                list.add(ic.cause());
            } else if (slot instanceof CauseRef ref) {
                Cause c = causes.get(ref.id());
                if (c == null) {
                    problems.add(ref.at(), "unknown cause id '" + ref.id() + "' in ref" + didYouMean(ref.id(),
                            causes.keySet()));
                } else if (list.contains(c)) {
                    problems.add(ref.at(), "cause '" + ref.id() + "' is listed twice here");
                } else {
                    list.add(c);
                }
            }
        }
        return list;
    }

    private static void registerCause(Cause c, Mark at, Map<String, Cause> causes, Map<String, Mark> causeAt,
                                      Problems problems) {
        Mark first = causeAt.putIfAbsent(c.id(), at);
        if (first != null) {
            problems.add(at, "duplicate cause id '" + c.id() + "' (first at " + first.file() + " line "
                    + first.line() + "); cause ids are unique across the catalog, use 'ref: " + c.id()
                    + "' to reuse a cause");
        } else {
            causes.put(c.id(), c);
        }
    }

    private static void checkCode(Located<Integer> rc, Map<Integer, CodeEntry> codes, Problems problems,
                                  String field) {
        if (!codes.containsKey(rc.value())) {
            problems.add(rc.at(), "unknown reason code " + ReasonCode.hex(rc.value()) + " in " + field
                    + "; add it to reasonCodes first");
        }
    }

    private static String didYouMean(String id, java.util.Collection<String> known) {
        List<String> close = Similarity.closest(id, known, 1);
        return close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?";
    }
}
