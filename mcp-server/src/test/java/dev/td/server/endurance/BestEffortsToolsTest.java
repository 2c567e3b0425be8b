package dev.td.server.endurance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Best efforts end to end, through the MCP SDK client against a started server: runs logged with laps and with
 * samples, the bests log_activity reports as they are set (with the one each beat), the fastest per distance that
 * get_endurance_progression shows for a period, and the bests a correction or a void gives back. Every answer passes
 * its tool's exact output schema; every expected value is worked out by hand in the comment next to it.
 */
class BestEffortsToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /**
     * Run A, 3 March: five 1 km laps in 4:10, 4:05, 4:00, 4:02, 4:08 (250, 245, 240, 242, 248 s). Best 1k: the third
     * lap, 240 s; best 5k: all five, 250 + 245 + 240 + 242 + 248 = 1225 s = 20:25, 245 s/km = 4:05 /km.
     */
    private static final Map<String, Object> RUN_A = Map.of(
            "idempotency_key", "efforts-a",
            "activity_id", "run-a",
            "sport", "run",
            "started_at", "2026-03-03T07:00:00+01:00",
            "elapsed", "20:25",
            "distance", 5,
            "unit", "km",
            "laps", List.of(lap("4:10"), lap("4:05"), lap("4:00"), lap("4:02"), lap("4:08")));

    /**
     * Run B, 10 March: samples every 500 m over 6 km, the 500 m stretches taking 115, 112, 110, 108, 111, 114, 113,
     * 112, 116, 118, 117, 119 s: elapsed 0, 115, 227, 337, 445, 556, 670, 783, 895, 1011, 1129, 1246, 1365 s. Time is
     * linear in distance between samples and 1 km and 5 km are whole numbers of stretches, so a fastest stretch starts
     * at a sample. Best 1k: two stretches, fastest 110 + 108 = 218 s (1000 to 2000 m) = 3:38 /km. Best 5k: ten
     * stretches, from 0 m 1129 s, from 500 m 1246 - 115 = 1131 s, from 1000 m 1365 - 227 = 1138 s: 1129 s = 18:49,
     * 225.8 s/km = 3:46 /km.
     */
    private static final List<Integer> B_TIMES =
            List.of(0, 115, 227, 337, 445, 556, 670, 783, 895, 1011, 1129, 1246, 1365);

    private static final List<Integer> B_METRES =
            List.of(0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000);

    /** Run C, 17 March: five 1 km laps in 4:10 each: best 1k 250 s, best 5k 1250 s = 20:50; slower than A and B. */
    private static final Map<String, Object> RUN_C = Map.of(
            "idempotency_key", "efforts-c",
            "activity_id", "run-c",
            "sport", "run",
            "started_at", "2026-03-17T07:00:00+01:00",
            "elapsed", "20:50",
            "distance", 5,
            "unit", "km",
            "laps", List.of(lap("4:10"), lap("4:10"), lap("4:10"), lap("4:10"), lap("4:10")));

    private static Map<String, Object> lap(String elapsed) {
        return Map.of("distance", 1, "elapsed", elapsed);
    }

    @Test
    void bestEffortsAreReportedAsSetShownPerPeriodAndGivenBackByCorrectionsAndVoids() throws Exception {
        try (McpSyncClient client = mcp()) {
            // A is the first run: both its efforts are bests, beating nothing
            JsonNode a = call(client, "log_activity", RUN_A);
            JsonNode aSet = a.at("/context/new_best_efforts");
            assertThat(aSet).hasSize(2);
            assertEffort(aSet.get(0), "1k", 1000, 240, "4:00", "run-a", "2026-03-03", "laps");
            assertThat(aSet.get(0).path("previous").isNull()).isTrue();
            assertEffort(aSet.get(1), "5k", 5000, 1225, "20:25", "run-a", "2026-03-03", "laps");
            assertThat(aSet.get(1).at("/pace/per_km").asText()).isEqualTo("4:05");
            // 1225 s over 5000 / 1609.344 = 3.10686 mi: 394.29 s = 6:34 /mi
            assertThat(aSet.get(1).at("/pace/per_mi").asText()).isEqualTo("6:34");
            assertThat(aSet.get(1).path("covered_m").asDouble()).isEqualTo(5000.0);

            // B beats both, each with A's effort as the one beaten
            JsonNode b = call(client, "log_activity", runB("efforts-b", B_TIMES));
            JsonNode bSet = b.at("/context/new_best_efforts");
            assertThat(bSet).hasSize(2);
            assertEffort(bSet.get(0), "1k", 1000, 218, "3:38", "run-b", "2026-03-10", "samples");
            assertThat(bSet.get(0).at("/pace/per_km").asText()).isEqualTo("3:38");
            assertThat(bSet.get(0).has("covered_m"))
                    .as("samples cover the distance exactly")
                    .isFalse();
            assertPrevious(bSet.get(0).path("previous"), 240, "run-a");
            assertEffort(bSet.get(1), "5k", 5000, 1129, "18:49", "run-b", "2026-03-10", "samples");
            assertThat(bSet.get(1).at("/pace/per_km").asText()).isEqualTo("3:46");
            assertPrevious(bSet.get(1).path("previous"), 1225, "run-a");
            String bEvent = b.at("/data/activity/event_id").asText();

            // C is slower than both at both distances: no new best
            JsonNode c = call(client, "log_activity", RUN_C);
            assertThat(c.path("context").has("new_best_efforts")).isFalse();
            // a retry answers the stored run and reports nothing anew
            assertThat(call(client, "log_activity", RUN_A).path("context").has("new_best_efforts"))
                    .isFalse();

            // March: B's 1k and 5k
            JsonNode march = bests(client, "2026-03-01", "2026-03-31");
            assertThat(march).hasSize(2);
            assertEffort(march.get(0), "1k", 1000, 218, "3:38", "run-b", "2026-03-10", "samples");
            assertEffort(march.get(1), "5k", 5000, 1129, "18:49", "run-b", "2026-03-10", "samples");
            assertThat(march.get(0).has("previous"))
                    .as("only context names the best beaten")
                    .isFalse();
            // a period that cuts the month keeps to its days: 1-5 March holds A alone, 11-31 March C alone
            JsonNode early = bests(client, "2026-03-01", "2026-03-05");
            assertEffort(early.get(0), "1k", 1000, 240, "4:00", "run-a", "2026-03-03", "laps");
            assertEffort(early.get(1), "5k", 5000, 1225, "20:25", "run-a", "2026-03-03", "laps");
            JsonNode late = bests(client, "2026-03-11", "2026-03-31");
            assertEffort(late.get(0), "1k", 1000, 250, "4:10", "run-c", "2026-03-17", "laps");
            assertEffort(late.get(1), "5k", 5000, 1250, "20:50", "run-c", "2026-03-17", "laps");
            // no run in April: no best efforts, the key left out
            assertThat(call(
                                    client,
                                    "get_endurance_progression",
                                    Map.of("sport", "run", "from", "2026-04-01", "to", "2026-04-30"))
                            .path("data")
                            .has("best_efforts"))
                    .isFalse();

            // B corrected: its samples took twice as long (1k 436 s, 5k 2258 s), so A's bests are back
            List<Integer> doubled = B_TIMES.stream().map(t -> 2 * t).toList();
            call(
                    client,
                    "correct_event",
                    Map.of(
                            "event_id",
                            bEvent,
                            "data",
                            Map.of("elapsed_s", 2730, "samples", samples(doubled)),
                            "reason",
                            "watch counted double speed",
                            "idempotency_key",
                            "efforts-fix-b"));
            JsonNode corrected = bests(client, "2026-03-01", "2026-03-31");
            assertEffort(corrected.get(0), "1k", 1000, 240, "4:00", "run-a", "2026-03-03", "laps");
            assertEffort(corrected.get(1), "5k", 5000, 1225, "20:25", "run-a", "2026-03-03", "laps");

            // A voided: C's 250 s and 1250 s beat B's corrected 436 s and 2258 s
            call(
                    client,
                    "void_event",
                    Map.of(
                            "event_id", a.at("/data/activity/event_id").asText(),
                            "reason", "someone else's watch",
                            "idempotency_key", "efforts-void-a"));
            JsonNode voided = bests(client, "2026-03-01", "2026-03-31");
            assertEffort(voided.get(0), "1k", 1000, 250, "4:10", "run-c", "2026-03-17", "laps");
            assertEffort(voided.get(1), "5k", 5000, 1250, "20:50", "run-c", "2026-03-17", "laps");

            // the all-time bests moved with them: a 1 km lap in 4:05 (245 s) now beats C's 250 s
            JsonNode d = call(
                    client,
                    "log_activity",
                    Map.of(
                            "idempotency_key", "efforts-d",
                            "activity_id", "run-d",
                            "sport", "run",
                            "started_at", "2026-03-24T07:00:00+01:00",
                            "elapsed", "4:05",
                            "distance", 1,
                            "unit", "km",
                            "laps", List.of(lap("4:05"))));
            JsonNode dSet = d.at("/context/new_best_efforts");
            assertThat(dSet).hasSize(1);
            assertEffort(dSet.get(0), "1k", 1000, 245, "4:05", "run-d", "2026-03-24", "laps");
            assertPrevious(dSet.get(0).path("previous"), 250, "run-c");
        }
    }

    private static Map<String, Object> runB(String key, List<Integer> times) {
        return Map.of(
                "idempotency_key",
                key,
                "activity_id",
                "run-b",
                "sport",
                "run",
                "started_at",
                "2026-03-10T07:00:00+01:00",
                "elapsed",
                times.getLast(),
                "distance",
                6,
                "unit",
                "km",
                "samples",
                samples(times));
    }

    private static Map<String, Object> samples(List<Integer> times) {
        return Map.of("time_s", times, "distance_m", B_METRES);
    }

    /** data.best_efforts of the run's progression between two days. */
    private static JsonNode bests(McpSyncClient client, String from, String to) throws Exception {
        JsonNode answer = call(client, "get_endurance_progression", Map.of("sport", "run", "from", from, "to", to));
        return answer.at("/data/best_efforts");
    }

    private static void assertEffort(
            JsonNode effort,
            String distance,
            double metres,
            double seconds,
            String time,
            String activityId,
            String date,
            String source) {
        assertThat(effort.path("distance").asText()).as(effort.toString()).isEqualTo(distance);
        assertThat(effort.path("distance_m").asDouble()).as(effort.toString()).isEqualTo(metres);
        assertThat(effort.path("time_s").asDouble()).as(effort.toString()).isEqualTo(seconds);
        assertThat(effort.path("time").asText()).as(effort.toString()).isEqualTo(time);
        assertThat(effort.path("activity_id").asText()).as(effort.toString()).isEqualTo(activityId);
        assertThat(effort.path("date").asText()).as(effort.toString()).isEqualTo(date);
        assertThat(effort.path("source").asText()).as(effort.toString()).isEqualTo(source);
    }

    private static void assertPrevious(JsonNode previous, double seconds, String activityId) {
        assertThat(previous.path("time_s").asDouble()).as(previous.toString()).isEqualTo(seconds);
        assertThat(previous.path("activity_id").asText())
                .as(previous.toString())
                .isEqualTo(activityId);
    }

    /** Calls a tool, requires it to succeed and its answer to pass the tool's exact output schema. */
    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) throws Exception {
        McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(tool, arguments));
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
        JsonNode answer = Json.mapper().valueToTree(result.structuredContent());
        McpSchema.ReadResourceResult exact =
                client.readResource(McpRequests.readResource("td://tools/" + tool + "/output-schema"));
        JsonNode schema = Json.mapper()
                .readTree(((McpSchema.TextResourceContents) exact.contents().getFirst()).text());
        assertThat(ArgumentValidator.of(schema, tool + " answer").violations(answer))
                .as(tool + " against its exact schema")
                .isEmpty();
        return answer;
    }

    private static McpSyncClient mcp() {
        return McpClients.owner(server, "all");
    }
}
