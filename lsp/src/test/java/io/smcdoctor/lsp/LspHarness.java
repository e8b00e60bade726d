package io.smcdoctor.lsp;

import io.smcdoctor.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client connected to a server running {@link SmcDoctorLanguageServer#serve} in this JVM over two pipes
 * (as LSP4J's own tests connect client and server). Collects what the server sends.
 */
final class LspHarness implements AutoCloseable {
    static final Catalog CATALOG = Catalog.bundled();

    final SockoptKnowledge knowledge;
    final LanguageServer server;
    final Launcher<LanguageServer> launcher;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> shown = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logged = new LinkedBlockingQueue<>();
    private final OutputStream toServer;
    private final InputStream fromServer;

    private LspHarness() throws IOException {
        knowledge = SockoptKnowledge.of(CATALOG);
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        OutputStream serverOut = Channels.newOutputStream(down.sink());
        toServer = Channels.newOutputStream(up.sink());
        fromServer = Channels.newInputStream(down.source());
        Thread t = new Thread(() -> {
            try {
                exitCode.complete(SmcDoctorLanguageServer.serve(serverIn, serverOut, knowledge));
            } catch (Throwable e) {
                exitCode.completeExceptionally(e);
            } finally {
                // the process would end here: the client sees the end of its input
                closeQuietly(serverOut);
            }
        }, "lsp-server-under-test");
        t.setDaemon(true);
        t.start();
        launcher = LSPLauncher.createClientLauncher(new Client(), fromServer, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A connected client, not yet initialized. */
    static LspHarness connect() {
        try {
            return new LspHarness();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and runs initialize/initialized with the given params. */
    static LspHarness initialized(InitializeParams params) throws Exception {
        LspHarness h = connect();
        h.initializeResult = h.server.initialize(params).get(30, TimeUnit.SECONDS);
        h.server.initialized(new InitializedParams());
        return h;
    }

    InitializeResult initializeResult;

    /** The next diagnostics for a URI that satisfy a condition; earlier ones are dropped. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> p, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PublishDiagnosticsParams> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            PublishDiagnosticsParams d = left <= 0 ? null : diagnostics.poll(left, TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new AssertionError("no matching diagnostics for " + uri + " within " + timeout + "; got " + seen);
            }
            if (d.getUri().equals(uri)) {
                seen.add(d);
                if (p.test(d)) {
                    return d;
                }
            }
        }
    }

    PublishDiagnosticsParams awaitVersion(String uri, int version) throws InterruptedException {
        return awaitDiagnostics(uri, d -> d.getVersion() != null && d.getVersion() == version, Duration.ofSeconds(30));
    }

    /** Writes one message body as it is, framed with its byte length (bytes the LSP4J client would never send). */
    void sendRaw(byte[] body) throws IOException {
        synchronized (toServer) {
            toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            toServer.write(body);
            toServer.flush();
        }
    }

    /** Closes the client's end of both pipes at once, as a client process that dies would. */
    void disconnect() {
        closeQuietly(toServer);
        closeQuietly(fromServer);
    }

    /** Ends the client's output (the server sees the end of its input) and waits for the server to return. */
    @Override
    public void close() {
        closeQuietly(toServer);
        try {
            exitCode.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            closeQuietly(fromServer);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            diagnostics.add(d);
        }

        @Override
        public void showMessage(MessageParams m) {
            shown.add(m);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
            logged.add(m);
        }
    }
}
