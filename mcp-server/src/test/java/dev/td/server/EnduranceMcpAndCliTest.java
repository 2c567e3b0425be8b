package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The endurance tools through the MCP SDK client (Streamable HTTP) and the td CLI, against a started server. */
class EnduranceMcpAndCliTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static McpSyncClient mcp() {
        return McpClients.owner(server);
    }

    private static JsonNode exactOutputSchema(McpSyncClient client, String tool) throws Exception {
        McpSchema.ReadResourceResult exact =
                client.readResource(McpRequests.readResource("td://tools/" + tool + "/output-schema"));
        return Json.mapper()
                .readTree(((McpSchema.TextResourceContents) exact.contents().getFirst()).text());
    }

    @Test
    void aRunLoggedOverMcpIsAnsweredWithItsPaceAndListed() throws Exception {
        try (McpSyncClient client = mcp()) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "log_activity",
                    Map.of(
                            "idempotency_key", "mcp-run",
                            "sport", "run",
                            "started_at", "2026-11-22T09:00:00+01:00",
                            "elapsed", "52:30",
                            "distance", 10,
                            "unit", "km",
                            "avg_hr", 155)));
            assertThat(result.isError()).as(result.content().toString()).isFalse();
            JsonNode answer = Json.mapper().valueToTree(result.structuredContent());
            // 3150 s over 10 km: 5:15 /km; over 6.2137 mi: 8:27 /mi
            assertThat(answer.at("/data/activity/pace/per_km").asText()).isEqualTo("5:15");
            assertThat(answer.at("/data/activity/pace/per_mi").asText()).isEqualTo("8:27");
            assertThat(answer.at("/data/replayed").asBoolean()).isFalse();
            // the week so far: this run alone
            assertThat(answer.at("/context/endurance_week/week").asText()).isEqualTo("2026-W47");
            assertThat(answer.at("/context/endurance_week/activities").asInt()).isEqualTo(1);
            assertThat(ArgumentValidator.of(exactOutputSchema(client, "log_activity"), "log_activity answer")
                            .violations(answer))
                    .isEmpty();

            McpSchema.CallToolResult listed = client.callTool(McpRequests.callTool("list_activities", Map.of()));
            JsonNode list = Json.mapper().valueToTree(listed.structuredContent());
            assertThat(list.at("/data/activities/0/activity_id").asText())
                    .isEqualTo(answer.at("/data/activity/activity_id").asText());
            assertThat(ArgumentValidator.of(exactOutputSchema(client, "list_activities"), "list answer")
                            .violations(list))
                    .isEmpty();
        }
    }

    @Test
    void aRefusalOverMcpIsAToolErrorNamingTheFieldAndTheRange() throws Exception {
        long before = server.eventCount();
        try (McpSyncClient client = mcp()) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "log_activity",
                    Map.of(
                            "idempotency_key", "mcp-too-fast",
                            "sport", "run",
                            "started_at", "2026-11-22T09:00:00+01:00",
                            "elapsed", "15:00",
                            "distance", 10,
                            "unit", "km")));
            assertThat(result.isError()).isTrue();
            JsonNode error = Json.mapper()
                    .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                    .path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_argument");
            assertThat(error.path("path").asText()).isEqualTo("$.elapsed");
            assertThat(error.path("message").asText()).contains("2:00–30:00 /km", "confirm_unusual: true");
        }
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aRunLoggedWithTheCliInThePersonsWordsIsListedByTheCli() {
        CliRun logged = CliRun.against(
                server,
                "",
                "log-activity",
                "--idempotency-key",
                "cli-run",
                "--sport",
                "run",
                "--started-at",
                "2026-11-15T08:00:00+01:00",
                "--elapsed",
                "1:02:03",
                "--distance",
                "12",
                "--unit",
                "km");
        assertThat(logged.exit()).as(logged.err()).isZero();
        // 3723 s over 12 km: 310.25 s = 5:10 /km
        assertThat(logged.json().at("/data/activity/pace/per_km").asText()).isEqualTo("5:10");
        assertThat(logged.json().at("/data/activity/elapsed_s").asDouble()).isEqualTo(3723.0);
        CliRun listed = CliRun.against(server, "", "list-activities", "--from", "2026-11-15", "--to", "2026-11-15");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.json().at("/data/activities/0/time").asText()).isEqualTo("1:02:03");

        CliRun progression = CliRun.against(server, "", "get-endurance-progression", "--sport", "run");
        assertThat(progression.exit()).as(progression.err()).isZero();
        assertThat(progression.json().at("/data/pace_trend/direction").asText()).isEqualTo("insufficient_data");
    }

    @Test
    void aPersonWhoWeighsInPoundsLogsMilesWithoutSayingSo() {
        try (TestServer own = TestServer.start()) {
            Http.send(
                    "PATCH",
                    own.baseUrl() + "/v1/profile",
                    TestServer.OWNER_KEY,
                    "{\"idempotency_key\":\"p1\",\"weight_unit\":\"lb\",\"time_zone\":\"America/New_York\"}");
            Http.Answer logged = Http.send(
                    "POST",
                    own.baseUrl() + "/v1/activities",
                    TestServer.OWNER_KEY,
                    "{\"idempotency_key\":\"lb-run\",\"sport\":\"run\",\"started_at\":\"2026-10-05T07:00:00\","
                            + "\"elapsed\":\"50:00\",\"distance\":6.2,\"elevation_gain\":150}");
            assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
            JsonNode run = logged.body().at("/data/activity");
            // taken as 6.2 mi = 9977.9328 m, shown in miles; 150 taken as ft = 45.72 m
            assertThat(run.at("/distance/unit").asText()).isEqualTo("mi");
            assertThat(run.at("/distance/value").asDouble()).isEqualTo(6.2);
            assertThat(run.at("/distance/m").asDouble()).isEqualTo(9977.9);
            assertThat(run.has("distance_as_logged")).isFalse();
            assertThat(run.at("/elevation_gain/unit").asText()).isEqualTo("ft");
            assertThat(run.at("/elevation_gain/m").asDouble()).isEqualTo(45.7);
            assertThat(run.path("started_at").asText()).isEqualTo("2026-10-05T07:00:00-04:00");
            assertThat(logged.body().at("/context/units_assumed").asText())
                    .contains("distances taken as mi (the profile uses lb)", "elevations taken as ft");
        }
    }
}
