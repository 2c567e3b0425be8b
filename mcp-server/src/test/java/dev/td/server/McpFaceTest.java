package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** td's MCP face through the official SDK client, over Streamable HTTP, HTTP+SSE and stdio. */
class McpFaceTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    // The SDK deprecates its HTTP+SSE client with the transport itself; td still serves /sse for older
    // clients, so it is tested with the SDK's own client for it.
    @SuppressWarnings("deprecation")
    private static McpClientTransport transport(String kind) {
        return switch (kind) {
            case "streamable" ->
                HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp/x/all")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder()
                                .header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                        .build();
            case "sse" ->
                HttpClientSseClientTransport.builder(server.baseUrl())
                        .sseEndpoint("/sse")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder()
                                .header("Authorization", "Bearer " + TestServer.OWNER_KEY)
                                .header("X-MCP-Toolsets", "all"))
                        .build();
            case "stdio" -> stdio();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** td-server stdio as a child process, on the test server's database, with every toolset (as HTTP above). */
    private static McpClientTransport stdio() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters params = ServerParameters.builder(java)
                .args(
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "stdio",
                        "--database-url",
                        server.databaseUrl(),
                        "--toolsets",
                        "all")
                .build();
        return new StdioClientTransport(params, McpJsonDefaults.getMapper());
    }

    private static McpSyncClient client(String kind) {
        McpSyncClient client = McpClient.sync(transport(kind))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"streamable", "sse", "stdio"})
    void toolsAreListedWithAnnotationsAndOutputSchemas(String kind) {
        try (McpSyncClient client = client(kind)) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsAll(server.core().tools().manifests().stream()
                            .map(m -> m.name())
                            .toList());
            McpSchema.Tool log = tools.stream()
                    .filter(t -> t.name().equals("log_events"))
                    .findFirst()
                    .orElseThrow();
            assertThat(log.annotations().idempotentHint()).isTrue();
            // not read-only: the spec's default, so not sent
            assertThat(log.annotations().readOnlyHint()).isNull();
            // the envelope every answer is; the exact schema is the resource td://tools/log_events/output-schema
            assertThat(log.outputSchema()).containsEntry("required", List.of("data", "context", "meta"));
            McpSchema.Tool get = tools.stream()
                    .filter(t -> t.name().equals("get_events"))
                    .findFirst()
                    .orElseThrow();
            assertThat(get.annotations().readOnlyHint()).isTrue();
            assertThat(Json.mapper().valueToTree(tools).toString())
                    .as("nullable types are spelled anyOf, for single-type clients")
                    .doesNotContain("\"type\":[");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"streamable", "sse", "stdio"})
    void aLoggedEventComesBackAsStructuredContentAndText(String kind) throws Exception {
        try (McpSyncClient client = client(kind)) {
            Map<String, Object> args = Map.of(
                    "events",
                    List.of(Map.of(
                            "type",
                            "note.recorded",
                            "occurred_at",
                            "2026-11-23T21:00:00+01:00",
                            "data",
                            Map.of("text", "slept badly", "tags", List.of("sleep")),
                            "idempotency_key",
                            "mcp-note-" + kind)));
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("log_events", args));
            assertThat(result.isError()).isFalse();
            JsonNode structured = Json.mapper().valueToTree(result.structuredContent());
            assertThat(structured.at("/data/events/0/metadata/source").asText()).isEqualTo("mcp");
            assertThat(structured.at("/data/events/0/data/text").asText()).isEqualTo("slept badly");
            assertThat(structured.at("/meta/request_id").asText()).isNotEmpty();
            String text = ((McpSchema.TextContent) result.content().getFirst()).text();
            assertThat(Json.mapper().readTree(text)).isEqualTo(structured);
        }
    }

    @Test
    void aToolErrorIsAResultMarkedAsErrorThatNamesTheField() throws Exception {
        long before = server.eventCount();
        try (McpSyncClient client = client("streamable")) {
            Map<String, Object> args = Map.of(
                    "events",
                    List.of(Map.of(
                            "type",
                            "metric.recorded",
                            "occurred_at",
                            "2026-11-23T21:00:00",
                            "time_zone",
                            "Moon/Crater",
                            "data",
                            Map.of("metric", "hrv", "value", 50),
                            "idempotency_key",
                            "mcp-bad-zone")));
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("log_events", args));
            assertThat(result.isError()).isTrue();
            JsonNode error = Json.mapper()
                    .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                    .path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_argument");
            assertThat(error.path("path").asText()).isEqualTo("$.events[0].time_zone");
            assertThat(error.path("message").asText()).contains("IANA");
        }
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void theEventTypeCatalogIsAResource() throws Exception {
        try (McpSyncClient client = client("streamable")) {
            assertThat(client.listResources().resources())
                    .extracting(McpSchema.Resource::uri)
                    .contains("td://event-types");
            McpSchema.ReadResourceResult read = client.readResource(McpRequests.readResource("td://event-types"));
            JsonNode types = Json.mapper()
                    .readTree(((McpSchema.TextResourceContents) read.contents().getFirst()).text());
            assertThat(types.findValuesAsText("type")).contains("metric.recorded", "event.corrected");
        }
    }

    @Test
    void aWorkoutLoggedOverMcpIsAnsweredByProgressionOverMcp() throws Exception {
        try (McpSyncClient client = client("streamable")) {
            Map<String, Object> workout = Map.of(
                    "idempotency_key",
                    "mcp-workout",
                    "started_at",
                    "2026-11-20T18:00:00+01:00",
                    "exercises",
                    List.of(Map.of(
                            "exercise",
                            "Kniebeuge",
                            "unit",
                            "kg",
                            "sets",
                            List.of(Map.of("weight", 140, "reps", 5, "count", 3)))));
            McpSchema.CallToolResult logged = client.callTool(McpRequests.callTool("log_workout", workout));
            assertThat(logged.isError()).as(logged.content().toString()).isFalse();
            JsonNode session = Json.mapper().valueToTree(logged.structuredContent());
            assertThat(session.at("/data/session/exercises/0/exercise_id").asText())
                    .isEqualTo("barbell-back-squat");
            McpSchema.CallToolResult progression =
                    client.callTool(McpRequests.callTool("get_exercise_progression", Map.of("exercise", "squat")));
            JsonNode data = Json.mapper().valueToTree(progression.structuredContent());
            assertThat(data.at("/data/sessions/0/top_set/weight/kg").asDouble()).isEqualTo(140.0);
            assertThat(data.at("/meta/projection_version").isInt()).isTrue();
        }
    }

    @Test
    void aBrowserOnLocalhostMayConnectButAForeignOriginMayNot() {
        String init =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}";
        assertThat(originStatus("http://127.0.0.1:" + server.http().port(), init))
                .isEqualTo(200);
        assertThat(originStatus("http://localhost:3000", init)).isEqualTo(200);
        assertThat(originStatus("https://evil.example", init)).isEqualTo(403);
    }

    private static int originStatus(String origin, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/mcp"))
                    .header("Authorization", "Bearer " + TestServer.OWNER_KEY)
                    .header("Origin", origin)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void promptsGuideAReviewAndExerciseNamesComplete() {
        try (McpSyncClient client = client("streamable")) {
            assertThat(client.listPrompts().prompts())
                    .extracting(McpSchema.Prompt::name)
                    .contains("weekly_review", "exercise_progress");
            McpSchema.GetPromptResult prompt =
                    client.getPrompt(McpRequests.getPrompt("exercise_progress", Map.of("exercise", "Bankdrücken")));
            assertThat(((McpSchema.TextContent) prompt.messages().getFirst().content()).text())
                    .contains("get_exercise_progression", "Bankdrücken");
            McpSchema.CompleteResult completed = client.completeCompletion(
                    McpRequests.completePromptArgument("exercise_progress", "exercise", "bench"));
            assertThat(completed.completion().values())
                    .isNotEmpty()
                    .anySatisfy(v -> assertThat(v).containsIgnoringCase("bench"));
        }
    }

    @Test
    void aClientWithoutAKeyIsRefused() {
        var response = Http.send(
                "POST",
                server.baseUrl() + "/mcp",
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}");
        assertThat(response.status()).isEqualTo(401);
    }
}
