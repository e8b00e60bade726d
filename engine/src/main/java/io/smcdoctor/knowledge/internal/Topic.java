package io.smcdoctor.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How strongly a question's own words say that it is about Linux SMC, before any search: a word containing
 * {@code smc} other than {@code smc} itself ({@code smc-r}, {@code smc_run}, {@code net.smc.wmem}), a reason code, or a
 * term of {@code topic-strong.txt} settles it; {@code smc} or {@code rdma} alone only suggest it (they have other
 * meanings), and a word of {@code topic-other.txt} ({@code MacBook}, {@code NCCL}) shows the other meaning is meant.
 * Immutable and thread-safe.
 *
 * @param strong  terms that settle the topic (lower case)
 * @param weak    terms that suggest it
 * @param other   terms of other meanings of the weak terms
 * @param generic general words of networking and computing ({@code tcp}, {@code kernel}), unanalysed; a question
 *                without SMC words must say more than these
 */
record Topic(List<String> strong, List<String> weak, List<String> other, List<String> generic) {
    /** How the question's words relate to SMC. */
    enum Signal {
        /** A term that only SMC uses. */
        STRONG,
        /** {@code smc}, {@code rdma} or {@code roce} without a word of another meaning. */
        WEAK,
        /** Nothing in the words; the question may still describe an SMC symptom. */
        NONE,
        /** A weak term in another meaning (Apple SMC, NCCL over RDMA). */
        OTHER
    }

    private static final Pattern SMC_WORD = Pattern.compile("[a-z0-9_.\\-]*smc[a-z0-9_.\\-]*");
    private static final Pattern CODE = Pattern.compile("(?<![0-9a-z])0x0[0-9a-f]{7}(?![0-9a-z])");
    /** Characters scanned; questions are capped before they get here. */
    private static final int MAX_CHARS = 4096;

    Topic {
        strong = List.copyOf(strong);
        weak = List.copyOf(weak);
        other = List.copyOf(other);
        generic = List.copyOf(generic);
    }

    /** The bundled term lists plus extra strong terms (names of SMC sysctls from the catalog). */
    static Topic load(Collection<String> extraStrong) {
        List<String> strong = new ArrayList<>(read("topic-strong.txt"));
        extraStrong.forEach(t -> strong.add(t.toLowerCase(Locale.ROOT)));
        return new Topic(strong, read("topic-weak.txt"), read("topic-other.txt"), read("topic-generic.txt"));
    }

    Signal of(String question) {
        String q = normalise(question);
        if (hasSmcWord(q) || CODE.matcher(q).find() || containsAny(q, strong)) {
            return Signal.STRONG;
        }
        if (containsAny(q, other)) {
            return Signal.OTHER;
        }
        return containsAny(q, weak) ? Signal.WEAK : Signal.NONE;
    }

    /** NFKC (full-width letters to ASCII), lower case, at most {@link #MAX_CHARS} characters. */
    static String normalise(String text) {
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean hasSmcWord(String q) {
        Matcher m = SMC_WORD.matcher(q);
        while (m.find()) {
            String w = trimPunctuation(m.group());
            if (!w.equals("smc") && !w.equals("smcs") && w.contains("smc")) {
                return true;
            }
        }
        return false;
    }

    private static String trimPunctuation(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && ".-".indexOf(w.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ".-".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return w.substring(start, end);
    }

    private static boolean containsAny(String q, List<String> terms) {
        for (String t : terms) {
            if (contains(q, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code term} occurs in the normalised text: anywhere for a term with Japanese characters, else as
     * whole words (an {@code s} may follow: "link groups").
     */
    static boolean contains(String q, String term) {
        if (SearchIndex.containsCjk(term)) {
            return q.contains(term);
        }
        int from = 0;
        while (true) {
            int i = q.indexOf(term, from);
            if (i < 0) {
                return false;
            }
            int end = i + term.length();
            if (end < q.length() && q.charAt(end) == 's') {
                end++;
            }
            if ((i == 0 || !wordChar(q.charAt(i - 1))) && (end == q.length() || !wordChar(q.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static List<String> read(String name) {
        List<String> words = new ArrayList<>();
        try (InputStream in = Topic.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + Topic.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(normalise(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return words;
    }
}
