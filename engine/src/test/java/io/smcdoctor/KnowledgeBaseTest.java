package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final KnowledgeBase KB = OverCatalog.knowledgeBase(CATALOG);

    @Test
    void explain_reasonCodeInAnyForm_isThatCodesEntry() {
        ReasonCode nosmcdev = CATALOG.reasonCode(0x03030000).orElseThrow();

        for (String subject : List.of("0x03030000", "3030000", "SMC_CLC_DECL_NOSMCDEV", " 0X03030000 ")) {
            Answer a = KB.explain(subject).orElseThrow();
            assertThat(a.id()).as(subject).isEqualTo("0x03030000");
            assertThat(a.kind()).isEqualTo(Answer.Kind.REASON_CODE);
            assertThat(a.title(Language.EN)).contains(nosmcdev.title().en());
        }
        // a peer's decline names the local code first
        assertThat(KB.explain("0x05000000/0x03030000").orElseThrow().id()).isEqualTo("0x05000000");
    }

    @Test
    void explain_idsAndOptions_areTheirEntries_unknownIsEmpty() {
        Cause cause = CATALOG.reasonCode(0x03030000).orElseThrow().causes().get(0);

        Answer byCause = KB.explain(cause.id()).orElseThrow();
        assertThat(byCause.kind()).isEqualTo(Answer.Kind.CAUSE);
        assertThat(byCause.title(Language.JA)).contains(cause.title().ja());
        assertThat(KB.explain("tcp_fastopen").orElseThrow().id()).isEqualTo("SOL_TCP:TCP_FASTOPEN");
        assertThat(KB.explain("SOL_TCP:TCP_FASTOPEN").orElseThrow().kind()).isEqualTo(Answer.Kind.SOCKET_OPTION);
        assertThat(KB.explain("tool:smcss").orElseThrow().kind()).isEqualTo(Answer.Kind.TOOL);
        assertThat(KB.explain("no such thing")).isEmpty();
        assertThat(KB.explain("  ")).isEmpty();
    }

    @Test
    void ask_exactCode_putsCodeFirstWithItsCommandsAndReferences() {
        Answers answers = KB.ask("what does 0x03030000 mean");

        Answer first = answers.answers().get(0);
        assertThat(first.id()).isEqualTo("0x03030000");
        assertThat(first.kind()).isEqualTo(Answer.Kind.REASON_CODE);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.reasonCodes()).containsExactly("0x03030000");
        ReasonCode nosmcdev = CATALOG.reasonCode(0x03030000).orElseThrow();
        // the commands of the code's causes (checks and remedies), among them each cause's first check
        for (Cause c : nosmcdev.causes()) {
            assertThat(first.commands()).containsAll(c.checks().get(0).commands());
        }
        assertThat(first.commands()).contains("sysctl -w net.ipv6.conf.all.disable_ipv6=1", "smcss -a");
        assertThat(first.references()).contains("kernel: SMC_CLC_DECL_NOSMCDEV");
        assertThat(first.title(Language.EN)).contains(nosmcdev.title().en());
        assertThat(answers.language()).isEqualTo(Language.EN);
    }

    @Test
    void ask_codePair_putsBothCodesFirstInOrder() {
        Answers answers = KB.ask("TCP 0x05000000/0x03030000 の意味は");

        assertThat(answers.answers()).extracting(Answer::id).startsWith("0x05000000", "0x03030000");
        assertThat(answers.language()).isEqualTo(Language.JA);
        assertThat(answers.answers().get(1).title(Language.JA))
                .contains(CATALOG.reasonCode(0x03030000).orElseThrow().title().ja());
    }

    @Test
    void ask_optionName_putsOptionFirstWithFallbackCode() {
        Answer first = KB.ask("can I use tcp_fastopen with SMC?").answers().get(0);

        assertThat(first.id()).isEqualTo("SOL_TCP:TCP_FASTOPEN");
        assertThat(first.kind()).isEqualTo(Answer.Kind.SOCKET_OPTION);
        assertThat(first.reasonCodes()).containsExactly("0x03060000");
        assertThat(first.title(Language.EN)).contains("SMC support N");
    }

    @Test
    void ask_optionAlias_findsCanonicalOption() {
        assertThat(KB.ask("is TCP_INQ supported").answers().get(0).id()).isEqualTo("SOL_TCP:TCP_CM_INQ");
    }

    @Test
    void ask_symptomPhrase_ranksSymptomFirst() {
        Answers answers = KB.ask("SMC gives no speed-up");

        assertThat(answers.answers().get(0).id()).isEqualTo("no-speedup");
        assertThat(answers.answers().get(0).commands()).contains("smcss -a", "smcr -d stats");
    }

    @Test
    void ask_limit_capsAnswersAndRanksAreConsecutive() {
        Answers answers = KB.ask("SMC falls back to TCP", 2);

        assertThat(answers.answers()).hasSize(2);
        assertThat(answers.answers()).extracting(Answer::rank).containsExactly(1, 2);
    }

    @Test
    void ask_badLimit_throws() {
        assertThatThrownBy(() -> KB.ask("smc", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void ask_onlyQuestionWords_returnsNothing() {
        assertThat(KB.ask("what does it mean? how?").isEmpty()).isTrue();
        assertThat(KB.ask("").isEmpty()).isTrue();
        assertThat(KB.ask("何の意味ですか").isEmpty()).isTrue();
    }

    @Test
    void ask_hugeOrGarbageInput_doesNotThrow() {
        String garbage = "\u0000\uFFFD(*)[]{}:\"\\ AND OR NOT ~^ ".repeat(2000);
        assertThat(KB.ask(garbage).answers()).hasSizeLessThanOrEqualTo(KnowledgeBase.DEFAULT_LIMIT);
    }

    @Test
    void toJson_writesSchemaAndAnswerFields() throws Exception {
        String json = KB.ask("0x03060000").toJson();

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("schema").asText()).isEqualTo("smc-doctor/answers/v1");
        JsonNode first = root.get("answers").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo("0x03060000");
        assertThat(first.get("reasonCodes").get(0).asText()).isEqualTo("0x03060000");
        assertThat(first.get("title").asText()).contains("TCP Fast Open");
        assertThat(first.get("text").asText()).isNotBlank();
        assertThat(first.get("commands").isArray()).isTrue();
        assertThat(first.get("references").isArray()).isTrue();
    }

    @Test
    void toJson_inJapanese_usesJapaneseText() throws Exception {
        JsonNode first = new ObjectMapper().readTree(KB.ask("0x0303000c").toJson(Language.JA)).get("answers").get(0);
        assertThat(first.get("text").asText()).contains(CATALOG.reasonCode(0x0303000c).orElseThrow().meaning().ja());
    }

    @Test
    void languageOf_detectsJapanese() {
        assertThat(KnowledgeBase.languageOf("SMC が遅い")).isEqualTo(Language.JA);
        assertThat(KnowledgeBase.languageOf("SMC is slow")).isEqualTo(Language.EN);
    }

    @Test
    void ask_isSafeFromManyThreads() throws Exception {
        KnowledgeBase kb = OverCatalog.knowledgeBase(CATALOG);
        List<Thread> threads = new java.util.ArrayList<>();
        List<String> firsts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> firsts.add(kb.ask("curl fails after enabling SMC-R").answers().get(0).id()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(firsts).hasSize(4).allMatch(id -> id.equals(firsts.get(0)));
    }
}
