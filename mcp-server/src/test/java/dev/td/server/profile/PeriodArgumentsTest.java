package dev.td.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tool that takes from/to also takes a period in words (English or German), resolved in the
 * person's time zone (Europe/Berlin here) and echoed in meta.period. Expected ranges are worked out
 * from the calendar by hand, relative ones from today's date in Berlin.
 */
class PeriodArgumentsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The tools that take from/to, by REST path, each with the arguments it needs anyway. */
    private static final List<String> RANGED =
            List.of("/v1/sessions?", "/v1/progression?exercise=bench&", "/v1/volume?", "/v1/events?");

    @BeforeAll
    static void aPersonInBerlinWithTwoSessions() {
        ok(send("PATCH", "/v1/profile", "{\"idempotency_key\":\"zone\",\"time_zone\":\"Europe/Berlin\"}"));
        // Wed 2026-09-30 and Fri 2026-10-02, Berlin summer time (+02:00)
        for (String day : List.of("2026-09-30", "2026-10-02")) {
            ok(
                    send(
                            "POST",
                            "/v1/workouts",
                            "{\"idempotency_key\":\"pa-" + day + "\",\"started_at\":\"" + day
                                    + "T18:00:00\",\"exercises\":[{\"exercise\":\"bench\",\"sets\":[{\"weight\":80,\"unit\":\"kg\",\"reps\":5}]}]}"));
        }
        // around the end of October in Berlin winter time (+01:00): 23:30 on the 31st is October,
        // 00:30 on 1 November is not
        for (String at : List.of("2026-10-31T23:30:00+01:00", "2026-11-01T00:30:00+01:00")) {
            ok(send(
                    "POST",
                    "/v1/events",
                    "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"" + at
                            + "\",\"data\":{\"metric\":\"body_weight\",\"value\":80,\"unit\":\"kg\"},\"idempotency_key\":\"bw-"
                            + at + "\"}]}"));
        }
    }

    private static Http.Answer send(String method, String path, @Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    private static Http.Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"last week", "letzte Woche", "Last Week", "vorige Woche"})
    void lastWeekIsThePreviousMondayToSundayInEveryRangedTool(String words) {
        LocalDate monday = today().with(DayOfWeek.MONDAY).minusWeeks(1);
        for (String tool : RANGED) {
            JsonNode answer = ok(get(tool + "period=" + enc(words)));
            JsonNode period = answer.at("/meta/period");
            assertThat(period.path("from").asText()).as(tool).isEqualTo(monday.toString());
            assertThat(period.path("to").asText())
                    .as(tool)
                    .isEqualTo(monday.plusDays(6).toString());
            assertThat(period.path("time_zone").asText()).as(tool).isEqualTo("Europe/Berlin");
            assertThat(period.path("asked").asText()).as(tool).isEqualTo(words);
        }
    }

    @Test
    void relativePeriodsCountBackFromTodayInThePersonsZone() {
        LocalDate today = today();
        assertRange("last 4 weeks", today.minusDays(27), today);
        assertRange("die letzten 4 Wochen", today.minusDays(27), today);
        assertRange("last 10 days", today.minusDays(9), today);
        assertRange("today", today, today);
        assertRange("gestern", today.minusDays(1), today.minusDays(1));
        assertRange("this month", today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        assertRange("letzten Monat", lastMonth, lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()));
        assertRange("since last month", lastMonth, today);
        assertRange("seit letztem Monat", lastMonth, today);
        assertRange("last year", LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31));
    }

    @Test
    void namedMonthsYearsAndIsoDatesNeedNoToday() {
        assertRange("June 2025", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertRange("Juni 2025", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertRange("März 2024", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertRange("February 2024", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
        assertRange("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertRange("2026-10-02", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2));
        assertRange("2026-09-01..2026-09-15", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 15));
    }

    private static void assertRange(String words, LocalDate from, LocalDate to) {
        JsonNode period = ok(get("/v1/sessions?period=" + enc(words))).at("/meta/period");
        assertThat(period.path("from").asText()).as(words).isEqualTo(from.toString());
        assertThat(period.path("to").asText()).as(words).isEqualTo(to.toString());
    }

    @Test
    void aMonthInWordsSelectsTheSessionsOfThatMonth() {
        // sessions on 2026-09-30 and 2026-10-02: only the second is in October
        JsonNode sessions =
                ok(get("/v1/sessions?period=" + enc("October 2026"))).at("/data/sessions");
        assertThat(sessions.findValuesAsText("date")).containsExactly("2026-10-02");
    }

    @Test
    void aPeriodOfEventsEndsAtMidnightInThePersonsZone() {
        // October 2026 in Berlin is [2026-10-01T00:00+02:00, 2026-11-01T00:00+01:00): the reading at
        // 23:30 on the 31st is in, the one at 00:30 on 1 November is out
        JsonNode events = ok(get("/v1/events?types=metric.recorded&period=" + enc("Oktober 2026")))
                .at("/data/events");
        assertThat(events.findValuesAsText("occurred_at")).containsExactly("2026-10-31T23:30:00+01:00");
    }

    @Test
    void aPeriodTogetherWithFromOrToIsRefused() {
        for (String tool : RANGED) {
            Http.Answer a = get(tool + "from=2026-10-01&period=" + enc("last week"));
            assertThat(a.status()).as(tool).isEqualTo(400);
            assertThat(a.body().path("path").asText()).as(tool).isEqualTo("$.period");
            assertThat(a.body().path("detail").asText()).as(tool).contains("from", "to", "not both");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"since the injury", "seit der Verletzung"})
    void sinceTheInjuryWaitsForInjuriesToBeRecorded(String words) {
        Http.Answer a = get("/v1/sessions?period=" + enc(words));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("path").asText()).isEqualTo("$.period");
        assertThat(a.body().path("detail").asText()).contains("injur", "later release", "from");
    }

    @Test
    void wordsTdDoesNotKnowAreRefusedWithExamplesThatWork() {
        Http.Answer a = get("/v1/volume?period=" + enc("the week after next"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("path").asText()).isEqualTo("$.period");
        assertThat(a.body().path("detail").asText()).contains("last week", "letzte Woche", "June 2025");
    }
}
