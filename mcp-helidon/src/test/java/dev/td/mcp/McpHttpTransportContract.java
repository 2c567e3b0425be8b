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
    void logNotificationSentDuringToolCallReachesTheClient() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        try (McpSyncClient client =
                server.client(Optional.empty()).loggingConsumer(logs::add).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(callWithoutArguments("log_then_answer"));

            assertThat(TestTools.text(result)).isEqualTo("done");
            // the sync client hands notifications to its consumer on another thread (boundedElastic), so
            // the log line may be delivered just after callTool returns: wait for it, do not race it
            Await.awaitUntil(
                    Duration.ofSeconds(5),
                    () -> logs.stream().anyMatch(log -> TestTools.LOG_LINE.equals(log.data())),
                    "the log line \"" + TestTools.LOG_LINE + "\" reaches the client's logging consumer");
            assertThat(logs)
                    .extracting(McpSchema.LoggingMessageNotification::data)
                    .containsExactly(TestTools.LOG_LINE);
        }
    }

    @Test
    void idleStreamCarriesAKeepAliveCommentEveryHeartbeat() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        try (EventStream stream = openEventStream(server)) {
            assertThat(stream.statusCode()).isEqualTo(200);

            // three heartbeats take 3 x 100 ms; the deadline leaves room for a slow machine, yet a
            // transport with heartbeats off, or on its 25 s default, fails it
            Await.awaitUntil(
                    McpTestServer.HEARTBEAT.multipliedBy(10),
                    () -> stream.count(McpHttpTransportContract::isKeepAlive) >= 3,
                    "three keep-alive comments arrive on the idle stream");
        }
    }

    @Test
    void sessionSurvivesKeepAliveCommentsOnItsStreams() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        try (McpSyncClient client = server.client(Optional.empty()).build()) {
            client.initialize();
            try (EventStream witness = openEventStream(server)) {
                // the client's streams are open alongside this one, so they carry the same comments
                Await.awaitUntil(
                        McpTestServer.HEARTBEAT.multipliedBy(20),
                        () -> witness.count(McpHttpTransportContract::isKeepAlive) >= 4,
                        "four keep-alive comments are sent on the server's streams");
            }

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

        // past the guard: the Streamable transport starts a session; the HTTP+SSE transport's message
        // endpoint knows no session "none"
        int admitted = server.kind == McpTestServer.Kind.STREAMABLE ? 200 : 404;
        assertThat(RawHttp.post(server.web.port(), pathOf(server), "td.example.com", INITIALIZE))
                .isEqualTo(admitted);
        assertThat(post(server, INITIALIZE, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withMaxBodyBytes(1024));
        String body = INITIALIZE.replace("\"raw\"", "\"" + "x".repeat(2048) + "\"");

        assertThat(post(server, body, Map.of()).statusCode()).isEqualTo(413);
    }

    /** An SSE stream of the transport with nothing to say: a GET listening stream, or the HTTP+SSE stream. */
    private EventStream openEventStream(McpTestServer server) throws Exception {
        return switch (server.kind) {
            case STREAMABLE -> {
                HttpResponse<String> init = post(server, INITIALIZE, Map.of());
                assertThat(init.statusCode()).isEqualTo(200);
                String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
                yield EventStream.open(http, URI.create(server.baseUrl() + "/mcp"), Map.of("Mcp-Session-Id", session));
            }
            case SSE -> EventStream.open(http, URI.create(server.baseUrl() + "/sse"), Map.of());
        };
    }

    /** The comment both transports send after a heartbeat of silence: an SSE comment line, Helidon writes no space. */
    private static boolean isKeepAlive(String line) {
        return ":keep-alive".equals(line);
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
