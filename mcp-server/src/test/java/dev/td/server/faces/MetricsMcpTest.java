package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.ArgumentValidator;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** log_metrics and get_metric_series through the real MCP SDK client over Streamable HTTP. */
class MetricsMcpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(tool, args));
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
        JsonNode answer = Json.mapper().valueToTree(result.structuredContent());
        ToolManifest manifest = server.core().tools().manifests().stream()
                .filter(m -> m.name().equals(tool))
                .findFirst()
                .orElseThrow();
        assertThat(ArgumentValidator.of(manifest.outputSchema(), tool).violations(answer.path("data")))
                .as(tool + " answer against its exact output schema: " + answer)
                .isEmpty();
        return answer;
    }

    @Test
    void readingsLoggedOverMcpAreReadBackPerMetricAndAll() {
        try (McpSyncClient client = McpClients.owner(server)) {
            JsonNode logged = call(
                    client,
                    "log_metrics",
                    Map.of(
                            "idempotency_key",
                            "mcp-checkin",
                            "at",
                            "2026-11-20T07:15:00+01:00",
                            "readings",
                            List.of(
                                    Map.of("metric", "Körpergewicht", "value", 81.4, "unit", "kg"),
                                    Map.of("metric", "sleep", "value", 7.5, "unit", "h"),
                                    Map.of("metric", "HRV", "value", 62),
                                    Map.of("metric", "menstrual phase", "label", "luteal"))));
            assertThat(logged.at("/data/readings").findValuesAsText("metric"))
                    .containsExactly("body_weight", "sleep_duration", "hrv_rmssd", "menstrual_phase");
            // 7.5 h = 450 min
            assertThat(logged.at("/data/readings/1/value").asDouble()).isEqualTo(450.0);

            JsonNode sleep = call(
                    client, "get_metric_series", Map.of("metric", "Schlaf", "from", "2026-11-20", "to", "2026-11-20"));
            assertThat(sleep.at("/data/rows").toString()).isEqualTo("[[\"2026-11-20\",450,1]]");
            assertThat(sleep.at("/meta/period/from").asText()).isEqualTo("2026-11-20");
            assertThat(sleep.at("/meta/projection_version").asInt()).isPositive();

            JsonNode all = call(client, "get_metric_series", Map.of());
            assertThat(all.at("/data/metrics")).hasSize(4);
            assertThat(all.at("/data/metrics/0").toString())
                    .as("metrics in name order; the baseline needs 7 days")
                    .isEqualTo("[\"body_weight\",\"kg\",81.4,\"2026-11-20\",null,0]");
        }
    }

    @Test
    void aMisspeltMetricIsAnErrorResultNamingTheFieldAndTheCandidates() throws Exception {
        long before = server.eventCount();
        try (McpSyncClient client = McpClients.owner(server)) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "log_metrics",
                    Map.of("idempotency_key", "mcp-typo", "readings", List.of(Map.of("metric", "hvr", "value", 60)))));
            assertThat(result.isError()).isTrue();
            JsonNode error = Json.mapper()
                    .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                    .path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_argument");
            assertThat(error.path("path").asText()).isEqualTo("$.readings[0].metric");
            assertThat(error.at("/details/metric_candidates/0").asText()).isEqualTo("hrv_rmssd");
        }
        assertThat(server.eventCount()).isEqualTo(before);
    }
}
