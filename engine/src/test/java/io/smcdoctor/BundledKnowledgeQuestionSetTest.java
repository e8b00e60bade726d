package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** Questions about the shipped catalog beyond the question set of {@link KnowledgeBaseQuestionSetTest}. */
class BundledKnowledgeQuestionSetTest {
    private static final KnowledgeBase KB = KnowledgeBase.of(Catalog.bundled());

    @Test
    void ask_codePair_onBundledCatalog_putsBothCodesFirst() {
        assertThat(KB.ask("TCP 0x05000000/0x03030000 の意味は").answers()).extracting(Answer::id)
                .startsWith("0x05000000", "0x03030000");
    }

    @Test
    void ask_questionNamingSmcAndAnUnknownApplication_isAnsweredWithHowToRunOverSmc() {
        // the application's name is unknown to the catalog; naming SMC keeps the question on topic
        assertThat(KB.ask("how to use SMC with nginx").answers()).extracting(Answer::id).first().isEqualTo("smc-status");
        assertThat(KB.ask("how to enable smc for redis").answers()).extracting(Answer::id).first()
                .isEqualTo("smc-run-no-effect");
        assertThat(KB.ask("how to bake bread with smc").answers()).isEmpty();
    }

    @Test
    void ask_containerQuestion_pointsToTheNetnsSymptom() {
        assertThat(KB.ask("Kubernetes pod cannot use SMC").answers()).extracting(Answer::id).first()
                .isEqualTo("smc-in-container");
        assertThat(KB.ask("コンテナで SMC が使えない").answers()).extracting(Answer::id).first()
                .isEqualTo("smc-in-container");
    }
}
