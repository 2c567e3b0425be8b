package dev.td.server.endurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.TrainingEvent;
import dev.td.statistics.sport.BestEffort;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The endurance folds and the values they rest on, without a database; expected values worked out by hand. */
class EnduranceFoldsTest {

    private static long sequence;

    private static TrainingEvent.ActivityLogged activity(String id, String sport, String startedAt, String data) {
        try {
            JsonNode d = Json.mapper()
                    .readTree("{\"activity_id\":\"" + id + "\",\"sport\":\"" + sport + "\""
                            + (data.isEmpty() ? "" : ",") + data + "}");
            return new TrainingEvent.ActivityLogged(
                    UUID.randomUUID(), ++sequence, OffsetDateTime.parse(startedAt), id, sport, d);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    // A late run in Honolulu on 31 March (09:30 UTC on 1 April) started after a morning run in Berlin dated 1 April
    // (06:00 UTC): read month by month they come out of start order, and only that month boundary needs checking
    @Test
    void pointsOfMonthsReadInOrderAreSortedOnlyWhenAZoneTripCrossesAMonthBoundary() {
        ActivityPointsProjection.Point early = ActivityPointsProjection.Point.of(
                Activity.of(activity("early", "run", "2026-03-31T07:00:00+02:00", "")));
        ActivityPointsProjection.Point honolulu = ActivityPointsProjection.Point.of(
                Activity.of(activity("honolulu", "run", "2026-03-31T23:30:00-10:00", "")));
        ActivityPointsProjection.Point berlin = ActivityPointsProjection.Point.of(
                Activity.of(activity("berlin", "run", "2026-04-01T08:00:00+02:00", "")));
        ActivityPointsProjection.Point later = ActivityPointsProjection.Point.of(
                Activity.of(activity("later", "run", "2026-04-02T08:00:00+02:00", "")));
        assertThat(honolulu.date()).isEqualTo("2026-03-31");
        List<ActivityPointsProjection.Point> ordered = List.of(early, berlin, later);
        assertThat(ActivityPointsProjection.inStartOrderAcrossMonths(ordered)).isTrue();
        List<ActivityPointsProjection.Point> byMonth =
                new java.util.ArrayList<>(List.of(early, honolulu, berlin, later));
        assertThat(ActivityPointsProjection.inStartOrderAcrossMonths(byMonth)).isFalse();
        ActivityPointsProjection.sortByStart(byMonth);
        assertThat(byMonth)
                .extracting(ActivityPointsProjection.Point::activityId)
                .containsExactly("early", "berlin", "honolulu", "later");
    }

    @Test
    void lengthsInMilesYardsAndFeetBecomeMetresExactly() {
        Activity run = Activity.of(activity(
                "a",
                "run",
                "2026-09-09T07:00:00+02:00",
                "\"distance\":{\"value\":6.2,\"unit\":\"mi\"},\"elevation_gain\":{\"value\":100,\"unit\":\"ft\"}"));
        // 6.2 x 1609.344 = 9977.9328 exactly
        assertThat(run.distanceM()).hasValue(new BigDecimal("9977.9328").doubleValue());
        assertThat(run.distanceAsLogged()).contains(new Activity.Quantity(6.2, "mi"));
        // 100 ft x 0.3048 = 30.48 m
        assertThat(run.elevationGainM()).hasValue(30.48);
        assertThat(run.elevationUnit()).contains("ft");
        Activity swim = Activity.of(
                activity("b", "swim", "2026-09-09T07:00:00+02:00", "\"distance\":{\"value\":1000,\"unit\":\"yd\"}"));
        // 1000 yd x 0.9144 = 914.4 m
        assertThat(swim.distanceM()).hasValue(914.4);
        Activity ride = Activity.of(
                activity("c", "ride", "2026-09-09T07:00:00+02:00", "\"distance\":{\"value\":42.195,\"unit\":\"km\"}"));
        assertThat(ride.distanceM()).hasValue(42195);
        // 1.1 mi is 1770.2784 m; multiplied in binary floating point it would be 1770.2784000000001
        Activity mile = Activity.of(
                activity("d", "run", "2026-09-09T07:00:00+02:00", "\"distance\":{\"value\":1.1,\"unit\":\"mi\"}"));
        assertThat(mile.distanceM()).hasValue(1770.2784);
        assertThat(1.1 * 1609.344).isNotEqualTo(1770.2784);
    }

    @Test
    void anActivityIsDatedByItsStartWhereItHappened() {
        Activity late = Activity.of(activity("a", "run", "2026-10-04T23:30:00+02:00", "\"elapsed_s\":3600"));
        assertThat(late.date()).isEqualTo("2026-10-04");
        assertThat(late.week()).isEqualTo("2026-W40");
        // 31 December 2026 is a Thursday: ISO week 53 of 2026; 1 January 2027 (Friday) still belongs to it
        Activity newYear = Activity.of(activity("b", "run", "2027-01-01T10:00:00+01:00", ""));
        assertThat(newYear.week()).isEqualTo("2026-W53");
        assertThat(ActivityPointsProjection.monthOf(newYear.date())).isEqualTo("2027-01");
    }

    @Test
    void weeklyTotalsAddPerDayAndSport() {
        WeeklyEnduranceProjection weekly = new WeeklyEnduranceProjection();
        WeeklyEnduranceProjection.Week w = weekly.empty("2026-W37");
        w = weekly.apply(
                w,
                activity(
                        "a",
                        "run",
                        "2026-09-07T07:00:00+02:00",
                        "\"elapsed_s\":3150,\"distance\":{\"value\":10,\"unit\":\"km\"}"));
        w = weekly.apply(
                w,
                activity(
                        "b",
                        "run",
                        "2026-09-09T07:00:00+02:00",
                        "\"elapsed_s\":3120,\"moving_s\":3000,\"distance\":{\"value\":6.2,\"unit\":\"mi\"}"));
        w = weekly.apply(
                w,
                activity(
                        "c",
                        "ride",
                        "2026-09-09T17:00:00+02:00",
                        "\"moving_s\":3600,\"distance\":{\"value\":30,\"unit\":\"km\"},"
                                + "\"elevation_gain\":{\"value\":300,\"unit\":\"m\"}"));
        Map<String, WeeklyEnduranceProjection.Totals> all = w.bySport(d -> true);
        // runs: 10000 + 9977.9328 m; moving 3150 (elapsed, no moving time) + 3000; elapsed 3150 + 3120
        assertThat(all.get("run")).isEqualTo(new WeeklyEnduranceProjection.Totals(2, 10000 + 9977.9328, 6150, 6270, 0));
        // the ride: no elapsed time, so its moving time counts as elapsed too
        assertThat(all.get("ride")).isEqualTo(new WeeklyEnduranceProjection.Totals(1, 30000, 3600, 3600, 300));
        Map<String, WeeklyEnduranceProjection.Totals> wednesday = w.bySport(d -> d.equals(LocalDate.of(2026, 9, 9)));
        WeeklyEnduranceProjection.Totals wednesdayRuns = java.util.Objects.requireNonNull(wednesday.get("run"));
        assertThat(wednesdayRuns.sessions()).isEqualTo(1);
        assertThat(wednesdayRuns.distanceM()).isEqualTo(9977.9328);
        assertThat(weekly.keys(activity("d", "run", "2026-09-13T23:59:00+02:00", "")))
                .containsExactly("2026-W37");
    }

    @Test
    void aMonthKeepsOnePointPerActivityInTheOrderTheyStarted() {
        ActivityPointsProjection points = new ActivityPointsProjection();
        ActivityPointsProjection.Month m = points.empty("2026-05");
        m = points.apply(m, activity("home", "run", "2026-05-11T07:00:00+02:00", "\"elapsed_s\":1800"));
        // on a trip: 20:00 in New York on the 10th is 02:00 on the 11th in Berlin, so it started first
        m = points.apply(m, activity("trip", "run", "2026-05-10T20:00:00-04:00", "\"elapsed_s\":2700"));
        m = points.apply(m, activity("home", "run", "2026-05-11T07:00:00+02:00", "\"elapsed_s\":1900"));
        assertThat(m.activities())
                .extracting(ActivityPointsProjection.Point::activityId)
                .containsExactly("trip", "home");
        assertThat(m.activities().get(1).elapsedS())
                .as("the later event of an id")
                .hasValue(1900);
        assertThat(m.activities().get(0).date()).isEqualTo("2026-05-10");
        assertThat(points.keys(activity("x", "run", "2026-05-31T23:30:00+02:00", "")))
                .containsExactly("2026-05");
    }

    @Test
    void durationsAreReadAsPeopleWriteThemAndNothingElse() {
        assertThat(Durations.parse(Json.mapper().getNodeFactory().textNode("52:30"), "$.elapsed"))
                .isEqualTo(3150);
        assertThat(Durations.parse(Json.mapper().getNodeFactory().textNode("1:02:03"), "$.elapsed"))
                .isEqualTo(3723);
        assertThat(Durations.parse(Json.mapper().getNodeFactory().textNode("3150"), "$.elapsed"))
                .isEqualTo(3150);
        assertThat(Durations.parse(Json.mapper().getNodeFactory().textNode("75:00"), "$.elapsed"))
                .isEqualTo(4500);
        assertThat(Durations.parse(Json.mapper().getNodeFactory().textNode("4:05.5"), "$.elapsed"))
                .isEqualTo(245.5);
        assertThat(Durations.parse(Json.mapper().getNodeFactory().numberNode(3150.5), "$.elapsed"))
                .isEqualTo(3150.5);
        for (String bad : List.of("52.30", "52:3", "1:2:03", "52:60", "1:60:00", "-5", "5 min", "", "1:02:03:04")) {
            assertThatThrownBy(
                            () -> Durations.parse(Json.mapper().getNodeFactory().textNode(bad), "$.moving"))
                    .as(bad)
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.path()).isEqualTo("$.moving");
                        assertThat(e.getMessage()).contains("seconds (3150), m:ss (52:30) or h:mm:ss (1:02:03)");
                    });
        }
        assertThat(Durations.text(3150)).isEqualTo("52:30");
        assertThat(Durations.text(3723)).isEqualTo("1:02:03");
        assertThat(Durations.text(59.6)).isEqualTo("1:00");
        // 3150 s over 6.2137 mi: 506.94 s, 8:27 /mi
        assertThat(Durations.pace(3150 / (10000 / 1609.344))).isEqualTo("8:27");
    }

    @Test
    void theRangesOfTheKnownSportsReadAsDocumented() {
        assertThat(Sport.of("run").rangeText()).isEqualTo("2:00–30:00 /km over 1 km or more");
        assertThat(Sport.of("walk").rangeText()).isEqualTo("3:00–60:00 /km over 1 km or more");
        assertThat(Sport.of("hike").rangeText()).isEqualTo("4:00–120:00 /km over 1 km or more");
        assertThat(Sport.of("swim").rangeText()).isEqualTo("0:45–10:00 /100 m over 100 m or more");
        assertThat(Sport.of("row").rangeText()).isEqualTo("1:10–6:00 /500 m over 1 km or more");
        assertThat(Sport.of("ride").rangeText()).isEqualTo("3–100 km/h over 1 km or more");
        assertThat(Sport.of("ski").rangeText()).isEqualTo("1–120 km/h over 1 km or more");
        assertThat(Sport.of("kayak").range()).isEmpty();
        assertThat(Sport.of("kayak").measure()).isEqualTo(Sport.Measure.SPEED);
    }

    @Test
    void paceChecksNeedADistanceLongEnoughForTheAverageToMeanSomething() throws Exception {
        // 800 m in 1:50 is 2:17.5 /km, and 400 m in 50 s is 2:05 /km: fine; 900 m in 1:30 (1:40 /km) is faster than
        // the run range but under 1 km, so not checked; 1 km in 1:50 (1:50 /km) is
        assertThat(ActivityRules.check(Json.mapper()
                        .readTree("{\"sport\":\"run\",\"elapsed_s\":90,\"distance\":{\"value\":900,\"unit\":\"m\"}}")))
                .isEmpty();
        assertThat(ActivityRules.check(Json.mapper()
                        .readTree("{\"sport\":\"run\",\"elapsed_s\":110,\"distance\":{\"value\":1,\"unit\":\"km\"}}")))
                .hasValueSatisfying(p -> {
                    assertThat(p.dataField()).isEqualTo("elapsed_s");
                    assertThat(p.unusual()).isTrue();
                    assertThat(p.message()).contains("1:50 /km");
                });
        // a sport td does not know is never paced, only the general rules apply
        assertThat(ActivityRules.check(Json.mapper()
                        .readTree(
                                "{\"sport\":\"kayak\",\"elapsed_s\":60,\"distance\":{\"value\":50,\"unit\":\"km\"}}")))
                .isEmpty();
        assertThat(ActivityRules.check(Json.mapper().readTree("{\"sport\":\"kayak\",\"avg_hr\":140,\"max_hr\":130}")))
                .hasValueSatisfying(p -> assertThat(p.unusual()).isFalse());
    }

    @Test
    void bestEffortsComeFromTheSamplesWhenTheyHaveDistanceSkippingGapsAndGlitches() throws Exception {
        // samples (s, m): (0, 0), (100, 400), (200, gap), (300, 350: back in distance, skipped), (400, 1200),
        // (500, 1600). Fastest 1 km: from 0 m, reaching 1000 m 600 of the 800 m from 400 to
        // 1200 m, which take 300 s: 100 + 600 / 800 x 300 = 325 s; ending at 1600 m (500 s) from 600 m, at 100 + 200 /
        // 800 x 300 = 175 s: also 325 s, starting later. The laps' 200 s kilometre is not taken: samples come first.
        JsonNode data = Json.mapper()
                .readTree("{\"samples\":{\"time_s\":[0,100,200,300,400,500],"
                        + "\"distance_m\":[0,400,null,350,1200,1600]},"
                        + "\"laps\":[{\"distance\":{\"value\":1,\"unit\":\"km\"},\"elapsed_s\":200}]}");
        List<BestEffort> efforts = BestEffortsProjection.effortsOf(data);
        assertThat(efforts).hasSize(1);
        assertThat(efforts.getFirst().seconds()).isCloseTo(325.0, within(1e-9));
        assertThat(efforts.getFirst().startSeconds()).isZero();
        assertThat(efforts.getFirst().source()).isEqualTo(BestEffort.Source.STREAM);
    }

    @Test
    void aLapWithoutADistanceSplitsTheLapsAndNoEffortSpansIt() throws Exception {
        // 1 km in 250 s, a lap of unknown length (60 s), 4 km in 1000 s: the 1k is the first lap; 1 + ? + 4 km is not
        // a 5k, and neither is 1 + 4 km with the unknown lap left out
        JsonNode data = Json.mapper()
                .readTree("{\"laps\":[{\"distance\":{\"value\":1,\"unit\":\"km\"},\"elapsed_s\":250},"
                        + "{\"elapsed_s\":60},{\"distance\":{\"value\":4,\"unit\":\"km\"},\"elapsed_s\":1000}]}");
        List<BestEffort> efforts = BestEffortsProjection.effortsOf(data);
        assertThat(efforts).extracting(e -> e.distanceMetres()).containsExactly(1000.0);
        assertThat(efforts.getFirst().seconds()).isEqualTo(250.0);
        assertThat(efforts.getFirst().source()).isEqualTo(BestEffort.Source.LAPS);
    }
}
