package io.smcdoctor.benchmarks;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.lsp.SmcDoctorLanguageServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the language server from a {@code didChange} to the {@code publishDiagnostics} of that version, on a
 * 2,000-line C file, as an editor sees it: an LSP4J client and {@code SmcDoctorLanguageServer.serve} in this JVM
 * over pipes (JSON framing, both directions, the scan and the diagnostics). Each invocation toggles
 * {@code TCP_FASTOPEN} / {@code TCP_NODELAY} on one line near the end of the file (an incremental edit), so every
 * version is scanned again and its diagnostics differ from the last. Sample mode: the report gives p50/p90/p99.
 * Run with {@code java -jar benchmarks/target/benchmarks.jar LspDidChange}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LspDidChangeBenchmark {
    /** Lines in the edited document. */
    public static final int LINES = 2000;
    private static final String URI = "file:///bench/server.c";

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private OutputStream toServer;
    private int version = 1;
    private int editLine;
    private int editColumn;
    private boolean fastOpen = true;

    /** A C file of {@link #LINES} lines: many socket set-up functions, one with TCP_FASTOPEN near the end. */
    static String source() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.toString().split("\n", -1).length < LINES - 12) {
            sb.append("static int open_listener_").append(i++).append("(const char *ifname, unsigned short port)\n")
                    .append("{\n    int one = 1;\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n")
                    .append("    if (fd < 0)\n        return -1;\n")
                    .append("    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));\n")
                    .append("    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); /* latency */\n")
                    .append("    return fd;\n}\n\n");
        }
        sb.append("int open_fast(void)\n{\n    int qlen = 16;\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n")
                .append("    setsockopt(fd, IPPROTO_TCP, TCP_FASTOPEN, &qlen, sizeof(qlen));\n")
                .append("    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, \"eth1\", 5);\n    return fd;\n}\n");
        return sb.toString();
    }

    /** Starts the server and the client, opens the document and waits for its first diagnostics. */
    @Setup
    public void setUp() throws Exception {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        OutputStream serverOut = Channels.newOutputStream(down.sink());
        Thread t = new Thread(() -> SmcDoctorLanguageServer.of(Catalog.bundled()).serve(serverIn, serverOut),
                "lsp-server");
        t.setDaemon(true);
        t.start();
        toServer = Channels.newOutputStream(up.sink());
        var launcher = LSPLauncher.createClientLauncher(new Client(), Channels.newInputStream(down.source()), toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams p = new InitializeParams();
        p.setLocale("en");
        server.initialize(p).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        String text = source();
        String[] lines = text.split("\n", -1);
        if (lines.length < LINES - 1 || lines.length > LINES + 1) {
            throw new IllegalStateException("source has " + lines.length + " lines");
        }
        for (int l = lines.length - 1; l >= 0; l--) {
            int c = lines[l].indexOf("TCP_FASTOPEN");
            if (c >= 0) {
                editLine = l;
                editColumn = c;
                break;
            }
        }
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "c", 1, text)));
        await(1);
    }

    private PublishDiagnosticsParams await(int v) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams d = published.poll(30, TimeUnit.SECONDS);
            if (d == null) {
                throw new IllegalStateException("no diagnostics for version " + v);
            }
            if (d.getVersion() != null && d.getVersion() == v) {
                return d;
            }
        }
    }

    /** One keystroke-sized edit and the diagnostics of the new version. */
    @Benchmark
    public PublishDiagnosticsParams didChangeToDiagnostics() throws InterruptedException {
        String replacement = fastOpen ? "TCP_NODELAY" : "TCP_FASTOPEN";
        int oldLength = fastOpen ? "TCP_FASTOPEN".length() : "TCP_NODELAY".length();
        fastOpen = !fastOpen;
        version++;
        Range r = new Range(new Position(editLine, editColumn), new Position(editLine, editColumn + oldLength));
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version), List.of(new TextDocumentContentChangeEvent(r, replacement))));
        PublishDiagnosticsParams d = await(version);
        if (d.getDiagnostics().size() != (fastOpen ? 2 : 1)) {
            throw new IllegalStateException("unexpected diagnostics " + d.getDiagnostics());
        }
        return d;
    }

    /** Ends the session. */
    @TearDown
    public void tearDown() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        try {
            toServer.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            published.add(d);
        }

        @Override
        public void showMessage(MessageParams m) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
        }
    }
}
