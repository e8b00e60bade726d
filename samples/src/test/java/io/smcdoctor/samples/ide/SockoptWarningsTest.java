package io.smcdoctor.samples.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Language;
import org.junit.jupiter.api.Test;

class SockoptWarningsTest {
    private final SockoptWarnings ide = new SockoptWarnings(SockoptAdvisor.bundled(), false);

    @Test
    void markers_sampleDocument_underlinesEachOptionExpression() {
        assertThat(ide.markers("Client.java", SockoptWarnings.SAMPLE_DOCUMENT, Language.EN))
                .extracting(EditorMarker::line, EditorMarker::startColumn, EditorMarker::endColumn,
                        EditorMarker::severity, EditorMarker::code)
                .containsExactly(
                        tuple(11, 25, 51, EditorMarker.Severity.WARNING, "SMC-SOCKOPT-SO_KEEPALIVE"),
                        tuple(12, 25, 59, EditorMarker.Severity.ERROR, "SMC-SOCKOPT-TCP_FASTOPEN_CONNECT"),
                        tuple(13, 25, 60, EditorMarker.Severity.WARNING, "SMC-SOCKOPT-TCP_USER_TIMEOUT"));
    }

    @Test
    void markers_showSupported_addsInformationForTcpNodelay() {
        SockoptWarnings all = new SockoptWarnings(SockoptAdvisor.bundled(), true);

        assertThat(all.markers("Client.java", SockoptWarnings.SAMPLE_DOCUMENT, Language.EN).get(0))
                .extracting(EditorMarker::line, EditorMarker::severity, EditorMarker::code)
                .containsExactly(10, EditorMarker.Severity.INFORMATION, "SMC-SOCKOPT-TCP_NODELAY");
    }

    @Test
    void markers_japanese_andHover() {
        assertThat(ide.markers("Client.java", SockoptWarnings.SAMPLE_DOCUMENT, Language.JA).get(1).message())
                .contains("0x03060000").contains("TCP へフォールバック");
        assertThat(ide.hover("TCP_FASTOPEN_CONNECT", Language.EN)).get().asString().contains("0x03060000");
        assertThat(ide.hover("notAnOption", Language.EN)).isEmpty();
    }
}
