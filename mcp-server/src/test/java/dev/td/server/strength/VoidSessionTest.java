package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole session goes in one call (void_session); the session.started event id is in every session
 * summary; voiding a session's last set says the session is now empty and how to remove it.
 */
class VoidSessionTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    private static JsonNode oneSetWorkout(String key, String date, double kg) {
        return ok(send(
                        "POST",
                        "/v1/workouts",
                        "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + date
                                + "T18:00:00+02:00\",\"ended_at\":\""
                                + date
                                + "T19:00:00+02:00\",\"exercises\":[{\"exercise\":\"squat\",\"sets\":[{\"weight\":" + kg
                                + ",\"unit\":\"kg\",\"reps\":3}]}]}"))
                .at("/data/session");
    }

    private static Http.Answer voidSession(String sessionId, String key) {
        return send(
                "POST",
                "/v1/sessions/" + sessionId + "/void",
                "{\"idempotency_key\":\"" + key + "\",\"reason\":\"logged the wrong day\"}");
    }

    @Test
    void theSessionStartedEventIdIsInTheSummaryOfLogWorkoutAndGetSession() {
        JsonNode logged = oneSetWorkout("vs-ids", "2026-09-01", 100);
        String started = logged.path("started_event_id").asText();
        assertThat(started).hasSize(36);
        JsonNode event = ok(send("GET", "/v1/events?types=session.started&from=2026-09-01&to=2026-09-02", null))
                .at("/data/events/0");
        assertThat(event.path("event_id").asText()).isEqualTo(started);
        assertThat(ok(send("GET", "/v1/sessions/" + logged.path("session_id").asText(), null))
                        .at("/data/session/started_event_id")
                        .asText())
                .isEqualTo(started);
    }

    @Test
    void voidingTheOnlySetSaysTheSessionIsEmptyAndHowToRemoveIt() {
        JsonNode session = oneSetWorkout("vs-only-set", "2026-09-02", 100);
        String sessionId = session.path("session_id").asText();
        String setId = ok(send("GET", "/v1/sessions/" + sessionId, null))
                .at("/data/sets/0/event_id")
                .asText();
        JsonNode voided = ok(send(
                "POST", "/v1/events/" + setId + "/void", "{\"idempotency_key\":\"vs-void-set\",\"reason\":\"typo\"}"));
        JsonNode empty = voided.at("/context/empty_sessions/0");
        assertThat(empty.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(empty.path("hint").asText()).contains("void_session");
    }

    @Test
    void voidSessionVoidsEveryEventOfTheSessionOnceAndARetryStoresNothing() {
        JsonNode session = oneSetWorkout("vs-whole", "2026-09-03", 100);
        String sessionId = session.path("session_id").asText();
        long before = server.eventCount();
        JsonNode answer = ok(voidSession(sessionId, "vs-void-whole"));
        // session.started, one set.logged, session.ended: three events, three voids
        assertThat(answer.at("/data/voided").asInt()).isEqualTo(3);
        assertThat(answer.at("/data/replayed").asBoolean()).isFalse();
        assertThat(server.eventCount()).isEqualTo(before + 3);
        assertThat(send("GET", "/v1/sessions/" + sessionId, null).status()).isEqualTo(404);
        assertThat(ok(send("GET", "/v1/sessions?from=2026-09-03&to=2026-09-03", null))
                        .at("/data/sessions"))
                .isEmpty();
        JsonNode again = ok(voidSession(sessionId, "vs-void-whole"));
        assertThat(again.at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.at("/data/voided").asInt()).isEqualTo(3);
        assertThat(server.eventCount()).isEqualTo(before + 3);
    }

    @Test
    void voidingTheSessionThatHeldARecordSaysWhatTheRecordIsNow() {
        // squat 3-rep sets: 120 kg on 2026-09-10, then 130 kg on 2026-09-11; voiding the second session
        // takes the 3-rep record back to 120 kg
        oneSetWorkout("vs-rec-1", "2026-09-10", 120);
        String second =
                oneSetWorkout("vs-rec-2", "2026-09-11", 130).path("session_id").asText();
        JsonNode answer = ok(voidSession(second, "vs-void-rec"));
        JsonNode revised = answer.at("/context/personal_records_revised");
        assertThat(revised.findValuesAsText("record")).contains("3rm");
        assertThat(revised.get(revised.findValuesAsText("record").indexOf("3rm"))
                        .at("/weight/kg")
                        .asDouble())
                .isEqualTo(120.0);
    }

    @Test
    void aSessionThatIsNotThereIsNotFoundAndAKeyReusedForAnotherSessionConflicts() {
        assertThat(voidSession("s-no-such-session", "vs-none").status()).isEqualTo(404);
        String a =
                oneSetWorkout("vs-key-a", "2026-09-20", 60).path("session_id").asText();
        String b =
                oneSetWorkout("vs-key-b", "2026-09-21", 60).path("session_id").asText();
        ok(voidSession(a, "vs-key"));
        Http.Answer reused = voidSession(b, "vs-key");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().path("path").asText()).isEqualTo("$.idempotency_key");
    }
}
