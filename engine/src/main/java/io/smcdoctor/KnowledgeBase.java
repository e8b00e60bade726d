package io.smcdoctor;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.knowledge.internal.Entries;
import io.smcdoctor.knowledge.internal.Entry;
import io.smcdoctor.knowledge.internal.Names;
import io.smcdoctor.knowledge.internal.Phrases;
import io.smcdoctor.knowledge.internal.SearchIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers SMC questions in English or Japanese from the catalog, for chatbots and help desks.
 *
 * <p>Each answer is a catalog entry (reason code, cause, symptom or socket option) with its title, text, reason
 * codes, commands and references, so a reply can be grounded and cited. A question that names a reason code
 * ({@code 0x03030000}, {@code 0x05000000/0x03030000}, {@code SMC_CLC_DECL_NOSMCDEV}) or a socket option
 * ({@code TCP_FASTOPEN}) exactly gets that entry first; the rest is ranked by text relevance (BM25 over English and
 * Japanese analysis, titles and symptom phrases weighted up, scaled by the share of the question's words an entry
 * holds), plus what the question names: a command, sysctl or kernel function ranks its fact up, a symptom phrase
 * typed as is its symptom. A question that reports a problem ("falls back", "できない") is answered by the symptom
 * and its causes as well; one that asks how something works is not given a symptom's causes for mentioning its
 * subject. While other answers are left, at most two of the answers come from one symptom and its causes, so that
 * they leave room for the next best answer. A question that is not about anything in the catalog gets no answers rather than noise.
 *
 * <p>The search index is built on the first {@link #ask} (a few hundred milliseconds) and then shared. Instances are
 * immutable and thread-safe.
 *
 * <pre>{@code
 * Answers answers = KnowledgeBase.bundled().ask("curl fails after enabling SMC-R");
 * answers.best().ifPresent(a -> System.out.println(a.title(answers.language())));
 * }</pre>
 */
public final class KnowledgeBase {
    /** Number of answers {@link #ask(String)} returns at most. */
    public static final int DEFAULT_LIMIT = 5;

    /**
     * Longest question read, in characters; the rest is ignored. A question is a few sentences: the bound keeps one
     * call cheap whatever a chat client sends (an 8 Mi-character question took seconds of CPU before).
     */
    public static final int MAX_QUESTION_CHARS = 4096;

    /** Answers scoring below this share of the best text match are left out as noise. */
    private static final double RELATIVE_CUTOFF = 0.25;
    /**
     * What naming an entry's subject in the question adds, as a share of the best text match, per name (a command,
     * a sysctl, the kernel functions of a pasted splat), at most {@link #MAX_NAMES} names.
     */
    private static final double NAME_WEIGHT = 1.0;
    /** Naming an application counts less: it is usually the context of a question, not its subject. */
    private static final double APPLICATION_NAME_WEIGHT = 0.5;
    private static final int MAX_NAMES = 3;
    /**
     * Share of a symptom's score its causes gain when the question reports a problem: a question that describes a
     * symptom is answered by its causes too ("コンテナで SMC が使えない" by the RDMA device in another network
     * namespace). A question that only asks how something works ("PNET ID は IOCDS で定義するもの？") does not have
     * the symptom, so its causes gain nothing from it.
     */
    private static final double CAUSE_SHARE = 0.35;
    /**
     * Answers from one symptom and its causes ahead of the answers of other families, at most: a symptom with four
     * causes must not fill the first answers when a tool, sysctl or known bug matches nearly as well.
     */
    private static final int MAX_PER_FAMILY = 2;
    private static final double EXACT_SCORE = 1_000_000;
    private static final Pattern OPTION_NAME = Pattern.compile(
            "(?i)(?<![A-Z0-9_])(?:SOL_[A-Z]+:)?(?:TCP|SO|MSG)_[A-Z0-9_]+");

    private final Catalog catalog;
    private volatile Index index;
    private volatile Map<String, Entry> byId;

    private KnowledgeBase(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The knowledge base over the bundled catalog (loaded once per JVM by {@link Catalog#bundled()}); the search
     * index is built on the first question.
     */
    public static KnowledgeBase bundled() {
        return new KnowledgeBase(Catalog.bundled());
    }

    /**
     * The knowledge base over the bundled catalog with the given YAML overlay files applied in order, as
     * {@link Diagnoser.Builder#catalogOverlays} applies them (a site's own causes and reason-code notes).
     *
     * @throws io.smcdoctor.catalog.KnowledgeValidationException listing every problem of an overlay with
     *                                                           {@code file:line:column}
     */
    public static KnowledgeBase withOverlays(Path... overlays) {
        return new KnowledgeBase(Catalog.load(overlays));
    }

    /** Over a catalog instance: for the project's own modules, through {@code engine.internal.project}. */
    private static KnowledgeBase overCatalog(Catalog catalog) {
        return new KnowledgeBase(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * The catalog entry a subject names, as an answer (rank 1): a reason code in any form users paste
     * ({@code 0x03030000}, {@code SMC_CLC_DECL_NOSMCDEV}, {@code 0x05000000/0x03030000}: the first code the catalog
     * knows), a cause or symptom id ({@code nosmcdev-ipv6}), a socket option with or without its level
     * ({@code TCP_FASTOPEN}, {@code SOL_TCP:TCP_FASTOPEN}) or a fact id ({@code tool:smcss},
     * {@code sysctl:net.smc.wmem}). This is what {@code smc-doctor explain} shows; unlike {@link #ask} it does not
     * search text.
     *
     * @return empty when the subject names nothing in the catalog
     */
    public Optional<Answer> explain(String subject) {
        Objects.requireNonNull(subject, "subject");
        String s = subject.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> entries = entriesById();
        Entry e = entries.get(s);
        if (e == null) {
            e = catalog.reasonCodes(s).stream().map(rc -> entries.get(rc.hex())).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        if (e == null) {
            e = catalog.socketOption(s).map(o -> entries.get(o.level().name() + ":" + o.name())).orElse(null);
        }
        return Optional.ofNullable(e).map(found -> answer(found, 1, EXACT_SCORE));
    }

    private static Answer answer(Entry e, int rank, double score) {
        return new Answer(rank, e.id(), e.kind(), e.title(), e.text(), e.reasonCodes(), e.commands(), e.references(),
                score);
    }

    private Map<String, Entry> entriesById() {
        Map<String, Entry> m = byId;
        if (m == null) {
            Map<String, Entry> built = new LinkedHashMap<>();
            Entries.of(catalog).forEach(entry -> built.putIfAbsent(entry.id(), entry));
            m = Map.copyOf(built);
            byId = m;
        }
        return m;
    }

    /** Answers the question with at most {@value #DEFAULT_LIMIT} answers; see {@link #ask(String, int)}. */
    public Answers ask(String question) {
        return ask(question, DEFAULT_LIMIT);
    }

    /**
     * Answers the question, best first, at most {@code limit} answers; none when the question is not about SMC.
     * Only the first {@value #MAX_QUESTION_CHARS} characters are read.
     *
     * @param question free text, English or Japanese
     * @param limit    maximum number of answers, at least 1
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public Answers ask(String question, int limit) {
        Objects.requireNonNull(question, "question");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String asked = question;
        if (question.length() > MAX_QUESTION_CHARS) {
            question = question.substring(0, MAX_QUESTION_CHARS);
        }
        Language language = languageOf(question);
        Map<String, Scored> ranked = new LinkedHashMap<>();
        Index ix = index();
        SearchIndex idx = ix.search();
        Map<String, Entry> byId = new LinkedHashMap<>();
        idx.entries().forEach(e -> byId.putIfAbsent(e.id(), e));

        double exact = EXACT_SCORE;
        for (ReasonCode rc : catalog.reasonCodes(question)) {
            Entry e = byId.get(rc.hex());
            if (e != null) {
                ranked.putIfAbsent(e.id(), new Scored(e, exact--));
            }
        }
        for (SocketOption o : optionsNamedIn(question)) {
            Entry e = byId.get(o.level() + ":" + o.name());
            if (e != null) {
                ranked.putIfAbsent(e.id(), new Scored(e, exact--));
            }
        }

        List<SearchIndex.Hit> hits = idx.search(question);
        if (hits.isEmpty() && ranked.isEmpty()) {
            // "what is SMC-R": nothing to search for but the technology's name
            hits = idx.definitions(question);
        }
        Phrases.Question prepared = Phrases.prepare(question);
        String named = Names.normalise(question);
        double best = hits.stream().mapToDouble(SearchIndex.Hit::score).max().orElse(0);
        List<Scored> textual = new ArrayList<>();
        for (SearchIndex.Hit h : hits) {
            // a symptom phrase the user typed as is, or the entry's subject named (smcr stats, limit_smc_hs, the
            // functions of a splat) ranks its entry up; several phrases of one symptom say no more than one, while
            // each named function of a splat is one more piece of evidence for its bug
            int phrases = Math.min(1, idx.phrases().count(h.entry(), prepared));
            int names = Math.min(MAX_NAMES, Names.count(h.entry(), named));
            double nameWeight = h.entry().kind() == Answer.Kind.APPLICATION ? APPLICATION_NAME_WEIGHT : NAME_WEIGHT;
            if (h.score() >= best * RELATIVE_CUTOFF || phrases + names > 0) {
                // an entry that holds few of the question's words matched it by chance (coordination)
                double text = Math.sqrt(h.coverage()) * (h.score() + best * phrases);
                textual.add(new Scored(h.entry(), text + best * nameWeight * names));
            }
        }
        if (idx.reportsProblem(question)) {
            textual = withCausesOfSymptoms(textual);
        }
        textual.sort((a, b) -> Double.compare(b.score, a.score));
        diversified(textual, ix.families()).forEach(s -> ranked.putIfAbsent(s.entry.id(), s));

        List<Answer> answers = new ArrayList<>();
        for (Scored s : ranked.values()) {
            if (answers.size() == limit) {
                break;
            }
            answers.add(answer(s.entry, answers.size() + 1, s.score));
        }
        return new Answers(asked, language, answers);
    }

    /** Japanese when the text contains kana or CJK ideographs, else English. */
    static Language languageOf(String text) {
        return SearchIndex.containsCjk(text) ? Language.JA : Language.EN;
    }

    private List<SocketOption> optionsNamedIn(String question) {
        List<SocketOption> found = new ArrayList<>();
        Matcher m = OPTION_NAME.matcher(question);
        while (m.find()) {
            Optional<SocketOption> o = catalog.socketOption(m.group());
            o.filter(opt -> !found.contains(opt)).ifPresent(found::add);
        }
        return found;
    }

    /** The causes of the symptoms found gain {@link #CAUSE_SHARE} of their symptom's score. */
    private List<Scored> withCausesOfSymptoms(List<Scored> textual) {
        Map<String, Double> gain = new HashMap<>();
        for (Scored s : textual) {
            if (s.entry.kind() == Answer.Kind.SYMPTOM) {
                catalog.symptom(s.entry.id()).ifPresent(sym -> sym.causes().forEach(
                        c -> gain.merge(c.id(), CAUSE_SHARE * s.score, Math::max)));
            }
        }
        if (gain.isEmpty()) {
            return textual;
        }
        List<Scored> out = new ArrayList<>(textual.size());
        for (Scored s : textual) {
            Double g = s.entry.kind() == Answer.Kind.CAUSE ? gain.get(s.entry.id()) : null;
            out.add(g == null ? s : new Scored(s.entry, s.score + g));
        }
        return out;
    }

    /**
     * The answers, best first, except that an answer whose family (a symptom and its causes) already has
     * {@value #MAX_PER_FAMILY} answers ahead of it comes after the answers of other families.
     */
    private static List<Scored> diversified(List<Scored> sorted, Map<String, Set<String>> families) {
        List<Scored> rest = new ArrayList<>(sorted);
        List<Scored> out = new ArrayList<>(sorted.size());
        Map<String, Integer> taken = new HashMap<>();
        while (!rest.isEmpty()) {
            int pick = 0;
            for (int i = 0; i < rest.size(); i++) {
                Set<String> fam = families.getOrDefault(rest.get(i).entry.id(), Set.of());
                if (fam.stream().allMatch(f -> taken.getOrDefault(f, 0) < MAX_PER_FAMILY)) {
                    pick = i;
                    break;
                }
            }
            Scored s = rest.remove(pick);
            families.getOrDefault(s.entry.id(), Set.of()).forEach(f -> taken.merge(f, 1, Integer::sum));
            out.add(s);
        }
        return out;
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new Index(SearchIndex.build(Entries.of(catalog), Entries.anchors(catalog)),
                            Entries.families(catalog));
                    index = i;
                }
            }
        }
        return i;
    }

    /** The search index and the families of symptoms and causes, built on the first question. */
    private record Index(SearchIndex search, Map<String, Set<String>> families) {
    }

    private record Scored(Entry entry, double score) {
    }
}
