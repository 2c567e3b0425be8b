package dev.td.server.faces;

import dev.td.testkit.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** The real MCP SDK client over Streamable HTTP to a test server, initialized. */
public final class McpClients {

    private McpClients() {}

    /** As the owner, on {@code /mcp}. */
    public static McpSyncClient owner(TestServer server) {
        return streamable(server, "/mcp", TestServer.OWNER_KEY, Map.of());
    }

    /** As the owner, having picked toolsets on the path ({@code all}, {@code stats}…: {@code /mcp/x/{toolsets}}). */
    public static McpSyncClient owner(TestServer server, String toolsets) {
        return streamable(server, "/mcp/x/" + toolsets, TestServer.OWNER_KEY, Map.of());
    }

    /** With {@code key}, on {@code /mcp}. */
    public static McpSyncClient as(TestServer server, String key) {
        return streamable(server, "/mcp", key, Map.of());
    }

    /** With {@code key}, on {@code /mcp}, handing every progress notification to {@code progress}. */
    public static McpSyncClient withProgress(
            TestServer server, String key, java.util.function.Consumer<McpSchema.ProgressNotification> progress) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress)
                .build();
        client.initialize();
        return client;
    }

    static McpSyncClient streamable(TestServer server, String endpoint, String key, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint(endpoint)
                        .requestBuilder(request)
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }
}
