package io.smcdoctor.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.jspecify.annotations.Nullable;

/**
 * The language server of one client connection. Notifications arrive on LSP4J's message thread: document edits are
 * applied there (cheap); scans, diagnostics, hovers and code actions run on one analysis thread, which takes only
 * the newest text of a document however many edits arrived while it was busy, and keeps the result per revision.
 * All diagnostics are published from the analysis thread, so they reach the client in order.
 */
final class Server implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
    private static final System.Logger LOG = System.getLogger(Server.class.getName());

    private final SockoptKnowledge knowledge;
    private final String version;
    private final Map<String, TextDocument> documents = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "smc-doctor-lsp-analysis");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile Settings settings = Settings.defaults(Language.EN);
    private volatile boolean markdown = true;
    private volatile boolean shutdown;
    private final List<String> startupProblems = new ArrayList<>();
    private volatile @Nullable LanguageClient client;

    Server(SockoptKnowledge knowledge, String version) {
        this.knowledge = knowledge;
        this.version = version;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    /** Completes with the exit code when the client sends {@code exit}: 0 after {@code shutdown}, else 1. */
    CompletableFuture<Integer> exitCode() {
        return exit;
    }

    boolean shutdownRequested() {
        return shutdown;
    }

    SockoptKnowledge knowledge() {
        return knowledge;
    }

    Settings settings() {
        return settings;
    }

    /** Stops taking analysis work; a running scan finishes on its daemon thread. */
    void stop() {
        worker.shutdown();
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        // the client's UI language; clients that send none (Neovim, eglot) get the server process's locale
        Language language = params.getLocale() == null || params.getLocale().isBlank() ? Language.fromDefaultLocale()
                : Language.fromTag(params.getLocale());
        List<String> problems = new ArrayList<>();
        Object options = params.getInitializationOptions();
        settings = Settings.defaults(language).with(options instanceof JsonElement ? (JsonElement) options : null,
                problems);
        synchronized (startupProblems) {
            startupProblems.addAll(problems);
        }
        markdown = acceptsMarkdown(params.getCapabilities());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(SmcDoctorLanguageServer.EXPLAIN_COMMAND)));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("smc-doctor", version)));
    }

    private static boolean acceptsMarkdown(@Nullable ClientCapabilities caps) {
        if (caps == null || caps.getTextDocument() == null || caps.getTextDocument().getHover() == null) {
            return true;
        }
        List<String> formats = caps.getTextDocument().getHover().getContentFormat();
        return formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }

    @Override
    public void initialized(InitializedParams params) {
        List<String> problems;
        synchronized (startupProblems) {
            problems = List.copyOf(startupProblems);
            startupProblems.clear();
        }
        problems.forEach(p -> log(MessageType.Warning, "smc-doctor: initializationOptions." + p));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.complete(shutdown ? 0 : 1);
    }

    @Override
    public void setTrace(SetTraceParams params) {
        // no trace output: nothing to switch
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    // ---------------------------------------------------------------- documents

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        if (d == null || d.getUri() == null) {
            return;
        }
        String languageId = d.getLanguageId() == null ? "" : d.getLanguageId();
        if (!SockoptKnowledge.supports(languageId, d.getUri())) {
            return;
        }
        TextDocument doc = new TextDocument(d.getUri(), languageId, d.getVersion(),
                d.getText() == null ? "" : d.getText());
        documents.put(d.getUri(), doc);
        schedule(doc);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (params.getTextDocument() == null || params.getTextDocument().getUri() == null
                || params.getContentChanges() == null) {
            return;
        }
        TextDocument doc = documents.get(params.getTextDocument().getUri());
        if (doc == null) {
            return;
        }
        Integer v = params.getTextDocument().getVersion();
        doc.apply(v == null ? doc.snapshot().version() + 1 : v, params.getContentChanges());
        schedule(doc);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        TextDocument doc = params.getTextDocument() == null || params.getTextDocument().getUri() == null ? null
                : documents.get(params.getTextDocument().getUri());
        if (doc != null) {
            schedule(doc);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
            return;
        }
        String uri = params.getTextDocument().getUri();
        if (documents.remove(uri) != null) {
            run(() -> publish(new PublishDiagnosticsParams(uri, List.of())));
        }
    }

    /** Queues a document for analysis unless it is queued already (then the queued task takes the newest text). */
    private void schedule(TextDocument doc) {
        if (doc.markQueued()) {
            run(() -> {
                doc.clearQueued();
                if (documents.get(doc.uri()) != doc) {
                    return;
                }
                Analysis a = analysis(doc);
                if (documents.get(doc.uri()) == doc) {
                    publish(new PublishDiagnosticsParams(doc.uri(), a.diagnostics(settings), a.version()));
                }
            });
        }
    }

    /** The analysis of the document's current text: the kept one if the text did not change, else a new scan. */
    private Analysis analysis(TextDocument doc) {
        TextDocument.Snapshot s = doc.snapshot();
        Analysis kept = doc.analysis(s.revision());
        if (kept != null) {
            return kept;
        }
        Analysis a = new Analysis(s, knowledge.scan(s.uri(), s.languageId(), s.text()));
        doc.keep(a);
        return a;
    }

    private void run(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "analysis failed", e);
                    log(MessageType.Error, "smc-doctor: analysis failed: " + e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped: the connection is closing
        }
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, worker);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidRequest, "the server is shutting down", null)));
        }
    }

    private void publish(PublishDiagnosticsParams p) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(p);
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    // ---------------------------------------------------------------- hover and code actions

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        TextDocument doc = params.getTextDocument() == null || params.getTextDocument().getUri() == null ? null
                : documents.get(params.getTextDocument().getUri());
        if (doc == null || params.getPosition() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return onWorker(() -> {
            Analysis a = analysis(doc);
            int offset = a.index().offset(params.getPosition().getLine(), params.getPosition().getCharacter());
            Optional<OptionUse> use = a.useAt(offset);
            OptionEntry entry;
            int start;
            int end;
            if (use.isPresent()) {
                entry = use.get().entry();
                start = use.get().start();
                end = use.get().end();
            } else {
                int[] word = word(a.text(), offset);
                if (word[1] - word[0] < 4) {
                    return null;
                }
                Optional<OptionEntry> found = knowledge.lookup(a.text().substring(word[0], word[1]));
                if (found.isEmpty()) {
                    return null;
                }
                entry = found.get();
                start = word[0];
                end = word[1];
            }
            String md = Explanations.hover(entry, settings);
            MarkupContent content = markdown ? new MarkupContent(MarkupKind.MARKDOWN, md)
                    : new MarkupContent(MarkupKind.PLAINTEXT, Explanations.plain(md));
            return new Hover(content, a.range(start, end));
        });
    }

    /** The identifier around an offset (letters, digits, '_'): [start, end). */
    private static int[] word(String text, int offset) {
        int s = Math.min(offset, text.length());
        int e = s;
        while (s > 0 && SockoptKnowledge.isWordChar(text.charAt(s - 1))) {
            s--;
        }
        while (e < text.length() && SockoptKnowledge.isWordChar(text.charAt(e))) {
            e++;
        }
        return new int[] {s, e};
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        TextDocument doc = params.getTextDocument() == null || params.getTextDocument().getUri() == null ? null
                : documents.get(params.getTextDocument().getUri());
        if (doc == null || params.getRange() == null || params.getRange().getStart() == null
                || params.getRange().getEnd() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Optional<Syntax> syntax = SockoptKnowledge.syntax(doc.languageId(), doc.uri());
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (syntax.isEmpty() || only != null && !only.isEmpty()
                && only.stream().noneMatch(k -> CodeActionKind.QuickFix.equals(k) || k.isEmpty())) {
            return CompletableFuture.completedFuture(List.of());
        }
        return onWorker(() -> {
            Analysis a = analysis(doc);
            Range r = params.getRange();
            int from = a.index().offset(r.getStart().getLine(), r.getStart().getCharacter());
            int to = a.index().offset(r.getEnd().getLine(), r.getEnd().getCharacter());
            Settings s = settings;
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (OptionUse u : a.uses()) {
                if (u.end() < from || u.start() > to || s.levelOf(u) == Settings.Level.OFF) {
                    continue;
                }
                List<Diagnostic> related = new ArrayList<>();
                if (params.getContext() != null && params.getContext().getDiagnostics() != null) {
                    for (Diagnostic d : params.getContext().getDiagnostics()) {
                        if (Analysis.SOURCE.equals(d.getSource()) && d.getCode() != null && d.getCode().isLeft()
                                && u.subject().equals(d.getCode().getLeft())
                                && a.range(u.start(), u.end()).equals(d.getRange())) {
                            related.add(d);
                        }
                    }
                }
                out.addAll(CodeActions.of(a, u, doc.uri(), syntax.get(), s, related));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- workspace

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object raw = params.getSettings();
        List<String> problems = new ArrayList<>();
        settings = settings.with(raw instanceof JsonElement ? (JsonElement) raw : null, problems);
        problems.forEach(p -> log(MessageType.Warning, "smc-doctor: settings." + p));
        documents.values().forEach(this::schedule);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // the server reads only open documents
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (!SmcDoctorLanguageServer.EXPLAIN_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, "unknown command '" + params.getCommand() + "'; this server has "
                    + SmcDoctorLanguageServer.EXPLAIN_COMMAND, null)));
        }
        String subject = firstArgument(params.getArguments());
        Settings s = settings;
        Optional<OptionEntry> entry = knowledge.lookup(subject);
        String markdownText;
        String line;
        if (entry.isPresent()) {
            markdownText = Explanations.explain(entry.get(), s);
            line = Explanations.summary(entry.get(), s);
        } else {
            List<ReasonCode> codes = subject.isBlank() ? List.of() : knowledge.catalog().reasonCodes(subject);
            if (codes.isEmpty()) {
                List<String> near = subject.isBlank() ? List.of() : knowledge.suggestions(subject);
                return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                        ResponseErrorCode.InvalidParams, "unknown socket option or reason code '" + subject + "'"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"), null)));
            }
            markdownText = Explanations.reasonCodes(codes, s.language());
            line = codes.get(0).hex() + ": " + codes.get(0).title().get(s.language());
        }
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(MessageType.Info, line));
        }
        return CompletableFuture.completedFuture(markdownText);
    }

    /** The first argument as text: a string, or the {@code option} member of an object. */
    private static String firstArgument(@Nullable List<Object> args) {
        if (args == null || args.isEmpty() || args.get(0) == null) {
            return "";
        }
        Object a = args.get(0);
        if (a instanceof JsonPrimitive) {
            return ((JsonPrimitive) a).getAsString();
        }
        if (a instanceof JsonObject && ((JsonObject) a).get("option") instanceof JsonPrimitive) {
            return ((JsonObject) a).get("option").getAsString();
        }
        return a.toString();
    }
}
