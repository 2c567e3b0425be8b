package dev.td.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Without a time zone in the profile, td computes days and weeks in the zone the person's events
 * carry, says so in context and asks for the real one; with none to go by, it says it uses UTC.
 */
class TimeZoneInferenceTest {

    private static Http.Answer send(TestServer server, String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    private static void workoutAt(TestServer server, String key, String startedAt) {
        ok(
                send(
                        server,
                        "POST",
                        "/v1/workouts",
                        "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + startedAt
                                + "\",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":80,\"unit\":\"kg\",\"reps\":5}]}]}"));
    }

    @Test
    void daysAreCountedInTheOffsetThePersonsEventsCarry() {
        try (TestServer server = TestServer.start()) {
            // three sessions logged at +01:00 and no profile zone; the last starts at 00:30 on 2 November
            // local time, which is 23:30 UTC on 1 November
            workoutAt(server, "tz-1", "2026-10-30T18:00:00+01:00");
            workoutAt(server, "tz-2", "2026-10-31T18:00:00+01:00");
            workoutAt(server, "tz-3", "2026-11-02T00:30:00+01:00");
            // a day bound is midnight in the person's zone: from 2026-11-02 is 2026-11-01T23:00Z at +01:00,
            // so the 00:30 session is on the 2nd (in UTC it would start the day after, and be left out)
            JsonNode answer = ok(send(server, "GET", "/v1/events?types=session.started&from=2026-11-02", null));
            assertThat(answer.at("/data/events").findValuesAsText("occurred_at"))
                    .containsExactly("2026-11-02T00:30:00+01:00");
            String said = answer.at("/context/time_zone").asText();
            // 3 sessions of 2 events each (session.started, set.logged), all at +01:00
            assertThat(said).contains("+01:00", "6 of 6", "update_profile");
            JsonNode period =
                    ok(send(server, "GET", "/v1/sessions?period=today", null)).at("/meta/period");
            assertThat(period.path("time_zone").asText()).isEqualTo("+01:00");
            assertThat(period.path("time_zone_source").asText()).isEqualTo("inferred");
        }
    }

    @Test
    void aZoneInTheProfileEndsTheGuessing() {
        try (TestServer server = TestServer.start()) {
            workoutAt(server, "tz-p1", "2026-10-30T18:00:00+01:00");
            ok(send(server, "PATCH", "/v1/profile", "{\"idempotency_key\":\"z\",\"time_zone\":\"Europe/Berlin\"}"));
            JsonNode answer = ok(send(server, "GET", "/v1/sessions?period=today", null));
            assertThat(answer.at("/context").has("time_zone")).isFalse();
            assertThat(answer.at("/meta/period/time_zone").asText()).isEqualTo("Europe/Berlin");
            assertThat(answer.at("/meta/period/time_zone_source").asText()).isEqualTo("profile");
        }
    }

    @Test
    void theFirstAnswerToSomeoneWithoutEventsAsksForTheirZone() {
        try (TestServer server = TestServer.start()) {
            JsonNode answer = ok(send(server, "GET", "/v1/sessions?period=this%20week", null));
            assertThat(answer.at("/meta/period/time_zone").asText()).isEqualTo("UTC");
            assertThat(answer.at("/context/time_zone").asText()).contains("UTC", "ask", "update_profile");
        }
    }
}
