package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Endurance activities end to end over REST, for a person in Europe/Berlin: log in the person's words, read back,
 * list, weekly totals and trends. Every expected value is worked out by hand in the comment next to it.
 */
class EnduranceToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String KEY = TestServer.OWNER_KEY;

    @BeforeAll
    static void aPersonInBerlin() {
        assertThat(Http.send(
                                "PATCH",
                                server.baseUrl() + "/v1/profile",
                                KEY,
                                "{\"idempotency_key\":\"zone\",\"time_zone\":\"Europe/Berlin\"}")
                        .status())
                .isEqualTo(200);
    }

    private static Http.Answer post(String path, String body) {
        return Http.send("POST", server.baseUrl() + path, KEY, body);
    }

    private static Http.Answer get(String pathAndQuery) {
        return Http.send("GET", server.baseUrl() + pathAndQuery, KEY, null);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    /** log_activity with these fields (JSON without braces) after the key. */
    private static Http.Answer log(String key, String fields) {
        return post("/v1/activities", "{\"idempotency_key\":\"" + key + "\"," + fields + "}");
    }

    private static JsonNode logged(String key, String fields) {
        return ok(log(key, fields)).at("/data/activity");
    }

    @Test
    void aTenKilometreRunIn5230IsAPaceOf515PerKilometreStoredAndListed() {
        long before = server.eventCount();
        JsonNode run = logged(
                "run-10k",
                "\"sport\":\"run\",\"started_at\":\"2026-09-06T08:00:00\",\"elapsed\":\"52:30\",\"distance\":10,"
                        + "\"unit\":\"km\",\"avg_hr\":155");
        assertThat(server.eventCount()).isEqualTo(before + 1);
        // 52:30 = 3150 s over 10 km: 315 s/km = 5:15 /km; over 10 km / 1.609344 = 6.2137 mi: 506.94 s = 8:27 /mi
        assertThat(run.at("/pace/per_km").asText()).isEqualTo("5:15");
        assertThat(run.at("/pace/per_mi").asText()).isEqualTo("8:27");
        assertThat(run.path("elapsed_s").asDouble()).isEqualTo(3150.0);
        assertThat(run.path("elapsed").asText()).isEqualTo("52:30");
        assertThat(run.at("/distance/m").asDouble()).isEqualTo(10000.0);
        assertThat(run.at("/distance/unit").asText()).isEqualTo("km");
        assertThat(run.path("avg_hr").asDouble()).isEqualTo(155.0);
        // local time in the profile's zone: 08:00 in Berlin in September is +02:00; a Sunday of ISO week 36
        assertThat(run.path("started_at").asText()).isEqualTo("2026-09-06T08:00:00+02:00");
        assertThat(run.path("ended_at").asText()).isEqualTo("2026-09-06T08:52:30+02:00");
        assertThat(run.path("date").asText()).isEqualTo("2026-09-06");
        assertThat(run.path("week").asText()).isEqualTo("2026-W36");

        JsonNode stored =
                ok(get("/v1/events?types=activity.logged&period=2026-09-06")).at("/data/events/0");
        assertThat(stored.path("event_id").asText())
                .isEqualTo(run.path("event_id").asText());
        assertThat(stored.at("/data/distance/value").asDouble()).isEqualTo(10.0);
        assertThat(stored.at("/data/distance/unit").asText()).isEqualTo("km");
        assertThat(stored.at("/data/elapsed_s").asDouble()).isEqualTo(3150.0);

        JsonNode listed =
                ok(get("/v1/activities?from=2026-09-06&to=2026-09-06")).at("/data");
        assertThat(listed.path("activities")).hasSize(1);
        JsonNode row = listed.at("/activities/0");
        assertThat(row.path("activity_id").asText())
                .isEqualTo(run.path("activity_id").asText());
        assertThat(row.path("event_id").asText()).isEqualTo(run.path("event_id").asText());
        assertThat(row.path("sport").asText()).isEqualTo("run");
        assertThat(row.path("time").asText()).isEqualTo("52:30");
        assertThat(row.at("/pace/per_km").asText()).isEqualTo("5:15");
        assertThat(row.path("avg_hr").asDouble()).isEqualTo(155.0);
        assertThat(listed.path("more").asInt()).isZero();
    }

    @Test
    void aRunInMilesIsNormalizedExactlyAndShownInThePersonsUnit() {
        JsonNode run = logged(
                "run-miles",
                "\"sport\":\"run\",\"started_at\":\"2026-08-20T18:00:00\",\"elapsed\":3000,\"distance\":6.2,"
                        + "\"unit\":\"mi\"");
        // 6.2 x 1609.344 = 9977.9328 m: 9977.9 to 0.1 m, 9.98 km to 0.01
        assertThat(run.at("/distance/m").asDouble()).isEqualTo(9977.9);
        assertThat(run.at("/distance/value").asDouble()).isEqualTo(9.98);
        assertThat(run.at("/distance/unit").asText()).isEqualTo("km");
        assertThat(run.path("distance_as_logged").toString()).isEqualTo("{\"value\":6.2,\"unit\":\"mi\"}");
        // 3000 s / 9.9779328 km = 300.66 s = 5:01 /km; 3000 s / 6.2 mi = 483.87 s = 8:04 /mi
        assertThat(run.at("/pace/per_km").asText()).isEqualTo("5:01");
        assertThat(run.at("/pace/per_mi").asText()).isEqualTo("8:04");
        assertThat(run.path("elapsed").asText()).isEqualTo("50:00");
    }

    @Test
    void swimsArePacedPer100MetresAndRidesGetASpeed() {
        JsonNode swim = logged(
                "swim-1500",
                "\"sport\":\"swim\",\"started_at\":\"2026-08-21T07:00:00\",\"moving\":\"30:00\",\"distance\":1500,"
                        + "\"unit\":\"m\"");
        // 1800 s / 15 = 120 s = 2:00 /100 m; 1500 m = 16.404 x 100 yd: 109.73 s = 1:50 /100 yd
        assertThat(swim.path("pace").toString()).isEqualTo("{\"per_100m\":\"2:00\",\"per_100yd\":\"1:50\"}");
        assertThat(swim.path("moving").asText()).isEqualTo("30:00");
        assertThat(swim.path("elapsed_s").isNull()).isTrue();
        JsonNode ride = logged(
                "ride-40",
                "\"sport\":\"ride\",\"started_at\":\"2026-08-22T09:00:00\",\"elapsed\":\"1:20:00\",\"distance\":40");
        // 40 km in 1 h 20 min: 30 km/h; 40 / 1.609344 = 24.855 mi in 4/3 h: 18.64 mph
        assertThat(ride.path("speed").toString()).isEqualTo("{\"kmh\":30,\"mph\":18.64}");
        assertThat(ride.has("pace")).isFalse();
        assertThat(ride.path("elapsed").asText()).isEqualTo("1:20:00");
    }

    @Test
    void weeklyTotalsAddTheSportsActivitiesOfTheWeek() {
        // ISO week 2026-W37 is Monday 7 to Sunday 13 September
        logged(
                "w37-a",
                "\"sport\":\"run\",\"started_at\":\"2026-09-07T07:00:00\",\"elapsed\":\"52:30\",\"distance\":10,"
                        + "\"unit\":\"km\",\"elevation_gain\":50,\"elevation_unit\":\"m\"");
        logged(
                "w37-b",
                "\"sport\":\"run\",\"started_at\":\"2026-09-09T07:00:00\",\"elapsed\":\"52:00\",\"moving\":\"50:00\","
                        + "\"distance\":6.2,\"unit\":\"mi\",\"elevation_gain\":100,\"elevation_unit\":\"ft\"");
        logged(
                "w37-c",
                "\"sport\":\"run\",\"started_at\":\"2026-09-12T07:00:00\",\"moving\":\"25:00\",\"distance\":5000,"
                        + "\"unit\":\"m\"");
        logged(
                "w37-ride",
                "\"sport\":\"ride\",\"started_at\":\"2026-09-10T07:00:00\",\"elapsed\":\"1:00:00\",\"distance\":30");
        JsonNode p = ok(get("/v1/endurance/progression?sport=run&from=2026-09-07&to=2026-09-13"))
                .at("/data");
        assertThat(p.path("weeks")).hasSize(1);
        JsonNode w = p.at("/weeks/0");
        assertThat(w.path("week").asText()).isEqualTo("2026-W37");
        // three runs, the ride apart
        assertThat(w.path("activities").asInt()).isEqualTo(3);
        // 10000 + 6.2 x 1609.344 + 5000 = 24977.9328 m: 24977.9 m, 24.98 km
        assertThat(w.path("distance_m").asDouble()).isEqualTo(24977.9);
        assertThat(w.path("distance").asDouble()).isEqualTo(24.98);
        // moving: 3150 (no moving time, elapsed) + 3000 + 1500 = 7650 s; elapsed: 3150 + 3120 + 1500 (no elapsed
        // time, moving) = 7770 s
        assertThat(w.path("moving_s").asDouble()).isEqualTo(7650.0);
        assertThat(w.path("elapsed_s").asDouble()).isEqualTo(7770.0);
        // 50 m + 100 ft x 0.3048 = 50 + 30.48 = 80.48 m: 80.5 to 0.1 m
        assertThat(w.path("elevation_gain_m").asDouble()).isEqualTo(80.5);
        assertThat(p.at("/totals/activities").asInt()).isEqualTo(3);
        assertThat(p.at("/totals/distance_m").asDouble()).isEqualTo(24977.9);
        assertThat(p.path("measure").asText()).isEqualTo("pace_per_km");
    }

    @Test
    void paceAndHeartRateTrendsOnAHandMadeSeries() {
        // 2026-06-01 is a Monday (ISO week 23): eight weekly 10 km runs, each a minute faster (60:00, 59:00 …
        // 53:00: 360, 354 … 318 s/km) at a heart rate one beat lower (150 … 143). Every pair of points has the
        // slope -6 s/km and -1 bpm per week, so Theil–Sen gives exactly those slopes with an interval of one
        // point: [-6, -6] and [-1, -1], which excludes zero: pace improving, heart rate falling.
        for (int week = 0; week < 8; week++) {
            logged(
                    "trend-" + week,
                    "\"sport\":\"run\",\"started_at\":\""
                            + java.time.LocalDate.of(2026, 6, 1).plusWeeks(week)
                            + "T07:00:00\",\"elapsed\":\"" + (60 - week) + ":00\",\"distance\":10,\"unit\":\"km\","
                            + "\"avg_hr\":" + (150 - week));
        }
        Http.Answer answer = get("/v1/endurance/progression?sport=run&from=2026-06-01&to=2026-07-26");
        JsonNode p = ok(answer).at("/data");
        assertThat(p.path("activities").asInt()).isEqualTo(8);
        assertThat(p.path("weeks")).hasSize(8);
        assertThat(p.at("/weeks/0/week").asText()).isEqualTo("2026-W23");
        assertThat(p.at("/weeks/7/week").asText()).isEqualTo("2026-W30");
        JsonNode pace = p.path("pace_trend");
        assertThat(pace.path("direction").asText()).isEqualTo("improving");
        assertThat(pace.path("n").asInt()).isEqualTo(8);
        assertThat(pace.at("/slope_per_week/value").asDouble()).isEqualTo(-6.0);
        assertThat(pace.at("/slope_per_week/unit").asText()).isEqualTo("s/km");
        assertThat(pace.at("/slope_per_week/ci").toString()).isEqualTo("[-6,-6]");
        assertThat(pace.at("/slope_per_week/method").asText()).isEqualTo("theil_sen");
        assertThat(pace.path("since").asText()).isEqualTo("2026-06-01");
        assertThat(p.path("speed_trend").isNull()).isTrue();
        JsonNode hr = p.path("hr_trend");
        assertThat(hr.path("direction").asText()).isEqualTo("falling");
        assertThat(hr.at("/slope_per_week/value").asDouble()).isEqualTo(-1.0);
        assertThat(hr.at("/slope_per_week/unit").asText()).isEqualTo("bpm");
        assertThat(answer.body().at("/meta/statistical_quality").isObject()).isTrue();
        assertThat(answer.body().at("/meta/period/from").asText()).isEqualTo("2026-06-01");

        // five of them are too few for a trend, and td says so
        JsonNode few = ok(get("/v1/endurance/progression?sport=run&from=2026-06-01&to=2026-06-30"))
                .at("/data/pace_trend");
        assertThat(few.path("direction").asText()).isEqualTo("insufficient_data");
        assertThat(few.path("n").asInt()).isEqualTo(5);
        assertThat(few.path("slope_per_week").isNull()).isTrue();
        assertThat(few.path("note").asText()).contains("at least 6");
    }

    // The default period is the 52 weeks up to the sport's last activity: hikes 390 and 700 days ago (310 days apart)
    // are both in it, though the second lies before the last 13 months td reads first
    @Test
    void theDefaultYearOfASportLeftLongAgoReachesBackBeforeTheRecentMonths() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        for (int daysAgo : new int[] {390, 700}) {
            logged(
                    "hike-" + daysAgo,
                    "\"sport\":\"hike\",\"started_at\":\"" + today.minusDays(daysAgo)
                            + "T09:00:00\",\"elapsed\":\"3:00:00\",\"distance\":12,\"unit\":\"km\"");
        }
        JsonNode data = ok(get("/v1/endurance/progression?sport=hike")).path("data");
        assertThat(data.path("activities").asInt()).isEqualTo(2);
        assertThat(data.path("from").asText())
                .isEqualTo(today.minusDays(390 + 364).toString());
    }

    @Test
    void aSportWithNothingLoggedSaysWhichSportsThereAre() {
        JsonNode answer = ok(get("/v1/endurance/progression?sport=kayak"));
        assertThat(answer.at("/data/activities").asInt()).isZero();
        assertThat(answer.at("/data/weeks")).isEmpty();
        assertThat(answer.at("/data/speed_trend/direction").asText()).isEqualTo("insufficient_data");
        assertThat(answer.at("/context/hint").asText()).startsWith("no kayak activities logged yet");
    }

    @Test
    void anActivityBelongsToTheDayAndWeekItStartedOnWhereItHappened() {
        // Sunday 4 October, 23:30 in Berlin, an hour long: it ends on Monday, and belongs to Sunday, ISO week 40
        JsonNode late = logged(
                "midnight",
                "\"sport\":\"run\",\"started_at\":\"2026-10-04T23:30:00\",\"elapsed\":\"1:00:00\",\"distance\":10,"
                        + "\"unit\":\"km\"");
        assertThat(late.path("date").asText()).isEqualTo("2026-10-04");
        assertThat(late.path("week").asText()).isEqualTo("2026-W40");
        assertThat(late.path("ended_at").asText()).isEqualTo("2026-10-05T00:30:00+02:00");
        assertThat(ok(get("/v1/activities?from=2026-10-05&to=2026-10-05")).at("/data/activities"))
                .isEmpty();
        assertThat(ok(get("/v1/activities?period=2026-10-04"))
                        .at("/data/activities/0/activity_id")
                        .asText())
                .isEqualTo(late.path("activity_id").asText());

        // Sunday 29 March 2026, the clocks go from 02:00 (+01:00) to 03:00 (+02:00) in Berlin
        JsonNode early = logged(
                "dst-early",
                "\"sport\":\"run\",\"started_at\":\"2026-03-29T01:30:00\",\"elapsed\":\"1:00:00\",\"distance\":10,"
                        + "\"unit\":\"km\"");
        assertThat(early.path("started_at").asText()).isEqualTo("2026-03-29T01:30:00+01:00");
        assertThat(early.path("date").asText()).isEqualTo("2026-03-29");
        assertThat(early.path("week").asText()).isEqualTo("2026-W13");
        // 02:30 does not exist that night: the clock jumps from 02:00 to 03:00, so 02:30 local is 03:30 at +02:00
        JsonNode gap = logged(
                "dst-gap",
                "\"sport\":\"run\",\"started_at\":\"2026-03-29T02:30:00\",\"elapsed\":\"30:00\",\"distance\":5,"
                        + "\"unit\":\"km\"");
        assertThat(gap.path("started_at").asText()).isEqualTo("2026-03-29T03:30:00+02:00");
        assertThat(gap.path("date").asText()).isEqualTo("2026-03-29");
        // 23:30 that evening is +02:00 and still Sunday, week 13, though the hour-long run ends on Monday
        JsonNode dstLate = logged(
                "dst-late",
                "\"sport\":\"run\",\"started_at\":\"2026-03-29T23:30:00\",\"elapsed\":\"1:00:00\",\"distance\":6,"
                        + "\"unit\":\"km\"");
        assertThat(dstLate.path("started_at").asText()).isEqualTo("2026-03-29T23:30:00+02:00");
        assertThat(dstLate.path("week").asText()).isEqualTo("2026-W13");
        // an hour later, 00:30 on Monday at Berlin's new offset, is week 14
        JsonNode after = logged(
                "dst-after",
                "\"sport\":\"run\",\"started_at\":\"2026-03-30T00:30:00+02:00\",\"elapsed\":\"40:00\",\"distance\":8,"
                        + "\"unit\":\"km\"");
        assertThat(after.path("date").asText()).isEqualTo("2026-03-30");
        assertThat(after.path("week").asText()).isEqualTo("2026-W14");
        JsonNode w13 = ok(get("/v1/endurance/progression?sport=run&from=2026-03-23&to=2026-04-05"))
                .at("/data/weeks");
        assertThat(w13.findValuesAsText("week")).containsExactly("2026-W13", "2026-W14");
        // week 13: 10 + 5 + 6 km; week 14: 8 km
        assertThat(w13.get(0).path("activities").asInt()).isEqualTo(3);
        assertThat(w13.get(0).path("distance_m").asDouble()).isEqualTo(21000.0);
        assertThat(w13.get(1).path("distance_m").asDouble()).isEqualTo(8000.0);

        // on a trip: Sunday 10 May, 20:00 in New York (-04:00) is already Monday 02:00 in Berlin; the run
        // belongs to the Sunday it was run on, ISO week 19
        JsonNode trip = logged(
                "trip",
                "\"sport\":\"run\",\"started_at\":\"2026-05-10T20:00:00\",\"time_zone\":\"America/New_York\","
                        + "\"elapsed\":\"45:00\",\"distance\":8,\"unit\":\"km\"");
        assertThat(trip.path("started_at").asText()).isEqualTo("2026-05-10T20:00:00-04:00");
        assertThat(trip.path("date").asText()).isEqualTo("2026-05-10");
        assertThat(trip.path("week").asText()).isEqualTo("2026-W19");
        JsonNode weeks = ok(get("/v1/endurance/progression?sport=run&from=2026-05-04&to=2026-05-17"))
                .at("/data/weeks");
        assertThat(weeks.findValuesAsText("week")).containsExactly("2026-W19", "2026-W20");
        assertThat(weeks.get(0).path("activities").asInt()).isEqualTo(1);
        assertThat(weeks.get(1).path("activities").asInt()).isZero();
        // the published interface other capabilities use attributes it the same way
        java.util.UUID owner = server.core().accounts().localOwner().userId();
        assertThat(server.core()
                        .activities()
                        .in(owner, dev.td.server.profile.DayRange.of(java.time.LocalDate.of(2026, 5, 10))))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.activityId())
                            .isEqualTo(trip.path("activity_id").asText());
                    assertThat(a.sport()).isEqualTo("run");
                    assertThat(a.elapsedS()).hasValue(2700);
                    assertThat(a.distanceM()).hasValue(8000);
                    assertThat(a.startedAt()).isEqualTo(java.time.Instant.parse("2026-05-11T00:00:00Z"));
                });
        assertThat(server.core()
                        .activities()
                        .in(owner, dev.td.server.profile.DayRange.of(java.time.LocalDate.of(2026, 5, 11))))
                .isEmpty();
    }

    static List<Object[]> refusals() {
        String start = "\"sport\":\"run\",\"started_at\":\"2026-08-01T10:00:00+02:00\"";
        return List.of(
                new Object[] {
                    "ends before it starts",
                    start + ",\"ended_at\":\"2026-08-01T09:00:00+02:00\",\"distance\":10,\"unit\":\"km\"",
                    "$.ended_at",
                    "before it starts"
                },
                new Object[] {
                    "ended_at and elapsed disagree",
                    start + ",\"ended_at\":\"2026-08-01T11:00:00+02:00\",\"elapsed\":\"52:30\"",
                    "$.ended_at",
                    "1:00:00"
                },
                new Object[] {
                    "moving longer than elapsed",
                    start + ",\"elapsed\":\"40:00\",\"moving\":\"45:00\",\"distance\":8,\"unit\":\"km\"",
                    "$.moving",
                    "longer than elapsed"
                },
                new Object[] {
                    "a 10 km run in 15:00 (1:30 /km)",
                    start + ",\"elapsed\":\"15:00\",\"distance\":10,\"unit\":\"km\"",
                    "$.elapsed",
                    "1:30 /km, outside the plausible range for run (2:00–30:00 /km over 1 km or more)"
                },
                new Object[] {
                    "a 2 km run in 1:10:00 (35:00 /km)",
                    start + ",\"elapsed\":\"1:10:00\",\"distance\":2,\"unit\":\"km\"",
                    "$.elapsed",
                    "35:00 /km"
                },
                new Object[] {
                    "a ride at 120 km/h",
                    "\"sport\":\"ride\",\"started_at\":\"2026-08-01T10:00:00+02:00\",\"moving\":\"50:00\","
                            + "\"distance\":100,\"unit\":\"km\"",
                    "$.moving",
                    "120 km/h, outside the plausible range for ride (3–100 km/h over 1 km or more)"
                },
                new Object[] {
                    "a heart rate of 300",
                    start + ",\"elapsed\":\"52:30\",\"distance\":10,\"unit\":\"km\",\"avg_hr\":300",
                    "$.avg_hr",
                    "(25-250 bpm)"
                },
                new Object[] {
                    "a heart rate of 20", start + ",\"elapsed\":\"52:30\",\"max_hr\":20", "$.max_hr", "(25-250 bpm)"
                },
                new Object[] {
                    "max heart rate under the average",
                    start + ",\"elapsed\":\"52:30\",\"avg_hr\":160,\"max_hr\":150",
                    "$.max_hr",
                    "below the average"
                },
                new Object[] {"over 48 hours", start + ",\"elapsed\":\"50:00:00\"", "$.elapsed", "up to 48:00:00"},
                new Object[] {"a duration with a dot", start + ",\"elapsed\":\"52.30\"", "$.elapsed", "m:ss (52:30)"},
                new Object[] {"sixty seconds or more", start + ",\"elapsed\":\"52:75\"", "$.elapsed", "must be under 60"
                },
                new Object[] {"sixty minutes or more", start + ",\"moving\":\"1:75:00\"", "$.moving", "must be under 60"
                },
                new Object[] {"a zero duration", start + ",\"elapsed\":\"0:00\"", "$.elapsed", "not more than zero"},
                new Object[] {
                    "a 1 km lap in 1:30",
                    start + ",\"elapsed\":\"52:30\",\"distance\":10,\"unit\":\"km\",\"laps\":[{\"distance\":5,"
                            + "\"elapsed\":\"26:00\"},{\"distance\":1,\"elapsed\":\"1:30\"}]",
                    "$.laps[1].elapsed",
                    "lap 2: 1 km in 1:30 (elapsed) is 1:30 /km"
                },
                new Object[] {
                    "sample streams of different lengths",
                    start + ",\"elapsed\":\"52:30\",\"samples\":{\"time_s\":[0,1,2],\"hr\":[150,151]}",
                    "$.samples.hr",
                    "parallel arrays"
                },
                new Object[] {
                    "samples going back in time",
                    start + ",\"elapsed\":\"52:30\",\"samples\":{\"time_s\":[0,2,1]}",
                    "$.samples.time_s[2]",
                    "must not decrease"
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anImpossibleOrUnusualActivityIsRefusedNamingTheFieldAndNothingIsStored(
            String what, String fields, String path, String message) {
        long before = server.eventCount();
        Http.Answer answer = log("refused", fields);
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("path").asText()).as(what).isEqualTo(path);
        assertThat(answer.body().path("detail").asText()).as(what).contains(message);
        assertThat(server.eventCount()).as(what + " stores nothing").isEqualTo(before);
    }

    @Test
    void unusualValuesAreStoredOnceThePersonConfirmedThemButImpossibleOnesNever() {
        String fast = "\"sport\":\"run\",\"started_at\":\"2026-08-02T10:00:00+02:00\",\"elapsed\":\"19:00\","
                + "\"distance\":10,\"unit\":\"km\"";
        Http.Answer refused = log("fast", fast);
        assertThat(refused.status()).isEqualTo(400);
        // 1140 s / 10 km = 114 s = 1:54 /km
        assertThat(refused.body().path("detail").asText())
                .contains("1:54 /km", "2:00–30:00 /km", "confirm_unusual: true");
        JsonNode confirmed = logged("fast", fast + ",\"confirm_unusual\":true");
        assertThat(confirmed.path("unusual_confirmed").asBoolean()).isTrue();
        assertThat(confirmed.at("/pace/per_km").asText()).isEqualTo("1:54");

        long before = server.eventCount();
        Http.Answer impossible = log(
                "impossible",
                "\"sport\":\"run\",\"started_at\":\"2026-08-02T12:00:00+02:00\",\"elapsed\":\"40:00\",\"moving\":"
                        + "\"45:00\",\"confirm_unusual\":true");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body().path("path").asText()).isEqualTo("$.moving");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aRetryAnswersTheStoredActivityAndAChangedCallWithTheSameKeyIsRefused() {
        String call = "\"sport\":\"run\",\"started_at\":\"2026-08-05T07:00:00\",\"elapsed\":\"30:00\",\"distance\":6,"
                + "\"unit\":\"km\"";
        JsonNode first = ok(log("retry", call));
        long before = server.eventCount();
        JsonNode again = ok(log("retry", call));
        assertThat(again.at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.at("/data/activity/activity_id").asText())
                .isEqualTo(first.at("/data/activity/activity_id").asText());
        assertThat(again.at("/data/activity/event_id").asText())
                .isEqualTo(first.at("/data/activity/event_id").asText());
        assertThat(server.eventCount()).isEqualTo(before);
        Http.Answer changed = log("retry", call.replace("30:00", "31:00"));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.body().path("path").asText()).isEqualTo("$.idempotency_key");
        assertThat(server.eventCount()).isEqualTo(before);
        // an id already taken is refused too, nothing stored
        Http.Answer taken = log(
                "retry-other",
                call + ",\"activity_id\":\""
                        + first.at("/data/activity/activity_id").asText() + "\"");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("path").asText()).isEqualTo("$.activity_id");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void rawWritesOfActivitiesPassTheSameRules() {
        long before = server.eventCount();
        String fast = "{\"activity_id\":\"raw-fast\",\"sport\":\"run\",\"elapsed_s\":900,"
                + "\"distance\":{\"value\":10,\"unit\":\"km\"}";
        Http.Answer refused = post(
                "/v1/events",
                "{\"events\":[{\"type\":\"activity.logged\",\"occurred_at\":\"2026-08-03T07:00:00+02:00\",\"data\":"
                        + fast + "},\"idempotency_key\":\"raw-fast\"}]}");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.events[0].data.elapsed_s");
        assertThat(refused.body().path("detail").asText()).contains("1:30 /km", "\"unusual_confirmed\": true");
        assertThat(server.eventCount()).isEqualTo(before);
        ok(post(
                "/v1/events",
                "{\"events\":[{\"type\":\"activity.logged\",\"occurred_at\":\"2026-08-03T07:00:00+02:00\",\"data\":"
                        + fast + ",\"unusual_confirmed\":true},\"idempotency_key\":\"raw-fast\"}]}"));
        JsonNode stored = ok(get("/v1/activities/raw-fast")).at("/data/activity");
        assertThat(stored.path("unusual_confirmed").asBoolean()).isTrue();

        // a correction must pass them as well: the impossible is refused even when marked
        JsonNode run = logged(
                "to-correct",
                "\"sport\":\"run\",\"started_at\":\"2026-08-04T07:00:00\",\"elapsed\":\"52:30\",\"distance\":10,"
                        + "\"unit\":\"km\"");
        before = server.eventCount();
        Http.Answer tooFast = post(
                "/v1/events/" + run.path("event_id").asText() + "/corrections",
                "{\"idempotency_key\":\"fix-fast\",\"data\":{\"elapsed_s\":900}}");
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.body().path("path").asText()).isEqualTo("$.data.elapsed_s");
        Http.Answer impossible = post(
                "/v1/events/" + run.path("event_id").asText() + "/corrections",
                "{\"idempotency_key\":\"fix-impossible\",\"data\":{\"moving_s\":4000,\"unusual_confirmed\":true}}");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body().path("path").asText()).isEqualTo("$.data.moving_s");
        assertThat(server.eventCount()).isEqualTo(before);
        // a plausible correction changes the activity as if it had been logged right
        ok(post(
                "/v1/events/" + run.path("event_id").asText() + "/corrections",
                "{\"idempotency_key\":\"fix-ok\",\"data\":{\"elapsed_s\":3000}}"));
        JsonNode corrected =
                ok(get("/v1/activities/" + run.path("activity_id").asText())).at("/data/activity");
        assertThat(corrected.at("/pace/per_km").asText()).isEqualTo("5:00");
    }

    @Test
    void anActivityInFullHasItsLapsAndASummaryOfItsSamples() {
        JsonNode run = logged(
                "laps",
                "\"sport\":\"run\",\"name\":\"Tempo\",\"started_at\":\"2026-08-06T18:00:00\",\"elapsed\":\"51:00\","
                        + "\"distance\":10,\"unit\":\"km\",\"avg_hr\":158,\"max_hr\":176,"
                        + "\"hr_zones\":[{\"zone\":3,\"min_bpm\":150,\"max_bpm\":165,\"seconds\":1800}],"
                        + "\"laps\":[{\"distance\":5,\"elapsed\":\"26:00\",\"avg_hr\":152},"
                        + "{\"distance\":5,\"elapsed\":1500,\"avg_hr\":164}],"
                        + "\"samples\":{\"time_s\":[0,1,2,3,4],\"hr\":[140,null,150,160,155],"
                        + "\"altitude_m\":[30,31,null,29,30]}");
        JsonNode full =
                ok(get("/v1/activities/" + run.path("activity_id").asText())).at("/data/activity");
        assertThat(full.path("name").asText()).isEqualTo("Tempo");
        // lap 1: 1560 s / 5 km = 312 s = 5:12 /km; lap 2: 1500 s / 5 km = 300 s = 5:00 /km
        assertThat(full.at("/laps/0/pace/per_km").asText()).isEqualTo("5:12");
        assertThat(full.at("/laps/0/elapsed").asText()).isEqualTo("26:00");
        assertThat(full.at("/laps/1/pace/per_km").asText()).isEqualTo("5:00");
        assertThat(full.at("/laps/1/avg_hr").asDouble()).isEqualTo(164.0);
        assertThat(full.at("/hr_zones/0/time").asText()).isEqualTo("30:00");
        JsonNode samples = full.path("samples");
        assertThat(samples.path("points").asInt()).isEqualTo(5);
        assertThat(samples.path("channels").toString()).isEqualTo("[\"time_s\",\"hr\",\"altitude_m\"]");
        assertThat(samples.path("duration_s").asDouble()).isEqualTo(4.0);
        assertThat(samples.path("max_hr").asDouble()).isEqualTo(160.0);
        assertThat(samples.path("min_altitude_m").asDouble()).isEqualTo(29.0);
        assertThat(samples.has("hr")).as("streams are summarized, never listed").isFalse();

        Http.Answer missing = get("/v1/activities/no-such-activity");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("path").asText()).isEqualTo("$.activity_id");
    }

    @Test
    void anActivityWithAHundredThousandSamplesIsStoredAndSummarizedAndOneMoreIsRefused() {
        // a second per point for 100,000 s (27:46:40), a heart rate cycling 120-179
        StringBuilder time = new StringBuilder();
        StringBuilder hr = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            time.append(i == 0 ? "" : ",").append(i);
            hr.append(i == 0 ? "" : ",").append(120 + i % 60);
        }
        String fields = "\"sport\":\"ride\",\"started_at\":\"2026-06-20T06:00:00\",\"elapsed\":100000,\"distance\":600,"
                + "\"unit\":\"km\",\"samples\":{\"time_s\":[" + time + "],\"hr\":[" + hr + "]}";
        long started = System.nanoTime();
        JsonNode ride = logged("samples-100k", fields);
        System.out.printf(
                "log_activity with 100,000 samples (%,d characters): %d ms%n",
                fields.length(), (System.nanoTime() - started) / 1_000_000);
        assertThat(ride.at("/samples/points").asInt()).isEqualTo(100_000);
        assertThat(ride.at("/samples/duration_s").asDouble()).isEqualTo(99_999.0);
        assertThat(ride.at("/samples/max_hr").asDouble()).isEqualTo(179.0);
        assertThat(ride.toString().length()).as("the answer holds no stream").isLessThan(2_000);

        long before = server.eventCount();
        Http.Answer tooMany =
                log("samples-100001", fields.replace("[0,", "[0,0,").replace("[120,", "[120,120,"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("path").asText()).startsWith("$.samples.");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void theListShowsTheTenNewestInUnder8000CharactersAndSaysHowManyMore() {
        // twelve named rides with heart rate in July, one a day
        for (int day = 1; day <= 12; day++) {
            logged(
                    "july-" + day,
                    "\"sport\":\"ride\",\"name\":\"Evening ride " + day
                            + "\",\"started_at\":\"2026-07-%02dT18:00:00\"".formatted(day)
                            + ",\"elapsed\":\"1:30:00\",\"moving\":\"1:25:00\",\"distance\":42.5,\"unit\":\"km\","
                            + "\"avg_hr\":140");
        }
        Http.Answer answer = get("/v1/activities?sport=ride&period="
                + java.net.URLEncoder.encode("July 2026", java.nio.charset.StandardCharsets.UTF_8));
        JsonNode data = ok(answer).at("/data");
        assertThat(data.path("activities")).hasSize(10);
        assertThat(data.path("more").asInt()).isEqualTo(2);
        assertThat(data.at("/activities/0/date").asText()).isEqualTo("2026-07-12");
        assertThat(data.at("/activities/9/date").asText()).isEqualTo("2026-07-03");
        // 42.5 km in 1:25:00 moving: 42.5 / (85/60) = 30 km/h
        assertThat(data.at("/activities/0/speed/kmh").asDouble()).isEqualTo(30.0);
        assertThat(data.at("/activities/0/time").asText()).isEqualTo("1:25:00");
        assertThat(answer.body().toString().length()).as("characters").isLessThanOrEqualTo(8_000);
        assertThat(answer.body().at("/meta/period/from").asText()).isEqualTo("2026-07-01");
        assertThat(ok(get("/v1/activities?sport=ride&from=2026-07-01&to=2026-07-31&limit=50"))
                        .at("/data/activities"))
                .hasSize(12);
    }
}
