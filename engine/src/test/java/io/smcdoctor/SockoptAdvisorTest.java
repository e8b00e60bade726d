package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SockoptAdvisorTest {
    private final SockoptAdvisor advisor = SockoptAdvisor.bundled();

    @ParameterizedTest
    @CsvSource({
        "SOL_TCP, TCP_FASTOPEN, N, falls back to TCP",
        "SOL_TCP, TCP_NODELAY, Y, works as on TCP",
        "SOL_TCP, TCP_KEEPIDLE, M, behaves differently",
        "SOL_SOCKET, SO_REUSEPORT, Y, works as on TCP",
        "SOL_SOCKET, SO_KEEPALIVE, M, behaves differently",
        "SOL_SOCKET, SO_BINDTODEVICE, N, falls back to TCP",
        "SOL_TCP, tcp_fastopen_connect, N, falls back to TCP",
    })
    void check_byLevelAndName_givesSeedSupport(SockoptLevel level, String name, Support support, String consequence) {
        // the seed table is written for Alibaba Cloud Linux 3 (KernelVerdictTest covers the other kernels)
        SockoptAdvice a = advisor.forKernel("seed").check(level.name(), name).orElseThrow();

        assertThat(a.support().name()).isEqualTo(support.name());
        assertThat(a.consequenceText(Language.EN)).contains(consequence);
    }

    @Test
    void check_byNumericValue_findsOption() {
        assertThat(advisor.check("SOL_TCP", 23)).get().extracting(SockoptAdvice::name).isEqualTo("TCP_FASTOPEN");
        assertThat(advisor.check("SOL_TCP", 30)).get().extracting(SockoptAdvice::name)
                .isEqualTo("TCP_FASTOPEN_CONNECT");
        assertThat(advisor.check("SOL_SOCKET", 15)).get().extracting(SockoptAdvice::name)
                .isEqualTo("SO_REUSEPORT");
        assertThat(advisor.check("SOL_TCP", 9999)).isEmpty();
    }

    @Test
    void forKernel_takesReleaseText_andRejectsWhatIsNoKernel() {
        SockoptAdvice onMainline = advisor.forKernel("6.12.9").check("SO_REUSEPORT").orElseThrow();
        assertThat(onMainline.kernel()).isEqualTo("6.12.9");
        assertThat(onMainline.kernelLabel(Language.EN)).isEqualTo("kernel 6.12.9");
        assertThat(advisor.forKernel("any").kernel()).isEmpty();
        assertThat(advisor.check("SO_REUSEPORT").orElseThrow().kernelLabel(Language.EN)).isEqualTo("any kernel");
        assertThatThrownBy(() -> advisor.forKernel("not a kernel"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a kernel");
    }

    @Test
    void check_levelAsText_caseInsensitive_unknownLevelIsEmpty() {
        assertThat(advisor.check("sol_tcp", "TCP_FASTOPEN")).get().extracting(SockoptAdvice::value).isEqualTo(23);
        assertThat(advisor.check("SOL_NOPE", "TCP_FASTOPEN")).isEmpty();
        assertThat(advisor.check("SOL_NOPE", 23)).isEmpty();
    }

    @Test
    void check_aliasAndLevelPrefix_resolveToCanonicalRow() {
        assertThat(advisor.check("SO_RCVTIMEO")).get().extracting(SockoptAdvice::name).isEqualTo("SO_RCVTIMEO_OLD");
        assertThat(advisor.check("SOL_TCP:TCP_INQ")).get().extracting(SockoptAdvice::name).isEqualTo("TCP_CM_INQ");
        assertThat(advisor.check("SOL_SOCKET", "TCP_NODELAY")).isEmpty();
    }

    @Test
    void check_fastOpen_namesFallbackCodeWithTitle() {
        SockoptAdvice a = advisor.check("SOL_TCP", "TCP_FASTOPEN").orElseThrow();

        ReasonCode optUnsupp = Catalog.bundled().reasonCode(0x03060000).orElseThrow();
        assertThat(a.fallbackCodes()).containsExactly("0x03060000");
        assertThat(a.consequenceText(Language.EN)).isEqualTo("not supported on SMC sockets: falls back to TCP with "
                + "0x03060000 (" + optUnsupp.title().en() + ")");
        assertThat(a.summary(Language.JA)).startsWith("TCP_FASTOPEN (SOL_TCP): SMC ではサポートされていません")
                .contains("理由コード 0x03060000 (" + optUnsupp.title().ja() + ")").endsWith(a.advice(Language.JA));
    }

    @Test
    void check_supportedOption_hasNoFallbackCodes() {
        SockoptAdvice a = advisor.check("TCP_NODELAY").orElseThrow();

        assertThat(a.fallbackCodes()).isEmpty();
        assertThat(a.summary(Language.EN)).isEqualTo("TCP_NODELAY (SOL_TCP): works as on TCP. " + a.advice(Language.EN));
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

    static Stream<SocketOption> bundledOptions() {
        return Catalog.bundled().socketOptions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledOptions")
    void check_everyBundledOption_byNameAliasOrValue_givesItsRowAndConsequence(SocketOption o) {
        // the seed table is written for Alibaba Cloud Linux 3: on those kernels the verdict is the seed's letter
        SockoptAdvisor seedKernel = advisor.forKernel("seed");
        SockoptAdvice a = seedKernel.check(o.level().name(), o.name()).orElseThrow();
        assertThat(a.support().name()).isEqualTo(o.support().name());

        assertThat(a.name()).isEqualTo(o.name());
        assertThat(a.level()).isEqualTo(o.level().name());
        assertThat(a.value()).isEqualTo(o.value());
        assertThat(advisor.check(o.level() + ":" + o.name().toLowerCase(Locale.ROOT))).get()
                .extracting(SockoptAdvice::name).isEqualTo(o.name());
        assertThat(advisor.check(o.level().name(), o.value())).get().extracting(SockoptAdvice::level)
                .isEqualTo(o.level().name());
        for (String alias : o.aliases()) {
            assertThat(advisor.check(o.level().name(), alias)).get().extracting(SockoptAdvice::name)
                    .isEqualTo(o.name());
        }
        assertThat(a.consequenceText(Language.EN)).startsWith(o.support().consequence(Language.EN));
        assertThat(a.fallbackCodes()).hasSameSizeAs(o.fallbackCodes());
        assertThat(o.support() == Support.N).as("N options name their fallback codes")
                .isEqualTo(!a.fallbackCodes().isEmpty());
        for (Language l : Language.values()) {
            assertThat(a.summary(l)).startsWith(o.name() + " (" + o.level() + "): ").contains(a.consequenceText(l))
                    .endsWith(o.note().get(l).strip());
        }
    }
}
