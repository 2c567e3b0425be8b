package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.McpRequests;
import dev.td.testkit.SchemaFuzzer;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What connecting td costs an agent: the whole {@code tools/list} as td sends it over Streamable HTTP stays within
 * 39,700 characters (about 9,500 tokens), while every tool keeps a description, an exact input schema and an output
 * schema that real answers pass.
 */
class ToolListBudgetTest {

    /**
     * The budget of issue #10 (the leanest peers send ~30k characters for ~20 tools), raised by 2,000 in issue #13
     * for the {@code person} argument (~100 characters) that 17 of the default tools gained: a coach's agent names
     * the athlete whose data it reads; and by 3,500 in issue #14 for the {@code insights} toolset (get_correlations,
     * compare_periods, what_if), each one call where an agent needed several and its own arithmetic; by 1,200 in
     * issue #14 for get_anomalies and get_insights (~570 characters each as listed); and by 3,000 in issue #14 for
     * {@code as_of} and {@code as_known_at} (~180 characters) on the 15 default reads of a person's record: "June
     * 2025" and "what did td know on the 3rd" in one call.
     */
    static final int BUDGET_CHARACTERS = 39_700;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** A client of every toolset: the checks of each tool's description and schemas cover all tools. */
    static McpSyncClient client() {
        return McpClients.streamable(server, "/mcp/x/all", TestServer.OWNER_KEY, Map.of());
    }

