package io.smcdoctor.lsp;

import static io.smcdoctor.lsp.LanguageServerEndToEndTest.only;
import static io.smcdoctor.lsp.LanguageServerEndToEndTest.open;
import static io.smcdoctor.lsp.LanguageServerEndToEndTest.params;
import static io.smcdoctor.lsp.LanguageServerEndToEndTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * The language server's {@code kernel} setting decides the verdict, in-JVM over the real server: a worker listener
 * sets SO_REUSEPORT, which AF_SMC rejects with EOPNOTSUPP on kernels with "net: restrict SO_REUSEPORT to inet
 * sockets" (5b0af621c3f6: 6.13; stable 6.12.9, 6.6.70, 6.1.124, 5.15.176; net/core/sock.c sk_setsockopt()), works on
 * 6.1 up to those releases, and before 6.1 is accepted but not passed to SMC's internal TCP listen socket.
 */
class KernelTargetDiagnosticsTest {
    private static final String URI = "file:///work/src/worker_listener.c";

    private static void configure(LspHarness h, String kernel, JsonObject severity) {
        JsonObject mine = new JsonObject();
        mine.addProperty("kernel", kernel);
        mine.add("severity", severity == null ? new JsonObject() : severity);
        JsonObject settings = new JsonObject();
        settings.add("smcDoctor", mine);
        h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
    }

    private static PublishDiagnosticsParams await(LspHarness h, java.util.function.Predicate<PublishDiagnosticsParams> p)
            throws InterruptedException {
        return h.awaitDiagnostics(URI, p, Duration.ofSeconds(30));
    }

    private static boolean has(PublishDiagnosticsParams d, String text) {
        return d.getDiagnostics().stream().anyMatch(x -> x.getMessage().contains(text));
    }

    @Test
    void soReuseport_severityAndMessageFollowTheKernelSetting_withoutRescanning() throws Exception {
        String text = resource("worker_listener.c");
        int line = (int) text.lines().takeWhile(l -> !l.contains("SO_REUSEPORT")).count();
        int col = text.lines().skip(line).findFirst().orElseThrow().indexOf("SO_REUSEPORT");
        Range name = new Range(new Position(line, col), new Position(line, col + "SO_REUSEPORT".length()));
        try (LspHarness h = LspHarness.initialized(params("en"))) {
            h.server.getTextDocumentService().didOpen(open(URI, "c", 1, text));

            // no kernel configured: every possible verdict, at the strictest severity
            Diagnostic any = only(h.awaitVersion(URI, 1), "SO_REUSEPORT");
            assertThat(any.getRange()).isEqualTo(name);
            assertThat(any.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(any.getMessage()).startsWith("SO_REUSEPORT (SOL_SOCKET): depends on the kernel: N on mainline "
                    + "6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+ (not supported on SMC sockets: setsockopt fails "
                    + "with EOPNOTSUPP").contains("; M on mainline before 6.1").contains("; Y on other kernels");
            JsonObject data = (JsonObject) any.getData();
            assertThat(data.get("support").getAsString()).isEqualTo("N");
            assertThat(data.get("seedSupport").getAsString()).isEqualTo("Y");
            assertThat(data.get("kernel").getAsString()).isEqualTo("any");

            // a kernel before the stable backport: it works there, no diagnostic
            configure(h, "6.12.8", null);
            assertThat(await(h, d -> d.getDiagnostics().isEmpty()).getDiagnostics()).isEmpty();

            // the backport: an error that says what the call does
            configure(h, "6.12.9", null);
            Diagnostic fixed = only(await(h, d -> has(d, "kernel 6.12.9")), "SO_REUSEPORT");
            assertThat(fixed.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(fixed.getMessage()).startsWith("SO_REUSEPORT (SOL_SOCKET): kernel 6.12.9: not supported on "
                    + "SMC sockets: setsockopt fails with EOPNOTSUPP (no fallback; the socket stays SMC).");
            assertThat(((JsonObject) fixed.getData()).get("kernel").getAsString()).isEqualTo("6.12.9");

            // the same kernel as uname -r prints it on Debian 12 backports (measured in the SMC lab)
            configure(h, "6.12.117+deb12-amd64", null);
            assertThat(only(await(h, d -> has(d, "6.12.117+deb12-amd64")), "SO_REUSEPORT").getSeverity())
                    .isEqualTo(DiagnosticSeverity.Error);

            // before 6.1: accepted but not applied to the CLC listener, a warning
            configure(h, "5.15.100", null);
            Diagnostic old = only(await(h, d -> has(d, "kernel 5.15.100")), "SO_REUSEPORT");
            assertThat(old.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(old.getMessage()).contains("works but behaves differently on SMC sockets");

            // the seed FAQ's kernels (Alibaba Cloud Linux 3): Y, nothing to report
            configure(h, "5.10.134-16.al8.x86_64", null);
            assertThat(await(h, d -> d.getDiagnostics().isEmpty()).getDiagnostics()).isEmpty();

            // a severity override by letter applies to the letter on the target kernel
            JsonObject sev = new JsonObject();
            sev.addProperty("N", "hint");
            configure(h, "6.13", sev);
            Diagnostic hinted = only(await(h, d -> has(d, "kernel 6.13:")), "SO_REUSEPORT");
            assertThat(hinted.getSeverity()).isEqualTo(DiagnosticSeverity.Hint);
            assertThat(h.knowledge.scans()).isEqualTo(1);

            // hover and code actions speak of the target kernel
            configure(h, "6.6.70", null);
            Diagnostic sixSix = only(await(h, d -> has(d, "kernel 6.6.70")), "SO_REUSEPORT");
            Hover hover = h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), name.getStart())).get(30, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue())
                    .startsWith("**SO_REUSEPORT** (`SOL_SOCKET`, 15): SMC support **N** on kernel 6.6.70")
                    .contains("**Verdicts per kernel**")
                    .contains("- **N** mainline 6.13+, 6.12.9+, 6.6.70+, 6.1.124+, 5.15.176+ (setsockopt → EOPNOTSUPP), "
                            + "5b0af621c3f6:");
            List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(
                    new CodeActionParams(new TextDocumentIdentifier(URI), name,
                            new CodeActionContext(List.of(sixSix)))).get(30, TimeUnit.SECONDS);
            assertThat(actions).extracting(a -> a.getRight().getTitle()).contains(
                    "Put under #ifndef USE_SMC (SO_REUSEPORT fails on SMC sockets)");
        }
    }
}
