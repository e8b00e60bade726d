package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.knowledge.internal.Entries;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questions about the shipped catalog beyond the question set of {@link KnowledgeBaseQuestionSetTest}. */
class BundledKnowledgeQuestionSetTest {
    private static final KnowledgeBase KB = OverCatalog.knowledgeBase(Catalog.bundled());

    @Test
    void ask_codePair_onBundledCatalog_putsBothCodesFirst() {
        assertThat(KB.ask("TCP 0x05000000/0x03030000 の意味は").answers()).extracting(Answer::id)
                .startsWith("0x05000000", "0x03030000");
    }

    @Test
    void ask_questionNamingSmcAndAnApplication_isAnsweredWithThatApplicationUnderSmc() {
        assertThat(KB.ask("how to use SMC with nginx").answers()).extracting(Answer::id).first().isEqualTo("app:nginx");
        assertThat(KB.ask("how to enable smc for redis").answers()).extracting(Answer::id).first()
                .isEqualTo("app:redis");
        // "smc" alone does not make a question about SMC when nothing else in it is known
        assertThat(KB.ask("how to bake bread with smc").answers()).isEmpty();
    }

    @Test
    void ask_questionThatOnlyNamesATechnology_isAnsweredWithItsKernelFeature() {
        assertThat(KB.ask("what is SMC-R").answers()).extracting(Answer::id).first().isEqualTo("feature:af-smc");
        assertThat(KB.ask("SMC-D とは").answers()).extracting(Answer::id).first().isEqualTo("feature:smc-d");
        assertThat(KB.ask("what is SMC on a MacBook").answers()).isEmpty();
    }

    @Test
    void ask_symptomWithManyCauses_leavesRoomForOtherAnswers() throws IOException {
        // pnetid-mapping-no-smc has four causes; a question about PNET IDs gets the symptom or a cause, and the
        // smc_pnet tool that sets them, not the symptom and three of its causes
        List<String> ids = KB.ask("PNET ID はネットワーク IF と RoCE デバイスで同じでないといけない？", 3).answers()
                .stream().map(Answer::id).toList();
        assertThat(ids).contains("tool:smc_pnet");
        // no question of the set gets three answers from one symptom and its causes
        Map<String, Set<String>> families = Entries.families(Catalog.bundled());
        for (KnowledgeBaseQuestionSetTest.Question q : KnowledgeBaseQuestionSetTest.questions()) {
            Map<String, Integer> perFamily = new HashMap<>();
            KB.ask(q.text(), 3).answers().forEach(a -> families.getOrDefault(a.id(), Set.of())
                    .forEach(f -> perFamily.merge(f, 1, Integer::sum)));
            assertThat(perFamily.values()).as(q.text()).allMatch(n -> n <= 2);
        }
    }

    @Test
    void ask_containerQuestion_pointsToTheNetnsSymptom() {
        assertThat(KB.ask("Kubernetes pod cannot use SMC").answers()).extracting(Answer::id).first()
                .isEqualTo("smc-in-container");
        assertThat(KB.ask("コンテナで SMC が使えない").answers()).extracting(Answer::id).first()
                .isEqualTo("smc-in-container");
    }
}
