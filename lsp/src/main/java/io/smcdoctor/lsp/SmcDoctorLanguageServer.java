package io.smcdoctor.lsp;

import io.smcdoctor.catalog.Catalog;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A language server (LSP 3.17, Eclipse LSP4J) that shows socket options which break or degrade SMC while code is
 * written: diagnostics for C/C++, Java, Go, Python and Rust documents (N options are errors, M options warnings),
 * hovers with the catalog entry in English or Japanese, code actions and an {@value #EXPLAIN_COMMAND} command.
 *
 * <pre>{@code
 * int exitCode = SmcDoctorLanguageServer.bundled().serve(System.in, System.out);
 * }</pre>
 *
 * <p>Configuration comes from the client ({@code initializationOptions}, {@code workspace/didChangeConfiguration}):
 * {@code kernel} (the kernel the code runs on: a release such as {@code 6.12.9}, a series, {@code seed} for Alibaba
 * Cloud Linux 3, or {@code any}, the default: the strictest possible verdict), {@code severity} overrides per option
 * or support letter,
 * {@code language}, {@code explanationUrl}; see {@code docs/ide.md}. Immutable; {@link #serve} may run any number of
 * connections, each with its own state.
 */
public final class SmcDoctorLanguageServer {
    /** The command that explains an option or a reason code (argument: its name, e.g. {@code TCP_FASTOPEN}). */
    public static final String EXPLAIN_COMMAND = "smc-doctor.explain";

    private final Catalog catalog;

    private SmcDoctorLanguageServer(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The server over the bundled catalog.
     *
     * @throws io.smcdoctor.catalog.KnowledgeValidationException if the bundled catalog is invalid
     */
    public static SmcDoctorLanguageServer bundled() {
        return new SmcDoctorLanguageServer(Catalog.bundled());
    }

    /** The server over the given catalog (e.g. the bundled one plus overlays). */
    public static SmcDoctorLanguageServer of(Catalog catalog) {
        return new SmcDoctorLanguageServer(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Serves one client on a pair of streams (LSP base protocol: {@code Content-Length} framed JSON-RPC) until it
     * sends {@code exit} or its input ends. Neither stream is closed. Only protocol messages are written to
     * {@code out}.
     *
     * @return the exit code the protocol asks for: 0 when {@code shutdown} came before {@code exit} (or before the
     *         input ended), 1 otherwise
     */
    public int serve(InputStream in, OutputStream out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        return serve(in, out, SockoptKnowledge.of(catalog));
    }

    /** {@link #serve(InputStream, OutputStream)} over the given knowledge (tests count its scans). */
    static int serve(InputStream in, OutputStream out, SockoptKnowledge knowledge) {
        String version = SmcDoctorLanguageServer.class.getPackage().getImplementationVersion();
        Server server = new Server(knowledge, version == null ? "dev" : version);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smc-doctor-lsp-io");
            t.setDaemon(true);
            return t;
        });
        try {
            Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(in)
                    .setOutput(out)
                    .setExecutorService(threads)
                    .create();
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            // the input ending (client gone) ends the session as an exit without shutdown would
            threads.execute(() -> {
                try {
                    listening.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | CancellationException e) {
                    // a broken stream ends the session like the end of input
                }
                server.exitCode().complete(server.shutdownRequested() ? 0 : 1);
            });
            return server.exitCode().join();
        } finally {
            // no interrupts: a thread interrupted while it reads or writes an NIO channel closes it, and the streams
            // belong to the caller; the daemon reader ends with its input
            server.stop();
            threads.shutdown();
        }
    }
}
