package io.smcdoctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.internal.JsonOutput;
import java.util.List;
import java.util.Locale;
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

    /**
     * One answer: a catalog entry (reason code, cause, symptom, socket option, or a fact: tool, sysctl, kernel
     * feature, known bug, application) with what a person or a chatbot needs to ground a reply and cite it. Texts
     * come in English and Japanese ({@link #title(Language)}, {@link #text(Language)}). Immutable.
     */
    public static final class Answer {
        /** The kind of catalog entry an answer is built from. */
        public enum Kind {
            /** A CLC decline / fallback reason code. */
            REASON_CODE,
            /** A root cause of a reason code or symptom. */
            CAUSE,
            /** A problem as users describe it. */
            SYMPTOM,
            /** A row of the socket-option support table. */
            SOCKET_OPTION,
            /** An smc-tools command. */
            TOOL,
            /** A sysctl. */
            SYSCTL,
            /** A kernel feature and the release that added it. */
            KERNEL_FEATURE,
            /** A fixed kernel (or smc-tools) bug. */
            KNOWN_BUG,
            /** An application or workload under SMC. */
            APPLICATION;

            /** The lower-case JSON form, e.g. {@code reason-code}. */
            public String json() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }

            private final int rank;
        private final String id;
        private final Kind kind;
        private final LocalizedText title;
        private final LocalizedText text;
        private final List<String> reasonCodes;
        private final List<String> commands;
        private final List<String> references;
        private final double score;

        Answer(int rank, String id, Kind kind, LocalizedText title, LocalizedText text, List<String> reasonCodes,
               List<String> commands, List<String> references, double score) {
            if (rank < 1) {
                throw new IllegalArgumentException("rank must be >= 1, was " + rank);
            }
            this.rank = rank;
            this.id = Objects.requireNonNull(id, "id");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.title = Objects.requireNonNull(title, "title");
            this.text = Objects.requireNonNull(text, "text");
            this.reasonCodes = List.copyOf(reasonCodes);
            this.commands = List.copyOf(commands);
            this.references = List.copyOf(references);
            this.score = score;
        }

        /** 1-based position in {@link Answers#answers()}. */
        public int rank() {
            return rank;
        }

        /**
         * The catalog id: a reason code as lower-case hex ({@code 0x03030000}), a cause or symptom id
         * ({@code nosmcdev-ipv6}, {@code no-speedup}), a socket option as {@code LEVEL:NAME}
         * ({@code SOL_TCP:TCP_FASTOPEN}) or a fact id ({@code tool:smcss}, {@code sysctl:net.smc.wmem},
         * {@code feature:loopback-ism}, {@code bug:listen-loop}, {@code app:nginx}).
         */
        public String id() {
            return id;
        }

        /** What kind of entry the id names. */
        public Kind kind() {
            return kind;
        }

        /** The title, one line, in the given language. */
        public String title(Language language) {
            return title.get(language);
        }

        /** The explanation in the given language. */
        public String text(Language language) {
            return text.get(language);
        }

        /** Related reason codes as lower-case 10-character hex. */
        public List<String> reasonCodes() {
            return reasonCodes;
        }

        /** Commands that check or fix it, in catalog order, without duplicates. */
        public List<String> commands() {
            return commands;
        }

        /** Where the knowledge comes from (seed section, kernel constant). */
        public List<String> references() {
            return references;
        }

        /**
         * Relevance; exact matches of a code or option named in the question score highest. Only the order is
         * meaningful, not the value.
         */
        public double score() {
            return score;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && rank == a.rank && id.equals(a.id) && kind == a.kind
                    && title.equals(a.title) && text.equals(a.text) && reasonCodes.equals(a.reasonCodes)
                    && commands.equals(a.commands) && references.equals(a.references)
                    && Double.compare(score, a.score) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rank, id, kind, title, text, reasonCodes, commands, references, score);
        }

        @Override
        public String toString() {
            return "Answer[" + rank + ", " + id + ", " + kind + ", " + title.en() + "]";
        }
    }
}
