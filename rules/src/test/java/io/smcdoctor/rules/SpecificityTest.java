package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ranking inputs of the rules, as docs/ranking.md describes them. */
class SpecificityTest {

    @Test
    void levels_areOrderedFromMostToLeastSpecific_andDistinct() {
        double[] values = Arrays.stream(Specificity.values()).mapToDouble(Specificity::value).toArray();

        for (int i = 1; i < values.length; i++) {
            assertThat(values[i]).as("%s below %s", Specificity.values()[i], Specificity.values()[i - 1])
                    .isLessThan(values[i - 1]);
        }
        assertThat(values[values.length - 1]).isGreaterThan(0);
        assertThat(values[0]).isLessThanOrEqualTo(1);
    }

    @Test
    void levels_neverFallBelowTheFirstCauseOfACodeAlone() {
        double lowest = Specificity.values()[Specificity.values().length - 1].value();

        assertThat(lowest).isEqualTo(Specificity.baseline(0));
        assertThat(Specificity.WEAK.value()).isGreaterThan(Specificity.peerReason(2));
    }

    @Test
    void symptom_addsForFurtherPhrasesUpToALimit() {
        assertThat(Specificity.symptom(0, 1)).isEqualTo(Specificity.baseline(0));
        assertThat(Specificity.symptom(0, 2)).isEqualTo(0.50, within(1e-9));
        assertThat(Specificity.symptom(1, 4)).isEqualTo(0.55, within(1e-9));
        assertThat(Specificity.symptom(1, 9)).isEqualTo(0.55, within(1e-9));
        assertThat(Specificity.symptom(0, 10)).isEqualTo(Specificity.symptom(0, 4));
        assertThat(Specificity.symptom(0, 10)).isLessThan(0.61);
    }

    @Test
    void baseline_decreasesByCatalogOrderWithFloor() {
        assertThat(Specificity.baseline(0)).isEqualTo(0.45);
        assertThat(Specificity.baseline(1)).isEqualTo(0.40, within(1e-9));
        assertThat(Specificity.baseline(5)).isEqualTo(0.20, within(1e-9));
        assertThat(Specificity.baseline(6)).isEqualTo(0.15, within(1e-9));
        assertThat(Specificity.baseline(20)).isEqualTo(0.15);
    }

    @Test
    void codeCause_singleCandidate_isAsSpecificAsTheCode() {
        assertThat(Specificity.codeCause(1)).isEqualTo(Specificity.WEAK.value());
    }

    @Test
    void codeCause_severalCandidates_allEqual_whateverTheirNumber() {
        // the code is the same evidence for each of its candidates: one value, the least level
        assertThat(Specificity.codeCause(2)).isEqualTo(Specificity.UNDECIDED.value());
        assertThat(Specificity.codeCause(11)).isEqualTo(Specificity.codeCause(2));
    }

    @Test
    void peerReason_addsWhatThePeerSaid() {
        assertThat(Specificity.peerReason(1)).isEqualTo(0.65, within(1e-9));
        assertThat(Specificity.peerReason(4)).isEqualTo(0.50, within(1e-9));
    }

    @Test
    void shareFormulas_spanTheirDocumentedRange() {
        assertThat(Specificity.fallbacksExplainNoSpeedup(0)).isEqualTo(0.45);
        assertThat(Specificity.fallbacksExplainNoSpeedup(1)).isEqualTo(0.95, within(1e-9));
    }
}
