package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * The whole protocol in one JVM: an LSP4J client and the server connected over pipes. The C file is
 * src/test/resources/sources/listener.c; positions below were counted in it by hand (0-based line, UTF-16 column).
 */
class LanguageServerEndToEndTest {
    static final String URI = "file:///work/src/listener.c";
    /** listener.c line 19: {@code setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof(qlen));}. */
    static final Range TFO = new Range(new Position(18, 32), new Position(18, 44));
    /** listener.c line 20: {@code if (setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, ...) < 0) {}. */
    static final Range BIND = new Range(new Position(19, 35), new Position(19, 50));

    static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(LanguageServerEndToEndTest.class.getResourceAsStream("/sources/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InitializeParams params(String locale) {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setLocale(locale);
        return p;
    }

    static DidOpenTextDocumentParams open(String uri, String languageId, int version, String text) {
        return new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text));
    }

    static DidChangeTextDocumentParams change(String uri, int version, Range range, String text) {
        return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text)));
    }

    static Diagnostic only(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + p.getDiagnostics()));
    }

    @Test
    void session_initializeOpenEditHoverCodeActionShutdownExit() throws Exception {
        LspHarness h = LspHarness.initialized(params("en-US"));
        try {
            ServerCapabilities caps = h.initializeResult.getCapabilities();
            assertThat(caps.getTextDocumentSync().getRight().getChange()).isEqualTo(TextDocumentSyncKind.Incremental);
            assertThat(caps.getHoverProvider().getLeft()).isTrue();
            assertThat(caps.getExecuteCommandProvider().getCommands()).containsExactly("smc-doctor.explain");
            assertThat(h.initializeResult.getServerInfo().getName()).isEqualTo("smc-doctor");

            // open: both N options are errors, on their names, with code, fallback code and link
            String text = resource("listener.c");
            h.server.getTextDocumentService().didOpen(open(URI, "c", 1, text));
            PublishDiagnosticsParams first = h.awaitVersion(URI, 1);
            assertThat(first.getDiagnostics()).hasSize(2);
            Diagnostic tfo = only(first, "TCP_FASTOPEN");
            assertThat(tfo.getRange()).isEqualTo(TFO);
            assertThat(tfo.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(tfo.getSource()).isEqualTo("smc-doctor");
            assertThat(tfo.getMessage()).contains("0x03060000").contains("falls back to TCP");
            assertThat(tfo.getCodeDescription().getHref())
                    .isEqualTo("https://github.com/smc-doctor/smc-doctor/blob/main/docs/sockopts.md#tcp_fastopen");
            JsonObject data = (JsonObject) tfo.getData();
            assertThat(data.get("support").getAsString()).isEqualTo("N");
            assertThat(data.getAsJsonArray("fallbackCodes").get(0).getAsString()).isEqualTo("0x03060000");
            Diagnostic bind = only(first, "SO_BINDTODEVICE");
            assertThat(bind.getRange()).isEqualTo(BIND);
            assertThat(bind.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(bind.getMessage()).contains("0x03010001");

            // incremental edit: TCP_FASTOPEN becomes TCP_NODELAY (supported): its diagnostic goes away
            h.server.getTextDocumentService().didChange(change(URI, 2, TFO, "TCP_NODELAY"));
            PublishDiagnosticsParams second = h.awaitVersion(URI, 2);
            assertThat(second.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("SO_BINDTODEVICE");
            assertThat(only(second, "SO_BINDTODEVICE").getRange()).isEqualTo(BIND);

            // two lines inserted at the top move the remaining diagnostic down by two
            h.server.getTextDocumentService().didChange(change(URI, 3,
                    new Range(new Position(0, 0), new Position(0, 0)), "// header\n// more\n"));
            PublishDiagnosticsParams third = h.awaitVersion(URI, 3);
            assertThat(only(third, "SO_BINDTODEVICE").getRange())
                    .isEqualTo(new Range(new Position(21, 35), new Position(21, 50)));

            // and back: undo both edits, TCP_FASTOPEN is reported again at its old place
            h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, 4), List.of(
                            new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(2, 0)), ""),
                            new TextDocumentContentChangeEvent(new Range(new Position(18, 32), new Position(18, 43)),
                                    "TCP_FASTOPEN"))));
            PublishDiagnosticsParams fourth = h.awaitVersion(URI, 4);
            assertThat(fourth.getDiagnostics()).extracting(Diagnostic::getRange).containsExactly(TFO, BIND);

            // hover on the option name: the catalog entry
            Hover hover = h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(18, 38))).get(30, TimeUnit.SECONDS);
            assertThat(hover.getRange()).isEqualTo(TFO);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
            String md = hover.getContents().getRight().getValue();
            assertThat(md).startsWith("**TCP_FASTOPEN** (`SOL_TCP`, 23): SMC support **N**")
                    .contains("`0x03060000` (SMC_CLC_DECL_OPTUNSUPP)")
                    .contains("Remove TCP Fast Open from sockets that should use SMC")
                    .contains("*upstream 6.12 (measured)*: Measured on upstream 6.12.117")
                    .contains("(https://github.com/smc-doctor/smc-doctor/blob/main/docs/sockopts.md#tcp_fastopen)");

            // code actions on TCP_FASTOPEN: guard, comment, explain
            List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(
                    new CodeActionParams(new TextDocumentIdentifier(URI), TFO,
                            new CodeActionContext(List.of(only(fourth, "TCP_FASTOPEN"))))).get(30, TimeUnit.SECONDS);
            assertThat(actions).extracting(a -> a.getRight().getTitle()).containsExactly(
                    "Put under #ifndef USE_SMC (TCP_FASTOPEN makes SMC fall back to TCP)",
                    "Add a comment: TCP_FASTOPEN on SMC sockets",
                    "Explain TCP_FASTOPEN on SMC (smc-doctor)");
            assertThat(actions).allSatisfy(a -> assertThat(a.getRight().getKind()).isEqualTo(CodeActionKind.QuickFix));
            assertThat(actions.get(0).getRight().getDiagnostics()).containsExactly(only(fourth, "TCP_FASTOPEN"));
            String[] guarded = TextEdits.apply(text, actions.get(0).getRight().getEdit().getChanges().get(URI)).split("\n", -1);
            String[] lines = text.split("\n", -1);
            assertThat(guarded[17]).isEqualTo(lines[17]);
            assertThat(guarded[18]).startsWith("#ifndef USE_SMC /* TCP_FASTOPEN: not supported on SMC sockets: "
                    + "falls back to TCP with 0x03060000").endsWith(" */");
            assertThat(guarded[19]).isEqualTo("    setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof(qlen));");
            assertThat(guarded[20]).isEqualTo("#endif");
            assertThat(guarded[21]).isEqualTo(lines[19]);
            assertThat(guarded).hasSize(lines.length + 2);
            String[] commented = TextEdits.apply(text, actions.get(1).getRight().getEdit().getChanges().get(URI)).split("\n", -1);
            assertThat(commented[18]).startsWith("    // smc-doctor: TCP_FASTOPEN: not supported on SMC sockets");
            assertThat(commented[19]).isEqualTo(lines[18]);
            Command explain = actions.get(2).getRight().getCommand();
            assertThat(explain.getCommand()).isEqualTo("smc-doctor.explain");

            // SO_BINDTODEVICE's call is tested by 'if': no guard, only the comment and explain
            List<Either<Command, CodeAction>> bindActions = h.server.getTextDocumentService().codeAction(
                    new CodeActionParams(new TextDocumentIdentifier(URI), BIND, new CodeActionContext(List.of())))
                    .get(30, TimeUnit.SECONDS);
            assertThat(bindActions).extracting(a -> a.getRight().getTitle()).containsExactly(
                    "Add a comment: SO_BINDTODEVICE on SMC sockets", "Explain SO_BINDTODEVICE on SMC (smc-doctor)");

            // the explain command answers Markdown and shows a one-line message
            Object answer = h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(explain.getCommand(), explain.getArguments())).get(30, TimeUnit.SECONDS);
            assertThat((String) answer).startsWith("## **TCP_FASTOPEN**").contains("### 0x03060000 SMC_CLC_DECL_OPTUNSUPP")
                    .contains("`smc-doctor explain 0x03060000`");
            MessageParams shown = h.shown.poll(10, TimeUnit.SECONDS);
            assertThat(shown.getType()).isEqualTo(MessageType.Info);
            assertThat(shown.getMessage()).startsWith("TCP_FASTOPEN (SOL_TCP, SMC support N): not supported");

            // shutdown, then exit: the server returns 0
            assertThat(h.server.shutdown().get(30, TimeUnit.SECONDS)).isNull();
            h.server.exit();
            assertThat(h.exitCode.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            h.close();
        }
    }

    @Test
    void save_ofAnUnchangedDocument_republishesWithoutScanningAgain() throws Exception {
        try (LspHarness h = LspHarness.initialized(params("en"))) {
            h.server.getTextDocumentService().didOpen(open(URI, "c", 7, resource("listener.c")));
            PublishDiagnosticsParams opened = h.awaitVersion(URI, 7);
            long scans = h.knowledge.scans();
            assertThat(scans).isEqualTo(1);

            h.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(URI)));
            PublishDiagnosticsParams saved = h.awaitVersion(URI, 7);
            h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), TFO.getStart())).get(30, TimeUnit.SECONDS);

            assertThat(saved.getDiagnostics()).isEqualTo(opened.getDiagnostics());
            assertThat(h.knowledge.scans()).isEqualTo(scans);

            h.server.getTextDocumentService().didChange(change(URI, 8, new Range(new Position(0, 0), new Position(0, 0)), " "));
            h.awaitVersion(URI, 8);
            assertThat(h.knowledge.scans()).isEqualTo(scans + 1);
        }
    }

    @Test
    void configuration_severityOverridesAndKernelTarget_withoutRescanning() throws Exception {
        InitializeParams p = params("en");
        JsonObject options = new JsonObject();
        JsonObject severity = new JsonObject();
        severity.addProperty("SO_BINDTODEVICE", "off");
        severity.addProperty("N", "warning");
        options.add("severity", severity);
        p.setInitializationOptions(options);
        try (LspHarness h = LspHarness.initialized(p)) {
            h.server.getTextDocumentService().didOpen(open(URI, "c", 1, resource("listener.c")));
            PublishDiagnosticsParams d = h.awaitVersion(URI, 1);
            assertThat(d.getDiagnostics()).extracting(x -> x.getCode().getLeft()).containsExactly("TCP_FASTOPEN");
            assertThat(d.getDiagnostics().get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(d.getDiagnostics().get(0).getMessage()).doesNotContain("upstream 6.12");

            // VS Code sends {"smcDoctor": {...}}: the 6.12 target adds the measured notes; an empty severity map
            // brings back the defaults
            JsonObject settings = new JsonObject();
            JsonObject mine = new JsonObject();
            mine.addProperty("kernel", "upstream-6.12");
            mine.add("severity", new JsonObject());
            settings.add("smcDoctor", mine);
            h.server.getWorkspaceService().didChangeConfiguration(
                    new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
            PublishDiagnosticsParams after = h.awaitDiagnostics(URI, x -> x.getDiagnostics().size() == 2,
                    Duration.ofSeconds(30));
            Diagnostic bind = only(after, "SO_BINDTODEVICE");
            assertThat(bind.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(bind.getMessage()).contains("\nupstream 6.12 (measured): Measured on upstream 6.12.117")
                    .contains("no TCP fallback is triggered");
            assertThat(h.knowledge.scans()).isEqualTo(1);

            Hover hover = h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), BIND.getEnd())).get(30, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue())
                    .contains("**On your target, kernel upstream-6.12**\n\n- *upstream 6.12 (measured)*: Measured")
                    .contains("**Other kernels**\n\n- *mainline (af_smc.c)*:");

            // a bad value is reported to the client and ignored
            JsonObject bad = new JsonObject();
            bad.addProperty("kernel", "latest");
            h.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(bad));
            MessageParams warning = h.logged.poll(10, TimeUnit.SECONDS);
            assertThat(warning.getType()).isEqualTo(MessageType.Warning);
            assertThat(warning.getMessage()).contains("kernel: unknown value 'latest'");
        }
    }

    @Test
    void japaneseLocale_messagesHoverAndActionsInJapanese() throws Exception {
        try (LspHarness h = LspHarness.initialized(params("ja-JP"))) {
            h.server.getTextDocumentService().didOpen(open(URI, "c", 1, resource("listener.c")));
            Diagnostic tfo = only(h.awaitVersion(URI, 1), "TCP_FASTOPEN");
            assertThat(tfo.getMessage()).contains("SMC ではサポートされていません").contains("0x03060000");
            assertThat(tfo.getCodeDescription().getHref()).endsWith("/docs/sockopts.ja.md#tcp_fastopen");
            Hover hover = h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), TFO.getStart())).get(30, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue()).contains("SMC でのサポート **N**")
                    .contains("SMC を使用するソケットでは TCP Fast Open を使用しないでください");
        }
    }

    @Test
    void clientWithoutMarkdown_getsPlainTextHovers() throws Exception {
        InitializeParams p = params("en");
        org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        text.setHover(new org.eclipse.lsp4j.HoverCapabilities(List.of(MarkupKind.PLAINTEXT), false));
        p.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities(null, text, null));
        try (LspHarness h = LspHarness.initialized(p)) {
            h.server.getTextDocumentService().didOpen(open(URI, "c", 1, resource("listener.c")));
            h.awaitVersion(URI, 1);
            Hover hover = h.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), TFO.getStart())).get(30, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.PLAINTEXT);
            assertThat(hover.getContents().getRight().getValue())
                    .startsWith("TCP_FASTOPEN (SOL_TCP, 23): SMC support N\n")
                    .contains("Fallback reason code 0x03060000 (SMC_CLC_DECL_OPTUNSUPP)")
                    .contains("Explanation (https://github.com/smc-doctor/smc-doctor/blob/main/docs/sockopts.md#tcp_fastopen)")
                    .doesNotContain("**").doesNotContain("`");
        }
    }

    /** One document per language, each naming the option the way that language does. */
    @Test
    void everyLanguage_diagnosticOnTheOptionName() throws Exception {
        Map<String, String[]> docs = Map.of(
                "file:///w/a.py", new String[] {"python",
                    "import socket\ns = socket.socket()\ns.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 5)\n",
                    "TCP_FASTOPEN"},
                "file:///w/a.go", new String[] {"go",
                    "package main\n\nfunc f(fd int) {\n\tunix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_FASTOPEN, 1)\n}\n",
                    "TCP_FASTOPEN"},
                "file:///w/a.rs", new String[] {"rust",
                    "fn f(s: &socket2::Socket) -> std::io::Result<()> {\n    s.bind_device(Some(b\"eth1\"))\n}\n",
                    "bind_device"},
                "file:///w/A.java", new String[] {"java",
                    "class A {\n  void f(java.nio.channels.SocketChannel ch) throws Exception {\n"
                    + "    ch.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);\n  }\n}\n",
                    "TCP_KEEPINTERVAL"},
                "file:///w/a.cc", new String[] {"cpp",
                    "ssize_t f(int fd, const sockaddr *sa, socklen_t n) {\n"
                    + "  return sendto(fd, \"x\", 1, MSG_FASTOPEN, sa, n);\n}\n",
                    "MSG_FASTOPEN"});
        try (LspHarness h = LspHarness.initialized(params("en"))) {
            for (Map.Entry<String, String[]> e : docs.entrySet()) {
                String[] d = e.getValue();
                h.server.getTextDocumentService().didOpen(open(e.getKey(), d[0], 1, d[1]));
                PublishDiagnosticsParams p = h.awaitVersion(e.getKey(), 1);
                assertThat(p.getDiagnostics()).as(e.getKey()).hasSize(1);
                Range r = p.getDiagnostics().get(0).getRange();
                String line = d[1].split("\n")[r.getStart().getLine()];
                assertThat(line.substring(r.getStart().getCharacter(), r.getEnd().getCharacter())).as(e.getKey())
                        .isEqualTo(d[2]);
            }
            // a document in another language gets nothing (and breaks nothing)
            h.server.getTextDocumentService().didOpen(open("file:///w/notes.txt", "plaintext", 1, "TCP_FASTOPEN"));
            Hover none = h.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier("file:///w/notes.txt"), new Position(0, 3))).get(30, TimeUnit.SECONDS);
            assertThat(none).isNull();
        }
    }
}
