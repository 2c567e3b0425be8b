package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.Main;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client picks the toolsets it pays context for (the X-MCP-Toolsets header, a /mcp/x/{toolsets} URL, --toolsets on
 * stdio), and a key sees only the tools its scopes allow, through the real MCP SDK client.
 */
class ToolsetsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    // the toolsets are the scope families of the manifests; the tools of each are read off the manifests by hand
    private static final Set<String> EVENTS = Set.of("get_events", "correct_event", "void_event", "void_session");
    // the raw log and its audit, a toolset of their own by the manifests' "toolset"
    private static final Set<String> LOG = Set.of("log_events", "get_event_types", "verify_chain", "get_evidence");
    private static final Set<String> STATS =
            Set.of("stats_describe", "stats_compare", "stats_correlate", "stats_trend", "stats_regression");
    private static final Set<String> CATALOG =
            Set.of("list_exercises", "resolve_exercise", "create_exercise", "update_exercise", "archive_exercise");
    private static final Set<String> TRAINING_READ = Set.of(
            "list_sessions",
            "get_session",
            "get_exercise_progression",
            "get_volume",
            "get_personal_records",
            "get_profile",
            "get_training_load",
            "get_overview");
    private static final Set<String> TRAINING_WRITE = Set.of("log_workout", "log_sets", "update_profile");
    private static final Set<String> METRICS = Set.of("log_metrics", "get_metric_series");
    private static final Set<String> ENDURANCE =
            Set.of("log_activity", "list_activities", "get_activity", "get_endurance_progression");
    private static final Set<String> INJURIES = Set.of("report_injury", "resolve_injury", "get_injuries");
    private static final Set<String> ACCOUNT = Set.of(
            "list_keys",
            "create_key",
            "update_key",
            "rotate_key",
            "revoke_key",
            "grant_access",
            "list_grants",
            "revoke_grant",
            "get_access_log");
    private static final Set<String> PROGRAMS = Set.of("start_program", "change_program_phase", "get_program");
    private static final Set<String> NOTES = Set.of("add_note");
    // what is kept ready in the background and questions over time, a toolset of their own, listed by default
    private static final Set<String> INSIGHTS =
            Set.of("get_correlations", "get_anomalies", "get_insights", "compare_periods", "what_if");

    private static McpSyncClient http(String endpoint, String key, Map<String, String> headers) {
        return McpClients.streamable(server, endpoint, key, headers);
    }

    private static List<String> names(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    @Test
    void withoutAPickEveryToolsetButTheOptInOnesIsListedAndTheirToolsStillAnswer() throws Exception {
        try (McpSyncClient client = http("/mcp", TestServer.OWNER_KEY, Map.of())) {
            assertThat(names(client))
                    .containsExactlyInAnyOrderElementsOf(union(
                            EVENTS, TRAINING_READ, TRAINING_WRITE, METRICS, ENDURANCE, INJURIES, NOTES, INSIGHTS));
            // not listed, so an agent pays no context for it, but a client that knows the tool may call it
            McpSchema.CallToolResult described =
                    client.callTool(McpRequests.callTool("stats_describe", Map.of("values", List.of(1, 2, 3))));
            assertThat(described.isError()).as(described.toString()).isFalse();
        }
    }

    @Test
    void allListsEveryTool() {
        try (McpSyncClient client = http("/mcp/x/all", TestServer.OWNER_KEY, Map.of())) {
            assertThat(names(client))
                    .containsExactlyInAnyOrderElementsOf(union(
                            EVENTS,
                            STATS,
                            CATALOG,
                            TRAINING_READ,
                            TRAINING_WRITE,
                            METRICS,
                            ENDURANCE,
                            INJURIES,
                            PROGRAMS,
                            NOTES,
                            LOG,
                            ACCOUNT,
                            INSIGHTS,
                            Set.of("import_file", "get_import", "export_data")));
        }
    }

    @Test
    void theHeaderPicksToolsets() {
        try (McpSyncClient client = http("/mcp", TestServer.OWNER_KEY, Map.of("X-MCP-Toolsets", "stats, Events"))) {
            assertThat(names(client)).containsExactlyInAnyOrderElementsOf(union(STATS, EVENTS));
        }
    }

    @Test
    void thePathPicksToolsets() {
        try (McpSyncClient client = http("/mcp/x/training,catalog", TestServer.OWNER_KEY, Map.of())) {
            assertThat(names(client))
                    .containsExactlyInAnyOrderElementsOf(union(TRAINING_READ, TRAINING_WRITE, CATALOG));
        }
    }

    @Test
    void aToolOfAToolsetNotPickedIsRefusedWhenCalledAnyway() throws Exception {
        long before = server.eventCount();
        try (McpSyncClient client = http("/mcp/x/stats", TestServer.OWNER_KEY, Map.of())) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "log_events",
                    Map.of(
                            "events",
                            List.of(Map.of(
                                    "type", "note.recorded",
                                    "occurred_at", "2026-11-23T21:00:00+01:00",
                                    "data", Map.of("text", "not in stats"),
                                    "idempotency_key", "toolsets-refused")))));
            assertThat(result.isError()).isTrue();
            JsonNode error = Json.mapper()
                    .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                    .path("error");
            assertThat(error.path("code").asText()).isEqualTo("not_found");
            assertThat(error.path("message").asText()).contains("'log'", "X-MCP-Toolsets");
        }
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownToolsetIsRefusedNamingTheOnesThereAre() throws Exception {
        HttpResponse<String> byHeader = initialize("/mcp", Map.of("X-MCP-Toolsets", "training,strength"));
        assertThat(byHeader.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(byHeader.body()).at("/error/message").asText())
                .isEqualTo(
                        "X-MCP-Toolsets: unknown toolset 'strength'; td has account, catalog, endurance, events, imports, injuries, insights, log,"
                                + " metrics, notes, programs, stats, training (or all), separated by commas");
        HttpResponse<String> byPath = initialize("/mcp/x/strength", Map.of());
        assertThat(byPath.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(byPath.body()).at("/error/message").asText())
                .startsWith("/mcp/x/strength: unknown toolset 'strength'");
    }

    @Test
    void aKeyOnlySeesTheToolsItsScopesAllowAndIsRefusedTheOthers() throws Exception {
        String coach = server.core()
                .accounts()
                .createKey(server.core().accounts().localOwner().userId(), "coach", Set.of("training:read"));
        try (McpSyncClient client = http("/mcp", coach, Map.of())) {
            // get_correlations runs under training:read too (it then shows what that scope gives)
            assertThat(names(client)).containsExactlyInAnyOrderElementsOf(union(TRAINING_READ, INSIGHTS));
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "update_profile", Map.of("time_zone", "Europe/Berlin", "idempotency_key", "coach-profile")));
            assertThat(result.isError()).isTrue();
            assertThat(Json.mapper()
                            .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                            .at("/error/code")
                            .asText())
                    .isEqualTo("forbidden");
        }
        // a write scope includes reading (Principal.may): events:write sees the whole events toolset
        String logger = server.core()
                .accounts()
                .createKey(server.core().accounts().localOwner().userId(), "logger", Set.of("events:write"));
        try (McpSyncClient client = http("/mcp", logger, Map.of())) {
            assertThat(names(client)).containsExactlyInAnyOrderElementsOf(EVENTS);
        }
    }

    @Test
    void stdioOffersTheToolsetsGivenOnTheCommandLine() {
        try (McpSyncClient client = stdio("--toolsets", "events")) {
            client.initialize();
            assertThat(names(client)).containsExactlyInAnyOrderElementsOf(EVENTS);
        }
    }

    @Test
    void stdioWithAnUnknownToolsetAnswersTheClientWithTheReason() {
        try (McpSyncClient client = stdio("--toolsets", "strength")) {
            assertThatThrownBy(client::initialize)
                    .hasStackTraceContaining(
                            "--toolsets: unknown toolset 'strength'; td has account, catalog, endurance, events,"
                                    + " imports, injuries, insights, log, metrics, notes, programs, stats, training (or all)");
        }
    }

    /** td-server stdio as a child process, on the test server's database. */
    private static McpSyncClient stdio(String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new java.util.ArrayList<>(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "stdio",
                "--database-url",
                server.databaseUrl()));
        args.addAll(List.of(options));
        McpClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(java).args(args).build(), McpJsonDefaults.getMapper());
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
    }

    private static HttpResponse<String> initialize(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + TestServer.OWNER_KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}"));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
