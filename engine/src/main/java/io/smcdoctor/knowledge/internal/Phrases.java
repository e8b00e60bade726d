package io.smcdoctor.knowledge.internal;

import io.smcdoctor.catalog.internal.SymptomPhrases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the symptom {@link Entry#phrases() phrases} a question contains, as {@code diagnose} matches them
 * ({@code RuleInputs}): ASCII phrases as whole words with white space, {@code -} and {@code _} folded, Japanese
 * phrases as substrings, a phrase ending in {@code _} or {@code -} as the prefix of an identifier. For ranking answers
 * a phrase counts only when it says more than the other phrases found:
 * <ul>
 *   <li>a phrase inside a longer phrase found in the same question counts once ({@code pnet} within
 *       {@code pnet id});</li>
 *   <li>a phrase that is the name of a knowledge fact ({@code smc_pnet}, {@code limit_smc_hs},
 *       {@code net.smc.wmem}) names that fact: the question is about the command or sysctl, whose own name match
 *       ranks it, so neither the phrase nor a phrase within it ({@code pnet}) counts for the symptom as well.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Phrases {
    /**
     * A prepared phrase; one that names a fact does not count, and hides the phrases within it.
     *
     * @param text   folded ({@link #fold}), or as typed for an identifier prefix
     * @param counts false for the name of a fact
     * @param prefix an identifier prefix ({@code so_}): matched in the question as typed, followed by a letter
     * @param ascii  matched as whole words; otherwise (Japanese) as a substring
     */
    private record Phrase(String text, boolean counts, boolean prefix, boolean ascii) {
        static Phrase of(String typed, boolean counts) {
            boolean prefix = typed.endsWith("_") || typed.endsWith("-");
            String text = prefix ? Topic.normalise(typed) : fold(typed);
            return new Phrase(text, counts, prefix, text.chars().allMatch(c -> c < 0x80));
        }

        boolean in(Question q) {
            return prefix ? startsWord(q.typed(), text) : ascii ? containsWords(q.folded(), text) : q.folded()
                    .contains(text);
        }

        boolean within(Phrase longer) {
            return longer.text.length() > text.length()
                    && (prefix ? startsWord(longer.text, text) : ascii ? containsWords(longer.text, text)
                    : longer.text.contains(text));
        }
    }

    /**
     * A question as phrases are matched against it.
     *
     * @param folded normalised, white space, {@code -} and {@code _} folded to one space ({@link #fold})
     * @param typed  normalised only ({@link Topic#normalise})
     */
    public record Question(String folded, String typed) {
    }

    private final Map<String, List<Phrase>> byEntry;

    private Phrases(Map<String, List<Phrase>> byEntry) {
        this.byEntry = byEntry;
    }

    /** The phrases of the entries; those that are names of entries ({@link Entry#names()}) do not count. */
    public static Phrases of(List<Entry> entries) {
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            e.names().forEach(n -> names.add(fold(n)));
        }
        Map<String, List<Phrase>> byEntry = new HashMap<>();
        for (Entry e : entries) {
            List<Phrase> ps = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String typed : e.phrases()) {
                Phrase p = Phrase.of(typed, true);
                if (!p.text().isEmpty() && seen.add(p.text())) {
                    ps.add(names.contains(p.text()) ? Phrase.of(typed, false) : p);
                }
            }
            if (!ps.isEmpty()) {
                byEntry.putIfAbsent(e.id(), List.copyOf(ps));
            }
        }
        return new Phrases(Map.copyOf(byEntry));
    }

    /** The question as phrases are matched against it ({@link #count}). */
    public static Question prepare(String question) {
        return new Question(fold(question), Topic.normalise(question));
    }

    /**
     * How many distinct phrases of the entry the question contains: a phrase within a longer one found counts once,
     * and the name of a fact, with the phrases within it, not at all ({@code smc_pnet} is not {@code pnet}).
     */
    public int count(Entry e, Question question) {
        List<Phrase> ps = byEntry.get(e.id());
        if (ps == null) {
            return 0;
        }
        List<Phrase> found = new ArrayList<>(2);
        for (Phrase p : ps) {
            if (p.in(question)) {
                found.add(p);
            }
        }
        int n = 0;
        for (Phrase p : found) {
            if (p.counts() && found.stream().noneMatch(p::within)) {
                n++;
            }
        }
        return n;
    }

    /** True when the text holds the words of the phrase as whole words: not "tcp" in "tcpdump". */
    static boolean containsWords(String text, String phrase) {
        return SymptomPhrases.containsWords(text, phrase);
    }

    /** True when the text holds the prefix followed by a letter ({@code so_keepalive}, not {@code so_ }). */
    static boolean startsWord(String text, String prefix) {
        for (int i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
            int end = i + prefix.length();
            if (end < text.length() && Character.isLetter(text.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Normalised ({@link Topic#normalise}) with runs of white space, {@code -} and {@code _} folded to one space, as
     * {@code diagnose} folds symptom texts ({@link SymptomPhrases#normalise}).
     */
    static String fold(String s) {
        return SymptomPhrases.normalise(Topic.normalise(s));
    }
}
