package io.smcdoctor.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.LocalizedText;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which symptom phrases of a question count for ranking its answers. */
class PhrasesTest {
    private static final LocalizedText T = new LocalizedText("t", "t");
    private static final Entry PNET_SYMPTOM = new Entry("pnet-symptom", Answer.Kind.SYMPTOM, T, T, T, List.of(),
            List.of("smc_pnet", "pnet", "pnet id", "pnet table", "tcp", "so_", "pnet を設定"), List.of(), List.of(),
            List.of(), List.of());
    private static final Entry PNET_TOOL = new Entry("tool:smc_pnet", Answer.Kind.TOOL, T, T, T, List.of(),
            List.of(), List.of("smc_pnet"), List.of(), List.of(), List.of());
    private static final Phrases PHRASES = Phrases.of(List.of(PNET_SYMPTOM, PNET_TOOL));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a phrase within a longer phrase found counts once; the tool's own name is not a symptom phrase
        "what characters are allowed for a PNET ID in smc_pnet | 1",
        "smc_pnet -a NET1 -I eth0 fails | 0",
        "the PNET table and the pnet id | 2",
        "Pnet-Id of the RoCE port | 1",
        // whole words only, as diagnose matches them: not inside tcpdump or pnetid_x
        "tcpdump shows nothing | 0",
        "tcp falls back | 1",
        // an identifier prefix needs a letter after it
        "the app sets so_keepalive | 1",
        "so what | 0",
        // Japanese as substrings
        "PNET を設定したのに使われない | 1"})
    void count_countsDistinctPhrasesThatAreNotNamesOfFacts(String question, int expected) {
        assertThat(PHRASES.count(PNET_SYMPTOM, Phrases.prepare(question))).isEqualTo(expected);
    }
}
