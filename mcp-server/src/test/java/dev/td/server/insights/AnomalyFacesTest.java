package dev.td.server.insights;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * get_anomalies and get_insights through every face: the MCP SDK client (Streamable HTTP, the insights toolset), REST
 * (GET /v1/anomalies, /v1/insights) and the td CLI give the same findings, and each answer passes the tool's exact
 * output schema.
 */
class AnomalyFacesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** The owner's resting heart rate: 52 + day mod 5 bpm for 40 days, 69 today (see {@link AnomaliesTest}). */
    @BeforeAll
    static void aRestingHeartRateSpike() {
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        StringBuilder readings = new StringBuilder();
        for (int d = 0; d <= 40; d++) {
            readings.append(d == 0 ? "" : ",")
                    .append("{\"metric\":\"resting_hr\",\"unit\":\"bpm\",\"value\":")
                    .append(d == 40 ? 69 : 52 + d % 5)
                    .append(",\"at\":\"")
                    .append(first.plusDays(d))
                    .append("T07:00:00Z\"}");
        }
        Http.Answer logged = Http.send(
                "POST",
                server.baseUrl() + "/v1/metrics",
                TestServer.OWNER_KEY,
                "{\"idempotency_key\":\"faces-rhr\",\"readings\":[" + readings + "]}");
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
    }

    private static JsonNode exactSchema(McpSyncClient client, String tool) throws Exception {
        McpSchema.ReadResourceResult exact =
                client.readResource(McpRequests.readResource("td://tools/" + tool + "/output-schema"));
        return Json.mapper()
                .readTree(((McpSchema.TextResourceContents) exact.contents().getFirst()).text());
    }

    /** What each item says, numbers as numbers (faces differ in how they type a JSON number, not in its value). */
    private static List<String> said(JsonNode items) {
        List<String> lines = new ArrayList<>();
        for (JsonNode i : items) {
            lines.add(i.path("kind").asText() + " " + i.path("about").asText() + " "
                    + i.path("date").asText() + " "
                    + i.path("headline").asText() + " z=" + i.path("z").asDouble() + " score="
                    + i.path("score").asDouble() + " points=" + i.path("points").size());
        }
        return lines;
    }

    @Test
    void mcpRestAndTheCliAnswerTheSameAnomaliesAndInsights() throws Exception {
        JsonNode anomalies;
        JsonNode insights;
        JsonNode anomalySchema;
        JsonNode insightSchema;
        try (McpSyncClient client = McpClients.owner(server, "insights")) {
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("get_anomalies", "get_insights", "get_correlations");
            McpSchema.CallToolResult a =
                    client.callTool(McpRequests.callTool("get_anomalies", Map.of("about", "resting_hr")));
            assertThat(a.isError()).as(a.content().toString()).isFalse();
            anomalies = Json.mapper().valueToTree(a.structuredContent());
            McpSchema.CallToolResult i = client.callTool(McpRequests.callTool("get_insights", Map.of("limit", 3)));
            assertThat(i.isError()).as(i.content().toString()).isFalse();
            insights = Json.mapper().valueToTree(i.structuredContent());
            anomalySchema = exactSchema(client, "get_anomalies");
            insightSchema = exactSchema(client, "get_insights");
        }
        assertThat(anomalies.at("/data/anomalies/0/about").asText()).isEqualTo("resting_hr");
        assertThat(insights.at("/data/insights/0/about").asText()).isEqualTo("resting_hr");

        Http.Answer restAnomalies =
                Http.send("GET", server.baseUrl() + "/v1/anomalies?about=resting_hr", TestServer.OWNER_KEY, null);
        assertThat(restAnomalies.status()).as(restAnomalies.body().toString()).isEqualTo(200);
        Http.Answer restInsights =
                Http.send("GET", server.baseUrl() + "/v1/insights?limit=3", TestServer.OWNER_KEY, null);
        assertThat(restInsights.status()).as(restInsights.body().toString()).isEqualTo(200);
        CliRun cliAnomalies = CliRun.against(server, "", "get-anomalies", "--about", "resting_hr");
        assertThat(cliAnomalies.exit()).as(cliAnomalies.err()).isZero();
        CliRun cliInsights = CliRun.against(server, "", "get-insights", "--limit", "3");
        assertThat(cliInsights.exit()).as(cliInsights.err()).isZero();

        for (JsonNode answer : new JsonNode[] {anomalies, restAnomalies.body(), cliAnomalies.json()}) {
            assertThat(said(answer.at("/data/anomalies"))).isEqualTo(said(anomalies.at("/data/anomalies")));
            assertThat(ArgumentValidator.of(anomalySchema, "get_anomalies answer")
                            .violations(answer))
                    .isEmpty();
            assertThat(answer.at("/meta/background/head_sequence").asLong()).isPositive();
        }
        for (JsonNode answer : new JsonNode[] {insights, restInsights.body(), cliInsights.json()}) {
            assertThat(said(answer.at("/data/insights"))).isEqualTo(said(insights.at("/data/insights")));
            assertThat(ArgumentValidator.of(insightSchema, "get_insights answer")
                            .violations(answer))
                    .isEmpty();
        }
        Http.Answer tooMany = Http.send("GET", server.baseUrl() + "/v1/insights?limit=21", TestServer.OWNER_KEY, null);
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void theCliSaysWhatTheCommandsDo() {
        CliRun help = CliRun.against(server, "", "get-insights", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("severity x recency x confidence")
                .contains("--limit")
                .contains("read-only");
        CliRun anomalies = CliRun.against(server, "", "get-anomalies", "--help");
        assertThat(anomalies.exit()).as(anomalies.err()).isZero();
        assertThat(anomalies.out()).contains("--about");
    }
}
