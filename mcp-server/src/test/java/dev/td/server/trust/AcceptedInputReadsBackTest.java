package dev.td.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.InputLimits;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The property behind the "poisoned log" defect: whatever the door accepts can always be read
 * back, corrected, voided, replayed and verified. Generates event data up to every limit of
 * {@link InputLimits} (deepest nesting, longest keys and strings, the largest, smallest and most
 * precise numbers, characters outside the BMP), stores it, and reads it back through REST and MCP
 * get_events, correct_event, void_event, a projection rebuild and verify_chain.
 */
class AcceptedInputReadsBackTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String KEY = TestServer.OWNER_KEY;

    /** The numbers at the edges of the door, written as the client writes them. */
    private static final List<String> EDGE_NUMBERS = List.of(
            "1e308",
            "-1e308",
            "1e-308",
            "-9.999999999999999999999999999999999999999e307",
            "1234567890123456789012345678901234567890",
            "1.234567890123456789012345678901234567890e-300",
            "0",
            "102.50",
            "7");

    private static final String[] ALPHABET = {
        "a", "Z", "_", "-", " ", "\u00e4", "\u00df", "\u4e2d", "\ud83d\udcaa", "'", "\\"
    };

    private static String text(Random random, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            String next = ALPHABET[random.nextInt(ALPHABET.length)];
            if (b.length() + next.length() > length) {
                next = "x";
            }
            b.append(next);
        }
        return b.toString();
    }

    /** Data nested {@code depth} levels below the data object, with edge values along the way. */
    private static ObjectNode data(Random random, int depth) throws java.io.IOException {
        ObjectNode root = F.objectNode();
        ObjectNode at = root;
        for (int level = 1; level <= depth; level++) {
            at.set("n", Json.mapper().readTree(EDGE_NUMBERS.get(random.nextInt(EDGE_NUMBERS.size()))));
            at.put(text(random, 1 + random.nextInt(InputLimits.MAX_KEY_LENGTH)), text(random, random.nextInt(40)));
            at = level < depth ? at.putObject("d") : at;
        }
        root.put("k".repeat(InputLimits.MAX_KEY_LENGTH), "longest key");
        root.put("longest", text(random, InputLimits.MAX_STRING_LENGTH));
        return root;
    }

    /** Equal as JSON, numbers compared by value (PostgreSQL's jsonb writes 1e308 out in full). */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0
                    || a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!b.has(name) || !sameJson(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    @Test
    void data_at_every_limit_is_stored_read_back_corrected_voided_replayed_and_verified() throws Exception {
        long seed = System.nanoTime() % 100_000;
        Random random = new Random(seed);
        // the data object sits at level 4 of log_events' arguments: 36 nested objects (levels 4 to 39) with their
        // values at level 40 reach the door's limit exactly
        int deepest = InputLimits.MAX_DEPTH - 4;
        McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + KEY))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        mcp.initialize();
        try {
            for (int round = 0; round < 6; round++) {
                int depth = round == 0 ? deepest : 1 + random.nextInt(deepest);
                ObjectNode data = data(random, depth);
                String type = "custom.limits" + round;
                ObjectNode args = F.objectNode();
                args.putArray("events")
                        .addObject()
                        .put("type", type)
                        .put("occurred_at", "2026-11-0" + (1 + round) + "T07:00:00Z")
                        .put("idempotency_key", "limits-" + seed + "-" + round)
                        .set("data", data);
                Http.Answer stored = Http.send("POST", server.baseUrl() + "/v1/events", KEY, args.toString());
                assertThat(stored.status())
                        .as("seed %d round %d: %s", seed, round, stored.body())
                        .isEqualTo(200);
                String eventId = stored.body().at("/data/events/0/event_id").asText();

                Http.Answer rest = Http.send("GET", server.baseUrl() + "/v1/events?types=" + type, KEY, null);
                assertThat(rest.status()).isEqualTo(200);
                assertThat(sameJson(rest.body().at("/data/events/0/data"), data))
                        .as("seed %d round %d: REST read back", seed, round)
                        .isTrue();

                McpSchema.CallToolResult viaMcp =
                        mcp.callTool(McpRequests.callTool("get_events", Map.of("types", List.of(type))));
                assertThat(viaMcp.isError()).isFalse();
                // the text content is td's own JSON; structuredContent passes through the client's mapper, which
                // reads 40-digit numbers as doubles
                JsonNode mcpData = Json.mapper()
                        .readTree(((McpSchema.TextContent) viaMcp.content().getFirst()).text());
                assertThat(sameJson(mcpData.at("/data/events/0/data"), data))
                        .as("seed %d round %d: MCP read back", seed, round)
                        .isTrue();

                ObjectNode corrected = data(random, depth);
                // replace: the new data as a whole, not merged into the old (correct_event merges by default)
                ObjectNode correction = F.objectNode()
                        .put("event_id", eventId)
                        .put("replace", true)
                        .put("idempotency_key", "limits-fix-" + seed + "-" + round);
                correction.set("data", corrected);
                Http.Answer fixed =
                        Http.send("POST", server.baseUrl() + "/v1/tools/correct_event", KEY, correction.toString());
                assertThat(fixed.status()).as("correct: %s", fixed.body()).isEqualTo(200);
                Http.Answer after = Http.send("GET", server.baseUrl() + "/v1/events?types=" + type, KEY, null);
                assertThat(sameJson(after.body().at("/data/events/0/data"), corrected))
                        .as("seed %d round %d: corrected data read back", seed, round)
                        .isTrue();

                if (round % 2 == 1) {
                    Http.Answer voided = Http.send(
                            "POST",
                            server.baseUrl() + "/v1/events/" + eventId + "/void",
                            KEY,
                            "{\"reason\":\"limits test\",\"idempotency_key\":\"limits-void-" + seed + "-" + round
                                    + "\"}");
                    assertThat(voided.status()).as("void: %s", voided.body()).isEqualTo(200);
                }
            }
            Http.Answer whole = Http.send("GET", server.baseUrl() + "/v1/events?view=log&limit=500", KEY, null);
            assertThat(whole.status()).as(whole.body().toString()).isEqualTo(200);
            server.core().projections().rebuild(List.of());
            Http.Answer chain = Http.send("GET", server.baseUrl() + "/v1/chain", KEY, null);
            assertThat(chain.body().at("/data/ok").asBoolean())
                    .as(chain.body().toString())
                    .isTrue();
        } finally {
            mcp.closeGracefully();
        }
    }
}
