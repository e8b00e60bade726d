package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates {@link KnowledgeBase#ask} on the question set in {@code knowledge/questions.tsv} (questions people
 * type, half of them Japanese, each with the catalog ids that answer it) and {@code knowledge/unanswerable.txt}.
 */
class KnowledgeBaseQuestionSetTest {
    private static final KnowledgeBase KB = OverCatalog.knowledgeBase(Catalog.bundled());

    record Question(String text, List<String> expected) {
        @Override
        public String toString() {
            return text;
        }
    }

    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        for (String line : lines("/knowledge/questions.tsv")) {
            String[] parts = line.split("\t");
            out.add(new Question(parts[0], List.of(parts[1].split(","))));
        }
        return out;
    }

    static Stream<String> unanswerable() throws IOException {
        return lines("/knowledge/unanswerable.txt").stream();
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = KnowledgeBaseQuestionSetTest.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    static boolean inTop3(KnowledgeBase kb, Question q) {
        return kb.ask(q.text(), 3).answers().stream().anyMatch(a -> q.expected().contains(a.id()));
    }

    @Test
    void questionSet_hasAtLeastFortyQuestionsHalfJapanese() throws IOException {
        List<Question> qs = questions();
        long japanese = qs.stream().filter(q -> KnowledgeBase.languageOf(q.text()) == io.smcdoctor.catalog.Language.JA).count();
        assertThat(qs).hasSizeGreaterThanOrEqualTo(40);
        assertThat(japanese * 2).isGreaterThanOrEqualTo(qs.size() - 1);
    }

    @Test
    void questionSet_everyQuestionIsAnsweredInTheTop3() throws IOException {
        assertTop3Accuracy("bundled catalog", KB, 1.0);
    }

    /** Asks every question of the set and asserts the share answered in the top 3; prints it and the misses. */
    static void assertTop3Accuracy(String label, KnowledgeBase kb, double required) throws IOException {
        List<Question> qs = questions();
        List<String> misses = new ArrayList<>();
        for (Question q : qs) {
            if (!inTop3(kb, q)) {
                misses.add(q.text() + " -> " + kb.ask(q.text(), 3).answers().stream().map(Answer::id).toList()
                        + " expected " + q.expected());
            }
        }
        double accuracy = (qs.size() - misses.size()) / (double) qs.size();
        System.out.printf("KnowledgeBase top-3 accuracy (%s): %d/%d = %.1f%%%n", label, qs.size() - misses.size(),
                qs.size(), accuracy * 100);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(accuracy).as("top-3 accuracy; misses: %s", misses).isGreaterThanOrEqualTo(required);
    }

    @ParameterizedTest
    @MethodSource("unanswerable")
    void ask_offTopicQuestion_returnsNoAnswers(String question) {
        assertThat(KB.ask(question).answers()).isEmpty();
    }
}
