package io.smcdoctor;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.internal.SymptomPhrases;
import io.smcdoctor.knowledge.internal.Entries;
import io.smcdoctor.knowledge.internal.Entry;
import io.smcdoctor.knowledge.internal.SearchIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers SMC questions in English or Japanese from the catalog, for chatbots and help desks.
 *
 * <p>Each answer is a catalog entry (reason code, cause, symptom or socket option) with its title, text, reason
 * codes, commands and references, so a reply can be grounded and cited. A question that names a reason code
 * ({@code 0x03030000}, {@code 0x05000000/0x03030000}, {@code SMC_CLC_DECL_NOSMCDEV}) or a socket option
 * ({@code TCP_FASTOPEN}) exactly gets that entry first; the rest is ranked by text relevance (BM25 over English and
 * Japanese analysis, titles and symptom phrases weighted up). A question that is not about anything in the catalog
 * gets no answers rather than noise.
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
    private static final double EXACT_SCORE = 1_000_000;
    private static final Pattern OPTION_NAME = Pattern.compile(
            "(?i)(?<![A-Z0-9_])(?:SOL_[A-Z]+:)?(?:TCP|SO|MSG)_[A-Z0-9_]+");

    private final Catalog catalog;
    private volatile SearchIndex index;

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

    /** The knowledge base over the given catalog (e.g. the bundled one with overlays, {@link Catalog#load}). */
    public static KnowledgeBase of(Catalog catalog) {
        return new KnowledgeBase(Objects.requireNonNull(catalog, "catalog"));
    }

    /** The catalog the answers come from. */
    public Catalog catalog() {
        return catalog;
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
        SearchIndex idx = index();
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
        double best = hits.stream().mapToDouble(SearchIndex.Hit::score).max().orElse(0);
        List<Scored> textual = new ArrayList<>();
        for (SearchIndex.Hit h : hits) {
            if (h.score() >= best * RELATIVE_CUTOFF) {
                // a symptom phrase the user typed word for word ranks its entry up
                textual.add(new Scored(h.entry(), h.score() + best * SymptomPhrases.count(h.entry().phrases(), question)));
            }
        }
        textual.sort((a, b) -> Double.compare(b.score, a.score));
        textual.forEach(s -> ranked.putIfAbsent(s.entry.id(), s));

        List<Answer> answers = new ArrayList<>();
        for (Scored s : ranked.values()) {
            if (answers.size() == limit) {
                break;
            }
            answers.add(s.entry.toAnswer(answers.size() + 1, s.score));
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

    private SearchIndex index() {
        SearchIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = SearchIndex.build(Entries.of(catalog));
                    index = i;
                }
            }
        }
        return i;
    }

    private record Scored(Entry entry, double score) {
    }
}
