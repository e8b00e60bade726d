package io.smcdoctor.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a question's own words say about its topic, before any search. */
class TopicTest {
    private static final Topic TOPIC = Topic.load(Set.of("autocorking_size", "net.ipv6.bindv6only"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // words that contain smc (other than smc itself), reason codes, SMC-only terms and catalog names settle it
        "curl fails after enabling SMC-R | STRONG",
        "ＳＭＣ－Ｒ を有効にすると curl が失敗する | STRONG",
        "smcss shows nothing | STRONG",
        "what does net.smc.wmem do | STRONG",
        "TCP 0x03030000 on every socket | STRONG",
        "set autocorking_size to 0? | STRONG",
        "IBM says net.ipv6.bindv6only=1 | STRONG",
        "which ECS types have an ERI | STRONG",
        "1 つのリンクグループは何接続まで収容できる？ | STRONG",
        "is the eRDMA OOB port reserved | STRONG",
        // smc, rdma and roce alone only suggest it
        "SMC gives no speed-up | WEAK",
        "registering RDMA buffers failed | WEAK",
        // ... unless a word shows another meaning
        "how do I reset the SMC on my MacBook Pro | OTHER",
        "MacBook の SMC リセット | OTHER",
        "SMC Corporation pneumatic cylinder | OTHER",
        "sequential Monte Carlo (SMC) sampler | OTHER",
        "NCCL all-reduce over RDMA is slow | OTHER",
        "RoCE v2 for NVMe over Fabrics | OTHER",
        // words inside other words do not count
        "the fanout of the rdma queue | WEAK",
        "tune net.ipv4.tcp_wmem | NONE",
        "ping works but curl fails | NONE"})
    void of_classifiesTheQuestionsWords(String question, Topic.Signal expected) {
        assertThat(TOPIC.of(question)).isEqualTo(expected);
    }
}
