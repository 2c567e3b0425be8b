package dev.td.mcp;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/** A Helidon WebServer on a random port serving the {@link TestTools} over one of the transports. */
final class McpTestServer implements AutoCloseable {

    enum Kind {
        STREAMABLE,
        SSE
    }

    private static final McpSchema.ServerCapabilities CAPABILITIES =
            McpSchema.ServerCapabilities.builder().tools(true).logging().build();

    final Kind kind;
    final McpSyncServer mcp;
    final WebServer web;
    private final IntSupplier sessionCount;

    private McpTestServer(Kind kind, McpSyncServer mcp, HttpService transport, IntSupplier sessionCount) {
        this.kind = kind;
        this.mcp = mcp;
        this.sessionCount = sessionCount;
        this.web = WebServer.builder()
                .port(0)
                .routing(r -> r.register(transport))
                .build()
                .start();
    }

    /** Heartbeat short enough that every test sees SSE keep-alive comments on its streams. */
    static final Duration HEARTBEAT = Duration.ofMillis(100);

    static McpTestServer streamable(McpRequestGuard guard) {
        return streamable(guard, Duration.ofMinutes(30));
    }

    static McpTestServer streamable(McpRequestGuard guard, Duration idleTimeout) {
        var transport = HelidonStreamableTransportProvider.builder()
                .guard(guard)
                .heartbeat(HEARTBEAT)
                .idleTimeout(idleTimeout)
                .build();
        return new McpTestServer(
                Kind.STREAMABLE,
                McpServer.sync(transport)
                        .serverInfo("td-test", "1.0.0")
                        .capabilities(CAPABILITIES)
                        .tools(TestTools.loggingTool(), TestTools.whoAmITool())
                        .build(),
                transport,
                transport::sessionCount);
    }

    static McpTestServer sse(McpRequestGuard guard) {
        var transport = HelidonSseTransportProvider.builder()
                .guard(guard)
                .heartbeat(HEARTBEAT)
                .build();
        return new McpTestServer(
                Kind.SSE,
                McpServer.sync(transport)
                        .serverInfo("td-test", "1.0.0")
                        .capabilities(CAPABILITIES)
                        .tools(TestTools.loggingTool(), TestTools.whoAmITool())
                        .build(),
                transport,
                transport::sessionCount);
    }

    /** Number of sessions the transport has open, read without touching any of them. */
    int sessionCount() {
        return sessionCount.getAsInt();
    }

    String baseUrl() {
        return "http://localhost:" + web.port();
    }

    /** Where a raw JSON-RPC POST goes: the Streamable endpoint, or the message endpoint of no session. */
    String postUrl() {
        return kind == Kind.STREAMABLE ? baseUrl() + "/mcp" : baseUrl() + "/message?sessionId=none";
    }

    /** The SDK's own client for this transport, optionally sending a bearer token. */
    McpClient.SyncSpec client(Optional<String> bearer) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        bearer.ifPresent(token -> requests.header("Authorization", "Bearer " + token));
        var transport = switch (kind) {
            case STREAMABLE ->
                HttpClientStreamableHttpTransport.builder(baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(requests)
                        .build();
            case SSE -> sseClient(baseUrl(), requests);
        };
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10));
    }

    /**
     * The SDK's client for the older HTTP+SSE transport. The SDK deprecates it together with that
     * transport and offers no replacement, yet it is the only client that speaks what
     * {@link HelidonSseTransportProvider} serves, so the deprecation is suppressed here only.
     */
    @SuppressWarnings("deprecation")
    private static McpClientTransport sseClient(String baseUrl, HttpRequest.Builder requests) {
        return HttpClientSseClientTransport.builder(baseUrl)
                .requestBuilder(requests)
                .build();
    }

    @Override
    public void close() {
        mcp.close();
        web.stop();
    }
}
