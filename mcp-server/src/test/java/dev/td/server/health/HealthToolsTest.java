package dev.td.server.health;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Injuries, programs and notes end to end over REST and MCP: reported in the person's words, read back with
 * what they limit, and carried in the context of the training answers they touch.
 */
class HealthToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static Http.Answer get(String pathAndQuery) {
        return Http.send("GET", server.baseUrl() + pathAndQuery, TestServer.OWNER_KEY, null);
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }

    @BeforeAll
    static void aPersonInBerlinWhoSquatsAndBenches() {
        assertThat(Http.send(
                                "PATCH",
                                server.baseUrl() + "/v1/profile",
                                TestServer.OWNER_KEY,
                                "{\"idempotency_key\":\"zone\",\"time_zone\":\"Europe/Berlin\",\"weight_unit\":\"kg\"}")
                        .status())
                .isEqualTo(200);
        String day = today().minusDays(2).toString();
        Http.Answer w = post(
                "/v1/workouts",
                "{\"idempotency_key\":\"w1\",\"started_at\":\"" + day + "T18:00:00\",\"unit\":\"kg\",\"exercises\":["
                        + "{\"exercise\":\"squat\",\"sets\":[{\"weight\":100,\"reps\":5,\"count\":3}]},"
                        + "{\"exercise\":\"bench\",\"sets\":[{\"weight\":80,\"reps\":5,\"count\":3}]}]}");
        assertThat(w.status()).as(w.body().toString()).isEqualTo(200);
    }

    private static long events(String type) throws Exception {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events WHERE type = ?")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aKneeInjuryInGermanLimitsSquatsButNotTheBenchAndLeavesTheirAnswersContextWhenResolved() throws Exception {
        String since = today().minusDays(5).toString();
        Http.Answer reported = post(
                "/v1/injuries",
                "{\"idempotency_key\":\"knee\",\"body_part\":\"rechtes Knie\",\"severity\":\"moderate\",\"pain\":4,"
                        + "\"since\":\"" + since + "\",\"notes\":\"Stechen auf der Treppe\"}");
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(200);
        JsonNode injury = reported.body().at("/data/injury");
        // "rechtes Knie": the knee, right side; the id says so and when it began
        assertThat(injury.path("injury_id").asText()).isEqualTo("inj-knee-right-" + since);
        assertThat(injury.path("body_part").asText()).isEqualTo("knee");
        assertThat(injury.path("side").asText()).isEqualTo("right");
        assertThat(injury.path("status").asText()).isEqualTo("active");
        assertThat(injury.path("days").asInt()).isEqualTo(5);
        // the knee limits what body-parts.json says: quads; squat and lunge patterns; running and other sports
        assertThat(texts(injury.at("/affects/muscles"))).containsExactly("quads");
        assertThat(texts(injury.at("/affects/patterns"))).containsExactly("lunge", "squat");
        assertThat(texts(injury.at("/affects/sports"))).contains("run", "ride");

        String id = "inj-knee-right-" + since;
        JsonNode knee = injury(get("/v1/progression?exercise=squat").body(), id);
        assertThat(knee.isMissingNode()).as("the squat answer carries the knee").isFalse();
        assertThat(knee.path("severity").asText()).isEqualTo("moderate");
        assertThat(texts(knee.path("affects_here"))).containsExactly("barbell-back-squat");
        assertThat(injury(get("/v1/progression?exercise=bench").body(), id).isMissingNode())
                .as("the bench press (chest, horizontal push) is not limited by a knee")
                .isTrue();
        // a list of sessions names both lifts: the injury touches the squat in it
        assertThat(texts(injury(get("/v1/sessions").body(), id).path("affects_here")))
                .containsExactly("barbell-back-squat");

        Http.Answer early = post(
                "/v1/injuries/inj-knee-right-" + since + "/resolve",
                "{\"idempotency_key\":\"knee-ok-early\",\"on\":\"" + today().minusDays(6) + "\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().at("/path").asText()).isEqualTo("$.on");
        assertThat(events("injury.resolved")).as("nothing stored").isZero();

        Http.Answer resolved = post(
                "/v1/injuries/inj-knee-right-" + since + "/resolve",
                "{\"idempotency_key\":\"knee-ok\",\"notes\":\"pain-free\"}");
        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
        assertThat(resolved.body().at("/data/injury/status").asText()).isEqualTo("resolved");
        assertThat(resolved.body().at("/data/injury/resolved").asText()).isEqualTo(today().toString());
        assertThat(injury(get("/v1/progression?exercise=squat").body(), id).isMissingNode())
                .isTrue();
        Http.Answer twice =
                post("/v1/injuries/inj-knee-right-" + since + "/resolve", "{\"idempotency_key\":\"knee-ok-again\"}");
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.body().toString()).contains("get_injuries");
    }

    @Test
    void aRetryReplaysAndAChangedCallWithTheSameKeyIsRefused() throws Exception {
        String body = "{\"idempotency_key\":\"shoulder\",\"body_part\":\"left shoulder\",\"severity\":\"mild\"}";
        Http.Answer first = post("/v1/injuries", body);
        Http.Answer again = post("/v1/injuries", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.body().at("/data/event_id").asText())
                .isEqualTo(first.body().at("/data/event_id").asText());
        Http.Answer changed = post(
                "/v1/injuries",
                "{\"idempotency_key\":\"shoulder\",\"body_part\":\"left shoulder\",\"severity\":\"severe\"}");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(first.body().at("/data/injury/injury_id").asText()).isEqualTo("inj-shoulder-left-" + today());
        // the same id again is an update: severity changes, the report count grows
        Http.Answer update = post(
                "/v1/injuries",
                "{\"idempotency_key\":\"shoulder-2\",\"injury_id\":\"inj-shoulder-left-" + today()
                        + "\",\"body_part\":\"shoulder\",\"side\":\"left\",\"severity\":\"moderate\"}");
        assertThat(update.body().at("/data/injury/severity").asText()).isEqualTo("moderate");
        assertThat(update.body().at("/data/injury/reports").asInt()).isEqualTo(2);
        assertThat(events("injury.reported")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void namedExercisesResolveAndAnUnknownOneIsRefusedWithNothingStored() throws Exception {
        long before = events("injury.reported");
        Http.Answer unknown = post(
                "/v1/injuries",
                "{\"idempotency_key\":\"wrist\",\"body_part\":\"wrist\",\"severity\":\"mild\",\"exercises\":[\"Kniebeuge\",\"flibbertigibbet\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/path").asText()).isEqualTo("$.exercises[1]");
        assertThat(events("injury.reported")).isEqualTo(before);
        Http.Answer jaw = post(
                "/v1/injuries",
                "{\"idempotency_key\":\"jaw\",\"body_part\":\"jaw\",\"severity\":\"mild\",\"exercises\":[\"Kniebeuge\"]}");
        assertThat(jaw.status()).as(jaw.body().toString()).isEqualTo(200);
        assertThat(texts(jaw.body().at("/data/injury/affects/exercises"))).containsExactly("barbell-back-squat");
        assertThat(jaw.body().at("/context/body_part").asText()).contains("does not know 'jaw'");
        post("/v1/injuries/inj-jaw-" + today() + "/resolve", "{\"idempotency_key\":\"jaw-ok\"}");
    }

    @Test
    void aProgramKnowsItsWeekAndPhaseAndTrainingAnswersCarryIt() {
        LocalDate start = today().minusDays(15);
        Http.Answer started = post(
                "/v1/programs",
                "{\"idempotency_key\":\"p1\",\"name\":\"5/3/1 BBB\",\"phase\":\"hypertrophy\",\"weeks\":12,"
                        + "\"sessions_per_week\":4,\"start\":\"" + start + "\"}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        JsonNode p = started.body().at("/data/program");
        assertThat(p.path("program_id").asText()).isEqualTo("prog-5-3-1-bbb-" + start);
        // 15 days after the start: two whole weeks behind, so week 3 of the program and of its first phase
        assertThat(p.path("program_week").asInt()).isEqualTo(3);
        assertThat(p.path("phase_week").asInt()).isEqualTo(3);

        Http.Answer changed =
                post("/v1/programs/phase", "{\"idempotency_key\":\"p1-strength\",\"phase\":\"strength\",\"week\":2}");
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        JsonNode now = get("/v1/program").body().at("/data/program");
        assertThat(now.path("phase").asText()).isEqualTo("strength");
        assertThat(now.path("phase_week").asInt()).as("told week 2 today").isEqualTo(2);
        assertThat(now.path("phases")).hasSize(2);
        JsonNode context = get("/v1/volume").body().at("/context/program");
        assertThat(context.path("name").asText()).isEqualTo("5/3/1 BBB");
        assertThat(context.path("phase").asText()).isEqualTo("strength");

        Http.Answer beforeStart = post(
                "/v1/programs/phase",
                "{\"idempotency_key\":\"p1-early\",\"phase\":\"base\",\"on\":\"" + start.minusDays(1) + "\"}");
        assertThat(beforeStart.status()).isEqualTo(400);
        assertThat(beforeStart.body().at("/path").asText()).isEqualTo("$.on");
    }

    @Test
    void aProgramWhoseIdBeginsWithAnEmojiIsAnsweredAndListedLikeAnyOther() {
        // found by ToolFuzzTest (seed 699613): keys beyond U+FFFF sorted past the end of "every key" and the
        // program just stored was not found: a 500
        dev.td.tools.Principal person = server.person("emoji-program");
        String id = "\uD83C\uDFCB\uFE0F Kniebeuge \u0645\u0631\u062D\u0628\u0627";
        JsonNode started = server.invoke(
                person,
                "start_program",
                dev.td.tools.Json.mapper()
                        .createObjectNode()
                        .put("idempotency_key", "emoji")
                        .put("name", "Deadlift")
                        .put("program_id", id));
        assertThat(started.at("/data/program/program_id").asText()).isEqualTo(id);
        assertThat(server.invoke(person, "get_program", "{}")
                        .at("/data/program/program_id")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void aNoteAndAnInjuryWrittenOverMcpComeBackAsStructuredContent() throws Exception {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
                        .endpoint("/mcp")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder()
                                .header("Authorization", "Bearer " + TestServer.OWNER_KEY))
                        .build())
                .requestTimeout(java.time.Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            McpSchema.CallToolResult note = client.callTool(McpRequests.callTool(
                    "add_note", Map.of("idempotency_key", "n1", "text", "new shoes", "tags", List.of("gear"))));
            assertThat(note.isError()).isFalse();
            JsonNode data = Json.mapper().valueToTree(note.structuredContent()).path("data");
            assertThat(data.at("/event/type").asText()).isEqualTo("note.recorded");
            assertThat(data.at("/event/data/text").asText()).isEqualTo("new shoes");
            McpSchema.CallToolResult hurt = client.callTool(McpRequests.callTool(
                    "report_injury",
                    Map.of("idempotency_key", "calf", "body_part", "Wade", "side", "left", "severity", "mild")));
            JsonNode injury =
                    Json.mapper().valueToTree(hurt.structuredContent()).at("/data/injury");
            assertThat(injury.path("body_part").asText()).isEqualTo("calf");
            assertThat(texts(injury.at("/affects/sports"))).contains("run");
            McpSchema.CallToolResult listed = client.callTool(McpRequests.callTool("get_injuries", Map.of()));
            JsonNode injuries =
                    Json.mapper().valueToTree(listed.structuredContent()).at("/data/injuries");
            assertThat(injuries.findValuesAsText("injury_id")).contains("inj-calf-left-" + today());
        }
    }

    /** The injury with this id in an answer's context, or a missing node. */
    private static JsonNode injury(JsonNode answer, String injuryId) {
        for (JsonNode i : answer.at("/context/injuries")) {
            if (i.path("injury_id").asText().equals(injuryId)) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
