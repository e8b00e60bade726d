package io.smcdoctor.cli.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport over a pair of streams (newline-delimited JSON-RPC, as stdio), so tests can drive the real
 * server in-process with the SDK's own client. {@link #connectedPair} wires server and client through two NIO pipes
 * (unlike PipedInputStream they do not care which thread writes).
 */
public final class StreamClientTransport implements McpClientTransport {
    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    private final InputStream fromServer;
    private final OutputStream toServer;
    private volatile boolean closing;

    StreamClientTransport(InputStream fromServer, OutputStream toServer) {
        this.fromServer = fromServer;
        this.toServer = toServer;
    }

    /** A server and a connected, not yet initialised, SDK client. */
    public record Session(SmcDoctorMcpServer server, McpSyncClient client, OutputStream clientOut) implements AutoCloseable {
        @Override
        public void close() {
            client.closeGracefully();
            server.close();
        }
    }

    /** Starts the server over the tools and connects a sync client to it. */
    public static Session connectedPair(SmcDoctorTools tools) {
        return connectedPair(tools, SmcDoctorKnowledge.NONE);
    }

    /** Starts the server over the tools and the knowledge (resources) and connects a sync client to it. */
    public static Session connectedPair(SmcDoctorTools tools, SmcDoctorKnowledge knowledge) {
        try {
            Pipe c2s = Pipe.open();
            Pipe s2c = Pipe.open();
            InputStream serverIn = Channels.newInputStream(c2s.source());
            OutputStream clientOut = Channels.newOutputStream(c2s.sink());
            InputStream clientIn = Channels.newInputStream(s2c.source());
            OutputStream serverOut = Channels.newOutputStream(s2c.sink());
            SmcDoctorMcpServer server = SmcDoctorMcpServer.start(serverIn, serverOut, tools, knowledge, "test");
            McpSyncClient client = McpClient.sync(new StreamClientTransport(clientIn, clientOut))
                    .requestTimeout(Duration.ofSeconds(30))
                    .clientInfo(new McpSchema.Implementation("test-client", "1.0"))
                    .build();
            return new Session(server, client, clientOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    McpSchema.JSONRPCMessage msg = McpSchema.deserializeJsonRpcMessage(mapper, line);
                    handler.apply(Mono.just(msg)).subscribe();
                }
            } catch (IOException e) {
                if (!closing) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "mcp-test-client-reader");
        reader.setDaemon(true);
        reader.start();
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] json = (mapper.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (toServer) {
                    toServer.write(json);
                    toServer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            try {
                toServer.close();
            } catch (IOException e) {
                // already closed
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }
}
