package io.smcdoctor.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers;
import io.smcdoctor.Answers.Answer;
import io.smcdoctor.KnowledgeBase;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (reliability): {@code ask} analysed the whole question, so an 8 Mi-character question (the most an MCP
 * argument may hold) cost seconds of CPU per call. Only the first {@value KnowledgeBase#MAX_QUESTION_CHARS}
 * characters are read now.
 */
class LongQuestionTest {
    @Test
    void ask_questionBeyondTheBound_isAnsweredFromItsStartOnly() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        String start = "What does reason code 0x03030000 mean? ";
        String padding = "please ".repeat(KnowledgeBase.MAX_QUESTION_CHARS / 7);
        String question = start + padding + " and what about 0x03060000?";

        Answers a = kb.ask(question);

        assertThat(a.question()).isEqualTo(question);
        assertThat(a.answers()).extracting(Answer::reasonCodes).anySatisfy(c -> assertThat(c).contains("0x03030000"));
        assertThat(a.answers()).extracting(Answer::reasonCodes).noneSatisfy(c -> assertThat(c).contains("0x03060000"));
        assertThat(kb.ask(start + " and what about 0x03060000?").answers()).extracting(Answer::reasonCodes)
                .anySatisfy(c -> assertThat(c).contains("0x03060000"));
    }
}
