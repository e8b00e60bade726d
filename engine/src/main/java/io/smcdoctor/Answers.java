package io.smcdoctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.JsonOutput;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link KnowledgeBase#ask(String)}: ranked answers, best first, possibly none.
 *
 * @param question the question as asked
 * @param language the language the question is written in (Japanese when it contains kana or kanji)
 * @param answers  ranked answers; empty when the question is not about SMC or nothing in the catalog fits
 */
public record Answers(String question, Language language, List<Answer> answers) {
    /** The JSON schema name written by {@link #toJson(Language)}. */
    public static final String SCHEMA = "smc-doctor/answers/v1";

    public Answers {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(language, "language");
        answers = List.copyOf(answers);
    }

    /** True when nothing in the catalog answers the question. */
    public boolean isEmpty() {
        return answers.isEmpty();
    }

    /** The best answer, if any. */
    public Optional<Answer> best() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(0));
    }

    /** The answers as JSON in the question's own language; see {@link #toJson(Language)}. */
    public String toJson() {
        return toJson(language);
    }

    /**
     * The answers as JSON, schema {@code smc-doctor/answers/v1} (README, "JSON contracts"):
     * {@code {"schema", "question", "language", "answers": [{"rank", "id", "kind", "title", "text", "reasonCodes",
     * "commands", "references"}]}}, texts in the given language.
     */
    public String toJson(Language textLanguage) {
        ObjectNode root = JsonOutput.object();
        root.put("schema", SCHEMA);
        root.put("question", question);
        root.put("language", textLanguage.tag());
        ArrayNode list = root.putArray("answers");
        for (Answer a : answers) {
            ObjectNode n = list.addObject();
            n.put("rank", a.rank());
            n.put("id", a.id());
            n.put("kind", a.kind().json());
            n.put("title", a.title(textLanguage));
            n.put("text", a.text(textLanguage));
            JsonOutput.strings(n, "reasonCodes", a.reasonCodes());
            JsonOutput.strings(n, "commands", a.commands());
            JsonOutput.strings(n, "references", a.references());
        }
        return JsonOutput.write(root);
    }
}
