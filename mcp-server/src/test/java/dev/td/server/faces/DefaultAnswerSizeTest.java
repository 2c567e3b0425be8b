package dev.td.server.faces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #10: a typical answer fits in about 2,000 tokens (8,000 characters of JSON). The two tools whose
 * answers grow with the history, get_events and list_sessions, page by default (10 events, 5 sessions)
 * and say what is left (next_cursor, more), so an agent that asks without a limit is not handed a
 * person's whole year.
 */
class DefaultAnswerSizeTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final int TWO_THOUSAND_TOKENS = 8_000;

    @BeforeAll
    static void aMonthOfTraining() {
        // 12 sessions of 4 exercises x 3 sets (one line each), and 30 body-weight readings
        String[] lifts = {"bench", "squat", "deadlift", "barbell row"};
        for (int day = 1; day <= 12; day++) {
            StringBuilder exercises = new StringBuilder();
            for (String lift : lifts) {
                exercises
                        .append(exercises.isEmpty() ? "" : ",")
                        .append("{\"exercise\":\"")
                        .append(lift)
                        .append("\",\"sets\":[{\"weight\":")
                        .append(60 + day)
                        .append(",\"reps\":5,\"count\":3,\"rpe\":8}]}");
            }
            String body = "{\"idempotency_key\":\"size-w" + day
                    + "\",\"started_at\":\"2026-10-%02dT18:00:00+01:00\"".formatted(day * 2)
                    + ",\"unit\":\"kg\",\"exercises\":[" + exercises + "]}";
            assertThat(Http.send("POST", server.baseUrl() + "/v1/workouts", TestServer.OWNER_KEY, body)
                            .status())
                    .isEqualTo(200);
        }
        StringBuilder events = new StringBuilder();
        for (int day = 1; day <= 30; day++) {
            events.append(events.isEmpty() ? "" : ",")
                    .append("{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-%02dT07:00:00+01:00\""
                            .formatted(day))
                    .append(",\"data\":{\"metric\":\"body_weight\",\"value\":81.")
                    .append(day % 10)
                    .append(",\"unit\":\"kg\"},\"idempotency_key\":\"size-m")
                    .append(day)
                    .append("\"}");
        }
        assertThat(Http.send(
                                "POST",
                                server.baseUrl() + "/v1/events",
                                TestServer.OWNER_KEY,
                                "{\"events\":[" + events + "]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listSessionsWithoutALimitShowsTheFiveNewestAndSaysHowManyAreLeft() {
        Http.Answer a = Http.send("GET", server.baseUrl() + "/v1/sessions", TestServer.OWNER_KEY, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode sessions = a.body().at("/data/sessions");
        assertThat(sessions).hasSize(5);
        // 12 sessions, 5 shown: 7 left; newest first, the last one was on 2026-10-24
        assertThat(a.body().at("/data/more").asInt()).isEqualTo(7);
        assertThat(sessions.get(0).path("date").asText()).isEqualTo("2026-10-24");
        assertThat(a.body().toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
    }

    @Test
    void getEventsWithoutALimitIsOnePageOfTenWithACursorToTheRest() {
        Http.Answer a =
                Http.send("GET", server.baseUrl() + "/v1/events?types=metric.recorded", TestServer.OWNER_KEY, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/data/events")).hasSize(10);
        assertThat(a.body().at("/data/next_cursor").asText()).isNotBlank();
        assertThat(a.body().toString().length()).as("characters").isLessThanOrEqualTo(TWO_THOUSAND_TOKENS);
    }

    @Test
    void aLimitGivenStillGetsEverythingAskedFor() {
        Http.Answer sessions = Http.send("GET", server.baseUrl() + "/v1/sessions?limit=50", TestServer.OWNER_KEY, null);
        assertThat(sessions.body().at("/data/sessions")).hasSize(12);
        assertThat(sessions.body().at("/data/more").asInt()).isZero();
        Http.Answer events = Http.send(
                "GET", server.baseUrl() + "/v1/events?types=metric.recorded&limit=100", TestServer.OWNER_KEY, null);
        assertThat(events.body().at("/data/events")).hasSize(30);
    }
}
