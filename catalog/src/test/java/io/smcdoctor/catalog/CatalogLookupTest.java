package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lookups accept what users paste. */
class CatalogLookupTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0x03030000|0x03030000",
        "3030000|0x03030000",
        "0X0303000C|0x0303000c",
        "0x5000000/0x3030000|0x05000000,0x03030000",
        "TCP 0x03010000|0x03010000",
        "ACTIVE 00000 0156721 192.168.99.21:60188 192.168.99.22:8090 0000 TCP 0x05000000/0x03030001|0x05000000,0x03030001",
        "SMC_CLC_DECL_NOSMCDEV|0x03030000",
        "nosmcdev|0x03030000",
        "PEER_NO_SMC|0x03010000",
        "MEMORY|0x01010000",
        "INTERR|0x09990000",
        "0x99990000|0x99990000",
        "fallbacks: SMC_CLC_DECL_PEERDECL then SMC_CLC_DECL_NOUEID|0x05000000,0x03030008",
    })
    void reasonCodes_userText_findsCodesInOrder(String text, String expected) {
        assertThat(CATALOG.reasonCodes(text)).extracting(ReasonCode::hex).containsExactly(expected.split(","));
    }

    @Test
    void parseCodes_keepsUnknownValues_andSkipsAddresses() {
        assertThat(CATALOG.parseCodes("TCP 0x0eadbeef/0x03030000 10.0.0.1:8090"))
                .containsExactly(0x0eadbeef, 0x03030000);
        assertThat(CATALOG.reasonCodes("0x0eadbeef")).isEmpty();
        assertThat(CATALOG.parseCodes("no codes here")).isEmpty();
        // ordinary words that are also short names count only as the whole input
        assertThat(CATALOG.parseCodes("out of MEMORY while ACTIVE")).isEmpty();
        assertThat(CATALOG.parseCodes("ACTIVE 00000 1202539 172.16.4.189:44780 172.16.4.190:1811 0000 SMCR")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TCP_NODELAY,TCP_NODELAY", "tcp_nodelay,TCP_NODELAY", "SOL_TCP:TCP_NODELAY,TCP_NODELAY",
        "IPPROTO_TCP TCP_NODELAY,TCP_NODELAY", "SOL_TCP:23,TCP_FASTOPEN", "TCP_INQ,TCP_CM_INQ",
        "so_rcvtimeo,SO_RCVTIMEO_OLD", "SOL_SOCKET:SO_TIMESTAMP,SO_TIMESTAMP_OLD", "SO_DETACH_BPF,SO_DETACH_FILTER",
    })
    void socketOption_byNameOrAlias(String input, String canonical) {
        assertThat(CATALOG.socketOption(input)).get().extracting(SocketOption::name).isEqualTo(canonical);
    }

    @Test
    void socketOption_wrongLevelOrUnknown_isEmpty() {
        assertThat(CATALOG.socketOption(SockoptLevel.SOL_SOCKET, "TCP_NODELAY")).isEmpty();
        assertThat(CATALOG.socketOption("SOL_SOCKET:TCP_NODELAY")).isEmpty();
        assertThat(CATALOG.socketOption("TCP_NOPE")).isEmpty();
        assertThat(CATALOG.socketOption(SockoptLevel.SOL_TCP, 15)).isEmpty();
        assertThat(CATALOG.socketOption(SockoptLevel.SOL_SOCKET, 25)).get()
                .extracting(SocketOption::name).isEqualTo("SO_BINDTODEVICE");
    }

    @Test
    void symptomAndCause_byId() {
        assertThat(CATALOG.symptom("ipv6-fallback")).isPresent();
        assertThat(CATALOG.symptom("nope")).isEmpty();
        assertThat(CATALOG.cause("tcp-option-replay-middlebox")).get()
                .extracting(Cause::needsQuestion).isEqualTo(true);
        assertThat(CATALOG.cause("nope")).isEmpty();
    }

    @Test
    void suggestions_closestNamesAndCodes() {
        assertThat(CATALOG.suggestions("0x0303000", 3)).first().isEqualTo("0x03030000");
        assertThat(CATALOG.suggestions("TCP_FASTOPN", 3)).first().isEqualTo("TCP_FASTOPEN");
        assertThat(CATALOG.suggestions("SOL_TCP:TCP_NODELY", 1)).containsExactly("TCP_NODELAY");
        assertThat(CATALOG.suggestions("NOSMCDEVV", 2)).contains("NOSMCDEV");
        assertThat(CATALOG.suggestions("ipv6-fallbak", 1)).containsExactly("ipv6-fallback");
        assertThat(CATALOG.suggestions("completely unrelated words", 3)).isEmpty();
        assertThat(CATALOG.suggestions("TCP_NODELAY", 0)).isEmpty();
    }

    @Test
    void orderings_areByCodeAndByLevelThenValue() {
        assertThat(CATALOG.reasonCodes().get(0).hex()).isEqualTo("0x01010000");
        assertThat(CATALOG.reasonCodes()).extracting(ReasonCode::code).isSortedAccordingTo(Integer::compareUnsigned);
        assertThat(CATALOG.socketOptions().get(0).name()).isEqualTo("SO_DEBUG");
        assertThat(CATALOG.socketOptions().get(66).name()).isEqualTo("TCP_NODELAY");
    }

    @ParameterizedTest
    @CsvSource({"0, 0x00000000", "1, 0x00000001", "50528268, 0x0303000c", "-1, 0xffffffff",
        "-2147483648, 0x80000000", "2147483647, 0x7fffffff", "-16777216, 0xff000000"})
    void hex_isTenLowerCaseCharacters(int code, String hex) {
        assertThat(ReasonCode.hex(code)).isEqualTo(hex).isEqualTo(String.format(java.util.Locale.ROOT, "0x%08x", code));
    }

    @Test
    void bundled_isLoadedOnce() {
        assertThat(Catalog.bundled()).isSameAs(CATALOG);
    }
}
