package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Symptom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one matcher of symptom phrases in what users write, for {@code diagnose} (the symptom text of the evidence) and
 * {@code ask} (the question) alike. A phrase matches as whole words: "tcp" does not match inside "tcpdump", nor "gpu"
 * inside "gpus2". A phrase ending in {@code _} or {@code -} ("so_", "tcp_") is a prefix of an identifier, matched in
 * the raw text, and must be followed by a letter ("so_keepalive", not "TCP 0x03030000" or "so keep"). Phrases with
 * non-ASCII characters (Japanese) are matched as plain substrings: Japanese has no spaces between words. Case, runs
 * of white space and hyphen/underscore variants are folded, so "speed up" matches "Speed-Up".
 *
 * <p>The phrases of a catalog are prepared once ({@link #of}); immutable and thread-safe.
 */
public final class SymptomPhrases {
    /**
     * A phrase ready for matching.
     *
     * @param firstWord for a phrase matched as whole words that starts with a letter or digit, its leading run of
     *                  letters and digits, which a text holding the phrase holds as a whole run ({@link #match}); else
     *                  null
     */
    private record Phrase(String original, String prepared, boolean prefix, boolean ascii, String firstWord) {
    }

    private record Entry(Symptom symptom, List<Phrase> phrases) {
    }

    /**
     * A symptom whose phrase occurs in a text.
     *
     * @param symptom the symptom
     * @param phrase  its first phrase found
     * @param phrases how many different phrases of the symptom the text holds (at least 1)
     */
    public record Match(Symptom symptom, String phrase, int phrases) {
    }

    private final Catalog catalog;
    private final List<Entry> entries;
    /** Every phrase of every entry, entry by entry in catalog order: a phrase's number is its place here. */
    private final Phrase[] phrases;
    /** For each phrase number, the number of its entry. */
    private final int[] entryOf;
    /** The phrases with a first word, by that word: the only ones a text without the word can hold. */
    private final Map<String, int[]> byFirstWord;
    /** The phrases without a first word (prefixes, Japanese, phrases starting with a symbol): always tried. */
    private final BitSet always;

    private SymptomPhrases(Catalog catalog, List<Entry> entries) {
        this.catalog = catalog;
        this.entries = entries;
        List<Phrase> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (Phrase p : entries.get(e).phrases()) {
                all.add(p);
                owners.add(e);
            }
        }
        this.phrases = all.toArray(new Phrase[0]);
        this.entryOf = toArray(owners);
        Map<String, List<Integer>> index = new HashMap<>();
        this.always = new BitSet(phrases.length);
        for (int i = 0; i < phrases.length; i++) {
            String w = phrases[i].firstWord();
            if (w == null) {
                always.set(i);
            } else {
                index.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> byWord = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
            byWord.put(e.getKey(), toArray(e.getValue()));
        }
        this.byFirstWord = byWord;
    }

    /**
     * The phrases of every symptom of a catalog, prepared once (normalising them on every call showed up in profiles):
     * a catalog this package built keeps them, so the first call, which {@code Diagnoser} makes where it loads the
     * catalog, prepares them for every later one.
     */
    public static SymptomPhrases of(Catalog catalog) {
        if (catalog instanceof DefaultCatalog d) {
            return d.symptomPhrases();
        }
        return prepare(catalog);
    }

    static SymptomPhrases prepare(Catalog catalog) {
        List<Entry> entries = new ArrayList<>();
        for (Symptom s : catalog.symptoms()) {
            List<Phrase> ps = new ArrayList<>();
            for (String phrase : s.phrases()) {
                Phrase p = prepare(phrase);
                if (p != null) {
                    ps.add(p);
                }
            }
            entries.add(new Entry(s, List.copyOf(ps)));
        }
        return new SymptomPhrases(catalog, List.copyOf(entries));
    }

    /** The catalog these phrases come from. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * The symptoms with a phrase in the text, each once with its first matching phrase and the number of its phrases
     * found, in catalog order.
     */
    public List<Match> match(String text) {
        String normalised = normalise(text);
        String raw = text.toLowerCase(Locale.ROOT);
        // a whole-word match starts at a word boundary, so the phrase's first run of letters and digits is a whole run
        // of the text: only the phrases whose first run the text holds (and those without one) are searched for
        BitSet candidates = (BitSet) always.clone();
        for (String word : runs(normalised)) {
            int[] ids = byFirstWord.get(word);
            if (ids != null) {
                for (int id : ids) {
                    candidates.set(id);
                }
            }
        }
        List<Match> out = new ArrayList<>();
        int entry = -1;
        Phrase first = null;
        int hits = 0;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Phrase p = phrases[i];
            if (!matches(p, normalised, raw)) {
                continue;
            }
            if (entryOf[i] != entry) {
                if (first != null) {
                    out.add(new Match(entries.get(entry).symptom(), first.original(), hits));
                }
                entry = entryOf[i];
                first = p;
                hits = 0;
            }
            hits++;
        }
        if (first != null) {
            out.add(new Match(entries.get(entry).symptom(), first.original(), hits));
        }
        return out;
    }

    /** How many of the phrases occur in the text. */
    public static int count(List<String> phrases, String text) {
        String normalised = normalise(text);
        String raw = text.toLowerCase(Locale.ROOT);
        int n = 0;
        for (String phrase : phrases) {
            Phrase p = prepare(phrase);
            if (p != null && matches(p, normalised, raw)) {
                n++;
            }
        }
        return n;
    }

    /** True when the phrase occurs in the text by the rules of this class. */
    public static boolean contains(String text, String phrase) {
        return count(List.of(phrase), text) == 1;
    }

    private static Phrase prepare(String phrase) {
        boolean prefix = phrase.endsWith("_") || phrase.endsWith("-");
        String p = prefix ? phrase.toLowerCase(Locale.ROOT) : normalise(phrase);
        if (p.isEmpty()) {
            return null;
        }
        boolean ascii = isAscii(p);
        String firstWord = null;
        if (ascii && !prefix && Character.isLetterOrDigit(p.charAt(0))) {
            int k = 1;
            while (k < p.length() && Character.isLetterOrDigit(p.charAt(k))) {
                k++;
            }
            firstWord = p.substring(0, k);
        }
        return new Phrase(phrase, p, prefix, ascii, firstWord);
    }

    // plain loops rather than streams here and in toArray: this runs once per process, in the interpreter, where a
    // stream pipeline costs milliseconds of set-up (profiled on a cold diagnose)
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int[] toArray(List<Integer> values) {
        int[] a = new int[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /** The maximal runs of letters and digits of a text (as {@link Character#isLetterOrDigit(char)} tells them). */
    private static Set<String> runs(String text) {
        Set<String> out = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            out.add(text.substring(s, i));
        }
        return out;
    }

    private static boolean matches(Phrase phrase, String normalisedText, String rawLowerText) {
        String text = phrase.prefix() ? rawLowerText : normalisedText;
        String p = phrase.prepared();
        if (!phrase.ascii()) {
            return text.contains(p);
        }
        if (!phrase.prefix()) {
            return containsWords(text, p);
        }
        for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
            int end = i + p.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(p.charAt(0));
            if (startOk && end < text.length() && Character.isLetter(text.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the text holds the phrase as whole words: "tcp" does not match inside "tcpdump", nor "gpu" inside
     * "gpus2" (a phrase that starts or ends with a non-alphanumeric character has no boundary on that side).
     */
    public static boolean containsWords(String text, String phrase) {
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            int end = i + phrase.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(phrase.charAt(0));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || !Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, with runs of white space and hyphen/underscore variants folded, so "speed up" = "speed-up". */
    public static String normalise(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean sep = Character.isWhitespace(c) || c == '-' || c == '_' || c == '\u3000';
            if (sep) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }
}
