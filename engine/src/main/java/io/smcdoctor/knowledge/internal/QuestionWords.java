package io.smcdoctor.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Words that make a sentence a question ("what", "how", "意味", "教えて") but say nothing about its subject.
 * They are ignored when matching, so "how do I bake bread" matches nothing. Loaded from
 * {@code question-words-en.txt} and {@code question-words-ja.txt} next to this class (one word a line, {@code #}
 * comments).
 *
 * @param english English question words
 * @param japanese Japanese question words
 */
record QuestionWords(List<String> english, List<String> japanese) {
    QuestionWords {
        english = List.copyOf(english);
        japanese = List.copyOf(japanese);
    }

    static QuestionWords load() {
        return new QuestionWords(read("question-words-en.txt"), read("question-words-ja.txt"));
    }

    private static List<String> read(String name) {
        List<String> words = new ArrayList<>();
        try (InputStream in = QuestionWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + QuestionWords.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return words;
    }
}
