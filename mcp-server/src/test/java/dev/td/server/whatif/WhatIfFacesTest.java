package dev.td.server.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.CliRun;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One what-if through the MCP SDK client (Streamable HTTP), REST and the td CLI: the same changes, nothing stored. */
class WhatIfFacesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Today as a UTC day: the people here never set a time zone. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** A bench session, a run and a resting heart rate far above ten days around 54 bpm, all proposed for tomorrow. */
    private static String proposal() {
        String day = today().plusDays(1).toString();
        return """
                {"events": [
                  {"type": "session.started", "occurred_at": "%1$sT18:00:00Z", "data": {"session_id": "faces"}},
                  {"type": "set.logged", "occurred_at": "%1$sT18:20:00Z", "data": {"session_id": "faces",
                    "exercise": "bench", "exercise_id": "barbell-bench-press", "set_type": "working",
                    "weight": {"value": 130, "unit": "kg"}, "reps": 3}},
                  {"type": "session.ended", "occurred_at": "%1$sT19:00:00Z", "data": {"session_id": "faces",
                    "session_rpe": 8}},
                  {"type": "activity.logged", "occurred_at": "%1$sT07:30:00Z", "data": {"activity_id": "faces-run",
                    "sport": "run", "elapsed_s": 3000, "rpe": 6}},
                  {"type": "metric.recorded", "occurred_at": "%1$sT07:00:00Z", "data": {"metric": "resting_hr",
                    "value": 75, "unit": "bpm"}}
                ]}""".formatted(day);
    }

    private static void history() {
        Http.Answer w = Http.send("POST", server.baseUrl() + "/v1/workouts", TestServer.OWNER_KEY, """
                {"idempotency_key": "faces-w1", "started_at": "%sT18:00:00Z", "ended_at": "%sT19:00:00Z",
                 "session_rpe": 7, "exercises": [{"exercise": "bench", "unit": "kg", "sets": [{"weight": 125, "reps": 3}]}]}""".formatted(
                        today().minusDays(5), today().minusDays(5)));
        assertThat(w.status()).as(w.body().toString()).isEqualTo(200);
        double[] bpm = {52, 53, 54, 55, 56, 52, 53, 54, 55, 56};
        for (int i = 0; i < bpm.length; i++) {
            Http.Answer m = Http.send("POST", server.baseUrl() + "/v1/metrics", TestServer.OWNER_KEY, """
                    {"idempotency_key": "faces-hr-%d", "at": "%sT07:00:00Z",
                     "readings": [{"metric": "resting_hr", "value": %s, "unit": "bpm"}]}""".formatted(
                            i, today().minusDays(9 - i), bpm[i]));
            assertThat(m.status()).as(m.body().toString()).isEqualTo(200);
        }
    }

    @Test
    void theSameWhatIfOverMcpRestAndTheCliGivesTheSameChangesAndStoresNothing() throws Exception {
        history();
        long events = server.eventCount();
        JsonNode arguments = Json.mapper().readTree(proposal());

        JsonNode overMcp;
        JsonNode outputSchema;
        // what_if is in the insights toolset, listed by default and when a client picks insights
        try (McpSyncClient client = McpClients.owner(server, "insights")) {
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("what_if");
            McpSchema.Tool listed = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("what_if"))
                    .findFirst()
                    .orElseThrow();
            assertThat(listed.annotations().readOnlyHint()).isTrue();
            McpSchema.CallToolResult result = client.callTool(
                    McpRequests.callTool("what_if", Json.mapper().convertValue(arguments, MAP)));
            assertThat(result.isError()).as(result.content().toString()).isFalse();
            overMcp = Json.mapper().valueToTree(result.structuredContent());
            McpSchema.ReadResourceResult exact =
                    client.readResource(McpRequests.readResource("td://tools/what_if/output-schema"));
            outputSchema = Json.mapper()
                    .readTree(((McpSchema.TextResourceContents) exact.contents().getFirst()).text());
        }
        Http.Answer overRest = Http.send("POST", server.baseUrl() + "/v1/what-if", TestServer.OWNER_KEY, proposal());
        assertThat(overRest.status()).as(overRest.body().toString()).isEqualTo(200);
        CliRun overCli = CliRun.against(server, proposal(), "what-if", "--input", "-");
        assertThat(overCli.exit()).as(overCli.err()).isZero();

        JsonNode changes = overMcp.at("/data/changes");
        assertThat(overRest.body().at("/data/changes")).isEqualTo(changes);
        assertThat(overCli.json().at("/data/changes")).isEqualTo(changes);
        for (JsonNode answer : new JsonNode[] {overMcp, overRest.body(), overCli.json()}) {
            assertThat(answer.at("/data/stored").asBoolean(true)).isFalse();
            assertThat(ArgumentValidator.of(outputSchema, "what_if answer").violations(answer))
                    .isEmpty();
        }
        // every group has its part: 130 × 3 over 125 × 3 (and Epley 143.0 over 137.5), tomorrow's fatigue, the pulse
        assertThat(changes.at("/records/0/record").asText()).isEqualTo("3rm");
        assertThat(changes.at("/records/1/e1rm/kg").asDouble()).isEqualTo(143.0);
        assertThat(changes.at("/records/1/previous/e1rm/kg").asDouble()).isEqualTo(137.5);
        assertThat(changes.at("/exercises/0/best_e1rm/before/kg").asDouble()).isEqualTo(137.5);
        assertThat(changes.at("/load/date").asText())
                .isEqualTo(today().plusDays(1).toString());
        assertThat(changes.at("/anomalies/0/metric").asText()).isEqualTo("resting_hr");
        assertThat(changes.at("/anomalies/0/robust_z").asDouble()).isEqualTo(14.2);
        assertThat(server.eventCount()).isEqualTo(events);
    }

    @Test
    void theCliSaysWhatTheCommandDoesAndThatItStoresNothing() {
        CliRun help = CliRun.against(server, "", "what-if", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("storing nothing")
                .contains("Scope: training:read or endurance:read or metrics:read or health:read")
                .contains("read-only")
                .contains("--input");
    }
}