    @Test
    void theToolListAClientGetsWithoutPickingToolsetsFitsTheBudget() throws Exception {
        String sent = rawToolsList("/mcp");
        String all = rawToolsList("/mcp/x/all");
        McpSchema.ListToolsResult listed;
        try (McpSyncClient client = McpClients.owner(server)) {
            listed = client.listTools();
        }
        String asTheSdkReadsIt = McpJsonDefaults.getMapper().writeValueAsString(listed);
        String verbatim = McpJsonDefaults.getMapper()
                .writeValueAsString(McpSchema.ListToolsResult.builder(server.core().tools().manifests().stream()
                                .map(ToolListBudgetTest::verbatim)
                                .toList())
                        .build());
        Toolsets toolsets = Toolsets.of(server.core().tools().manifests());
        List<String> byDefault = server.core().tools().manifests().stream()
                .map(ToolManifest::name)
                .filter(t -> toolsets.offers(toolsets.byDefault(), t))
                .toList();
        System.out.printf(
                "tools/list by default: %d tools, %,d characters as sent (%,d as the SDK client reads it); all %d tools"
                        + " (/mcp/x/all): %,d; the manifests verbatim (full envelope output schemas, $defs, titles, every"
                        + " hint) would be %,d%n",
                listed.tools().size(),
                sent.length(),
                asTheSdkReadsIt.length(),
                server.core().tools().manifests().size(),
                all.length(),
                verbatim.length());
        assertThat(listed.tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(byDefault);
        assertThat(byDefault)
                .as("logging, reading back, correcting and the whole record are there by default")
                .contains("log_workout", "get_training_load", "report_injury", "correct_event", "get_profile")
                .doesNotContain(
                        "stats_describe",
                        "stats_regression",
                        "list_exercises",
                        "create_exercise",
                        "start_program",
                        "log_events");
        assertThat(sent.length()).as("tools/list response body").isLessThanOrEqualTo(BUDGET_CHARACTERS);
        assertThat(asTheSdkReadsIt.length()).isLessThanOrEqualTo(BUDGET_CHARACTERS);
    }

    @Test
    void everyToolIsDescribedAndTakesAnObjectSchemaWithoutReferences() {
        try (McpSyncClient client = client()) {
            for (McpSchema.Tool tool : client.listTools().tools()) {
                assertThat(tool.description()).as(tool.name()).isNotBlank();
                assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
                // clients such as the MCP Inspector's forms cannot follow $ref; td's definitions are used once per tool
                assertThat(Json.mapper().valueToTree(tool.inputSchema()).findValues("$ref"))
                        .as(tool.name())
                        .isEmpty();
                ToolManifest manifest = server.core().tools().manifests().stream()
                        .filter(m -> m.name().equals(tool.name()))
                        .findFirst()
                        .orElseThrow();
                // hints a client acts on, each as the manifest says (absent where the spec's default says it)
                assertThat(Boolean.TRUE.equals(tool.annotations().readOnlyHint()))
                        .as(tool.name())
                        .isEqualTo(manifest.annotations().readOnly());
                if (!manifest.annotations().readOnly()) {
                    assertThat(tool.annotations().destructiveHint())
                            .as(tool.name())
                            .isEqualTo(manifest.annotations().destructive());
                    assertThat(Boolean.TRUE.equals(tool.annotations().idempotentHint()))
                            .as(tool.name())
                            .isEqualTo(manifest.annotations().idempotent());
                }
                assertThat(tool.annotations().openWorldHint()).as(tool.name()).isFalse();
            }
        }
    }

    @Test
    void theServedInputSchemasAcceptExactlyWhatTheManifestsAccept() {
        SchemaFuzzer fuzzer = new SchemaFuzzer(20261129L);
        try (McpSyncClient client = client()) {
            for (McpSchema.Tool tool : client.listTools().tools()) {
                ToolManifest manifest = server.core().tools().manifests().stream()
                        .filter(m -> m.name().equals(tool.name()))
                        .findFirst()
                        .orElseThrow();
                ArgumentValidator served =
                        ArgumentValidator.of(Json.mapper().valueToTree(tool.inputSchema()), tool.name() + " served");
                ArgumentValidator contract = ArgumentValidator.of(manifest.inputSchema(), tool.name() + " manifest");
                for (ToolManifest.Example example : manifest.examples()) {
                    assertThat(served.violations(example.arguments()))
                            .as(tool.name() + ": " + example.title())
                            .isEmpty();
                }
                int accepted = 0;
                for (int i = 0; i < 300; i++) {
                    SchemaFuzzer.Case c = fuzzer.next(manifest.inputSchema());
                    if (!c.sendableAsMap()) {
                        continue;
                    }
                    boolean byContract = contract.violations(c.arguments()).isEmpty();
                    accepted += byContract ? 1 : 0;
                    assertThat(served.violations(c.arguments()).isEmpty())
                            .as(tool.name() + " " + c.mutation() + " " + c.arguments())
                            .isEqualTo(byContract);
                }
                System.out.printf(
                        "%s: served and manifest input schemas agree on 300 fuzzed calls (%d valid)%n",
                        tool.name(), accepted);
            }
        }
    }

    @Test
    void realAnswersPassTheServedOutputSchemaAndTheExactOne() throws Exception {
        // log_workout first, so that the reads have a session to show
        Map<String, Map<String, Object>> calls = new java.util.LinkedHashMap<>();
        calls.put(
                "log_workout",
                Map.of(
                        "idempotency_key", "budget-workout",
                        "started_at", "2026-11-20T18:00:00+01:00",
                        "exercises",
                                List.of(Map.of(
                                        "exercise", "bench",
                                        "unit", "kg",
                                        "sets", List.of(Map.of("weight", 100, "reps", 5, "count", 3))))));
        calls.put("get_exercise_progression", Map.of("exercise", "bench"));
        calls.put("list_sessions", Map.of());
        calls.put("get_personal_records", Map.of());
        calls.put(
                "log_events",
                Map.of(
                        "events",
                        List.of(Map.of(
                                "type", "note.recorded",
                                "occurred_at", "2026-11-21T08:00:00+01:00",
                                "data", Map.of("text", "slept well"),
                                "idempotency_key", "budget-add-note"))));
        calls.put("stats_describe", Map.of("values", List.of(1.0, 2.0, 4.0, 8.0)));
        calls.put("get_profile", Map.of());
        calls.put("resolve_exercise", Map.of("name", "Bankdrücken"));
        calls.put(
                "log_metrics",
                Map.of(
                        "idempotency_key", "budget-metrics",
                        "at", "2026-11-21T07:00:00+01:00",
                        "readings",
                                List.of(
                                        Map.of("metric", "weight", "value", 180, "unit", "lb"),
                                        Map.of("metric", "Zyklusphase", "label", "Eisprung"),
                                        Map.of("metric", "grip strength", "value", 52, "unit", "kg"))));
        calls.put("get_metric_series", Map.of("metric", "weight", "from", "2026-11-01", "to", "2026-11-30"));
        calls.put(
                "log_activity",
                Map.of(
                        "idempotency_key",
                        "budget-run",
                        "activity_id",
                        "budget-run-1",
                        "sport",
                        "run",
                        "started_at",
                        "2026-11-19T07:00:00+01:00",
                        "elapsed",
                        "52:30",
                        "distance",
                        10,
                        "avg_hr",
                        155,
                        "hr_zones",
                        List.of(Map.of("zone", 2, "min_bpm", 120, "max_bpm", 140, "seconds", 600)),
                        "laps",
                        List.of(Map.of("distance", 5, "elapsed", "26:00", "avg_hr", 150)),
                        "samples",
                        Map.of("time_s", List.of(0, 1, 2), "hr", java.util.Arrays.asList(150, null, 152))));
        calls.put("list_activities", Map.of());
        calls.put("get_activity", Map.of("activity_id", "budget-run-1"));
        calls.put("get_endurance_progression", Map.of("sport", "run"));
        calls.put(
                "report_injury",
                Map.of("idempotency_key", "budget-knee", "body_part", "linkes Knie", "severity", "mild", "pain", 3));
        calls.put("get_injuries", Map.of());
        calls.put(
                "start_program",
                Map.of("idempotency_key", "budget-plan", "name", "5/3/1", "phase", "base", "sessions_per_week", 3));
        calls.put("change_program_phase", Map.of("idempotency_key", "budget-phase", "phase", "build"));
        calls.put("get_program", Map.of());
        calls.put("add_note", Map.of("idempotency_key", "budget-add", "text", "new shoes", "tags", List.of("gear")));
        calls.put("get_training_load", Map.of("period", "last 4 weeks"));
        calls.put("get_evidence", Map.of("exercise", "bench", "at_least", 90, "before", "2026-11-25"));
        calls.put(
                "compare_periods",
                Map.of("exercise", "bench", "periods", "2026-10-01..2026-10-31 vs 2026-11-01..2026-11-30"));
        calls.put("get_anomalies", Map.of());
        calls.put("get_insights", Map.of("limit", 20));
        try (McpSyncClient client = client()) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            for (Map.Entry<String, Map<String, Object>> call : calls.entrySet()) {
                String tool = call.getKey();
                McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(tool, call.getValue()));
                assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
                JsonNode answer = Json.mapper().valueToTree(result.structuredContent());
                JsonNode served = Json.mapper()
                        .valueToTree(tools.stream()
                                .filter(t -> t.name().equals(tool))
                                .findFirst()
                                .orElseThrow()
                                .outputSchema());
                assertThat(ArgumentValidator.of(served, tool + " answer").violations(answer))
                        .as(tool)
                        .isEmpty();
                McpSchema.ReadResourceResult exact =
                        client.readResource(McpRequests.readResource("td://tools/" + tool + "/output-schema"));
                JsonNode exactSchema = Json.mapper()
                        .readTree(((McpSchema.TextResourceContents)
                                        exact.contents().getFirst())
                                .text());
                assertThat(ArgumentValidator.of(exactSchema, tool + " answer").violations(answer))
                        .as(tool + " against its exact schema")
                        .isEmpty();
                // a wrong answer is caught by the served schema: it is a check, not decoration
                assertThat(ArgumentValidator.of(served, tool + " answer")
                                .violations(Json.mapper().createObjectNode().set("data", answer.get("data"))))
                        .as(tool + " without context and meta")
                        .isNotEmpty();
            }
        }
    }

    /** The tool as td listed it before the list was made compact: the manifest's schemas and hints as they are. */
    private static McpSchema.Tool verbatim(ToolManifest m) {
        return McpSchema.Tool.builder(m.name(), Json.mapper().convertValue(PortableSchema.of(m.inputSchema()), MAP))
                .title(m.title())
                .description(m.description())
                .outputSchema(Json.mapper().convertValue(PortableSchema.of(m.envelopeSchema()), MAP))
                .annotations(new McpSchema.ToolAnnotations(
                        m.title(),
                        m.annotations().readOnly(),
                        m.annotations().destructive(),
                        m.annotations().idempotent(),
                        m.annotations().openWorld(),
                        null))
                .build();
    }

    /** The tools/list response body exactly as td sends it, from a session opened by hand over HTTP. */
    static String rawToolsList(String endpoint) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> init = http.send(
                post(
                        endpoint,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"budget\",\"version\":\"1\"}}}",
                        java.util.Optional.empty()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(
                post(
                        endpoint,
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        java.util.Optional.of(session)),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> list = http.send(
                post(
                        endpoint,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                        java.util.Optional.of(session)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return list.body();
    }

    private static HttpRequest post(String endpoint, String body, java.util.Optional<String> session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + endpoint))
                .header("Authorization", "Bearer " + TestServer.OWNER_KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        session.ifPresent(id -> b.header("Mcp-Session-Id", id));
        return b.build();
    }
}
