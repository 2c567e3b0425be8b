package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.McpRequests;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One idempotency_key covers a whole log_workout or log_sets call, end to end over REST and MCP: the
 * same request again is a replay that stores nothing, and anything different under the same key is
 * a conflict that stores nothing either. Event counts are read from the events table directly.
 */
class WorkoutIdempotencyTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    /** Bench 2 x 5 at 80 kg: session.started and two set.logged events. */
    private static String benchDay(String key, String extra) {
        return "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"2026-09-01T18:00:00+02:00\"" + extra
                + ",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":80,\"reps\":5,\"count\":2}]}"
                + "]}";
    }

    private static String benchDayWithRows(String key) {
        return "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"2026-09-01T18:00:00+02:00\""
                + ",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":80,\"reps\":5,\"count\":2}]}"
                + ",{\"exercise\":\"barbell row\",\"unit\":\"kg\",\"sets\":[{\"weight\":60,\"reps\":8}]}]}";
    }

    private static void assertRefusedAsDifferentRequest(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
        assertThat(answer.body().path("code").asText()).isEqualTo("conflict");
        assertThat(answer.body().path("path").asText()).isEqualTo("$.idempotency_key");
        assertThat(answer.body().path("detail").asText())
                .contains("earlier request")
                .contains("differ")
                .contains("new idempotency_key");
    }

    @Test
    void theSameWorkoutSentTwiceIsAReplayThatStoresNothing() {
        Http.Answer first = post("/v1/workouts", benchDay("same-twice", ""));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        long stored = server.eventCount();
        Http.Answer again = post("/v1/workouts", benchDay("same-twice", ""));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.body().at("/data/sets_logged").asInt()).isZero();
        assertThat(again.body().at("/data/session")).isEqualTo(first.body().at("/data/session"));
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void aRetryThatAddsASessionRpeIsRefusedAndStoresNothing() {
        post("/v1/workouts", benchDay("added-rpe", ""));
        long stored = server.eventCount();
        Http.Answer changed = post("/v1/workouts", benchDay("added-rpe", ",\"session_rpe\":7"));
        assertRefusedAsDifferentRequest(changed);
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void aRetryThatAddsAnExerciseIsRefusedAndStoresNothing() {
        post("/v1/workouts", benchDay("added-exercise", ""));
        long stored = server.eventCount();
        Http.Answer changed = post("/v1/workouts", benchDayWithRows("added-exercise"));
        assertRefusedAsDifferentRequest(changed);
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void aRetryThatLeavesOutASetIsRefused() {
        post("/v1/workouts", benchDayWithRows("dropped-exercise"));
        long stored = server.eventCount();
        assertRefusedAsDifferentRequest(post("/v1/workouts", benchDay("dropped-exercise", "")));
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void theSameContentWithKeysInAnotherOrderIsAReplay() {
        post("/v1/workouts", benchDay("reordered", ",\"session_rpe\":7"));
        long stored = server.eventCount();
        String reordered =
                "{\"exercises\":[{\"sets\":[{\"count\":2,\"reps\":5,\"weight\":80.0}],\"unit\":\"kg\",\"exercise\":\"bench\"}],"
                        + "\"session_rpe\":7,\"started_at\":\"2026-09-01T18:00:00+02:00\",\"idempotency_key\":\"reordered\"}";
        Http.Answer again = post("/v1/workouts", reordered);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void logSetsRetriedWithAnExtraExerciseIsRefusedAndStoresNothing() {
        post("/v1/workouts", benchDay("sets-base", ",\"session_id\":\"sets-session\""));
        String curls = "{\"exercise\":\"barbell curl\",\"sets\":[{\"weight\":15,\"unit\":\"kg\",\"reps\":8}]}";
        String rows = "{\"exercise\":\"barbell row\",\"sets\":[{\"weight\":60,\"unit\":\"kg\",\"reps\":8}]}";
        String once =
                "{\"idempotency_key\":\"sets-1\",\"session_id\":\"sets-session\",\"at\":\"2026-09-01T18:40:00+02:00\","
                        + "\"exercises\":[" + curls + "]}";
        String more =
                "{\"idempotency_key\":\"sets-1\",\"session_id\":\"sets-session\",\"at\":\"2026-09-01T18:40:00+02:00\","
                        + "\"exercises\":[" + curls + "," + rows + "]}";
        Http.Answer first = post("/v1/workouts/sets", once);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        long stored = server.eventCount();
        Http.Answer same = post("/v1/workouts/sets", once);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().at("/data/replayed").asBoolean()).isTrue();
        assertRefusedAsDifferentRequest(post("/v1/workouts/sets", more));
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void logSetsWithoutATimeRetriedLaterIsAReplay() throws InterruptedException {
        post("/v1/workouts", benchDay("now-base", ",\"session_id\":\"now-session\""));
        String call = "{\"idempotency_key\":\"now-sets\",\"session_id\":\"now-session\","
                + "\"exercises\":[{\"exercise\":\"barbell curl\",\"sets\":[{\"weight\":12,\"unit\":\"kg\",\"reps\":10}]}]}";
        assertThat(post("/v1/workouts/sets", call).status()).isEqualTo(200);
        long stored = server.eventCount();
        Thread.sleep(20);
        Http.Answer again = post("/v1/workouts/sets", call);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void aLogSetsCallCannotReuseTheKeyOfAWorkout() {
        post("/v1/workouts", benchDay("workout-key", ",\"session_id\":\"workout-key-session\""));
        long stored = server.eventCount();
        String sets =
                "{\"idempotency_key\":\"workout-key\",\"session_id\":\"workout-key-session\",\"at\":\"2026-09-01T18:40:00+02:00\","
                        + "\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":80,\"reps\":5,\"count\":2}]}]}";
        assertRefusedAsDifferentRequest(post("/v1/workouts/sets", sets));
        assertThat(server.eventCount()).isEqualTo(stored);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneWorkout() throws Exception {
        long before = server.eventCount();
        List<Future<Http.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String body = i % 2 == 0 ? benchDay("racing", "") : benchDay("racing", ",\"session_rpe\":8");
                answers.add(pool.submit(() -> post("/v1/workouts", body)));
            }
        }
        int stored = 0;
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Answer> f : answers) {
            Http.Answer a = f.get();
            statuses.add(a.status());
            if (a.status() == 200 && !a.body().at("/data/replayed").asBoolean()) {
                stored++;
            }
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(stored).as("calls that stored a workout").isEqualTo(1);
        long events = server.eventCount() - before;
        assertThat(events)
                .as("session.started and 2 sets, plus session.ended when the winner had a session_rpe")
                .isIn(3L, 4L);
        assertThat(statuses.stream().filter(s -> s == 409).count())
                .as("the four calls whose content differs from the winner's")
                .isEqualTo(4);
    }

    @Test
    void overMcpARetryWithAddedSessionRpeIsAConflictAndStoresNothing() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder()
                                .header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            Map<String, Object> workout = Map.of(
                    "idempotency_key",
                    "mcp-added-rpe",
                    "started_at",
                    "2026-09-02T18:00:00+02:00",
                    "exercises",
                    List.of(Map.of(
                            "exercise",
                            "squat",
                            "unit",
                            "kg",
                            "sets",
                            List.of(Map.of("weight", 120, "reps", 5, "count", 3)))));
            McpSchema.CallToolResult first = client.callTool(McpRequests.callTool("log_workout", workout));
            assertThat(first.isError()).as(first.content().toString()).isFalse();
            long stored = server.eventCount();

            McpSchema.CallToolResult same = client.callTool(McpRequests.callTool("log_workout", workout));
            assertThat(same.isError()).as(same.content().toString()).isFalse();
            JsonNode replay = Json.mapper().valueToTree(same.structuredContent());
            assertThat(replay.at("/data/replayed").asBoolean()).isTrue();

            Map<String, Object> withRpe = new java.util.HashMap<>(workout);
            withRpe.put("session_rpe", 8);
            McpSchema.CallToolResult changed = client.callTool(McpRequests.callTool("log_workout", withRpe));
            assertThat(changed.isError()).isTrue();
            JsonNode parsed =
                    readError(((McpSchema.TextContent) changed.content().getFirst()).text());
            assertThat(parsed.path("code").asText()).isEqualTo("conflict");
            assertThat(parsed.path("path").asText()).isEqualTo("$.idempotency_key");
            assertThat(server.eventCount()).isEqualTo(stored);
        }
    }

    private static JsonNode readError(String text) {
        try {
            return Json.mapper().readTree(text).path("error");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the tool error is not JSON: " + text, e);
        }
    }
}
