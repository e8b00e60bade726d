package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SockoptAdvisorTest {
    private final SockoptAdvisor advisor = SockoptAdvisor.of(SeedSockoptCatalog.seed());

    @ParameterizedTest
    @CsvSource({
        "SOL_TCP, TCP_FASTOPEN, N, FALLS_BACK_TO_TCP",
        "SOL_TCP, TCP_NODELAY, Y, WORKS",
        "SOL_TCP, TCP_KEEPIDLE, M, BEHAVES_DIFFERENTLY",
        "SOL_SOCKET, SO_REUSEPORT, Y, WORKS",
        "SOL_SOCKET, SO_KEEPALIVE, M, BEHAVES_DIFFERENTLY",
        "SOL_SOCKET, SO_BINDTODEVICE, N, FALLS_BACK_TO_TCP",
        "SOL_TCP, tcp_fastopen_connect, N, FALLS_BACK_TO_TCP",
    })
    void check_byLevelAndName_givesSeedSupport(SockoptLevel level, String name, Support support,
                                               SockoptAdvice.Consequence consequence) {
        SockoptAdvice a = advisor.check(level, name).orElseThrow();

        assertThat(a.support()).isEqualTo(support);
        assertThat(a.consequence()).isEqualTo(consequence);
    }

    @Test
    void check_byNumericValue_findsOption() {
        assertThat(advisor.check(SockoptLevel.SOL_TCP, 23)).get().extracting(SockoptAdvice::name).isEqualTo("TCP_FASTOPEN");
        assertThat(advisor.check(SockoptLevel.SOL_TCP, 30)).get().extracting(SockoptAdvice::name)
                .isEqualTo("TCP_FASTOPEN_CONNECT");
        assertThat(advisor.check(SockoptLevel.SOL_SOCKET, 15)).get().extracting(SockoptAdvice::name)
                .isEqualTo("SO_REUSEPORT");
        assertThat(advisor.check(SockoptLevel.SOL_TCP, 9999)).isEmpty();
    }

    @Test
    void check_aliasAndLevelPrefix_resolveToCanonicalRow() {
        assertThat(advisor.check("SO_RCVTIMEO")).get().extracting(SockoptAdvice::name).isEqualTo("SO_RCVTIMEO_OLD");
        assertThat(advisor.check("SOL_TCP:TCP_INQ")).get().extracting(SockoptAdvice::name).isEqualTo("TCP_CM_INQ");
        assertThat(advisor.check(SockoptLevel.SOL_SOCKET, "TCP_NODELAY")).isEmpty();
    }

    @Test
    void check_fastOpen_namesFallbackCodeWithTitle() {
        SockoptAdvice a = advisor.check(SockoptLevel.SOL_TCP, "TCP_FASTOPEN").orElseThrow();

        assertThat(a.fallbackCodes()).containsExactly("0x03060000");
        assertThat(a.consequenceText(Language.EN))
                .isEqualTo("not supported on SMC sockets: falls back to TCP with 0x03060000 (Fastopen sockopt not supported)");
        assertThat(a.summary(Language.JA)).startsWith("TCP_FASTOPEN (SOL_TCP): SMC ではサポートされていません")
                .contains("理由コード 0x03060000").endsWith("TCP_FASTOPEN のテスト注記。");
    }

    @Test
    void check_supportedOption_hasNoFallbackCodes() {
        SockoptAdvice a = advisor.check("TCP_NODELAY").orElseThrow();

        assertThat(a.fallbackCodes()).isEmpty();
        assertThat(a.summary(Language.EN)).isEqualTo("TCP_NODELAY (SOL_TCP): works as on TCP. Test note for TCP_NODELAY.");
    }

    @Test
    void check_unknownOption_isEmptyWithSuggestions() {
        assertThat(advisor.check("TCP_FASTOPN")).isEmpty();
        assertThat(advisor.suggestions("TCP_FASTOPN")).first().isEqualTo("TCP_FASTOPEN");
        assertThat(advisor.suggestions("SO_KEEPALVE", 1)).containsExactly("SO_KEEPALIVE");
        assertThat(advisor.suggestions("COMPLETELY_UNRELATED_WORD")).isEmpty();
        assertThat(advisor.suggestions("TCP_FASTOPN", 0)).isEmpty();
    }

    @Test
    void sendFlagFastOpen_isTheFastOpenRow() {
        assertThat(advisor.checkSendFlagFastOpen()).get().extracting(SockoptAdvice::name).isEqualTo("TCP_FASTOPEN");
    }

    @Test
    void bundled_agreesWithSeedTableForEveryOption() {
        // the seed table is written for Alibaba Cloud Linux 3: on those kernels the bundled verdicts are the seed's
        SockoptAdvisor bundled = SockoptAdvisor.bundled()
                .forKernel(io.smcdoctor.catalog.TargetKernel.parse("seed").orElseThrow());
        for (io.smcdoctor.catalog.SocketOption o : SeedSockoptCatalog.seed().socketOptions()) {
            assertThat(bundled.check(o.level(), o.name())).as(o.name()).get()
                    .extracting(SockoptAdvice::support).isEqualTo(o.support());
        }
    }
}
