package io.smcdoctor.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.rules.Finding;
import io.smcdoctor.rules.Specificity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking formula and order of docs/ranking.md, on findings built by hand over a small in-memory catalog. */
class RankingTest {
    private static final LocalizedText T = new LocalizedText("t", "t");
    private static final Catalog CATALOG = Catalog.of(List.of(), List.of(new Symptom("s", T, T, List.of(
            cause("problem-a", Severity.PROBLEM), cause("problem-b", Severity.PROBLEM),
            cause("warning-c", Severity.WARNING), cause("status-d", Severity.INFO)), List.of(), List.of(), List.of())),
            List.of());

    private static Cause cause(String id, Severity severity) {
        return new Cause(id, T, T, severity, List.of(), List.of(), false, List.of());
    }

    private static Provenance line(String file, int n) {
        return new Provenance(file, n, "line " + n);
    }

    private static Finding.Builder finding(String cause, double s) {
        return Finding.of(cause).specificity(s).rule("rule of " + cause);
    }

    private static Ranking.Merged merged(Finding... findings) {
        return Ranking.merge(List.of(findings)).get(0);
    }

    @Test
    void confidence_oneFileNotAboutSockets_isThreeQuartersOfTheSpecificity() {
        // s × (0.70 + 0.20 × 0 + 0.10 × 0.5) = 0.9 × 0.75 = 0.675
        Ranking.Merged m = merged(finding("problem-a", 0.9).cite(line("smcss.txt", 1)).build());

        assertThat(Ranking.confidence(m, 0)).isEqualTo(0.68);
    }

    @Test
    void confidence_fourIndependentFiles_approachTheSpecificity() {
        // the example of docs/ranking.md: 0.9 × (0.70 + 0.20 × 0.875 + 0.10 × 0.5) = 0.8325
        Ranking.Merged m = merged(
                finding("problem-a", 0.9).cite(line("smcss.txt", 1)).build(),
                finding("problem-a", 0.9).cite(line("sockopt-probe.json", 3)).build(),
                finding("problem-a", 0.65).cite(line("lsmod.txt", 0)).cite(line("sysctl.txt", 0)).build());

        assertThat(m.sources).containsExactlyInAnyOrder("smcss.txt", "sockopt-probe.json", "lsmod.txt", "sysctl.txt");
        assertThat(Ranking.confidence(m, 0)).isEqualTo(0.83);
    }

    @Test
    void confidence_socketShare_countsTheFallbacksTheCauseExplains() {
        // 0.88 × (0.70 + 0.20 × 0.5 + 0.10 × 3/4) = 0.88 × 0.875 = 0.77
        Ranking.Merged m = merged(finding("problem-a", 0.88).sockets(3).cite(line("smcss.txt", 2))
                .cite(line("sysctl.txt", 9)).build());

        assertThat(Ranking.confidence(m, 4)).isEqualTo(0.77);
        // no socket fell back: the cause counts as not about sockets
        assertThat(Ranking.confidence(m, 0)).isEqualTo(Math.round(0.88 * 0.85 * 100) / 100.0);
    }

    @Test
    void confidence_neverExceedsOne() {
        Ranking.Merged m = merged(finding("problem-a", 1.0).sockets(10).cite(line("a", 1)).cite(line("b", 1))
                .cite(line("c", 1)).cite(line("d", 1)).cite(line("e", 1)).build());

        assertThat(Ranking.confidence(m, 10)).isLessThanOrEqualTo(1.0).isEqualTo(0.99);
    }

