package io.smcdoctor.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which questions report a problem and which only ask how something works. */
class ProblemWordsTest {
    private static final ProblemWords WORDS = ProblemWords.load();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // reports: a failure, an error name, a fallback, something missing or slow
        "curl fails after enabling SMC-R | true",
        "smc_pnet -a NET1 -I eth0 -D mlx5_0 fails on s390 | true",
        "bind fails with EADDRINUSE on port 65510 | true",
        "socket(AF_SMC) returns EAFNOSUPPORT | true",
        "how do I see why connections fell back | true",
        "my smc_pnet entry vanished after the RoCE device went down | true",
        "Go service started with smc_run still doesn't use SMC | true",
        "Go service started with smc_run still doesn’t use SMC | true",
        "RoCE デバイスを down/up したら PNET テーブルの設定が消えてしまった | true",
        "ハードウェアで定義された PNET ID を smc_pnet で上書きできない | true",
        "SMC を使っても速くならない | true",
        "SMC モジュールがロードされていない | true",
        // questions about how something works or what it means
        "what characters / length are allowed for a PNET ID in smc_pnet | false",
        "KVM guest on s390 has no hardware PNET ID - how do I map the interface to the RoCE device | false",
        "smc_pnet で eth1 と mlx5_0 を同じ PNET ID に紐付けるには | false",
        "PNET ID はネットワーク IF と RoCE デバイスで同じでないといけない？ | false",
        "SEID と UEID の違いは？ | false",
        "how do I set a UEID for SMC-Rv2 | false",
        "what does net.smc.autocorking_size do | false",
        // words inside other words do not count
        "what do the slowpath counters of smcr stats count | false"})
    void in_tellsProblemReportsFromQuestionsAboutUsage(String question, boolean expected) {
        assertThat(WORDS.in(question)).as(question).isEqualTo(expected);
    }
}
