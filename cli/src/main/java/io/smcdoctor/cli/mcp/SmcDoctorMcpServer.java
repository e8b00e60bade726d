package io.smcdoctor.cli.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.smcdoctor.catalog.internal.JsonOutput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The SMC Doctor MCP server: JSON-RPC over a pair of streams (stdin/stdout for {@code smc-doctor mcp}), built with
 * the official MCP Java SDK ({@code McpServer.sync} + {@code StdioServerTransportProvider}).
 *
 * <p>Tools: {@code diagnose}, {@code explain_reason_code}, {@code sockopt_support}, {@code ask_smc_question}; each
 * declares a JSON schema for its input and returns the CLI's JSON as structured content (and as text for clients
 * that only show text). Resources: the knowledge ({@link KnowledgeResources}: reason codes, socket options, sysctls,
 * smc-tools commands, kernel features, known bugs, applications). Prompt: {@code diagnose_host}
 * ({@link DiagnosePrompt}). Nothing but protocol messages is written to the output stream.
 */
public final class SmcDoctorMcpServer implements AutoCloseable {
    /** The server name announced in {@code initialize}. */
    public static final String NAME = "smc-doctor";

    private final McpSyncServer server;
    private final CountDownLatch inputClosed;

    private SmcDoctorMcpServer(McpSyncServer server, CountDownLatch inputClosed) {
        this.server = server;
        this.inputClosed = inputClosed;
    }

    /**
     * Starts serving on the given streams; returns at once (the SDK reads the input on its own thread).
     *
     * @param in      requests from the client, one JSON-RPC message per line
     * @param out     responses to the client
     * @param tools   the work behind the tools
     * @param version the version announced in {@code initialize}
     */
    public static SmcDoctorMcpServer start(InputStream in, OutputStream out, SmcDoctorTools tools, String version) {
        return start(in, out, tools, SmcDoctorKnowledge.NONE, version);
    }

    /**
     * Starts serving on the given streams with the knowledge as resources; returns at once.
     *
     * @param in        requests from the client, one JSON-RPC message per line
     * @param out       responses to the client
     * @param tools     the work behind the tools
     * @param knowledge the entries behind the resources
     * @param version   the version announced in {@code initialize}
     */
    public static SmcDoctorMcpServer start(InputStream in, OutputStream out, SmcDoctorTools tools,
                                           SmcDoctorKnowledge knowledge, String version) {
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(version, "version");
        CountDownLatch closed = new CountDownLatch(1);
        KnowledgeResources resources = new KnowledgeResources(knowledge);
        McpJsonMapper mapper = new JacksonMcpJsonMapper(JsonOutput.mapper());
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, new EofWatch(in, closed), out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(NAME, version)
                .jsonMapper(mapper)
                .instructions("SMC Doctor explains Linux SMC (AF_SMC, SMC-R, SMC-D) problems: use diagnose for "
                        + "evidence (smcss, dmesg, sysctl output or a bundle), explain_reason_code for codes such as "
                        + "0x03030000, sockopt_support for socket options, ask_smc_question for anything else "
                        + "(sysctls, smc-tools output, kernel versions, known bugs). The prompt diagnose_host says how "
                        + "to collect evidence; resources smc-doctor://reason-codes, ://sysctls, ://tools, ... hold "
                        + "the knowledge as JSON.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                .requestTimeout(Duration.ofMinutes(2))
                .tools(new ToolSpecs(mapper, tools).all())
                .resources(resources.indexes())
                .resourceTemplates(resources.templates())
                .prompts(DiagnosePrompt.spec())
                .build();
        return new SmcDoctorMcpServer(server, closed);
    }

    /** Names of the tools served. */
    public static List<String> toolNames() {
        return List.of(ToolSpecs.DIAGNOSE, ToolSpecs.EXPLAIN, ToolSpecs.SOCKOPT, ToolSpecs.ASK);
    }

    /** Blocks until the client closes the input stream (end of session). */
    public void awaitInputClosed() throws InterruptedException {
        inputClosed.await();
    }

    /** Waits up to {@code timeout} for the client to close the input; true if it did. */
    public boolean awaitInputClosed(Duration timeout) throws InterruptedException {
        return inputClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.closeGracefully();
    }

    @Override
    public String toString() {
        return toolNames().stream().collect(Collectors.joining(", ", "SmcDoctorMcpServer[", "]"));
    }

    /** Counts down a latch when the wrapped stream reaches end of input or fails. */
    private static final class EofWatch extends FilterInputStream {
        private final CountDownLatch closed;

        EofWatch(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return watch(() -> super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return watch(() -> super.read(b, off, len));
        }

        private int watch(IoRead r) throws IOException {
            try {
                int n = r.read();
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            } catch (IOException e) {
                closed.countDown();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
