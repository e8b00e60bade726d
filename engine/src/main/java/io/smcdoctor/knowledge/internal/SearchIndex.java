package io.smcdoctor.knowledge.internal;

import io.smcdoctor.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory BM25 index over catalog entries. English text is analysed with Lucene's English analyzer
 * (stemming), Japanese text with Kuromoji morphological analysis plus CJK bigrams for recall. Immutable and
 * thread-safe once built.
 */
public final class SearchIndex {
    private static final String ORD = "ord";
    private static final String TITLE_EN = "title_en";
    private static final String TEXT_EN = "text_en";
    private static final String PHRASE_EN = "phrase_en";
    private static final String TITLE_JA = "title_ja";
    private static final String TEXT_JA = "text_ja";
    private static final String PHRASE_JA = "phrase_ja";
    private static final String BIGRAM = "bigram";
    private static final String KEYWORD = "kw";

    /** Field boosts: titles and symptom phrases count more than body text; exact identifiers most. */
    private static final Map<String, Float> BOOSTS = Map.of(
            TITLE_EN, 3f, TEXT_EN, 1f, PHRASE_EN, 4f,
            TITLE_JA, 3f, TEXT_JA, 1f, PHRASE_JA, 4f,
            KEYWORD, 3f);
    private static final float BIGRAM_BOOST = 0.3f;
    private static final int MAX_HITS = 50;
    private static final int MAX_TERMS = 100;
    private static final List<String> EN_FIELDS = List.of(TITLE_EN, TEXT_EN, PHRASE_EN, KEYWORD);
    private static final List<String> JA_FIELDS = List.of(TITLE_JA, TEXT_JA, PHRASE_JA, KEYWORD);
    /** Words that make a question about SMC whatever else it says. */
    private static final Set<String> DOMAIN_WORDS = Set.of("smc", "smc-r", "smc-d", "smcr", "smcd", "smcv2", "af_smc",
            "rdma", "erdma", "roce", "smc_run", "smcss", "smc-tools");
    /** Characters of a question scanned for {@link #DOMAIN_WORDS} (questions are capped elsewhere too). */
    private static final int MAX_DOMAIN_SCAN = 4096;

    private final List<Entry> entries;
    private final Analyzer english;
    private final Analyzer japanese;
    private final Analyzer keywords;
    private final Analyzer bigrams;
    private final Set<String> englishStop;
    private final Set<String> japaneseStop;
    private final Set<String> keywordStop;
    private final IndexSearcher searcher;

    /** A scored entry. */
    public record Hit(Entry entry, double score) {
    }

    private SearchIndex(List<Entry> entries, QuestionWords questionWords) {
        this.entries = List.copyOf(entries);
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
        this.searcher = build();
    }

    /** Builds the index over the entries (takes a few hundred milliseconds: Kuromoji loads its dictionary). */
    public static SearchIndex build(List<Entry> entries) {
        return new SearchIndex(entries, QuestionWords.load());
    }

    private IndexSearcher build() {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(TITLE_EN, english);
        perField.put(TEXT_EN, english);
        perField.put(PHRASE_EN, english);
        perField.put(TITLE_JA, japanese);
        perField.put(TEXT_JA, japanese);
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
                d.add(new TextField(TEXT_EN, e.text().en() + "\n" + e.searchText().en(), Field.Store.NO));
                d.add(new TextField(TITLE_JA, generated ? names : e.title().ja(), Field.Store.NO));
                d.add(new TextField(TEXT_JA, e.text().ja() + "\n" + e.searchText().ja(), Field.Store.NO));
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

    /** All indexed entries, in catalog order. */
    public List<Entry> entries() {
        return entries;
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
        if (!mostlyKnown(japaneseQuestion ? ja : en, japaneseQuestion ? JA_FIELDS : EN_FIELDS, namesTheDomain(question))) {
            return List.of();
        }
        BooleanQuery.Builder primary = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += addTerms(primary, en, TITLE_EN, TEXT_EN, PHRASE_EN);
        clauses += addTerms(primary, ja, TITLE_JA, TEXT_JA, PHRASE_JA);
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
                hits.add(new Hit(entries.get(ord), sd.score));
            }
            return hits;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot search the in-memory knowledge index", ex);
        }
    }

    /**
     * True when the question names SMC or RDMA itself ("how to enable smc for redis"): it is on topic, so words the
     * catalog does not know (the application's name) do not make it unanswerable.
     */
    static boolean namesTheDomain(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        int n = Math.min(q.length(), MAX_DOMAIN_SCAN);
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? q.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (DOMAIN_WORDS.contains(q.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /**
     * True when more than half of the question's content words occur somewhere in the knowledge. This is what
     * keeps "who won the football match" from matching a cause that mentions "do not match". When the question names
     * the domain ({@link #namesTheDomain}), one known word is enough.
     */
    private boolean mostlyKnown(Set<String> contentTerms, List<String> fields, boolean onTopic) {
        if (contentTerms.isEmpty()) {
            return false;
        }
        int known = 0;
        try {
            for (String t : contentTerms) {
                for (String f : fields) {
                    if (searcher.getIndexReader().docFreq(new Term(f, t)) > 0) {
                        known++;
                        break;
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the in-memory knowledge index", ex);
        }
        return onTopic ? known > 0 : known * 2 > contentTerms.size();
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

    /** The distinct terms the analyzer makes of the text. */
    static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
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
