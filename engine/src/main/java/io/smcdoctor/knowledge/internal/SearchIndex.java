package io.smcdoctor.knowledge.internal;

import io.smcdoctor.Answers.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * An in-memory BM25 index over catalog entries. English text is analysed with Lucene's English analyzer
 * (stemming), Japanese text with Kuromoji morphological analysis plus CJK bigrams for recall. Immutable and
 * thread-safe once built.
 */
public final class SearchIndex {
    private static final String ORD = "ord";
    private static final String TITLE_EN = "title_en";
    private static final String TEXT_EN = "text_en";
    private static final String MORE_EN = "more_en";
    private static final String PHRASE_EN = "phrase_en";
    private static final String TITLE_JA = "title_ja";
    private static final String TEXT_JA = "text_ja";
    private static final String MORE_JA = "more_ja";
    private static final String PHRASE_JA = "phrase_ja";
    private static final String BIGRAM = "bigram";
    private static final String KEYWORD = "kw";

    private static final float MORE_BOOST = 0.5f;
    /**
     * Field boosts: titles and symptom phrases count more than body text; exact identifiers most. The reference detail
     * of facts (every option and output column of a tool, a sysctl's history, a bug's trigger) counts less than
     * what the answer shows, so that it finds the fact without drowning the causes.
     */
    private static final Map<String, Float> BOOSTS = Map.of(
            TITLE_EN, 3f, TEXT_EN, 1f, MORE_EN, MORE_BOOST, PHRASE_EN, 4f,
            TITLE_JA, 3f, TEXT_JA, 1f, MORE_JA, MORE_BOOST, PHRASE_JA, 4f,
            KEYWORD, 3f);
    private static final float BIGRAM_BOOST = 0.3f;
    private static final int MAX_HITS = 50;
    private static final int DEFINITION_HITS = 3;
    /** Names of SMC technologies a definition question asks about: smc, smc-r, smc-d, smc-rv2, af_smc, smcv2. */
    private static final Pattern TECHNOLOGY = Pattern.compile("(?<![a-z0-9_])(?:af_)?smc(?:-?[rd])?(?:v[12])?(?![a-z0-9_])");
    private static final Pattern SIZE = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])([0-9]+)([kmgt]i?b)(?![A-Za-z0-9_])");
    private static final int MAX_TERMS = 100;
    private static final List<String> EN_FIELDS = List.of(TITLE_EN, TEXT_EN, MORE_EN, PHRASE_EN, KEYWORD);
    private static final List<String> JA_FIELDS = List.of(TITLE_JA, TEXT_JA, MORE_JA, PHRASE_JA, KEYWORD);
    private static final Set<Answer.Kind> FACTS = Set.of(Answer.Kind.TOOL, Answer.Kind.SYSCTL,
            Answer.Kind.KERNEL_FEATURE, Answer.Kind.KNOWN_BUG, Answer.Kind.APPLICATION);
    /** A question without any SMC word needs every word known and at least this share of them in one entry. */
    private static final double NONE_COHERENCE = 0.6;

    private final List<Entry> entries;
    private final Analyzer english;
    private final Analyzer japanese;
    private final Analyzer keywords;
    private final Analyzer bigrams;
    private final Set<String> englishStop;
    private final Set<String> japaneseStop;
    private final Set<String> keywordStop;
    private final IndexSearcher searcher;
    private final Topic topic;
    private final Set<String> generic;
    private final Phrases phrases;
    private final ProblemWords problemWords;

    /** A scored entry. */
    public record Hit(Entry entry, double score, double coverage) {
        /** A hit without coverage. */
        public Hit(Entry entry, double score) {
            this(entry, score, 1);
        }
    }

    private SearchIndex(List<Entry> entries, QuestionWords questionWords, Topic topic) {
        this.entries = List.copyOf(entries);
        this.phrases = Phrases.of(this.entries);
        this.problemWords = ProblemWords.load();
        this.topic = topic;
        this.english = new EnglishAnalyzer();
        this.japanese = new JapaneseAnalyzer();
        this.keywords = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        this.bigrams = new CJKAnalyzer();
        this.englishStop = new LinkedHashSet<>();
        questionWords.english().forEach(w -> englishStop.addAll(terms(english, TEXT_EN, w)));
        this.japaneseStop = new LinkedHashSet<>();
        questionWords.japanese().forEach(w -> japaneseStop.addAll(terms(japanese, TEXT_JA, w)));
        this.keywordStop = new LinkedHashSet<>();
        questionWords.english().forEach(w -> keywordStop.add(w.toLowerCase(Locale.ROOT)));
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> keywordStop.add(new String((char[]) w)));
        this.generic = new LinkedHashSet<>();
        topic.generic().forEach(w -> {
            generic.addAll(terms(english, TEXT_EN, w));
            generic.addAll(terms(japanese, TEXT_JA, w));
        });
        this.searcher = build();
    }

    /** Builds the index over the entries (takes a few hundred milliseconds: Kuromoji loads its dictionary). */
    public static SearchIndex build(List<Entry> entries) {
        return build(entries, Set.of());
    }

    /**
     * Builds the index; {@code anchors} are further names that make a question about SMC (see {@link Topic}), e.g.
     * the catalog's sysctl names.
     */
    public static SearchIndex build(List<Entry> entries, Set<String> anchors) {
        return new SearchIndex(entries, QuestionWords.load(), Topic.load(anchors));
    }

    private IndexSearcher build() {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(TITLE_EN, english);
        perField.put(TEXT_EN, english);
        perField.put(MORE_EN, english);
        perField.put(PHRASE_EN, english);
        perField.put(TITLE_JA, japanese);
        perField.put(TEXT_JA, japanese);
        perField.put(MORE_JA, japanese);
        perField.put(PHRASE_JA, japanese);
        perField.put(BIGRAM, bigrams);
        perField.put(KEYWORD, keywords);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(keywords, perField)))) {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                Document d = new Document();
                d.add(new StoredField(ORD, i));
                // socket-option titles are generated ("... SMC support N ..."); indexing them would make
                // "support" and "fall back" match a hundred options, so index the option's names instead
                boolean generated = e.kind() == Answer.Kind.SOCKET_OPTION;
                String names = String.join(" ", e.keywords());
                d.add(new TextField(TITLE_EN, generated ? names : e.title().en(), Field.Store.NO));
                boolean fact = FACTS.contains(e.kind());
                d.add(new TextField(TEXT_EN, splitUnits(fact ? e.text().en() : e.text().en() + "\n"
                        + e.searchText().en()), Field.Store.NO));
                d.add(new TextField(MORE_EN, splitUnits(fact ? e.searchText().en() : ""), Field.Store.NO));
                d.add(new TextField(TITLE_JA, generated ? names : e.title().ja(), Field.Store.NO));
                d.add(new TextField(TEXT_JA, splitUnits(fact ? e.text().ja() : e.text().ja() + "\n"
                        + e.searchText().ja()), Field.Store.NO));
                d.add(new TextField(MORE_JA, splitUnits(fact ? e.searchText().ja() : ""), Field.Store.NO));
                d.add(new TextField(BIGRAM, (generated ? names : e.title().ja()) + "\n" + e.text().ja() + "\n" + String.join("\n", e.phrases()),
                        Field.Store.NO));
                String phrases = String.join("\n", e.phrases());
                d.add(new TextField(PHRASE_EN, phrases, Field.Store.NO));
                d.add(new TextField(PHRASE_JA, phrases, Field.Store.NO));
                d.add(new TextField(KEYWORD, String.join("\n", e.keywords()), Field.Store.NO));
                w.addDocument(d);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot build the in-memory knowledge index", ex);
        }
        try {
            return new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot open the in-memory knowledge index", ex);
        }
    }

    /** True when the question reports a problem ({@link ProblemWords}). */
    public boolean reportsProblem(String question) {
        return problemWords.in(question);
    }

    /** The symptom phrases of the entries, for ranking. */
    public Phrases phrases() {
        return phrases;
    }

    /** All indexed entries, in catalog order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * For a question that only names an SMC technology ("what is SMC-R", "SMC-D とは"): the kernel features whose
     * title names it, in catalog order (the oldest, most basic feature first); empty for any other question.
     */
    public List<Hit> definitions(String question) {
        TopicCheck check = topicCheck(question);
        if (!check.terms().isEmpty() || (check.signal() != Topic.Signal.STRONG && check.signal() != Topic.Signal.WEAK)) {
            return List.of();
        }
        String named = "";
        Matcher m = TECHNOLOGY.matcher(Topic.normalise(question));
        while (m.find()) {
            if (m.group().length() > named.length()) {
                named = m.group();
            }
        }
        if (named.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == Answer.Kind.KERNEL_FEATURE && Topic.contains(Topic.normalise(e.title().en()), named)) {
                out.add(new Hit(e, DEFINITION_HITS - out.size()));
                if (out.size() == DEFINITION_HITS) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Searches the question. A hit must match at least one word of the question that is not a question word
     * ("what", "how", "意味", ...); CJK bigrams only add to the score of such hits. Best first.
     */
    public List<Hit> search(String question) {
        Set<String> en = withoutCjk(terms(english, TEXT_EN, question));
        boolean japaneseQuestion = containsCjk(question);
        // an English question is matched against the English text only: Japanese text quotes English words
        // ("module not loaded") that would otherwise match question words
        Set<String> ja = japaneseQuestion ? terms(japanese, TEXT_JA, question) : new LinkedHashSet<>();
        Set<String> kw = withoutCjk(terms(keywords, KEYWORD, question));
        en.removeAll(englishStop);
        ja.removeAll(japaneseStop);
        ja.removeAll(keywordStop);
        kw.removeIf(t -> t.length() < 2 || keywordStop.contains(t));
        TopicCheck check = topicCheck(question, japaneseQuestion ? ja : en, japaneseQuestion ? JA_FIELDS : EN_FIELDS);
        if (!check.onTopic()) {
            return List.of();
        }
        BooleanQuery.Builder primary = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += addTerms(primary, en, TITLE_EN, TEXT_EN, MORE_EN, PHRASE_EN);
        clauses += addTerms(primary, ja, TITLE_JA, TEXT_JA, MORE_JA, PHRASE_JA);
        clauses += addTerms(primary, kw, KEYWORD);
        if (clauses == 0) {
            return List.of();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(primary.build(), BooleanClause.Occur.MUST);
        BooleanQuery.Builder bigram = new BooleanQuery.Builder();
        int bigramClauses = 0;
        for (String t : terms(bigrams, BIGRAM, question)) {
            if (containsCjk(t) && bigramClauses < MAX_TERMS) {
                bigram.add(new TermQuery(new Term(BIGRAM, t)), BooleanClause.Occur.SHOULD);
                bigramClauses++;
            }
        }
        if (bigramClauses > 0) {
            all.add(new BoostQuery(bigram.build(), BIGRAM_BOOST), BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = searcher.search(all.build(), MAX_HITS);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = searcher.storedFields().document(sd.doc).getField(ORD).numericValue().intValue();
                double coverage = check.terms().isEmpty() ? 1
                        : check.perDoc().getOrDefault(sd.doc, 0) / (double) check.terms().size();
                hits.add(new Hit(entries.get(ord), sd.score, coverage));
            }
            return hits;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot search the in-memory knowledge index", ex);
        }
    }

    /**
     * What decides whether a question is on topic.
     *
     * @param signal    what the question's own words say ({@link Topic})
     * @param terms     content words (question words, numbers and one- or two-letter words removed)
     * @param known     how many of them occur in the knowledge
     * @param coherence the largest share of them that one entry holds
     * @param specific  how many of them are not general words of networking ({@code tcp}, {@code kernel})
     * @param perDoc    for each document that holds any of them, how many it holds (the question's coverage)
     */
    record TopicCheck(Topic.Signal signal, Set<String> terms, int known, double coherence, int specific,
                      Map<Integer, Integer> perDoc) {
        /**
         * True when the question is about SMC: its words name SMC unambiguously and at least one of them is known
         * (so "how to bake bread with smc-r" is not); or they say "smc"/"rdma" without another meaning
         * ({@link Topic}) and at least half of the content words are known; or, without any SMC word, every content
         * word is known, one entry holds most of them and they are more than general networking words ("ping works
         * but curl fails", but not "the difference between TCP and UDP"). This is what keeps "who won the football
         * match" from matching a cause that mentions "do not match" and "reset the SMC on my MacBook" from matching
         * {@code smcr stats reset}.
         */
        boolean onTopic() {
            if (terms.isEmpty()) {
                return false;
            }
            switch (signal) {
                case STRONG:
                    return known > 0;
                case WEAK:
                    return known * 2 >= terms.size();
                case NONE:
                    return known == terms.size() && coherence >= NONE_COHERENCE && specific > 0;
                default:
                    return false;
            }
        }
    }

    /** The topic check of a question, for {@link #search} and tests. */
    TopicCheck topicCheck(String question) {
        boolean japaneseQuestion = containsCjk(question);
        Set<String> terms;
        if (japaneseQuestion) {
            terms = terms(japanese, TEXT_JA, question);
            terms.removeAll(japaneseStop);
            terms.removeAll(keywordStop);
        } else {
            terms = withoutCjk(terms(english, TEXT_EN, question));
            terms.removeAll(englishStop);
        }
        return topicCheck(question, terms, japaneseQuestion ? JA_FIELDS : EN_FIELDS);
    }

    private TopicCheck topicCheck(String question, Set<String> allTerms, List<String> fields) {
        Topic.Signal signal = topic.of(question);
        // numbers (ports, sizes, versions) and one- or two-letter fragments say nothing about the subject
        Set<String> contentTerms = new LinkedHashSet<>();
        for (String t : allTerms) {
            boolean number = t.chars().allMatch(Character::isDigit);
            boolean fragment = t.length() <= 2 && !containsCjk(t);
            if (!number && !fragment) {
                contentTerms.add(t);
            }
        }
        Map<Integer, Integer> perDoc = new HashMap<>();
        int known = 0;
        try {
            for (String t : contentTerms) {
                Set<Integer> docs = new HashSet<>();
                for (String f : fields) {
                    docsWith(f, t, docs);
                }
                if (!docs.isEmpty()) {
                    known++;
                    docs.forEach(d -> perDoc.merge(d, 1, Integer::sum));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the in-memory knowledge index", ex);
        }
        double coherence = contentTerms.isEmpty() ? 0 : perDoc.values().stream().mapToInt(Integer::intValue).max()
                .orElse(0) / (double) contentTerms.size();
        int specific = (int) contentTerms.stream().filter(t -> !generic.contains(t)).count();
        return new TopicCheck(signal, Set.copyOf(contentTerms), known, coherence, specific, perDoc);
    }

    /** Adds the documents whose field contains the term. */
    private void docsWith(String field, String term, Set<Integer> out) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(new org.apache.lucene.util.BytesRef(term))) {
                continue;
            }
            PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                out.add(leaf.docBase + d);
            }
        }
    }

    private static Set<String> withoutCjk(Set<String> terms) {
        terms.removeIf(SearchIndex::containsCjk);
        return terms;
    }

    /** True when the text contains kana or CJK ideographs. */
    public static boolean containsCjk(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                    || s == Character.UnicodeScript.HAN;
        });
    }

    private static int addTerms(BooleanQuery.Builder q, Set<String> terms, String... fields) {
        int n = 0;
        for (String t : terms) {
            if (n >= MAX_TERMS) {
                break;
            }
            for (String f : fields) {
                q.add(new BoostQuery(new TermQuery(new Term(f, t)), BOOSTS.get(f)), BooleanClause.Occur.SHOULD);
            }
            n++;
        }
        return n;
    }

    /**
     * The text with sizes written apart from their unit ({@code 512KiB} as {@code 512 KiB}), so that a question's
     * {@code 512KiB} matches the knowledge's {@code 512 KiB} and the other way round.
     */
    static String splitUnits(String text) {
        return SIZE.matcher(text).replaceAll("$1 $2");
    }

    /** The distinct terms the analyzer makes of the text. */
    static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, splitUnits(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString().toLowerCase(Locale.ROOT));
            }
            ts.end();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot analyse text", ex);
        }
        return out;
    }
}
