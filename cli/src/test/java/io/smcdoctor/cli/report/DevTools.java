package io.smcdoctor.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.html.Chromium;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol (the JDK's WebSocket client, nothing else): for what a page
 * load alone cannot show, such as clicking a copy button as a user would and reading the clipboard back. One browser
 * per instance, one page, a fresh profile; {@link #close()} ends the browser.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration STEP = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private DevTools(Process process, Path profile, String endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), new Listener()).join();
    }

    /** Starts the browser on a page and attaches to it. */
    static DevTools open(Chromium chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("smc-doctor-devtools-");
        List<String> cmd = new ArrayList<>();
        cmd.add(chromium.executable().toString());
        cmd.addAll(Chromium.baseFlags(profile));
        cmd.addAll(List.of("--remote-debugging-port=0",
                "--window-size=" + Chromium.WIDTH + "," + Chromium.HEIGHT, page.toAbsolutePath().toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("chromium exited before DevTools listened"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            DevTools dt = new DevTools(p, profile, endpoint.get(STEP.toSeconds(), TimeUnit.SECONDS));
            dt.attach();
            return dt;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Chromium.kill(p);
            Chromium.delete(profile);
            String tail;
            synchronized (lines) {
                tail = Chromium.tail(String.join("\n", lines));
            }
            throw new IllegalStateException("DevTools did not start: " + e.getMessage() + "; log: " + tail, e);
        }
    }

    private void attach() {
        String target = null;
        for (JsonNode t : browser("Target.getTargets", MAPPER.createObjectNode()).path("targetInfos")) {
            if (t.path("type").asText().equals("page")) {
                target = t.path("targetId").asText();
            }
        }
        if (target == null) {
            throw new IllegalStateException("no page target");
        }
        ObjectNode params = MAPPER.createObjectNode().put("targetId", target).put("flatten", true);
        session = browser("Target.attachToTarget", params).path("sessionId").asText();
    }

    /** A browser-level command; its result. */
    JsonNode browser(String method, ObjectNode params) {
        return send(method, params, null);
    }

    /** A command to the page; its result. */
    JsonNode page(String method, ObjectNode params) {
        return send(method, params, session);
    }

    /** Lets the page read and write the clipboard (a user would be asked once). */
    void grantClipboard() {
        ObjectNode params = MAPPER.createObjectNode();
        params.putArray("permissions").add("clipboardReadWrite").add("clipboardSanitizedWrite");
        browser("Browser.grantPermissions", params);
    }

    /** Renders the page as for printing ({@code @media print}); no print dialog, no print events. */
    void emulatePrint() {
        page("Emulation.setEmulatedMedia", MAPPER.createObjectNode().put("media", "print"));
    }

    /**
     * Evaluates an expression in the page as if a user had just clicked (user activation, which the clipboard API
     * needs), waiting for a promise to settle; the value as JSON.
     */
    JsonNode evaluate(String expression) {
        ObjectNode params = MAPPER.createObjectNode().put("expression", expression).put("awaitPromise", true)
                .put("returnByValue", true).put("userGesture", true);
        JsonNode r = send("Runtime.evaluate", params, session);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits until the page finished loading. */
    void awaitLoaded() throws InterruptedException {
        long end = System.nanoTime() + STEP.toNanos();
        while (!evaluate("document.readyState").asText().equals("complete")) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("page did not finish loading within " + STEP.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private JsonNode send(String method, ObjectNode params, String sessionId) {
        int id = ids.incrementAndGet();
        ObjectNode msg = MAPPER.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(msg.toString(), true).join();
        try {
            JsonNode r = reply.get(STEP.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + " failed: " + r.get("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no reply: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            send("Browser.close", MAPPER.createObjectNode(), null);
        } catch (RuntimeException e) {
            // the browser may close the socket before it answers
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Chromium.kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Chromium.kill(process);
        }
        socket.abort();
        Chromium.delete(profile);
    }

    /** Collects frames into messages and completes the command they answer. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = MAPPER.readTree(text.toString());
                    CompletableFuture<JsonNode> f = msg.has("id") ? pending.get(msg.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(msg);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
