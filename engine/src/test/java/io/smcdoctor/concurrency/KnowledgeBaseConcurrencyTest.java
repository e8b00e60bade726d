package io.smcdoctor.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh {@link KnowledgeBase} (its search index is built lazily, on the first question) and a
 * {@link SockoptAdvisor} shared by eight threads from the first call on answer exactly as a single thread does.
 */
class KnowledgeBaseConcurrencyTest {
    private static final List<String> QUESTIONS = List.of("What does 0x03030000 mean?", "IPv6 connections fall back",
            "SMC-R を有効にしたら接続が失敗します", "is TCP_FASTOPEN supported on SMC", "smc_run does not work with my static binary",
            "no speed-up with SMC", "UEID が設定されていない", "peer declined SMC with 0x03010000", "rdma netns exclusive",
            "how do I disable smc for some ports");
    private static final List<String> OPTIONS = List.of("TCP_FASTOPEN", "TCP_NODELAY", "SO_KEEPALIVE", "TCP_CORK",
            "SO_REUSEPORT", "TCP_ULP", "SO_LINGER", "TCP_NOTSENT_LOWAT");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void askAndCheck_eightThreadsFromTheFirstCall_equalSingleThreadedAnswers() throws Exception {
        KnowledgeBase reference = OverCatalog.knowledgeBase(Catalog.bundled());
        SockoptAdvisor advisorReference = SockoptAdvisor.bundled();
        List<String> expected = new ArrayList<>();
        QUESTIONS.forEach(q -> expected.add(reference.ask(q).toJson()));
        List<String> expectedAdvice = new ArrayList<>();
        OPTIONS.forEach(o -> expectedAdvice.add(String.valueOf(advisorReference.check(o))));
        assertThat(QUESTIONS).filteredOn(q -> !reference.ask(q).isEmpty()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(expectedAdvice).filteredOn(a -> !a.equals("Optional.empty")).hasSizeGreaterThanOrEqualTo(6);

        KnowledgeBase shared = OverCatalog.knowledgeBase(Catalog.bundled());
        SockoptAdvisor sharedAdvisor = OverCatalog.sockoptAdvisor(Catalog.bundled());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 100; i++) {
                        int k = (i + thread) % QUESTIONS.size();
                        assertThat(shared.ask(QUESTIONS.get(k)).toJson()).isEqualTo(expected.get(k));
                        int o = (i * 3 + thread) % OPTIONS.size();
                        assertThat(String.valueOf(sharedAdvisor.check(OPTIONS.get(o)))).isEqualTo(expectedAdvice.get(o));
                        ok++;
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            assertThat(total).isEqualTo(8 * 100);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
