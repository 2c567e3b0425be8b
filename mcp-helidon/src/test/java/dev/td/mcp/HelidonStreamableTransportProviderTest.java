package dev.td.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HelidonStreamableTransportProviderTest extends McpHttpTransportContract {

    private static final String TOOLS_LIST = """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    McpTestServer start(McpRequestGuard guard) {
        return McpTestServer.streamable(guard);
    }

    @Test
    void initializeIssuesASessionId() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());

        HttpResponse<String> response = post(server, INITIALIZE, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.at("/id").asInt()).isEqualTo(1);
        assertThat(reply.at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(reply.at("/result/serverInfo/name").asText()).isEqualTo("td-test");
    }

    @Test
    void requestWithoutNotificationsIsAnsweredAsPlainJson() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        String session = initialize(server);

        HttpResponse<String> response = post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.at("/id").asInt()).isEqualTo(2);
        assertThat(reply.at("/result/tools").findValuesAsText("name"))
                .containsExactlyInAnyOrder("log_then_answer", "who_am_i");
    }

    @Test
    void requestWithoutSessionIdIsRefusedWith400() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());

        assertThat(post(server, TOOLS_LIST, Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void requestWithUnknownSessionIdIsRefusedWith404() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());

        assertThat(post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", "no-such-session"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void sessionOpenedByOnePrincipalIsUnknownToAnother() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly().withAuthenticator(BEARER));
        String session = initialize(server, Map.of("Authorization", "Bearer key-ada"));

        HttpResponse<String> stolen =
                post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session, "Authorization", "Bearer key-eve"));

        assertThat(stolen.statusCode()).isEqualTo(404);
    }

    @Test
    void deletedSessionIsForgotten() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        String session = initialize(server);

        HttpResponse<String> deleted = http.send(
                request(server, Map.of("Mcp-Session-Id", session)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSessionLeftIdleWithoutDeleteIsEndedAndForgotten() throws Exception {
        try (McpTestServer server = McpTestServer.streamable(McpRequestGuard.localhostOnly(), Duration.ofMillis(300))) {
            String session = initialize(server);
            assertThat(post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session))
                            .statusCode())
                    .isEqualTo(200);

            assertThat(server.sessionCount()).isEqualTo(1);

            // polled without a request, which would count as activity and keep the session alive
            Await.awaitUntil(
                    Duration.ofSeconds(5), () -> server.sessionCount() == 0, "the idle session is ended by the reaper");

            assertThat(post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session))
                            .statusCode())
                    .as("the client went away without DELETE; its session was ended")
                    .isEqualTo(404);
        }
    }

    @Test
    void unsupportedProtocolVersionIsRefusedWith400() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        String session = initialize(server);

        HttpResponse<String> response =
                post(server, TOOLS_LIST, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void localhostOriginOnAnyPortIsAccepted() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());

        assertThat(post(server, INITIALIZE, Map.of("Origin", "http://localhost:5173"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void twoSseGetStreamsOnOneSessionAreOpenAtTheSameTime() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        String session = initialize(server);
        HttpRequest get = request(server, Map.of("Mcp-Session-Id", session, "Accept", "text/event-stream"))
                .GET()
                .build();

        CompletableFuture<HttpResponse<InputStream>> first =
                http.sendAsync(get, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<HttpResponse<InputStream>> second =
                http.sendAsync(get, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> one = first.get(5, TimeUnit.SECONDS);
        HttpResponse<InputStream> two = second.get(5, TimeUnit.SECONDS);

        assertThat(List.of(one.statusCode(), two.statusCode())).containsExactly(200, 200);
        assertThat(List.of(one, two))
                .allSatisfy(stream -> assertThat(stream.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream")));
        one.body().close();
        two.body().close();
    }

    @Test
    void deletingTheSessionEndsItsOpenSseStream() throws Exception {
        McpTestServer server = server(McpRequestGuard.localhostOnly());
        String session = initialize(server);
        HttpResponse<InputStream> stream = http.send(
                request(server, Map.of("Mcp-Session-Id", session, "Accept", "text/event-stream"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        http.send(
                request(server, Map.of("Mcp-Session-Id", session)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());

        CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream.body()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(rest).succeedsWithin(Duration.ofSeconds(5));
    }

    private String initialize(McpTestServer server) throws Exception {
        return initialize(server, Map.of());
    }

    private String initialize(McpTestServer server, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = post(server, INITIALIZE, headers);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static HttpRequest.Builder request(McpTestServer server, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.postUrl()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        headers.forEach(builder::setHeader);
        return builder;
    }
}
