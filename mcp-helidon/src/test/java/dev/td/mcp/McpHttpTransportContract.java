package dev.td.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.HeaderNames;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What both HTTP transports must do, exercised with the SDK's own client over real HTTP.
 * Subclasses say which transport to start.
 */
abstract class McpHttpTransportContract {

    /** What an application's auth layer might return: a record, so that equal keys give equal principals. */
    record ApiKeyUser(String name) {}

    static final McpRequestAuthenticator BEARER = request -> request.headers()
            .first(HeaderNames.AUTHORIZATION)
            .filter(value -> value.startsWith("Bearer key-"))
            .map(value -> new ApiKeyUser(value.substring("Bearer key-".length())));

    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private @Nullable McpTestServer server;

    abstract McpTestServer start(McpRequestGuard guard);

    McpTestServer server(McpRequestGuard guard) {
        McpTestServer started = start(guard);
        server = started;
        return started;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sdkClientInitializesAndListsTools() {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        try (McpSyncClient client = server.client(Optional.empty()).build()) {
            McpSchema.InitializeResult init = client.initialize();

            assertThat(init.serverInfo().name()).isEqualTo("td-test");
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("log_then_answer", "who_am_i");
        }
    }

    @Test
    void logNotificationSentDuringToolCallReachesTheClient() {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        try (McpSyncClient client =
                server.client(Optional.empty()).loggingConsumer(logs::add).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(callWithoutArguments("log_then_answer"));

            assertThat(TestTools.text(result)).isEqualTo("done");
            assertThat(logs)
                    .extracting(McpSchema.LoggingMessageNotification::data)
                    .contains(TestTools.LOG_LINE);
        }
    }

    @Test
    void sessionSurvivesKeepAliveCommentsOnItsStreams() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        try (McpSyncClient client = server.client(Optional.empty()).build()) {
            client.initialize();
            Thread.sleep(McpTestServer.HEARTBEAT.multipliedBy(4).toMillis());

            McpSchema.CallToolResult result = client.callTool(callWithoutArguments("log_then_answer"));

            assertThat(TestTools.text(result)).isEqualTo("done");
        }
    }

    @Test
    void toolHandlerReadsTheAuthenticatedPrincipalFromTheTransportContext() {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withAuthenticator(BEARER));
        try (McpSyncClient client = server.client(Optional.of("key-ada")).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(callWithoutArguments("who_am_i"));

            assertThat(TestTools.text(result)).isEqualTo("ApiKeyUser[name=ada]");
        }
    }

    @Test
    void sdkClientWithoutCredentialsCannotInitialize() {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withAuthenticator(BEARER));
        try (McpSyncClient client = server.client(Optional.empty())
                .initializationTimeout(Duration.ofSeconds(2))
                .build()) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void missingBearerIsRefusedWith401AndABearerChallenge() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withAuthenticator(BEARER));

        HttpResponse<String> response = post(server, INITIALIZE, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void foreignOriginIsRefusedWith403() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());

        assertThat(post(server, INITIALIZE, Map.of("Origin", "http://evil.example.com"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void foreignHostIsRefusedWith403() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        assertThat(RawHttp.post(server.web.port(), pathOf(server), "evil.example.com", INITIALIZE))
                .isEqualTo(403);
    }

    @Test
    void hostAllowedByConfigurationIsAccepted() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withAllowedHosts("td.example.com"));

        assertThat(RawHttp.post(server.web.port(), pathOf(server), "td.example.com", INITIALIZE))
                .isNotEqualTo(403);
        assertThat(post(server, INITIALIZE, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withMaxBodyBytes(1024));
        String body = INITIALIZE.replace("\"raw\"", "\"" + "x".repeat(2048) + "\"");

        assertThat(post(server, body, Map.of()).statusCode()).isEqualTo(413);
    }

    private static McpSchema.CallToolRequest callWithoutArguments(String tool) {
        return McpSchema.CallToolRequest.builder(tool).arguments(Map.of()).build();
    }

    private static String pathOf(McpTestServer server) {
        URI uri = URI.create(server.postUrl());
        return uri.getRawPath()
                + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    HttpResponse<String> post(McpTestServer server, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.postUrl()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
