package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.faces.McpClients;
import dev.td.testkit.CliRun;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stats tools through the MCP SDK client (Streamable HTTP) and the td CLI, against a started server. */
class StatisticsMcpAndCliTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** A client that picked the stats toolset (it is not listed by default). */
    private static McpSyncClient mcp() {
        return McpClients.owner(server, "stats");
    }

    @Test
    void compareOverMcpReturnsStructuredContentWithStatisticalQuality() {
        // R_t.test_welch_sleep in reference_values.json: R t.test(extra ~ group, data = sleep), t to 5 significant
        // digits
        Map<String, Object> args = Map.of(
                "a", List.of(0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0),
                "b", List.of(1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4),
                "independent", true);
        try (McpSyncClient client = mcp()) {
            McpSchema.Tool tool = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("stats_compare"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            // idempotentHint means nothing on a read-only tool (MCP spec), so td does not send it there
            assertThat(tool.annotations().idempotentHint()).isNull();
            assertThat(tool.annotations().openWorldHint()).isFalse();
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("stats_compare", args));
            assertThat(result.isError()).isFalse();
            JsonNode structured = Json.mapper().valueToTree(result.structuredContent());
            assertThat(structured.at("/data/test/method").asText()).isEqualTo("Welch two-sample t-test");
            assertThat(structured.at("/data/test/statistic").asDouble()).isCloseTo(-1.8608, within(5e-5));
            JsonNode quality = structured.at("/meta/statistical_quality");
            assertThat(quality.path("sample_size").asText()).isEqualTo("sufficient");
            assertThat(quality.path("assumptions")).hasSize(2);
            assertThat(quality.at("/assumptions/0/statistic").isNumber()).isTrue();
        }
    }

    @Test
    void aBadArgumentOverMcpIsAToolErrorNamingTheField() throws Exception {
        try (McpSyncClient client = mcp()) {
            McpSchema.CallToolResult result = client.callTool(
                    McpRequests.callTool("stats_correlate", Map.of("x", List.of(1, 2, 3, 4), "y", List.of(1, 2, 3))));
            assertThat(result.isError()).isTrue();
            JsonNode error = Json.mapper()
                    .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                    .path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_argument");
            assertThat(error.path("path").asText()).isEqualTo("$.y");
        }
    }

    private static CliRun td(String stdin, String... args) {
        return CliRun.against(server, stdin, args);
    }

    @Test
    void describeFromTheCliWithRepeatedFlags() {
        // Hand-worked: 1..5 → mean 3, SD sqrt(2.5), median 3, MAD 1, quartiles 2 and 4 (type 7)
        CliRun run = td(
                "",
                "stats-describe",
                "--values",
                "3",
                "--values",
                "1",
                "--values",
                "4",
                "--values",
                "2",
                "--values",
                "5",
                "--independent",
                "--confidence-level",
                "0.9");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode body = run.json();
        assertThat(body.at("/data/mean").asDouble()).isEqualTo(3);
        assertThat(body.at("/data/standard_deviation").asDouble()).isCloseTo(Math.sqrt(2.5), within(1e-15));
        assertThat(body.at("/data/q1").asDouble()).isEqualTo(2);
        assertThat(body.at("/data/mad").asDouble()).isEqualTo(1);
        assertThat(body.at("/data/mean_ci/level").asDouble()).isEqualTo(0.9);
        assertThat(body.at("/meta/statistical_quality/confidence_level").asDouble())
                .isEqualTo(0.9);
    }

    @Test
    void regressionFromTheCliWithInputOnStdinAndABadColumnExitsWithUsage() {
        // Exact by construction: y = 1 + 2a − b
        CliRun fitted = td(
                "{\"y\":[1,5,2,7,3,9],\"x\":{\"a\":[1,2,3,4,5,6],\"b\":[2,0,5,2,8,4]}}",
                "stats-regression",
                "--input",
                "-");
        assertThat(fitted.exit()).as(fitted.err()).isZero();
        assertThat(fitted.json().at("/data/coefficients").findValuesAsText("name"))
                .containsExactly("intercept", "a", "b");
        assertThat(fitted.json().at("/data/coefficients/2/value").asDouble()).isCloseTo(-1, within(1e-12));

        CliRun refused = td("{\"y\":[1,4,2],\"x\":{\"a\":[1,2]}}", "stats-regression", "--input", "-");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("$.y");
    }
}
