package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a real editor session throws at the server: a huge file, bytes that are not UTF-8, a document edited 100
 * times a second, methods the server does not know, a client that goes away. The server answers or ends cleanly;
 * every test has a hard timeout so a hang fails instead of blocking the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanguageServerRobustnessTest {
    private static final String URI = LanguageServerEndToEndTest.URI;

    private static InitializeParams params() {
        return LanguageServerEndToEndTest.params("en");
    }

    /** About 5 MB of plausible C: many copies of the listener with TCP_FASTOPEN renamed away, the real one last. */
    static String fiveMegabytesOfC() throws Exception {
        String listener = LanguageServerEndToEndTest.resource("listener.c");
        String quiet = listener.replace("TCP_FASTOPEN", "TCP_NODELAY").replace("SO_BINDTODEVICE", "SO_REUSEADDR")
                .replace("open_listener(", "open_listener_%d(");
        StringBuilder sb = new StringBuilder(5 * 1024 * 1024 + listener.length());
        int i = 0;
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append(String.format(quiet, i++));
        }
        sb.append(listener);
        return sb.toString();
    }

    @Test
    void fiveMegabyteFile_isDiagnosed_andTheServerKeepsAnswering() throws Exception {
        String text = fiveMegabytesOfC();
        int lastLine = text.split("\n", -1).length - 1;
        int tfoLine = lastLine - (LanguageServerEndToEndTest.resource("listener.c").split("\n", -1).length - 1) + 18;
        try (LspHarness h = LspHarness.initialized(params())) {
            long t0 = System.nanoTime();
            h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1, text));
            PublishDiagnosticsParams d = h.awaitDiagnostics(URI, x -> true, Duration.ofSeconds(90));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("5 MB C file (%d chars, %d lines): diagnostics after %d ms%n", text.length(), lastLine + 1, ms);
            assertThat(d.getDiagnostics()).extracting(x -> x.getCode().getLeft())
                    .containsExactly("TCP_FASTOPEN", "SO_BINDTODEVICE");
            assertThat(d.getDiagnostics().get(0).getRange())
                    .isEqualTo(new Range(new Position(tfoLine, 32), new Position(tfoLine, 44)));

            // an edit at the very end of the 5 MB document is applied incrementally
            h.server.getTextDocumentService().didChange(LanguageServerEndToEndTest.change(URI, 2,
                    d.getDiagnostics().get(0).getRange(), "TCP_NODELAY"));
            assertThat(h.awaitVersion(URI, 2).getDiagnostics()).hasSize(1);
            Hover hover = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                    new Position(tfoLine + 1, 40))).get(60, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue()).startsWith("**SO_BINDTODEVICE**");
        }
    }

    @Test
    void invalidUtf8_becomesReplacementCharacters_andPositionsCountThem() throws Exception {
        try (LspHarness h = LspHarness.initialized(params())) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"file:///w/bad.c\",\"languageId\":\"c\",\"version\":1,\"text\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            // line 0: a lone continuation byte, an overlong '/', a truncated 3-byte sequence; line 1: two bytes that
            // never occur in UTF-8, inside a comment in front of the call
            body.writeBytes(new byte[] {'/', '/', ' ', (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xE2, (byte) 0x82,
                '\\', 'n', '/', '*', (byte) 0xFF, (byte) 0xFE, '*', '/', ' '});
            body.writeBytes("setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &q, sizeof q);\\n\"}}}"
                    .getBytes(StandardCharsets.US_ASCII));
            h.sendRaw(body.toByteArray());
            PublishDiagnosticsParams d = h.awaitVersion("file:///w/bad.c", 1);
            // Java's UTF-8 decoder (LSP4J reads the body with it) turns 0xFF and 0xFE into one U+FFFD each:
            // "/*" + 2 + "*/ " = 7 UTF-16 units, then "setsockopt(fd, IPPROTO_TCP, " = 28
            assertThat(d.getDiagnostics()).extracting(Diagnostic::getRange)
                    .containsExactly(new Range(new Position(1, 35), new Position(1, 47)));

            // a body that is not JSON at all: the server stays up
            h.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '"'});
            Hover hover = h.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier("file:///w/bad.c"), new Position(1, 40))).get(30, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue()).startsWith("**TCP_FASTOPEN**");
        }
    }

    @Test
    void documentChanging100TimesASecond_endsWithTheDiagnosticsOfTheLastText() throws Exception {
        String text = LanguageServerEndToEndTest.resource("listener.c");
        Range fastOpen = LanguageServerEndToEndTest.TFO;
        Range noDelay = new Range(fastOpen.getStart(), new Position(18, 43));
        try (LspHarness h = LspHarness.initialized(params())) {
            h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1, text));
            h.awaitVersion(URI, 1);
            int changes = 300;
            long start = System.nanoTime();
            Hover midway = null;
            for (int i = 1; i <= changes; i++) {
                long due = start + i * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean toNoDelay = i % 2 == 1;
                h.server.getTextDocumentService().didChange(LanguageServerEndToEndTest.change(URI, i + 1,
                        toNoDelay ? fastOpen : noDelay, toNoDelay ? "TCP_NODELAY" : "TCP_FASTOPEN"));
                if (i == changes / 2) {
                    midway = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                            LanguageServerEndToEndTest.BIND.getStart())).get(10, TimeUnit.SECONDS);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PublishDiagnosticsParams last = h.awaitVersion(URI, changes + 1);
            List<PublishDiagnosticsParams> rest = new ArrayList<>();
            h.diagnostics.drainTo(rest);
            System.out.printf("%d changes in %.2f s (%.0f/s)%n", changes, seconds, changes / seconds);

            assertThat(midway.getContents().getRight().getValue()).startsWith("**SO_BINDTODEVICE**");
            // an even number of toggles: the original text, both diagnostics
            assertThat(last.getDiagnostics()).extracting(Diagnostic::getRange)
                    .containsExactly(fastOpen, LanguageServerEndToEndTest.BIND);
            assertThat(rest).as("nothing after the last version").isEmpty();
        }
    }

    @Test
    void publishedVersions_neverGoBackwards_underRapidEdits() throws Exception {
        String text = LanguageServerEndToEndTest.resource("listener.c");
        try (LspHarness h = LspHarness.initialized(params())) {
            h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1, text));
            for (int v = 2; v <= 200; v++) {
                h.server.getTextDocumentService().didChange(LanguageServerEndToEndTest.change(URI, v,
                        new Range(new Position(0, 0), new Position(0, 0)), v % 2 == 0 ? " " : ""));
            }
            h.awaitVersion(URI, 200);
            List<PublishDiagnosticsParams> all = new ArrayList<>();
            h.diagnostics.drainTo(all);
            assertThat(all).isEmpty();
            long scans = h.knowledge.scans();
            System.out.printf("200 versions sent at once: %d scans%n", scans);
            assertThat(scans).isBetween(2L, 200L);
        }
    }

    @Test
    void unknownMethods_requestGetsMethodNotFound_notificationIsIgnored() throws Exception {
        try (LspHarness h = LspHarness.initialized(params())) {
            h.launcher.getRemoteEndpoint().notify("smcDoctor/noSuchNotification", new com.google.gson.JsonObject());
            h.launcher.getRemoteEndpoint().notify("$/noSuchThing", new com.google.gson.JsonObject());
            assertThatThrownBy(() -> h.launcher.getRemoteEndpoint()
                    .request("smcDoctor/noSuchRequest", new com.google.gson.JsonObject()).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResponseErrorException.class)
                    .satisfies(e -> assertThat(((ResponseErrorException) e).getResponseError().getCode())
                            .isEqualTo(ResponseErrorCode.MethodNotFound.getValue()));
            // a known method with parameters of the wrong shape is answered (nothing to show), not a dead server
            assertThat(h.launcher.getRemoteEndpoint()
                    .request("textDocument/hover", new com.google.gson.JsonObject()).get(30, TimeUnit.SECONDS)).isNull();
            h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1,
                    LanguageServerEndToEndTest.resource("listener.c")));
            assertThat(h.awaitVersion(URI, 1).getDiagnostics()).hasSize(2);
        }
    }

    @Test
    void clientGoneWithoutShutdown_serverReturnsOne() throws Exception {
        LspHarness h = LspHarness.initialized(params());
        h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1,
                LanguageServerEndToEndTest.resource("listener.c")));
        h.awaitVersion(URI, 1);
        h.disconnect();
        assertThat(h.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void clientGoneDuringTheScanOfAHugeFile_serverReturns() throws Exception {
        LspHarness h = LspHarness.initialized(params());
        h.server.getTextDocumentService().didOpen(LanguageServerEndToEndTest.open(URI, "c", 1, fiveMegabytesOfC()));
        h.disconnect();
        assertThat(h.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void shutdownThenInputEnds_serverReturnsZero() throws Exception {
        LspHarness h = LspHarness.initialized(params());
        h.server.shutdown().get(30, TimeUnit.SECONDS);
        h.close();
        assertThat(h.exitCode.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void exitWithoutShutdown_returnsOne() throws Exception {
        LspHarness h = LspHarness.initialized(params());
        h.server.exit();
        assertThat(h.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        h.close();
    }
}
