package dev.td.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * correct_event merges the fields it is given into the stored data (fields left out stay, null
 * removes one), replaces it all only when asked, and answers with the same context as logging.
 * get_session shows every stored field of a set, so nothing an agent cannot see can be lost.
 *
 * <p>Each test logs its own session: bench 95×5 (no RPE) then 100×5 @ RPE 8, so before any
 * correction the 5-rep record is 100 kg, the second set (set_index 1).
 */
class CorrectionMergeTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static int sessions;
    private String sessionId;

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    @BeforeEach
    void logASession() {
        sessions++;
        // each test on its own exercise so records of one test do not meet another's
        String exercise = new String[] {"", "bench", "squat", "deadlift", "overhead press", "barbell row", "front squat"
                }
                [sessions];
        sessionId = ok(send(
                        "POST",
                        "/v1/workouts",
                        "{\"idempotency_key\":\"cm-" + sessions + "\",\"started_at\":\"2026-10-0" + sessions
                                + "T18:00:00+02:00\",\"exercises\":[{\"exercise\":\"" + exercise
                                + "\",\"unit\":\"kg\",\"sets\":[{\"weight\":95,\"reps\":5},{\"weight\":100,\"reps\":5,\"rpe\":8}]}]}"))
                .at("/data/session/session_id")
                .asText();
    }

    private JsonNode sets() {
        return ok(send("GET", "/v1/sessions/" + sessionId, null)).at("/data/sets");
    }

    private Http.Answer correct(String eventId, String key, String rest) {
        return send(
                "POST", "/v1/events/" + eventId + "/corrections", "{\"idempotency_key\":\"" + key + "\"," + rest + "}");
    }

    @Test
    void getSessionShowsEveryStoredFieldOfASet() {
        JsonNode second = sets().get(1);
        assertThat(second.path("set_index").asInt()).isEqualTo(1);
        assertThat(second.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(second.path("rpe").asDouble()).isEqualTo(8.0);
        assertThat(sets().get(0).path("set_index").asInt()).isZero();
    }

    @Test
    void aCorrectionNamingOneFieldKeepsTheOthersAndAnnouncesTheNewRecord() {
        String eventId = sets().get(1).path("event_id").asText();
        JsonNode answer =
                ok(correct(eventId, "cm-fix-weight", "\"data\":{\"weight\":{\"value\":105,\"unit\":\"kg\"}}"));
        JsonNode corrected = answer.at("/data/corrected/data");
        assertThat(corrected.path("set_index").asInt()).isEqualTo(1);
        assertThat(corrected.path("rpe").asDouble()).isEqualTo(8.0);
        assertThat(corrected.path("reps").asInt()).isEqualTo(5);
        assertThat(corrected.at("/weight/value").asDouble()).isEqualTo(105.0);
        // the 5-rep record was this set at 100 kg; corrected to 105 kg it is a new record, as logging 105 would be
        JsonNode records = answer.at("/context/new_personal_records");
        assertThat(records.findValuesAsText("record")).contains("5rm");
        JsonNode fiveRm = records.get(records.findValuesAsText("record").indexOf("5rm"));
        assertThat(fiveRm.at("/weight/kg").asDouble()).isEqualTo(105.0);
        assertThat(fiveRm.at("/previous/kg").asDouble()).isEqualTo(100.0);
        JsonNode shown = sets().get(1);
        assertThat(shown.path("set_index").asInt()).isEqualTo(1);
        assertThat(shown.at("/weight/kg").asDouble()).isEqualTo(105.0);
    }

    @Test
    void nullRemovesAFieldAndARetryStoresNothingNew() {
        String eventId = sets().get(1).path("event_id").asText();
        ok(correct(eventId, "cm-no-rpe", "\"data\":{\"rpe\":null}"));
        long before = server.eventCount();
        JsonNode again = ok(correct(eventId, "cm-no-rpe", "\"data\":{\"rpe\":null}"));
        assertThat(server.eventCount()).isEqualTo(before);
        assertThat(again.at("/data/corrected/data").has("rpe")).isFalse();
        assertThat(sets().get(1).has("rpe")).isFalse();
        assertThat(sets().get(1).path("set_index").asInt()).isEqualTo(1);
    }

    @Test
    void replaceStoresExactlyTheDataGiven() {
        JsonNode first = sets().get(0);
        String data = "{\"session_id\":\"" + sessionId + "\",\"exercise\":\""
                + first.path("exercise").asText()
                + "\",\"exercise_id\":\"" + first.path("exercise_id").asText()
                + "\",\"weight\":{\"value\":95,\"unit\":\"kg\"},\"reps\":6,\"set_type\":\"working\"}";
        ok(correct(first.path("event_id").asText(), "cm-replace", "\"replace\":true,\"data\":" + data));
        JsonNode shown = sets().get(0);
        assertThat(shown.path("reps").asInt()).isEqualTo(6);
        assertThat(shown.has("set_index"))
                .as("replace drops what it does not send")
                .isFalse();
    }

    @Test
    void aMergeThatBreaksTheSchemaIsRefusedAtTheField() {
        String eventId = sets().get(0).path("event_id").asText();
        Http.Answer a = correct(eventId, "cm-bad", "\"data\":{\"reps\":\"six\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("path").asText()).isEqualTo("$.data.reps");
    }
}
