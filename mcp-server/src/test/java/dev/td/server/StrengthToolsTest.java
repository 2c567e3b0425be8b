package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Strength training end to end over REST: log a workout in one call, then ask how it is going. */
class StrengthToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String KEY = TestServer.OWNER_KEY;

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, KEY, body);
    }

    private static Http.Answer get(String pathAndQuery) {
        return Http.send("GET", server.baseUrl() + pathAndQuery, KEY, null);
    }

    private static String benchDay(String key, String date, double weight, String lastRpe) {
        return "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + date + "T18:00:00+01:00\",\"ended_at\":\""
                + date + "T19:10:00+01:00\","
                + "\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[{\"weight\":60,\"reps\":8,\"type\":\"warmup\"},"
                + "{\"weight\":" + weight + ",\"reps\":5,\"count\":2},{\"weight\":" + weight + ",\"reps\":5,\"rpe\":"
                + lastRpe + "}]},"
                + "{\"exercise\":\"barbell row\",\"sets\":[{\"weight\":154,\"unit\":\"lb\",\"reps\":8,\"count\":3}]}]}";
    }

    @Test
    void aWorkoutLoggedInOneCallComesBackAsASessionWithNewRecords() {
        Http.Answer logged = post("/v1/workouts", benchDay("bench-day-1", "2026-09-01", 110, "9"));
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        JsonNode session = logged.body().at("/data/session");
        assertThat(session.path("sets").asInt()).isEqualTo(7);
        assertThat(session.path("working_sets").asInt())
                .as("the warm-up does not count")
                .isEqualTo(6);
        JsonNode bench = session.path("exercises").get(0);
        assertThat(bench.path("exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(bench.at("/volume/kg").asDouble()).isEqualTo(1650.0);
        JsonNode row = session.path("exercises").get(1);
        assertThat(row.at("/volume/kg").asDouble())
                .as("154 lb x 8 x 3 in kg")
                .isCloseTo(154 * 0.45359237 * 24, org.assertj.core.api.Assertions.within(0.01));
        assertThat(logged.body().at("/context/new_personal_records").findValuesAsText("record"))
                .contains("5rm", "e1rm");
        assertThat(logged.body().at("/data/sets_logged").asInt()).isEqualTo(7);
    }

    @Test
    void retryingAWorkoutStoresNothingNew() {
        post("/v1/workouts", benchDay("bench-retry", "2026-09-03", 90, "8"));
        long before = server.eventCount();
        Http.Answer again = post("/v1/workouts", benchDay("bench-retry", "2026-09-03", 90, "8"));
        assertThat(again.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.body().at("/data/sets_logged").asInt()).isZero();
        assertThat(server.eventCount()).isEqualTo(before);
        Http.Answer changed = post("/v1/workouts", benchDay("bench-retry", "2026-09-03", 95, "8"));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.body().path("path").asText()).isEqualTo("$.idempotency_key");
    }

    @Test
    void progressionRecordsAndVolumeAnswerFromProjections() {
        for (int week = 0; week < 8; week++) {
            post(
                    "/v1/workouts",
                    benchDay(
                            "prog-" + week,
                            java.time.LocalDate.of(2026, 6, 1).plusWeeks(week).toString(),
                            80 + 2.5 * week,
                            "8"));
        }
        JsonNode progression = get("/v1/progression?exercise=Bankdr%C3%BCcken&from=2026-06-01&to=2026-07-31")
                .body();
        assertThat(progression.at("/data/exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(progression.at("/data/sessions")).hasSize(8);
        assertThat(progression.at("/data/trend/direction").asText()).isEqualTo("improving");
        assertThat(progression.at("/meta/statistical_quality").isObject()).isTrue();
        assertThat(progression.at("/meta/projection_version").asInt()).isPositive();

        JsonNode records = get("/v1/records?exercise=bench").body().at("/data/exercises/0");
        assertThat(records.path("by_reps").findValuesAsText("record")).contains("5rm");

        JsonNode volume = get("/v1/volume?from=2026-06-01&to=2026-06-07&detail=full")
                .body()
                .at("/data/weeks");
        assertThat(volume).hasSize(1);
        assertThat(volume.get(0).path("week").asText()).isEqualTo("2026-W23");
        assertThat(volume.get(0)
                        .at("/by_exercise/barbell-bench-press/working_sets")
                        .asInt())
                .isEqualTo(3);
        assertThat(volume.get(0).at("/by_muscle_group/chest/sets").asDouble()).isEqualTo(3.0);
    }

    @Test
    void correctingASetChangesTheRecordsAsIfItHadBeenLoggedRight() {
        post(
                "/v1/workouts",
                "{\"idempotency_key\":\"typo-day\",\"confirm_unusual\":true,\"started_at\":\"2026-10-05T18:00:00+02:00\",\"exercises\":[{\"exercise\":\"deadlift\","
                        + "\"sets\":[{\"weight\":1800,\"unit\":\"kg\",\"reps\":3}]}]}");
        // detail full: the record names the event (and session) to correct
        JsonNode before =
                get("/v1/records?exercise=deadlift&detail=full").body().at("/data/exercises/0/by_reps/0");
        assertThat(before.at("/weight/kg").asDouble()).isEqualTo(1800.0);
        String eventId = before.path("event_id").asText();
        Http.Answer fixed = post(
                "/v1/events/" + eventId + "/corrections",
                "{\"idempotency_key\":\"fix-typo\",\"data\":{\"session_id\":\""
                        + before.path("session_id").asText() + "\",\"exercise\":\"deadlift\",\"exercise_id\":\""
                        + before.path("exercise_id").asText()
                        + "\",\"weight\":{\"value\":180,\"unit\":\"kg\"},\"reps\":3,\"set_type\":\"working\"}}");
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        JsonNode after = get("/v1/records?exercise=deadlift&detail=full").body().at("/data/exercises/0/by_reps/0");
        assertThat(after.at("/weight/kg").asDouble()).isEqualTo(180.0);
        assertThat(after.path("event_id").asText()).isEqualTo(eventId);
    }

    @Test
    void aCorrectionNamingAnExerciseNotInTheCatalogIsRefused() {
        post(
                "/v1/workouts",
                "{\"idempotency_key\":\"wrong-id-day\",\"started_at\":\"2026-10-06T18:00:00+02:00\",\"exercises\":[{\"exercise\":\"squat\","
                        + "\"sets\":[{\"weight\":100,\"unit\":\"kg\",\"reps\":3}]}]}");
        JsonNode set = get("/v1/records?exercise=squat&detail=full").body().at("/data/exercises/0/by_reps/0");
        Http.Answer refused = post(
                "/v1/events/" + set.path("event_id").asText() + "/corrections",
                "{\"idempotency_key\":\"fix-wrong-id\",\"data\":{\"session_id\":\""
                        + set.path("session_id").asText()
                        + "\",\"exercise\":\"squat\",\"exercise_id\":\"no-such-lift\",\"reps\":3,\"set_type\":\"working\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.data.exercise_id");
    }

    @Test
    void loadsAreShownBackInThePersonsUnit() {
        TestServer own = TestServer.start();
        try {
            Http.send(
                    "PATCH",
                    own.baseUrl() + "/v1/profile",
                    KEY,
                    "{\"idempotency_key\":\"p1\",\"weight_unit\":\"lb\",\"time_zone\":\"America/New_York\"}");
            Http.Answer logged = Http.send(
                    "POST",
                    own.baseUrl() + "/v1/workouts",
                    KEY,
                    "{\"idempotency_key\":\"lb-day\",\"started_at\":\"2026-10-05T18:00:00\",\"exercises\":[{\"exercise\":\"squat\",\"sets\":[{\"weight\":100,\"unit\":\"kg\",\"reps\":5}]}]}");
            JsonNode top = logged.body().at("/data/session/exercises/0/top_set/weight");
            assertThat(top.path("unit").asText()).isEqualTo("lb");
            assertThat(top.path("value").asDouble()).isCloseTo(220.46, org.assertj.core.api.Assertions.within(0.01));
            assertThat(logged.body().at("/data/session/started_at").asText())
                    .as("local time in the profile's zone")
                    .isEqualTo("2026-10-05T18:00:00-04:00");
        } finally {
            own.close();
        }
    }

    static List<Object[]> badWorkouts() {
        String start = "\"idempotency_key\":\"bad\",\"started_at\":\"2026-10-01T18:00:00Z\"";
        return List.of(
                new Object[] {
                    "negative reps",
                    "{" + start
                            + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":100,\"unit\":\"kg\",\"reps\":-5}]}]}",
                    "$.exercises[0].sets[0].reps"
                },
                new Object[] {
                    "weight without unit",
                    "{" + start + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":100,\"reps\":5}]}]}",
                    "$.exercises[0].sets[0].weight"
                },
                new Object[] {
                    "unknown exercise",
                    "{" + start + ",\"exercises\":[{\"exercise\":\"quantum flux press\",\"sets\":[{\"reps\":5}]}]}",
                    "$.exercises[0].exercise"
                },
                new Object[] {
                    "reps as text",
                    "{" + start
                            + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":100,\"unit\":\"kg\",\"reps\":\"five\"}]}]}",
                    "$.exercises[0].sets[0].reps"
                },
                new Object[] {
                    "ends before it starts",
                    "{" + start
                            + ",\"ended_at\":\"2026-10-01T17:00:00Z\",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"reps\":5}]}]}",
                    "$.ended_at"
                },
                new Object[] {
                    "nothing measured",
                    "{" + start
                            + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":100,\"unit\":\"kg\"}]}]}",
                    "$.exercises[0].sets[0]"
                },
                new Object[] {
                    "rpe and rir",
                    "{" + start
                            + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"reps\":5,\"rpe\":8,\"rir\":2}]}]}",
                    "$.exercises[0].sets[0].rir"
                },
                new Object[] {
                    "rpe off the scale",
                    "{" + start + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"reps\":5,\"rpe\":11}]}]}",
                    "$.exercises[0].sets[0].rpe"
                },
                new Object[] {
                    "bad unit",
                    "{" + start
                            + ",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":100,\"unit\":\"stone\",\"reps\":5}]}]}",
                    "$.exercises[0].sets[0].unit"
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWorkouts")
    void aBadWorkoutIsRefusedWithTheFieldAndStoresNothing(String what, String body, String path) {
        long before = server.eventCount();
        Http.Answer answer = post("/v1/workouts", body);
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("path").asText()).as(what).isEqualTo(path);
        assertThat(server.eventCount()).as(what + " stores nothing").isEqualTo(before);
    }

    @Test
    void theTypeOfAnExerciseIsInferredFromHowItsSetsWereLogged() {
        post(
                "/v1/workouts",
                "{\"idempotency_key\":\"types-day\",\"started_at\":\"2026-08-01T10:00:00Z\",\"exercises\":["
                        + "{\"exercise\":\"plank\",\"sets\":[{\"duration_s\":60,\"count\":3}]},"
                        + "{\"exercise\":\"pull-up\",\"sets\":[{\"reps\":8,\"count\":2},{\"weight\":10,\"unit\":\"kg\",\"reps\":5}]}]}");
        JsonNode plank = get("/v1/progression?exercise=plank").body().at("/data/type");
        assertThat(plank.path("inferred").asText()).isEqualTo("timed");
        assertThat(plank.path("evidence").asText()).contains("3 timed");
        JsonNode pullUp = get("/v1/progression?exercise=pull-up").body().at("/data/type");
        assertThat(pullUp.path("inferred").asText()).isEqualTo("bodyweight");
        assertThat(pullUp.path("evidence").asText()).startsWith("1 of 3 sets with weight and reps, 2 with reps only");
    }

    @Test
    void setsWithDistanceAndDurationMakeAnEnduranceExercise() {
        // three erg pieces (2000 m in 8:00, twice 1000 m in 3:50) and one timed piece without a distance
        Http.Answer logged = post(
                "/v1/workouts",
                "{\"idempotency_key\":\"erg-day\",\"started_at\":\"2026-08-02T10:00:00Z\",\"exercises\":["
                        + "{\"exercise\":\"Concept2 erg\",\"create_if_unknown\":true,\"sets\":["
                        + "{\"distance_m\":2000,\"duration_s\":480},{\"distance_m\":1000,\"duration_s\":230,\"count\":2},"
                        + "{\"duration_s\":600}]}]}");
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        JsonNode type = get("/v1/progression?exercise=Concept2%20erg").body().at("/data/type");
        assertThat(type.path("inferred").asText()).isEqualTo("endurance");
        assertThat(type.path("evidence").asText())
                .isEqualTo("0 of 4 sets with weight and reps, 0 with reps only, 1 timed, 3 with distance and duration,"
                        + " 0 by distance");
    }

    @Test
    void anUnknownExerciseBecomesThePersonsOwnWhenTheCallSaysSo() {
        String body =
                "{\"idempotency_key\":\"sled-day\",\"started_at\":\"2026-10-02T18:00:00Z\",\"exercises\":[{\"exercise\":\"Zercher Sled Drag\","
                        + "\"create_if_unknown\":true,\"sets\":[{\"weight\":80,\"unit\":\"kg\",\"distance_m\":30,\"count\":2}]}]}";
        Http.Answer logged = post("/v1/workouts", body);
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        String id = logged.body().at("/data/session/exercises/0/exercise_id").asText();
        assertThat(id).startsWith("my-");
        assertThat(get("/v1/exercises/resolve?name=Zercher%20Sled%20Drag")
                        .body()
                        .at("/data/match/exercise_id")
                        .asText())
                .isEqualTo(id);
        Http.Answer retried = post("/v1/workouts", body);
        assertThat(retried.body().at("/data/replayed").asBoolean()).isTrue();
        assertThat(retried.body().at("/data/session/exercises/0/exercise_id").asText())
                .isEqualTo(id);
    }

    @Test
    void anAmbiguousNameComesBackWithCandidates() {
        Http.Answer answer = post(
                "/v1/workouts",
                "{\"idempotency_key\":\"amb\",\"started_at\":\"2026-10-01T18:00:00Z\",\"exercises\":[{\"exercise\":\"curl\",\"sets\":[{\"reps\":10}]}]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/details/candidates").size()).isGreaterThan(1);
    }
}
