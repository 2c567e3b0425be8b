package dev.td.server.overview;

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
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * get_overview over REST on a record built for it, every figure worked out by hand from what was logged (days
 * relative to today in Europe/Berlin, d-1 = yesterday):
 *
 * <ul>
 *   <li>d-10 a ride, 90 min moving, 40 km, no RPE (unrated: 0 load);</li>
 *   <li>d-3 a strength session 18:00-19:00, session RPE 7, one warm-up and three working sets: 7 x 60 = 420 AU;</li>
 *   <li>d-1 a run, 50 min moving, 10 km, RPE 6: 6 x 50 = 300 AU;</li>
 *   <li>resting HR on d-12..d-3: 52 53 54 55 56 52 53 54 55 56 (median 54; absolute deviations 2 1 0 1 2 2 1 0 1 2,
 *       median 1, spread 1.4826 x 1), and 60 on d-1: z = (60 - 54) / 1.4826 = 4.047;</li>
 *   <li>a mild left-knee injury since d-2.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverviewTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Http.Answer send(String method, String path, @Nullable String body) {
        Http.Answer a = Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(200);
        return a;
    }

    private static JsonNode overview() {
        JsonNode answer = send("GET", "/v1/overview", null).body();
        ToolManifest manifest = server.core().tools().manifests().stream()
                .filter(m -> m.name().equals("get_overview"))
                .findFirst()
                .orElseThrow();
        assertThat(ArgumentValidator.of(manifest.outputSchema(), "get_overview").violations(answer.path("data")))
                .as("the answer against get_overview's exact output schema: " + answer)
                .isEmpty();
        return answer;
    }

    private static LocalDate day(int daysAgo) {
        return LocalDate.now(BERLIN).minusDays(daysAgo);
    }

    @Test
    @Order(1)
    void aPersonWithNothingLoggedGetsAnEmptyOverviewThatSaysSo() {
        JsonNode data = overview().path("data");
        assertThat(data.at("/last_28_days/sessions").asInt()).isZero();
        assertThat(data.path("last_session").isNull()).isTrue();
        assertThat(data.path("fatigue").isNull()).isTrue();
        assertThat(data.path("injuries")).isEmpty();
        assertThat(data.path("metrics")).isEmpty();
        assertThat(data.path("notable").toString()).contains("no training logged yet");
    }

    @Test
    @Order(2)
    void theOverviewSumsTheLastSevenAndTwentyEightDaysAndNamesWhatStandsOut() {
        send("PATCH", "/v1/profile", "{\"idempotency_key\":\"zone\",\"time_zone\":\"Europe/Berlin\"}");
        send(
                "POST",
                "/v1/activities",
                "{\"idempotency_key\":\"ride\",\"activity_id\":\"ride-1\",\"sport\":\"ride\",\"started_at\":\""
                        + day(10) + "T09:00:00\",\"moving\":\"1:30:00\",\"distance\":40,\"unit\":\"km\"}");
        send(
                "POST",
                "/v1/workouts",
                "{\"idempotency_key\":\"lift\",\"started_at\":\"" + day(3) + "T18:00:00\",\"ended_at\":\"" + day(3)
                        + "T19:00:00\",\"session_rpe\":7,\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\","
                        + "\"sets\":[{\"weight\":60,\"reps\":8,\"type\":\"warmup\"},{\"weight\":100,\"reps\":5,\"count\":3}]}]}");
        Http.Answer run = send(
                "POST",
                "/v1/activities",
                "{\"idempotency_key\":\"run\",\"activity_id\":\"run-1\",\"sport\":\"run\",\"started_at\":\"" + day(1)
                        + "T07:00:00\",\"moving\":\"50:00\",\"distance\":10,\"unit\":\"km\",\"rpe\":6}");
        assertThat(run.body().at("/context/fatigue/zone").asText())
                .as("a logged activity carries the fatigue state")
                .isEqualTo("building");
        double[] rest = {52, 53, 54, 55, 56, 52, 53, 54, 55, 56};
        for (int i = 0; i < rest.length; i++) {
            send(
                    "POST",
                    "/v1/metrics",
                    "{\"idempotency_key\":\"rhr-" + i + "\",\"at\":\"" + day(12 - i)
                            + "T07:00:00\",\"readings\":[{\"metric\":\"resting_hr\",\"value\":" + rest[i] + "}]}");
        }
        send(
                "POST",
                "/v1/metrics",
                "{\"idempotency_key\":\"rhr-high\",\"at\":\"" + day(1)
                        + "T07:00:00\",\"readings\":[{\"metric\":\"resting_hr\",\"value\":60}]}");
        send(
                "POST",
                "/v1/injuries",
                "{\"idempotency_key\":\"knee\",\"body_part\":\"left knee\",\"severity\":\"mild\",\"since\":\"" + day(2)
                        + "\"}");

        JsonNode data = overview().path("data");
        assertThat(data.path("date").asText()).isEqualTo(day(0).toString());
        JsonNode week = data.path("last_7_days");
        assertThat(week.path("from").asText()).isEqualTo(day(6).toString());
        assertThat(week.path("sessions").asInt()).isEqualTo(2);
        assertThat(week.path("minutes").asDouble()).isEqualTo(110.0);
        assertThat(week.path("load").asDouble()).isEqualTo(720.0);
        assertThat(week.path("unrated").asInt()).isZero();
        assertThat(week.at("/strength/sessions").asInt()).isEqualTo(1);
        assertThat(week.at("/strength/working_sets").asInt())
                .as("the warm-up does not count")
                .isEqualTo(3);
        assertThat(week.at("/strength/minutes").asDouble()).isEqualTo(60.0);
        assertThat(week.path("endurance")).hasSize(1);
        assertThat(week.at("/endurance/0/sport").asText()).isEqualTo("run");
        assertThat(week.at("/endurance/0/activities").asInt()).isEqualTo(1);
        assertThat(week.at("/endurance/0/distance_km").asDouble()).isEqualTo(10.0);
        assertThat(week.at("/endurance/0/minutes").asDouble()).isEqualTo(50.0);
        JsonNode month = data.path("last_28_days");
        assertThat(month.path("sessions").asInt()).isEqualTo(3);
        assertThat(month.path("minutes").asDouble()).isEqualTo(200.0);
        assertThat(month.path("load").asDouble()).isEqualTo(720.0);
        assertThat(month.path("unrated").asInt()).isEqualTo(1);
        assertThat(month.at("/endurance/0/sport").asText())
                .as("equal counts: by name")
                .isEqualTo("ride");
        assertThat(month.at("/endurance/0/distance_km").asDouble()).isEqualTo(40.0);
        assertThat(data.at("/last_session/date").asText()).isEqualTo(day(1).toString());
        assertThat(data.at("/last_session/kind").asText()).isEqualTo("endurance");
        assertThat(data.at("/last_session/sport").asText()).isEqualTo("run");
        assertThat(data.at("/last_session/days_ago").asInt()).isEqualTo(1);

        // CTL/ATL from 0 on d-11, loads 420 on d-3 and 300 on d-1 (e^(-1/42), e^(-1/7) per day), to today:
        double c = Math.exp(-1.0 / 42);
        double a = Math.exp(-1.0 / 7);
        double ctl = (420 * (1 - c) * c * c + 300 * (1 - c)) * c;
        double atl = (420 * (1 - a) * a * a + 300 * (1 - a)) * a;
        JsonNode fatigue = data.path("fatigue");
        assertThat(fatigue.path("zone").asText()).as("11 days of history").isEqualTo("building");
        assertThat(fatigue.path("ctl").asDouble()).isCloseTo(ctl, within(0.05));
        assertThat(fatigue.path("atl").asDouble()).isCloseTo(atl, within(0.05));
        assertThat(fatigue.path("acwr").isNull()).as("an ACWR needs 28 days").isTrue();

        assertThat(data.at("/injuries/0/body_part").asText()).isEqualTo("knee");
        assertThat(data.at("/injuries/0/side").asText()).isEqualTo("left");
        assertThat(data.path("program").isNull()).isTrue();

        JsonNode hr = data.at("/metrics/0");
        assertThat(hr.path("metric").asText()).isEqualTo("resting_hr");
        assertThat(hr.path("date").asText()).isEqualTo(day(1).toString());
        assertThat(hr.path("value").asDouble()).isEqualTo(60.0);
        assertThat(hr.at("/baseline/median").asDouble()).isEqualTo(54.0);
        assertThat(hr.at("/baseline/spread").asDouble()).isCloseTo(1.4826, within(0.005));
        assertThat(hr.at("/baseline/days").asInt()).isEqualTo(10);
        assertThat(hr.path("z").asDouble()).isCloseTo(4.047, within(0.005));

        assertThat(data.path("notable").toString())
                .contains("11 days of training history: fatigue zones need 42")
                .contains("new injury since " + day(2) + ": knee (left), mild")
                .contains("resting_hr 60 bpm on " + day(1) + ": 4.0 robust SD above its 28-day median 54")
                .contains("1 of 3 session(s) in the last 28 days have no RPE")
                .doesNotContain("no training for");
        assertThat(overview().toString().length()).as("about 2k tokens at most").isLessThan(8_000);
    }

    // as of d-4 (by hand from the record above): the 7 days d-10..d-4 hold the ride only (90 min, 40 km, unrated);
    // the session of d-3, the run of d-1 and the knee injury since d-2 had not happened yet
    @Test
    @Order(3)
    void anOverviewAsOfAPastDayCountsOnlyWhatHadHappenedByThenAndAFutureDayIsRefused() {
        JsonNode data = send("GET", "/v1/overview?as_of=" + day(4), null).body().path("data");
        assertThat(data.path("date").asText()).isEqualTo(day(4).toString());
        JsonNode week = data.path("last_7_days");
        assertThat(week.path("from").asText()).isEqualTo(day(10).toString());
        assertThat(week.path("sessions").asInt()).isEqualTo(1);
        assertThat(week.path("minutes").asDouble()).isEqualTo(90.0);
        assertThat(week.path("unrated").asInt()).isEqualTo(1);
        assertThat(week.at("/endurance/0/sport").asText()).isEqualTo("ride");
        assertThat(data.at("/last_session/date").asText()).isEqualTo(day(10).toString());
        assertThat(data.at("/last_session/days_ago").asInt()).isEqualTo(6);
        assertThat(data.path("injuries")).isEmpty();
        assertThat(overview().at("/data/last_7_days/sessions").asInt())
                .as("today's overview is still today's")
                .isEqualTo(2);
        Http.Answer future =
                Http.send("GET", server.baseUrl() + "/v1/overview?as_of=" + day(-1), TestServer.OWNER_KEY, null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("detail").asText() + future.body()).contains("as_of");
    }

    @Test
    @Order(4)
    void mcpAndTheCliGetTheSameOverviewAsRest() {
        JsonNode rest = overview().path("data");
        try (McpSyncClient client = McpClients.owner(server)) {
            McpSchema.CallToolResult result = client.callTool(McpRequests.callTool("get_overview", Map.of()));
            assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
            JsonNode mcp = Json.mapper().valueToTree(result.structuredContent()).path("data");
            assertThat(mcp.path("notable")).isEqualTo(rest.path("notable"));
            assertThat(mcp.path("last_28_days")).isEqualTo(rest.path("last_28_days"));
        }
        CliRun cli = CliRun.against(server, "", "get-overview");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.json().at("/data/notable")).isEqualTo(rest.path("notable"));
        assertThat(cli.json().at("/data/metrics/0/z").asDouble()).isCloseTo(4.047, within(0.005));
    }

    // The overview is kept per person while their log's head and their day stay the same. A write moves the head in
    // whichever process it happens: a second td process on the same database logs a session today, and this server's
    // next overview counts it (3 sessions in the last 7 days, from the 2 above)
    @Test
    @Order(5)
    void aKeptOverviewGivesWayToAWriteFromAnotherProcess() {
        JsonNode first = overview().path("data");
        assertThat(overview().path("data")).as("asked again, nothing written").isEqualTo(first);
        assertThat(first.at("/last_7_days/sessions").asInt()).isEqualTo(2);
        try (dev.td.server.wiring.TdCore other = dev.td.server.wiring.TdCore.open(
                java.util.Optional.of(server.databaseUrl()), dev.td.testkit.TestDatabases.tempDir("td-overview-2"))) {
            dev.td.tools.Principal owner = other.accounts().localOwner();
            other.tools()
                    .invoke(
                            "log_workout",
                            owner,
                            Json.mapper()
                                    .createObjectNode()
                                    .put("idempotency_key", "other-process")
                                    .put("started_at", day(0) + "T06:00:00")
                                    .put("session_rpe", 5)
                                    .set(
                                            "exercises",
                                            Json.mapper()
                                                    .createArrayNode()
                                                    .add(Json.mapper()
                                                            .createObjectNode()
                                                            .put("exercise", "squat")
                                                            .put("unit", "kg")
                                                            .set(
                                                                    "sets",
                                                                    Json.mapper()
                                                                            .createArrayNode()
                                                                            .add(Json.mapper()
                                                                                    .createObjectNode()
                                                                                    .put("weight", 80)
                                                                                    .put("reps", 5))))),
                            new dev.td.tools.ToolCall.Origin(
                                    "api",
                                    java.util.UUID.randomUUID().toString(),
                                    java.util.Optional.of("test"),
                                    java.util.Optional.empty()));
        }
        JsonNode after = overview().path("data");
        assertThat(after.at("/last_7_days/sessions").asInt()).isEqualTo(3);
        assertThat(after.at("/last_session/date").asText()).isEqualTo(day(0).toString());
    }
}
