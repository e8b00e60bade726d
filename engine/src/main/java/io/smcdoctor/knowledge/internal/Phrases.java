package io.smcdoctor.knowledge.internal;

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
    /** A prepared phrase; one that names a fact does not count, and hides the phrases within it. */
    private record Phrase(String text, boolean counts) {
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
            for (String p : e.phrases()) {
                String f = p.endsWith("_") || p.endsWith("-") ? Topic.normalise(p) : fold(p);
                if (!f.isEmpty() && seen.add(f)) {
                    ps.add(new Phrase(f, !names.contains(f)));
                }
            }
            if (!ps.isEmpty()) {
                byEntry.putIfAbsent(e.id(), List.copyOf(ps));
            }
        }
        return new Phrases(Map.copyOf(byEntry));
    }

    /** The question as phrases are matched against it ({@link #count}): folded, then a tab, then as typed. */
    public static String prepare(String question) {
        return fold(question) + "\t" + Topic.normalise(question);
    }

    /**
     * How many distinct phrases of the entry the prepared question contains: a phrase within a longer one found
     * counts once, and the name of a fact, with the phrases within it, not at all ({@code smc_pnet} is not
     * {@code pnet}).
     */
    public int count(Entry e, String preparedQuestion) {
        List<Phrase> ps = byEntry.get(e.id());
        if (ps == null) {
            return 0;
        }
        List<Phrase> found = new ArrayList<>(2);
        for (Phrase p : ps) {
            if (contains(preparedQuestion, p.text())) {
                found.add(p);
            }
        }
        int n = 0;
        for (Phrase p : found) {
            boolean inner = false;
            for (Phrase q : found) {
                if (q.text().length() > p.text().length() && contains(q.text(), p.text())) {
                    inner = true;
                    break;
                }
            }
            if (p.counts() && !inner) {
                n++;
            }
        }
        return n;
    }

    /**
     * True when the text ({@link #prepare prepared}, or a folded phrase) holds the phrase: as a substring for a
     * phrase with non-ASCII characters, as the start of a word for an identifier prefix ({@code so_}), else as whole
     * words (not "tcp" in "tcpdump").
     */
    static boolean contains(String text, String phrase) {
        if (phrase.endsWith("_") || phrase.endsWith("-")) {
            String raw = text.substring(text.indexOf('\t') + 1);
            for (int i = raw.indexOf(phrase); i >= 0; i = raw.indexOf(phrase, i + 1)) {
                int end = i + phrase.length();
                if (end < raw.length() && Character.isLetter(raw.charAt(end))) {
                    return true;
                }
            }
            return false;
        }
        boolean ascii = phrase.chars().allMatch(c -> c < 0x80);
        if (!ascii) {
            return text.contains(phrase);
        }
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

    /** Normalised ({@link Topic#normalise}) with runs of white space, {@code -} and {@code _} folded to one space. */
    static String fold(String s) {
        String lower = Topic.normalise(s);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '_') {
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
