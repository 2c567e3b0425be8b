package dev.td.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.SchemaFuzzer;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema-guided fuzzing of every tool over REST (the generic route, and the GET route with query
 * parameters) and over MCP (the SDK client): arguments made from each input schema with one hostile
 * change. Asserts what issue #9 asks of every request: never a 5xx, a rejected request stores
 * nothing, every error is problem+json (MCP: an error result) naming a JSON path.
 *
 * <p>Cases per tool: {@code TD_FUZZ_PER_TOOL} (default 30 over REST, a third of that over MCP);
 * {@code bin/bench fuzz} runs it larger. The seed is printed; {@code TD_FUZZ_SEED} replays a run.
 */
class ToolFuzzTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final int PER_TOOL = Integer.parseInt(
            Optional.ofNullable(System.getenv("TD_FUZZ_PER_TOOL")).orElse("30"));
    private static final long SEED = Long.parseLong(
            Optional.ofNullable(System.getenv("TD_FUZZ_SEED")).orElse(String.valueOf(System.nanoTime() % 1_000_000)));

    private static final Map<String, AtomicInteger> OUTCOMES = new TreeMap<>();
    private static final List<String> FAILURES = new ArrayList<>();

    private static void count(String outcome) {
        synchronized (OUTCOMES) {
            OUTCOMES.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The test JVM's peak resident memory (it runs the server) before the fuzzing, in kB. */
    private static long peakBefore;

    @BeforeAll
    static void notePeakMemory() {
        peakBefore = procStatusKb("VmHWM");
    }

    @AfterAll
    static void report() {
        long peakAfter = procStatusKb("VmHWM");
        System.out.println("fuzz seed " + SEED + ", " + PER_TOOL + " REST cases per tool; outcomes: " + OUTCOMES
                + "; test JVM with the server: peak RSS " + peakBefore / 1024 + " MB before, " + peakAfter / 1024
                + " MB after, RSS now " + procStatusKb("VmRSS") / 1024 + " MB");
        // a number bomb or a huge allocation shows as a new peak: 1e999999999 once grew the server by ~6 GB
        assertThat(peakAfter - peakBefore)
                .as("growth of the server's peak RSS while fuzzing, kB (seed " + SEED + ")")
                .isLessThan(MAX_PEAK_GROWTH_KB);
    }

    private static final long MAX_PEAK_GROWTH_KB = 1024L * 1024;

    private static long procStatusKb(String field) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith(field + ":"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void no_fuzzed_request_over_rest_gets_a_5xx_stores_anything_when_refused_or_fails_to_name_a_path() {
        SchemaFuzzer fuzzer = new SchemaFuzzer(SEED);
        for (ToolManifest tool : server.core().tools().manifests()) {
            for (int i = 0; i < PER_TOOL; i++) {
                SchemaFuzzer.Case c = fuzzer.next(tool.inputSchema());
                boolean viaQuery = tool.rest().method().equals("GET")
                        && tool.rest().pathParameters().isEmpty()
                        && i % 3 == 0;
                long before = server.eventCount();
                Http.Answer answer = viaQuery
                        ? Http.send("GET", server.baseUrl() + tool.rest().path() + query(c), TestServer.OWNER_KEY, null)
                        : Http.send(
                                "POST", server.baseUrl() + "/v1/tools/" + tool.name(), TestServer.OWNER_KEY, c.json());
                check(
                        tool.name() + " " + c.mutation() + (viaQuery ? " (query)" : "") + ": " + abbreviated(c.json()),
                        answer,
                        before);
            }
        }
        assertThat(FAILURES).as("seed " + SEED).isEmpty();
    }

    private static void check(String what, Http.Answer answer, long before) {
        count("rest " + answer.status());
        if (answer.status() >= 500) {
            FAILURES.add(answer.status() + " for " + what + " -> " + answer.body());
            return;
        }
        if (answer.status() >= 400) {
            long after = server.eventCount();
            if (after != before) {
                FAILURES.add("refused but stored " + (after - before) + " event(s): " + what);
            }
            if (!answer.contentType().equals("application/problem+json")
                    || !answer.body().path("path").asText().startsWith("$")
                    || answer.body().path("detail").asText().isBlank()) {
                FAILURES.add("error without a path or detail: " + what + " -> " + answer.body());
            }
        }
    }

    @Test
    void no_fuzzed_tool_call_over_mcp_is_a_protocol_error_stores_anything_when_refused_or_fails_to_name_a_path()
            throws IOException {
        SchemaFuzzer fuzzer = new SchemaFuzzer(SEED + 1);
        McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(
                                HttpRequest.newBuilder().header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        try {
            mcp.initialize();
            List<String> failures = new ArrayList<>();
            for (ToolManifest tool : server.core().tools().manifests()) {
                for (int i = 0; i < Math.max(1, PER_TOOL / 3); i++) {
                    SchemaFuzzer.Case c = fuzzer.next(tool.inputSchema());
                    if (!c.sendableAsMap() || !c.arguments().isObject()) {
                        continue; // not expressible through the SDK client; sent over REST and raw JSON-RPC instead
                    }
                    String what = tool.name() + " " + c.mutation() + ": " + abbreviated(c.json());
                    long before = server.eventCount();
                    McpSchema.CallToolResult result;
                    try {
                        result = mcp.callTool(dev.td.testkit.McpRequests.callTool(
                                tool.name(), Json.mapper().convertValue(c.arguments(), MAP)));
                    } catch (RuntimeException e) {
                        count("mcp protocol error");
                        failures.add("protocol error " + e.getMessage() + " for " + what);
                        continue;
                    }
                    if (!Boolean.TRUE.equals(result.isError())) {
                        count("mcp ok");
                        continue;
                    }
                    JsonNode error = Json.mapper()
                            .readTree(((McpSchema.TextContent) result.content().getFirst()).text())
                            .path("error");
                    count("mcp " + error.path("code").asText());
                    if (error.path("code").asText().equals("internal")) {
                        failures.add("internal error for " + what + " -> " + error);
                    }
                    if (!error.path("path").asText().startsWith("$")) {
                        failures.add("error without a path: " + what + " -> " + error);
                    }
                    if (server.eventCount() != before) {
                        failures.add("refused but stored: " + what);
                    }
                }
            }
            assertThat(failures).as("seed " + SEED).isEmpty();
        } finally {
            mcp.closeGracefully();
        }
    }

    /** The case's top-level values as a query string (arrays comma-joined, objects as JSON text). */
    private static String query(SchemaFuzzer.Case c) {
        StringBuilder q = new StringBuilder();
        if (c.arguments().isObject()) {
            c.arguments().properties().forEach(p -> {
                String value = p.getValue().isArray()
                        ? String.join(
                                ",",
                                p.getValue().valueStream().map(JsonNode::asText).toList())
                        : p.getValue().isValueNode()
                                ? p.getValue().asText()
                                : p.getValue().toString();
                q.append(q.isEmpty() ? "?" : "&")
                        .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            });
        }
        return q.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
