package io.smcdoctor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Answers;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.lint.SourceScanner;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The text entry points that MCP and chat front ends hand user input to, with the largest input MCP accepts
 * (8 Mi characters): a question, a symptom and a source file. Each answers in bounded time.
 */
class HugeTextInputTest {
    private static final int MCP_MAX_CHARS = 8 * 1024 * 1024;

    private static String words(long seed, int chars) {
        String[] vocab = {"smc", "fallback", "0x03030000", "ipv6", "rdma", "ueid", "SMC-R", "接続", "フォールバック",
            "TCP_FASTOPEN", "setsockopt", "(", ")", "\"", "AND", "OR", "NOT", "*", "~", ":", "\\", "[", "]", "{"};
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 32);
        while (sb.length() < chars) {
            sb.append(vocab[r.nextInt(vocab.length)]).append(r.nextInt(8) == 0 ? '\n' : ' ');
        }
        sb.setLength(chars);
        return sb.toString();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ask_eightMebicharacterQuestionWithQuerySyntax_answersInBoundedTime() {
        Answers a = KnowledgeBase.bundled().ask(words(1, MCP_MAX_CHARS));

        assertThat(a.answers()).hasSizeLessThanOrEqualTo(KnowledgeBase.DEFAULT_LIMIT);
        assertThat(a.toJson()).contains("smc-doctor/answers/v1");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void diagnose_eightMebicharacterSymptom_reportsInBoundedTime() {
        DiagnosisReport r = Diagnoser.builder().cacheSize(0).build()
                .diagnose(Evidence.builder().symptom(words(2, MCP_MAX_CHARS)).build());

        assertThat(r.toJson()).contains("smc-doctor/diagnosis/v1");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void lint_eightMebicharacterSourceFile_scansInBoundedTime() {
        String source = "int main() {\n" + words(3, MCP_MAX_CHARS)
                + "\nsetsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &one, sizeof one);\n}\n";

        assertThat(SourceScanner.of(SockoptAdvisor.bundled()).scan("huge.c", source))
                .anySatisfy(f -> assertThat(f.toString()).contains("TCP_FASTOPEN"));
    }
}
