package io.smcdoctor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.SymptomPhrases;
import io.smcdoctor.engine.internal.ReportAssembler;
import io.smcdoctor.engine.internal.pair.PairAssembler;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.rules.RuleBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Turns evidence into ranked, explained diagnoses. Immutable and thread-safe: build once, share freely.
 *
 * <pre>{@code
 * Diagnoser diagnoser = Diagnoser.create();
 * DiagnosisReport report = diagnoser.diagnose(Evidence.builder().smcssOutput(text).build());
 * report.top().ifPresent(d -> System.out.println(d.id() + " " + d.confidence()));
 * }</pre>
 *
 * <p>Diagnoses are ranked by a confidence computed from how specific each rule's evidence is, how many independent
 * files agree and how many of the fallback sockets the cause explains; problems come before information, and equal
 * evidence always gives the same order. {@code docs/ranking.md} is the description of the formula.
 *
 * <p>Reports are cached by {@link Evidence#fingerprint()} (Caffeine, bounded): the same evidence returns the same
 * report instance.
 */
public final class Diagnoser {
    private final RuleBase rules;
    private final Catalog catalog;
    private final Language language;
    private final ReportAssembler assembler;
    private final @Nullable Cache<String, DiagnosisReport> cache;
    private final @Nullable Cache<String, MultiHostReport> pairCache;

    private Diagnoser(Builder b) {
        // Loading the catalog (YAML) and the rule base (Drools) are the two start-up costs and independent of each
        // other: do them on two cores at once.
        List<Path> overlays = List.copyOf(b.overlays);
        Catalog given = b.catalog;
        CompletableFuture<Catalog> loading = given != null ? CompletableFuture.completedFuture(given)
                : CompletableFuture.supplyAsync(() -> withPhrases(overlays.isEmpty()
                        ? Catalog.bundled() : Catalog.load(overlays.toArray(new Path[0]))));
        this.rules = b.packs.isEmpty() ? RuleBase.bundled() : RuleBase.load(List.copyOf(b.packs));
        this.catalog = join(loading);
        this.language = b.language;
        this.assembler = new ReportAssembler(catalog, language, rules.declaredInputs());
        this.cache = b.cacheSize > 0 ? Caffeine.newBuilder().maximumSize(b.cacheSize).build() : null;
        this.pairCache = b.cacheSize > 0 ? Caffeine.newBuilder().maximumSize(b.cacheSize).build() : null;
    }

    /**
     * The catalog, with its symptom phrases prepared for matching: the catalog loads well before the rule base, so
     * preparing them here keeps them off the first diagnosis (a cold command line's critical path).
     */
    private static Catalog withPhrases(Catalog catalog) {
        SymptomPhrases.of(catalog);
        return catalog;
    }

    private static Catalog join(CompletableFuture<Catalog> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /**
     * A Diagnoser with the bundled catalog and rules, English text and a cache of 256 reports.
     *
     * @throws io.smcdoctor.catalog.KnowledgeValidationException when the bundled knowledge is invalid
     */
    public static Diagnoser create() {
        return builder().build();
    }

    /**
     * Starts loading the bundled rules, then the bundled catalog, on a background thread, so that a Diagnoser built
     * soon after without rule packs or overlays waits for less of them (the rule base is most of a cold start; the
     * catalog matters after a long read of evidence). For a command line that knows from its first argument that it
     * will diagnose; a failure is reported by {@link Builder#build()}. The calling thread spends a few milliseconds on
     * a part of the rule base's work that can run beside it ({@link RuleBase#prepareJvm()}).
     */
    public static void preload() {
        // a class, not a lambda: in a new JVM the first lambda costs a few ms of bootstrapping before the thread
        // could start, and this is often the first
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    // the rule base is ready for a Diagnoser as soon as it is built; its first session is made here
                    // while the first diagnosis prepares its facts (a diagnosis that gets there first waits for it)
                    RuleBase.bundled().prepareSession();
                    // then the catalog and its symptom phrases: a short read has loaded them on the calling thread
                    // by now and the catalog keeps them (only the two threads racing would prepare them twice), a
                    // long one finds them ready
                    SymptomPhrases.of(Catalog.bundled());
                } catch (RuntimeException e) {
                    // thrown again to the Diagnoser's builder, which reports it
                }
            }
        }, "smc-doctor-rules-preload");
        t.setDaemon(true);
        t.start();
        RuleBase.prepareJvm();
    }

    /** A builder for a configured Diagnoser. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder over a catalog instance instead of the bundled one plus overlays: for the project's own modules,
     * which load the catalog once and share it, through {@code engine.internal.project}.
     */
    private static Builder overCatalog(Catalog value) {
        Builder b = new Builder();
        b.catalog = Objects.requireNonNull(value, "catalog");
        return b;
    }

    /**
     * Diagnoses the evidence. Never returns {@code null}; evidence without anything useful gives a report without
     * diagnoses that lists the missing evidence. Evidence built {@link Evidence.Builder#withoutFingerprint() without
     * its fingerprint} is diagnosed each time, without the cache.
     */
    public DiagnosisReport diagnose(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        if (cache == null || evidence.fingerprint().isEmpty()) {
            return compute(evidence);
        }
        return cache.get(evidence.fingerprint(), k -> compute(evidence));
    }

    /**
     * Diagnoses several hosts' evidence together, typically the two ends of the connections (client and server):
     * each host is diagnosed as {@link #diagnose(Evidence)} would (the same report, from the same cache), the
     * connections of each pair of hosts are joined, and a decline one host saw from its peer is resolved with the
     * peer's own evidence, so that the report names the host to fix ({@code docs/two-hosts.md}). Hosts whose bundles
     * do not belong together are reported as unrelated and diagnosed each on its own. Reports are cached like
     * single-host ones, keyed by the labels and evidence fingerprints in order. Never returns {@code null}.
     *
     * @throws IllegalArgumentException when no host is given, a label is given twice, the same evidence (same
     *                                  fingerprint, not empty) is given for two hosts, or several hosts are given and
     *                                  one's evidence was built {@link Evidence.Builder#withoutConnections() without
     *                                  its connection index} or {@link Evidence.Builder#withoutFingerprint() without
     *                                  its fingerprint}
     */
    public MultiHostReport diagnose(List<HostEvidence> hosts) {
        Objects.requireNonNull(hosts, "hosts");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("diagnosing several hosts needs at least one host's evidence");
        }
        Map<String, String> labels = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        StringBuilder key = new StringBuilder(hosts.size() * 80);
        for (HostEvidence h : hosts) {
            Objects.requireNonNull(h, "host evidence");
            String earlier = labels.put(h.label().toLowerCase(Locale.ROOT), h.label());
            if (earlier != null) {
                throw new IllegalArgumentException("the host label '" + h.label() + "' is given twice; give each host"
                        + " its own label");
            }
            if (hosts.size() > 1 && h.evidence().fingerprint().isEmpty()) {
                throw new IllegalArgumentException("the evidence of host '" + h.label() + "' was built without its"
                        + " fingerprint (Evidence.Builder.withoutFingerprint()), by which diagnosing hosts together"
                        + " tells that one bundle was given twice; build it with the fingerprint");
            }
            if (!h.evidence().sources().isEmpty()) {
                String same = fingerprints.put(h.evidence().fingerprint(), h.label());
                if (same != null) {
                    throw new IllegalArgumentException("hosts '" + same + "' and '" + h.label() + "' have the same"
                            + " evidence: the same bundle was given twice; give each host its own bundle");
                }
            }
            if (hosts.size() > 1 && !h.evidence().connections().indexed()) {
                throw new IllegalArgumentException("the evidence of host '" + h.label() + "' was built without its"
                        + " connection index (Evidence.Builder.withoutConnections()), which diagnosing hosts together"
                        + " joins; build it with the index");
            }
            key.append(h.label()).append(';').append(h.evidence().fingerprint()).append(';');
        }
        List<HostEvidence> copy = List.copyOf(hosts);
        if (pairCache == null || hosts.get(0).evidence().fingerprint().isEmpty()) {
            return computeHosts(copy);
        }
        return pairCache.get(key.toString(), k -> computeHosts(copy));
    }

    private MultiHostReport computeHosts(List<HostEvidence> hosts) {
        List<PairAssembler.Input> inputs = new ArrayList<>(hosts.size());
        for (HostEvidence h : hosts) {
            inputs.add(new PairAssembler.Input(h.label(), h.evidence(), diagnose(h.evidence())));
        }
        // made here rather than with the Diagnoser: most Diagnosers (a command line's) diagnose one host
        return new PairAssembler(catalog, language).assemble(inputs);
    }

    /** The language of report texts. */
    public Language language() {
        return language;
    }

    private DiagnosisReport compute(Evidence evidence) {
        return assembler.assemble(evidence, rules.run(evidence, catalog));
    }

    /** Configures a {@link Diagnoser}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final List<Path> overlays = new ArrayList<>();
        private final List<Path> packs = new ArrayList<>();
        private @Nullable Catalog catalog;
        private Language language = Language.EN;
        private long cacheSize = 256;

        private Builder() {
        }

        /**
         * Catalog overlay YAML files applied over the bundled catalog, in order: a site's own causes, reason-code
         * notes and socket-option notes (docs/api.md, "For rule-pack authors").
         *
         * @throws IllegalStateException when the builder was made over a catalog instance
         */
        public Builder catalogOverlays(Path... files) {
            if (catalog != null) {
                throw new IllegalStateException(
                        "catalog overlays cannot be added to a builder over a catalog instance");
            }
            for (Path p : files) {
                overlays.add(Objects.requireNonNull(p, "overlay path"));
            }
            return this;
        }

        /** The language of titles, explanations and remedies (default English). */
        public Builder language(Language value) {
            language = Objects.requireNonNull(value, "language");
            return this;
        }

        /**
         * How many reports to keep, keyed by evidence fingerprint (default 256; 0 disables the cache).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder cacheSize(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("cacheSize must be >= 0, was " + value);
            }
            cacheSize = value;
            return this;
        }

        /**
         * Precompiled rule packs loaded next to the bundled rules, in order: jars (or directories of classes) built
         * from DRL by kie-maven-plugin's {@code build} goal, as {@code samples/rule-pack} shows. Their rules see the
         * same facts and conclude causes that a catalog overlay ({@link #catalogOverlays}) defines. Packs are code:
         * only paths the caller names are loaded, never a search path (SECURITY.md).
         */
        public Builder rulePacks(Path... paths) {
            for (Path p : paths) {
                packs.add(Objects.requireNonNull(p, "rule pack path"));
            }
            return this;
        }

        /**
         * Builds the Diagnoser: loads the precompiled rules, any rule packs and the catalog.
         *
         * @throws io.smcdoctor.catalog.KnowledgeValidationException when the catalog, an overlay or a rule pack is
         *                                                           invalid
         */
        public Diagnoser build() {
            return new Diagnoser(this);
        }
    }
}
