package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.knowledge.internal.Entries;
import io.smcdoctor.knowledge.internal.Entry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KnowledgeBase#ask} on questions written from real questions and reports in public sources (issue 14):
 * {@code knowledge/questions-real.tsv} (question, expected ids, source; half of them Japanese) must be answered in the
 * top 3 in at least 95 % of the cases in each language, and the off-topic questions of
 * {@code knowledge/unanswerable-real.txt} (other meanings of SMC, RDMA for storage and GPUs, TCP tuning alone) must
 * get no answer. The rates are printed; the README reports them.
 */
class RealQuestionSetTest {
    private static final KnowledgeBase KB = OverCatalog.knowledgeBase(Catalog.bundled());
    private static final double REQUIRED_TOP3_PER_LANGUAGE = 0.95;

    record Question(String text, List<String> expected, String source) {
        @Override
        public String toString() {
            return text;
        }
    }

    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        for (String line : lines("/knowledge/questions-real.tsv")) {
            String[] parts = line.split("\t");
            assertThat(parts).as("question, expected ids, source: %s", line).hasSize(3);
            out.add(new Question(parts[0], List.of(parts[1].split(",")), parts[2]));
        }
        return out;
    }

    static Stream<String> unanswerable() throws IOException {
        return lines("/knowledge/unanswerable-real.txt").stream();
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = RealQuestionSetTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void questionSet_isLargeHalfJapaneseAndSourced() throws IOException {
        List<Question> qs = questions();
        long japanese = qs.stream().filter(q -> KnowledgeBase.languageOf(q.text()) == Language.JA).count();
        assertThat(qs).hasSizeGreaterThanOrEqualTo(200);
        assertThat(japanese * 2).isGreaterThanOrEqualTo(qs.size() - 1);
        assertThat(qs).allSatisfy(q -> assertThat(q.source()).as(q.text()).isNotBlank());
    }

    @Test
    void questionSet_expectedIdsNameEntriesOfTheKnowledge() throws IOException {
        Set<String> ids = Entries.of(Catalog.bundled()).stream().map(Entry::id).collect(Collectors.toSet());
        for (Question q : questions()) {
            assertThat(ids).as("expected ids of: %s", q.text()).containsAll(q.expected());
        }
    }

    @Test
    void questionSet_top3AtLeastNinetyFivePercentInEachLanguage() throws IOException {
        Map<Language, int[]> counts = new EnumMap<>(Language.class);
        List<String> misses = new ArrayList<>();
        for (Question q : questions()) {
            Answers answers = KB.ask(q.text(), 3);
            int[] c = counts.computeIfAbsent(answers.language(), l -> new int[2]);
            c[1]++;
            if (answers.answers().stream().anyMatch(a -> q.expected().contains(a.id()))) {
                c[0]++;
            } else {
                misses.add(answers.language().tag() + ": " + q.text() + " -> "
                        + answers.answers().stream().map(Answer::id).toList() + " expected " + q.expected());
            }
        }
        counts.forEach((lang, c) -> System.out.printf("KnowledgeBase top-3 on questions-real.tsv (%s): %d/%d = %.1f%%%n",
                lang.tag(), c[0], c[1], 100.0 * c[0] / c[1]));
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(counts).containsOnlyKeys(Language.EN, Language.JA);
        counts.forEach((lang, c) -> assertThat(c[0] / (double) c[1]).as("top-3 (%s); misses: %s", lang, misses)
                .isGreaterThanOrEqualTo(REQUIRED_TOP3_PER_LANGUAGE));
    }

    @ParameterizedTest
    @MethodSource("unanswerable")
    void ask_realOffTopicQuestion_returnsNoAnswers(String question) {
        assertThat(KB.ask(question).answers()).as(question).isEmpty();
    }

    @Test
    void ask_pastedOops_findsTheKnownBugByItsFunctions() {
        // the oops as published in the commit message of 349d43127dac ("net/smc: fix kernel panic caused by race of
        // smc_sock"), lines unchanged
        String oops = String.join("\n",
                "[ 4570.695099] BUG: unable to handle page fault for address: 000000002eae9e88",
                "[ 4570.696048] #PF: supervisor write access in kernel mode",
                "[ 4570.696728] #PF: error_code(0x0002) - not-present page",
                "[ 4570.697401] PGD 0 P4D 0",
                "[ 4570.697716] Oops: 0002 [#1] PREEMPT SMP NOPTI",
                "[ 4570.698228] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.16.0-rc4+ #111",
                "[ 4570.699013] Hardware name: Alibaba Cloud Alibaba Cloud ECS, BIOS 8c24b4c 04/0",
                "[ 4570.699933] RIP: 0010:_raw_spin_lock+0x1a/0x30",
                "[ 4570.711446] Call Trace:",
                "[ 4570.711746]  <IRQ>",
                "[ 4570.711992]  smc_cdc_tx_handler+0x41/0xc0",
                "[ 4570.712470]  smc_wr_tx_tasklet_fn+0x213/0x560",
                "[ 4570.712981]  ? smc_cdc_tx_dismisser+0x10/0x10",
                "[ 4570.713489]  tasklet_action_common.isra.17+0x66/0x140",
                "[ 4570.714083]  __do_softirq+0x123/0x2f4",
                "[ 4570.714521]  irq_exit_rcu+0xc4/0xf0",
                "[ 4570.714934]  common_interrupt+0xba/0xe0");

        Answer best = KB.ask(oops).best().orElseThrow();

        assertThat(best.id()).isEqualTo("bug:smc-cdc-tx-handler-uaf");
        assertThat(best.kind()).isEqualTo(Answer.Kind.KNOWN_BUG);
        assertThat(best.title(Language.EN)).contains("fixed in Linux 5.16");
        assertThat(best.references()).anyMatch(r -> r.contains("349d43127dac"));
    }

    @Test
    void ask_factAnswers_citeTheirSources() {
        for (String q : List.of("what does net.smc.limit_smc_hs do", "smcss -d Sndbuf column",
                "which kernel added IPPROTO_SMC", "nginx reuseport under smc_run")) {
            Answers answers = KB.ask(q, 3);
            assertThat(answers.answers()).as(q).isNotEmpty();
            assertThat(answers.answers()).as(q).allSatisfy(a -> assertThat(a.references()).isNotEmpty());
        }
        assertThat(KB.ask("what does net.smc.limit_smc_hs do").best().orElseThrow().id())
                .isEqualTo("sysctl:net.smc.limit_smc_hs");
        assertThat(KB.ask("which kernel added IPPROTO_SMC").best().orElseThrow().id()).isEqualTo("feature:ipproto-smc");
    }
}
