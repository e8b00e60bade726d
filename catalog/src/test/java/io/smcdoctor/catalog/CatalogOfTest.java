package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Catalog#of}: a small catalog in memory behaves like the bundled one for its own entries. */
class CatalogOfTest {
    private static final Catalog BUNDLED = Catalog.bundled();
    private static final ReasonCode NOSMCDEV = BUNDLED.reasonCode(0x03030000).orElseThrow();
    private static final Symptom IPV6 = BUNDLED.symptom("ipv6-fallback").orElseThrow();
    private static final SocketOption FASTOPEN = BUNDLED.socketOption("TCP_FASTOPEN").orElseThrow();

    @Test
    void of_someBundledEntries_looksThemUpLikeTheBundledCatalog() {
        Catalog small = Catalog.of(List.of(NOSMCDEV), List.of(IPV6), List.of(FASTOPEN));

        assertThat(small.reasonCodes("TCP 0x05000000/0x03030000")).containsExactly(NOSMCDEV);
        assertThat(small.reasonCodes("NOSMCDEV")).containsExactly(NOSMCDEV);
        assertThat(small.parseCodes("TCP 0x05000000/0x03030000")).containsExactly(0x05000000, 0x03030000);
        assertThat(small.cause("nosmcdev-ipv6")).containsSame(BUNDLED.cause("nosmcdev-ipv6").orElseThrow());
        assertThat(small.symptom("ipv6-fallback")).containsSame(IPV6);
        assertThat(small.socketOption(SockoptLevel.SOL_TCP, FASTOPEN.value())).containsSame(FASTOPEN);
        assertThat(small.socketOption("sol_tcp:tcp_fastopen")).containsSame(FASTOPEN);
        assertThat(small.suggestions("TCP_FASTOPN", 3)).containsExactly("TCP_FASTOPEN");
        assertThat(small.reasonCode(0x03010000)).isEmpty();
    }

    @Test
    void of_duplicateEntries_areRefusedNamingThem() {
        assertThatThrownBy(() -> Catalog.of(List.of(NOSMCDEV, NOSMCDEV), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x03030000");
        assertThatThrownBy(() -> Catalog.of(List.of(), List.of(), List.of(FASTOPEN, FASTOPEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOL_TCP:TCP_FASTOPEN");
        Cause other = new Cause("nosmcdev-ipv6", IPV6.title(), IPV6.description(), Severity.PROBLEM, List.of(),
                List.of(), false, List.of());
        Symptom clash = new Symptom("mine", IPV6.title(), IPV6.description(), List.of(other), List.of(), List.of(),
                List.of());
        assertThatThrownBy(() -> Catalog.of(List.of(NOSMCDEV), List.of(clash), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosmcdev-ipv6");
    }
}
