package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * compare_periods through every face against a started server: the MCP SDK client (Streamable HTTP), REST
 * (POST /v1/compare, nested periods in the body) and the td CLI (flags, and --input for a and b) give the same numbers.
 */
class ComparePeriodsFacesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String key = "";

    @BeforeAll
    static void januaryAndFebruaryOfBench() {
        var person = server.core().accounts().createPerson("lena", "Lena");
        key = server.core().accounts().createKey(person.userId(), "agent", Set.of("*"));
        Http.send(
                "PATCH",
                server.baseUrl() + "/v1/profile",
                key,
                "{\"idempotency_key\":\"p\",\"time_zone\":\"Europe/Berlin\",\"weight_unit\":\"kg\"}");
        // e1RM, Epley w·(1 + r/30): January 116.667, 119.583, 115.5; February 122.5, 125.417, 121, 129
        String[][] sessions = {
            {"2026-01-06", "100", "5"}, {"2026-01-13", "102.5", "5"}, {"2026-01-20", "105", "3"},
            {"2026-02-03", "105", "5"}, {"2026-02-10", "107.5", "5"}, {"2026-02-17", "110", "3"},
            {"2026-02-24", "107.5", "6"}
        };
        for (String[] s : sessions) {
            Http.Answer logged = Http.send(
                    "POST",
                    server.baseUrl() + "/v1/workouts",
                    key,
                    "{\"idempotency_key\":\"w-" + s[0] + "\",\"started_at\":\"" + s[0] + "T18:00:00+01:00\","
                            + "\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":" + s[1]
                            + ",\"reps\":" + s[2] + "}]}]}");
            assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        }
    }

    @Test
    void mcpRestAndTheCliAnswerTheSameComparison() throws Exception {
        JsonNode mcp;
        try (McpSyncClient client = McpClients.as(server, key)) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "compare_periods", Map.of("exercise", "bench", "periods", "January 2026 vs February 2026")));
            assertThat(result.isError()).as(result.content().toString()).isFalse();
            mcp = Json.mapper().valueToTree(result.structuredContent());
            McpSchema.ReadResourceResult exact =
                    client.readResource(McpRequests.readResource("td://tools/compare_periods/output-schema"));
            JsonNode schema = Json.mapper()
                    .readTree(((McpSchema.TextResourceContents) exact.contents().getFirst()).text());
            assertThat(ArgumentValidator.of(schema, "compare_periods answer").violations(mcp))
                    .isEmpty();
        }
        Http.Answer rest = Http.send(
                "POST",
                server.baseUrl() + "/v1/compare",
                key,
                "{\"exercise\":\"bench\",\"a\":{\"period\":\"January 2026\"},"
                        + "\"b\":{\"from\":\"2026-02-01\",\"to\":\"2026-02-28\"}}");
        assertThat(rest.status()).as(rest.body().toString()).isEqualTo(200);
        CliRun flags =
                CliRun.as(server, key, "", "compare-periods", "--exercise", "bench", "--periods", "2026-01 vs 2026-02");
        assertThat(flags.exit()).as(flags.err()).isZero();
        CliRun input = CliRun.as(server, key, """
                {"exercise":"Bankdrücken","a":{"from":"2026-01-01","to":"2026-01-31"},"b":{"period":"Februar 2026"}}""", "compare-periods", "--input", "-");
        assertThat(input.exit()).as(input.err()).isZero();
        // b − a = 124.479 − 117.25 = 7.229; Welch t 3.375727 (SciPy 1.17 ttest_ind(b, a, equal_var=False))
        assertThat(mcp.at("/data/difference/value").asDouble()).isCloseTo(7.229, within(0.0005));
        assertThat(mcp.at("/data/test/statistic").asDouble()).isCloseTo(3.375727, within(1e-5));
        for (JsonNode other : List.of(rest.body(), flags.json(), input.json())) {
            for (String part :
                    List.of("/data/subject", "/data/measure", "/data/difference", "/data/effect_size", "/data/test")) {
                assertThat(other.at(part)).as(part).isEqualTo(mcp.at(part));
            }
            for (String side : List.of("/data/a", "/data/b")) {
                for (String field : List.of("from", "to", "n", "mean", "median", "sd", "min", "max", "mean_ci")) {
                    assertThat(other.at(side).path(field))
                            .as(side + "/" + field)
                            .isEqualTo(mcp.at(side).path(field));
                }
            }
            assertThat(other.at("/meta/statistical_quality")).isEqualTo(mcp.at("/meta/statistical_quality"));
        }
    }

    @Test
    void aRefusalNamesTheFieldOnEveryFace() throws Exception {
        String wrong = "{\"exercise\":\"bench\",\"measure\":\"pace\",\"periods\":\"2026-01 vs 2026-02\"}";
        Http.Answer rest = Http.send("POST", server.baseUrl() + "/v1/compare", key, wrong);
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.body().toString()).contains("$.measure");
        try (McpSyncClient client = McpClients.as(server, key)) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool(
                    "compare_periods",
                    Map.of("exercise", "bench", "measure", "pace", "periods", "2026-01 vs 2026-02")));
            assertThat(result.isError()).isTrue();
            assertThat(Json.mapper()
                            .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                            .at("/error/path")
                            .asText())
                    .isEqualTo("$.measure");
        }
        CliRun cli = CliRun.as(
                server,
                key,
                "",
                "compare-periods",
                "--exercise",
                "bench",
                "--measure",
                "pace",
                "--periods",
                "2026-01 vs 2026-02");
        assertThat(cli.exit()).as("a 400 is a usage error (td help exit-codes)").isEqualTo(2);
        assertThat(cli.err()).contains("$.measure");
    }
}