    @Test
    void merge_keepsHighestSpecificity_unionOfEvidence_andTheMostSpecificSide() {
        Ranking.Merged m = merged(
                finding("problem-a", 0.6).side(Side.HOST).code(0x03030000).sockets(2).cite(line("smcss.txt", 2)).build(),
                finding("problem-a", 0.9).side(Side.LOCAL).code(0x03030000).sockets(1).cite(line("smcss.txt", 2))
                        .cite(line("sysctl.txt", 4)).build());

        assertThat(m.specificity).isEqualTo(0.9);
        assertThat(m.side).isEqualTo(Side.LOCAL);
        assertThat(m.sockets).isEqualTo(2);
        assertThat(m.evidence).containsExactly(line("smcss.txt", 2), line("sysctl.txt", 4));
        assertThat(m.codes()).containsExactly(0x03030000);
        assertThat(m.rules).containsExactly("rule of problem-a");
    }

    @Test
    void merge_specificFindingsSideAndCodes_beatAMoreSpecificBaseline() {
        Ranking.Merged m = merged(
                finding("problem-a", Specificity.WEAK.value()).side(Side.PEER).code(0x03030000).build(),
                finding("problem-a", 0.45).side(Side.EITHER).code(0x03010000).baseline().build());

        assertThat(m.side).isEqualTo(Side.PEER);
        assertThat(m.codes()).containsExactly(0x03030000);
        Ranking.Merged baselineOnly = merged(finding("problem-b", 0.45).code(0x03010000).baseline().build());
        assertThat(baselineOnly.codes()).containsExactly(0x03010000);
    }

    @Test
    void rank_equalEvidence_sameOrderWhateverOrderTheRulesConcludedThem() {
        // the baseline concludes a code's candidates in catalog order; the ranks must not follow it
        List<Finding> inCatalogOrder = List.of(
                finding("problem-b", Specificity.codeCause(2)).code(0x03030000).cite(line("smcss.txt", 2)).baseline()
                        .build(),
                finding("problem-a", Specificity.codeCause(2)).code(0x03030000).cite(line("smcss.txt", 2)).baseline()
                        .build());

        List<Ranking.Ranked> ranked = Ranking.rank(inCatalogOrder, CATALOG, 1);
        List<Ranking.Ranked> reversed = Ranking.rank(List.of(inCatalogOrder.get(1), inCatalogOrder.get(0)), CATALOG, 1);

        assertThat(ranked).extracting(r -> r.merged().causeId).containsExactly("problem-a", "problem-b");
        assertThat(reversed).extracting(r -> r.merged().causeId).containsExactly("problem-a", "problem-b");
        assertThat(ranked.get(0).confidence()).isEqualTo(ranked.get(1).confidence());
    }

    @Test
    void rank_atEqualConfidence_aSpecificRulesCauseBeforeACodeAlone() {
        // same specificity and the same line: the cause a rule concluded from the evidence ranks first, even when a
        // baseline candidate's id sorts before it
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(
                finding("problem-a", Specificity.UNDECIDED.value()).cite(line("smcss.txt", 2)).baseline().build(),
                finding("problem-b", Specificity.UNDECIDED.value()).cite(line("smcss.txt", 2)).build()), CATALOG, 0);

        assertThat(ranked.get(0).confidence()).isEqualTo(ranked.get(1).confidence());
        assertThat(ranked).extracting(r -> r.merged().causeId).containsExactly("problem-b", "problem-a");
    }

    @Test
    void rank_putsProblemsBeforeInformation_thenConfidence_severityAndId() {
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(
                finding("status-d", 0.95).cite(line("smcss.txt", 1)).build(),
                finding("warning-c", 0.6).build(),
                finding("problem-b", 0.6).build(),
                finding("problem-a", 0.6).build(),
                finding("unknown-e", 0.7).build()), CATALOG, 0);

        assertThat(ranked).extracting(r -> r.merged().causeId)
                .containsExactly("unknown-e", "problem-a", "problem-b", "warning-c", "status-d");
        assertThat(ranked.get(0).cause()).isNull();
        assertThat(ranked.get(0).severity()).isEqualTo(Severity.PROBLEM);
        assertThat(ranked.get(4).confidence()).isGreaterThan(ranked.get(0).confidence());
    }
}
