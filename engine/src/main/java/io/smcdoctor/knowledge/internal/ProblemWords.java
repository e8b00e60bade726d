package io.smcdoctor.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Words that report a problem ("fails", "falls back", "slow", "できない", "消えた"), and error names
 * ({@code EADDRINUSE}). A question with one of them describes a failure, and the diagnosis catalog (symptoms and their
 * causes) answers it; a question without any asks how something works or what it means ("how do I map an interface
 * with smc_pnet", "PNET ID は IOCDS で定義するもの？"), and the knowledge of tools, sysctls and features answers it
 * first. Loaded from {@code problem-words-en.txt} (whole words, see {@link Topic#contains}) and
 * {@code problem-words-ja.txt} (substrings) next to this class.
 *
 * @param english English words and phrases, normalised
 * @param japanese Japanese words, normalised
 */
record ProblemWords(List<String> english, List<String> japanese) {
    /** An errno name as typed: E and at least four capitals ({@code EADDRINUSE}, {@code EAFNOSUPPORT}). */
    private static final Pattern ERRNO = Pattern.compile("(?<![A-Za-z0-9_])E[A-Z]{4,}(?![A-Za-z0-9_])");

    ProblemWords {
        english = List.copyOf(english);
        japanese = List.copyOf(japanese);
    }

    static ProblemWords load() {
        return new ProblemWords(read("problem-words-en.txt"), read("problem-words-ja.txt"));
    }

    /** True when the question reports a problem. */
    boolean in(String question) {
        if (ERRNO.matcher(question).find()) {
            return true;
        }
        String q = Topic.normalise(question).replace('\u2019', '\'');
        for (String w : japanese) {
            if (q.contains(w)) {
                return true;
            }
        }
        for (String w : english) {
            if (Topic.contains(q, w)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(String name) {
        List<String> words = new ArrayList<>();
        try (InputStream in = ProblemWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + ProblemWords.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(Topic.normalise(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return words;
    }
}
