package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values no human lifts, or that are far more likely a typo than a set, are refused with their path
 * and the plausible range unless the call confirms them; confirmed values are stored with a marker.
 * End to end over REST, counting rows of the events table.
 */
class PlausibilityTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static Http.Answer get(String pathAndQuery) {
        return Http.send("GET", server.baseUrl() + pathAndQuery, TestServer.OWNER_KEY, null);
    }

    private static String workout(String key, String date, String exercise, String set, String extra) {
        return "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + date + "T18:00:00+02:00\"" + extra
                + ",\"exercises\":[{\"exercise\":\"" + exercise
                + "\",\"sets\":[{\"weight\":60,\"unit\":\"kg\",\"reps\":8},"
                + set + "]}]}";
    }

    private static JsonNode setsOf(String sessionId) {
        JsonNode events = get("/v1/events?types=set.logged&limit=1000").body().at("/data/events");
        com.fasterxml.jackson.databind.node.ArrayNode found =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        events.forEach(e -> {
            if (e.at("/data/session_id").asText().equals(sessionId)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void aThousandKiloBenchIsRefusedWithThePathAndTheRangeAndNothingIsStored() {
        long before = server.eventCount();
        Http.Answer refused = post(
                "/v1/workouts",
                workout("bench-1000", "2026-08-03", "bench", "{\"weight\":1000,\"unit\":\"kg\",\"reps\":5}", ""));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("invalid_argument");
        assertThat(refused.body().path("path").asText()).isEqualTo("$.exercises[0].sets[1].weight");
        assertThat(refused.body().path("detail").asText())
                .contains("1000 kg")
                .contains("0-600 kg")
                .contains("if this is right, repeat the call with confirm_unusual: true");
        assertThat(server.eventCount()).isEqualTo(before);
        JsonNode records = get("/v1/records?exercise=bench").body();
        assertThat(records.at("/data/exercises").findValues("kg"))
                .as("no record from a refused set: " + records)
                .extracting(JsonNode::asDouble)
                .doesNotContain(1000.0);
    }

    @Test
    void aConfirmedUnusualLoadIsStoredAndMarked() {
        Http.Answer logged = post(
                "/v1/workouts",
                workout(
                        "squat-1000",
                        "2026-08-04",
                        "squat",
                        "{\"weight\":1000,\"unit\":\"kg\",\"reps\":5}",
                        ",\"session_id\":\"confirmed-squat\",\"confirm_unusual\":true"));
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        assertThat(logged.body().at("/data/sets_logged").asInt()).isEqualTo(2);
        JsonNode sets = setsOf("confirmed-squat");
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).at("/data/weight/value").asInt()).isEqualTo(60);
        assertThat(sets.get(0).at("/data").has("unusual_confirmed"))
                .as("a plausible set of a confirmed call carries no marker")
                .isFalse();
        assertThat(sets.get(1).at("/data/weight/value").asInt()).isEqualTo(1000);
        assertThat(sets.get(1).at("/data/unusual_confirmed").asBoolean()).isTrue();
    }

    @Test
    void aRecordLevelButHumanBenchIsAcceptedWithoutConfirmation() {
        Http.Answer logged = post(
                "/v1/workouts",
                workout("bench-350", "2026-08-05", "bench", "{\"weight\":350,\"unit\":\"kg\",\"reps\":1}", ""));
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        assertThat(logged.body().at("/context/new_personal_records").findValuesAsText("record"))
                .contains("1rm");
    }

    @Test
    void aLegPressSledMayCarryMoreThanABarbellButNotWithoutLimit() {
        Http.Answer heavy = post(
                "/v1/workouts",
                workout(
                        "leg-press-800",
                        "2026-08-10",
                        "leg press",
                        "{\"weight\":800,\"unit\":\"kg\",\"reps\":10}",
                        ""));
        assertThat(heavy.status()).as(heavy.body().toString()).isEqualTo(200);
        long before = server.eventCount();
        Http.Answer beyond = post(
                "/v1/workouts",
                workout(
                        "leg-press-1200",
                        "2026-08-11",
                        "leg press",
                        "{\"weight\":1200,\"unit\":\"kg\",\"reps\":10}",
                        ""));
        assertThat(beyond.status()).as(beyond.body().toString()).isEqualTo(400);
        assertThat(beyond.body().path("path").asText()).isEqualTo("$.exercises[0].sets[1].weight");
        assertThat(beyond.body().path("detail").asText()).contains("a machine").contains("0-1000 kg");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"weight":1400,"unit":"lb","reps":1}     | $.exercises[0].sets[1].weight     | 0-1322.7 lb
            {"reps":500}                             | $.exercises[0].sets[1].reps       | 0-200 reps
            {"duration_s":30000}                     | $.exercises[0].sets[1].duration_s | 21600 s
            {"distance_m":150000,"weight":50,"unit":"kg"} | $.exercises[0].sets[1].distance_m | 100000 m
            """)
    void otherImplausibleValuesAreRefusedAtTheirPath(String set, String path, String range) {
        long before = server.eventCount();
        Http.Answer refused =
                post("/v1/workouts", workout("odd-" + path.hashCode(), "2026-08-06", "deadlift", set, ""));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo(path);
        assertThat(refused.body().path("detail").asText()).contains(range).contains("confirm_unusual: true");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void logSetsRefusesAnUnusualLoadAndStoresItWhenConfirmed() {
        post(
                "/v1/workouts",
                workout(
                        "sets-base",
                        "2026-08-07",
                        "bench",
                        "{\"weight\":80,\"unit\":\"kg\",\"reps\":5}",
                        ",\"session_id\":\"sets-plausibility\""));
        long before = server.eventCount();
        String sets =
                "{\"idempotency_key\":\"sets-odd\",\"session_id\":\"sets-plausibility\",\"at\":\"2026-08-07T18:30:00+02:00\"%s,"
                        + "\"exercises\":[{\"exercise\":\"barbell curl\",\"sets\":[{\"weight\":700,\"unit\":\"kg\",\"reps\":8}]}]}";
        Http.Answer refused = post("/v1/workouts/sets", sets.formatted(""));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.exercises[0].sets[0].weight");
        assertThat(server.eventCount()).isEqualTo(before);
        Http.Answer confirmed = post("/v1/workouts/sets", sets.formatted(",\"confirm_unusual\":true"));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(server.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aRawSetLoggedEventWithAnUnusualLoadNeedsTheMarkerInItsData() {
        post(
                "/v1/workouts",
                workout(
                        "raw-base",
                        "2026-08-08",
                        "bench",
                        "{\"weight\":80,\"unit\":\"kg\",\"reps\":5}",
                        ",\"session_id\":\"raw-plausibility\""));
        long before = server.eventCount();
        String event =
                "{\"events\":[{\"type\":\"set.logged\",\"occurred_at\":\"2026-08-08T18:30:00+02:00\",\"idempotency_key\":\"raw-odd\","
                        + "\"data\":{\"session_id\":\"raw-plausibility\",\"exercise\":\"deadlift\",\"exercise_id\":\"barbell-deadlift\","
                        + "\"set_type\":\"working\",\"weight\":{\"value\":1000,\"unit\":\"kg\"},\"reps\":5%s}}]}";
        Http.Answer refused = post("/v1/events", event.formatted(""));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.events[0].data.weight.value");
        assertThat(refused.body().path("detail").asText()).contains("0-600 kg").contains("\"unusual_confirmed\": true");
        assertThat(server.eventCount()).isEqualTo(before);
        Http.Answer confirmed = post("/v1/events", event.formatted(",\"unusual_confirmed\":true"));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(server.eventCount()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rpe", "rir", "weight", "duration_s"})
    void aNumberTooLargeForADoubleIsRefusedAtItsField(String field) {
        long before = server.eventCount();
        String set = "{\"reps\":5,\"weight\":60,\"unit\":\"kg\",\"" + field + "\":1e309}";
        set = field.equals("weight") ? "{\"reps\":5,\"unit\":\"kg\",\"weight\":1e309}" : set;
        Http.Answer refused = post("/v1/workouts", workout("huge-" + field, "2026-08-09", "bench", set, ""));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.exercises[0].sets[1]." + field);
        assertThat(server.eventCount()).isEqualTo(before);
    }
}
