package dev.td.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * get_training_load over REST on three strength sessions whose loads are worked out by hand with Foster's
 * session-RPE (Foster et al. 2001: CR-10 RPE x minutes) and Coggan's PMC recurrences (CTL_t = CTL_{t-1} e^(-1/42)
 * + load_t (1 - e^(-1/42)), ATL likewise with 7, TSB_t = CTL_{t-1} - ATL_{t-1}; GoldenCheetah PMCData.cpp).
 */
class TrainingLoadTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The person's date when the sessions were logged (set once, before any test). */
    private static LocalDate TODAY = LocalDate.EPOCH;

    private static Http.Answer send(String method, String path, @org.jspecify.annotations.Nullable String body) {
        return Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
    }

    @BeforeAll
    static void threeSessions() {
        TODAY = LocalDate.now(BERLIN);
        assertThat(send("PATCH", "/v1/profile", "{\"idempotency_key\":\"z\",\"time_zone\":\"Europe/Berlin\"}")
                        .status())
                .isEqualTo(200);
        // two days ago: 60 minutes at session RPE 7 -> 420 AU
        LocalDate d1 = TODAY.minusDays(2);
        assertThat(send(
                                "POST",
                                "/v1/workouts",
                                "{\"idempotency_key\":\"a\",\"started_at\":\"" + d1 + "T18:00:00\",\"ended_at\":\"" + d1
                                        + "T19:00:00\",\"session_rpe\":7,\"unit\":\"kg\",\"exercises\":[{\"exercise\":\"squat\","
                                        + "\"sets\":[{\"weight\":100,\"reps\":5,\"count\":3}]}]}")
                        .status())
                .isEqualTo(200);
        // yesterday: no end, no session RPE; 4 working sets at RPE 8 and a warm-up -> 4 x 3 min x 8 = 96 AU, estimated
        LocalDate d2 = TODAY.minusDays(1);
        assertThat(send(
                                "POST",
                                "/v1/workouts",
                                "{\"idempotency_key\":\"b\",\"started_at\":\"" + d2
                                        + "T07:00:00\",\"unit\":\"kg\",\"exercises\":"
                                        + "[{\"exercise\":\"bench\",\"sets\":[{\"weight\":40,\"reps\":10,\"type\":\"warmup\"},"
                                        + "{\"weight\":80,\"reps\":5,\"rpe\":8,\"count\":4}]}]}")
                        .status())
                .isEqualTo(200);
        // today: nothing says how hard it was -> no session-RPE load
        assertThat(send(
                                "POST",
                                "/v1/workouts",
                                "{\"idempotency_key\":\"c\",\"started_at\":\"" + TODAY
                                        + "T00:30:00\",\"unit\":\"kg\",\"exercises\":"
                                        + "[{\"exercise\":\"deadlift\",\"sets\":[{\"weight\":140,\"reps\":3}]}]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sessionRpeLoadsAndThePmcFollowTheRecurrencesWorkedByHand() {
        Http.Answer a = send(
                "GET",
                "/v1/load?period=" + java.net.URLEncoder.encode("last 7 days", java.nio.charset.StandardCharsets.UTF_8),
                null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        JsonNode data = a.body().path("data");
        assertThat(data.at("/method/name").asText()).isEqualTo("srpe");
        assertThat(data.at("/model/ctl_days").asInt()).isEqualTo(42);
        assertThat(data.at("/model/atl_days").asInt()).isEqualTo(7);
        double ctlGain = 1 - Math.exp(-1.0 / 42);
        double atlGain = 1 - Math.exp(-1.0 / 7);
        double ctl1 = 420 * ctlGain; // 9.883
        double atl1 = 420 * atlGain; // 55.911
        double ctl2 = ctl1 * Math.exp(-1.0 / 42) + 96 * ctlGain; // 11.909
        double atl2 = atl1 * Math.exp(-1.0 / 7) + 96 * atlGain; // 61.24
        JsonNode days = data.path("days");
        assertThat(days).hasSize(7);
        JsonNode first = days.get(4);
        assertThat(first.path("date").asText()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(first.path("load").asDouble()).isEqualTo(420.0);
        assertThat(first.path("ctl").asDouble()).isCloseTo(ctl1, within(0.05));
        assertThat(first.path("atl").asDouble()).isCloseTo(atl1, within(0.05));
        assertThat(first.path("tsb").asDouble()).isEqualTo(0.0);
        JsonNode second = days.get(5);
        assertThat(second.path("load").asDouble()).isEqualTo(96.0);
        assertThat(second.path("ctl").asDouble()).isCloseTo(ctl2, within(0.05));
        assertThat(second.path("tsb").asDouble()).isCloseTo(ctl1 - atl1, within(0.05));
        assertThat(days.get(0).has("ctl"))
                .as("before the first session there is no series")
                .isFalse();
        JsonNode latest = data.path("latest");
        assertThat(latest.path("date").asText()).isEqualTo(TODAY.toString());
        assertThat(latest.path("load").asDouble()).isEqualTo(0.0);
        assertThat(latest.path("tsb").asDouble()).isCloseTo(ctl2 - atl2, within(0.05));
        assertThat(latest.path("acwr_coupled").isNull()).isTrue();
        assertThat(latest.at("/undefined/acwr_coupled").asText()).contains("28");
        assertThat(data.at("/sessions/counted").asInt()).isEqualTo(2);
        assertThat(data.at("/sessions/estimated").asInt()).isEqualTo(1);
        assertThat(data.at("/sessions/without_load").toString()).contains("no session RPE");
        assertThat(a.body().at("/context/without_load").asText()).startsWith("1 session(s)");
        assertThat(a.body().at("/meta/period/from").asText())
                .isEqualTo(TODAY.minusDays(6).toString());
    }

    @Test
    void withoutHeartRateOrPowerTheOtherMethodsCountNothingAndSayWhy() {
        JsonNode trimp = send("GET", "/v1/load?method=trimp", null).body();
        assertThat(trimp.at("/data/sessions/counted").asInt()).isZero();
        assertThat(trimp.at("/data/sessions/without_load").toString()).contains("no average heart rate");
        assertThat(trimp.at("/data/days")).hasSize(28);
        JsonNode bad = send("GET", "/v1/load?method=watts", null).body();
        assertThat(bad.path("path").asText()).isEqualTo("$.method");
    }

    // A year is answered per ISO week by default (a day per row would be 365 rows): each week's load is the sum of
    // its days (420 and 96 AU two days ago and yesterday, worked above), its CTL/ATL/TSB those of its last day
    @Test
    void aYearComesInWeeksWhoseLoadSumsItsDaysAndWhosePmcIsItsLastDays() {
        JsonNode data = send("GET", "/v1/load?from=" + TODAY.minusDays(364), null)
                .body()
                .path("data");
        assertThat(data.path("aggregate").asText()).isEqualTo("week");
        assertThat(data.path("days")).isEmpty();
        JsonNode periods = data.path("periods");
        assertThat(periods.size()).isBetween(53, 54);
        java.util.function.Function<LocalDate, String> week = d -> String.format(
                "%d-W%02d",
                d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        double expected = 0;
        for (var day : java.util.Map.of(TODAY.minusDays(2), 420.0, TODAY.minusDays(1), 96.0)
                .entrySet()) {
            expected += week.apply(day.getKey()).equals(week.apply(TODAY)) ? day.getValue() : 0;
        }
        JsonNode last = periods.get(periods.size() - 1);
        assertThat(last.path("period").asText()).isEqualTo(week.apply(TODAY));
        assertThat(last.path("days").asInt()).isEqualTo(TODAY.getDayOfWeek().getValue());
        assertThat(last.path("load").asDouble()).isEqualTo(expected);
        assertThat(last.path("tsb").asDouble()).isEqualTo(data.at("/latest/tsb").asDouble());
        double total = 0;
        for (JsonNode p : periods) {
            total += p.path("load").asDouble();
        }
        assertThat(total).isEqualTo(516.0);
        assertThat(periods.get(0).has("ctl"))
                .as("a year ago the series had not begun")
                .isFalse();
    }

    @Test
    void monthsOnRequestAndTooManyDailyRowsRefusedWithTheFix() {
        JsonNode months = send("GET", "/v1/load?aggregate=month&from=" + TODAY.minusDays(40), null)
                .body()
                .path("data");
        assertThat(months.path("aggregate").asText()).isEqualTo("month");
        assertThat(months.at("/periods/" + (months.path("periods").size() - 1) + "/period")
                        .asText())
                .isEqualTo(java.time.YearMonth.from(TODAY).toString());
        assertThat(send("GET", "/v1/load?aggregate=day&from=" + TODAY.minusDays(365), null)
                        .body()
                        .at("/data/days"))
                .hasSize(366);
        Http.Answer refused = send("GET", "/v1/load?aggregate=day&from=" + TODAY.minusYears(5), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.aggregate");
        assertThat(refused.body().path("detail").asText()).contains("week, month");
    }
}
