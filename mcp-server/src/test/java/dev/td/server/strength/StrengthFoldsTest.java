package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.server.events.TrainingEvent;
import dev.td.server.events.TrainingEvent.SetType;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The four strength folds on hand-built events, without a database: every expected value is worked
 * out by hand in the comment next to it. e1RM: Epley (1985) w · (1 + r/30), a single rep is its own
 * 1RM; with an RPE the RTS chart (Tuchscherer, The Reactive Training Manual, 2008), whose cell for
 * 5 reps at RPE 8 is 81.1 % (the same as 7 reps at RPE 10).
 */
class StrengthFoldsTest {

    private static final String BENCH = "barbell-bench-press";
    private static final String SQUAT = "barbell-back-squat";

    private static long sequence;

    private static TrainingEvent.SetLogged set(
            String date, String session, String exercise, double kg, int reps, SetType type, double rpe, double rir) {
        return new TrainingEvent.SetLogged(
                UUID.nameUUIDFromBytes(("e" + ++sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                sequence,
                OffsetDateTime.parse(date + "T18:00:00+01:00"),
                session,
                exercise,
                exercise,
                kg < 0 ? OptionalDouble.empty() : OptionalDouble.of(kg),
                Optional.of("kg"),
                reps < 0 ? OptionalInt.empty() : OptionalInt.of(reps),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                rpe < 0 ? OptionalDouble.empty() : OptionalDouble.of(rpe),
                rir < 0 ? OptionalDouble.empty() : OptionalDouble.of(rir),
                type,
                Optional.empty());
    }

    private static TrainingEvent.SetLogged working(String date, String session, String exercise, double kg, int reps) {
        return set(date, session, exercise, kg, reps, SetType.WORKING, -1, -1);
    }

    /** Folds the events with the engine's own in-memory fold (the one as-of and what-if answers use). */
    private static <S> Map<String, S> fold(Projection<S> projection, List<? extends TrainingEvent> events) {
        Map<String, Object> states = new TreeMap<>();
        events.forEach(e -> ProjectionEngine.fold(projection, states, e));
        Map<String, S> typed = new TreeMap<>();
        states.forEach((key, state) -> typed.put(key, projection.stateType().cast(state)));
        return typed;
    }

    private static <V> V at(Map<?, V> map, Object key) {
        return java.util.Objects.requireNonNull(map.get(key), () -> "no " + key + " in " + map.keySet());
    }

    @Test
    void aRecordPerRepCountIsTheHeaviestWorkingSetAndATieKeepsTheFirst() {
        TrainingEvent.SetLogged first100x5 = working("2026-10-05", "s1", BENCH, 100, 5);
        var records = at(
                fold(
                        new PersonalRecordsProjection(),
                        List.of(
                                set("2026-10-05", "s1", BENCH, 140, 5, SetType.WARMUP, -1, -1), // warm-up: no record
                                first100x5,
                                working("2026-10-05", "s1", BENCH, 95, 5), // lighter: keeps 100
                                working("2026-10-12", "s2", BENCH, 100, 5), // equal: keeps the first
                                working("2026-10-12", "s2", BENCH, 60, 12), // 12 reps: the last rep count kept
                                working("2026-10-12", "s2", BENCH, 50, 13), // 13 reps: no record, no e1RM
                                working("2026-10-12", "s2", BENCH, 200, 0))), // no reps: ignored
                BENCH);
        assertThat(records.byReps()).containsOnlyKeys(5, 12);
        PersonalRecordsProjection.Pr five = at(records.byReps(), 5);
        assertThat(five.weightKg()).isEqualTo(100);
        assertThat(five.eventId()).isEqualTo(first100x5.eventId().toString());
        assertThat(five.date()).isEqualTo("2026-10-05");
        assertThat(five.sessionId()).isEqualTo("s1");
        assertThat(at(records.byReps(), 12).weightKg()).isEqualTo(60);
        // e1RM: 100 × (1 + 5/30) = 116.667 beats 60 × (1 + 12/30) = 84 and 95 × (1 + 5/30) = 110.833
        assertThat(records.e1rm()).hasValueSatisfying(e -> {
            assertThat(e.valueKg()).isCloseTo(116.66666666666667, within(1e-9));
            assertThat(e.weightKg()).isEqualTo(100);
            assertThat(e.reps()).isEqualTo(5);
            assertThat(e.eventId()).isEqualTo(first100x5.eventId().toString());
        });
    }

    @Test
    void setsThatCannotSetARecordGiveTheExerciseNoKey() {
        PersonalRecordsProjection prs = new PersonalRecordsProjection();
        assertThat(prs.keys(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WARMUP, -1, -1)))
                .isEmpty();
        assertThat(prs.keys(set("2026-10-05", "s1", BENCH, -1, 5, SetType.WORKING, -1, -1)))
                .as("no load")
                .isEmpty();
        assertThat(prs.keys(working("2026-10-05", "s1", BENCH, 100, 0)))
                .as("no reps")
                .isEmpty();
        assertThat(prs.keys(working("2026-10-05", "s1", BENCH, 100, 1))).containsExactly(BENCH);
        assertThat(fold(prs, List.of(working("2026-10-05", "s1", BENCH, 100, 1))))
                .extractingByKey(BENCH)
                .satisfies(r -> assertThat(r.e1rm().orElseThrow().valueKg())
                        .as("a single rep is its own 1RM")
                        .isEqualTo(100));
    }

    @Test
    void anRpeOnTheRtsChartEstimatesByTheChartAndAnyOtherRpeByEpley() {
        // 100 kg × 5 @ RPE 8: 100 / 0.811 = 123.3045622688
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WORKING, 8, -1)))
                .hasValueSatisfying(e -> {
                    assertThat(e.kg()).isCloseTo(123.30456226880395, within(1e-9));
                    assertThat(e.method()).isEqualTo("rts_rpe");
                });
        // RIR 2 is RPE 8: the same cell
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WORKING, -1, 2))
                        .orElseThrow()
                        .kg())
                .isCloseTo(123.30456226880395, within(1e-9));
        // off the chart (RPE 7.3 is no half step, 5.5 below 6, 12 reps @ 6 missing): Epley 100 × 7/6
        for (double rpe : new double[] {7.3, 5.5}) {
            assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WORKING, rpe, -1)))
                    .hasValueSatisfying(e -> {
                        assertThat(e.method()).isEqualTo("epley");
                        assertThat(e.kg()).isCloseTo(116.66666666666667, within(1e-9));
                    });
        }
        // 60 × 12 @ RPE 6 is not on the chart: Epley 60 × 1.4 = 84
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 60, 12, SetType.WORKING, 6, -1)))
                .hasValueSatisfying(e -> {
                    assertThat(e.method()).isEqualTo("epley");
                    assertThat(e.kg()).isCloseTo(84, within(1e-9));
                });
        // 100 × 3 @ RPE 9 (chart 89.2 %, as 4 reps @ RPE 10): 100 / 0.892 = 112.1076233
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 3, SetType.WORKING, 9, -1))
                        .orElseThrow()
                        .kg())
                .isCloseTo(112.10762331838565, within(1e-9));
        // the chart's edges: 100 × 5 @ RPE 6 is 76.2 % (as 9 reps @ 10) → 131.2335958; 100 × 3 @ RPE 10 is 92.2 %
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WORKING, 6, -1))
                        .orElseThrow()
                        .kg())
                .isCloseTo(131.23359580052494, within(1e-9));
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 3, SetType.WORKING, 10, -1))
                        .orElseThrow()
                        .kg())
                .isCloseTo(108.45986984815617, within(1e-9));
        // RPE 10 × 1 is 100 %
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 150, 1, SetType.WORKING, 10, -1))
                        .orElseThrow()
                        .kg())
                .isEqualTo(150);
    }

    @Test
    void setsOutsideTheEstimatesRangeGiveNoE1rm() {
        assertThat(E1rm.of(working("2026-10-05", "s1", BENCH, 50, 13)))
                .as("13 reps")
                .isEmpty();
        assertThat(E1rm.of(working("2026-10-05", "s1", BENCH, 0, 5)))
                .as("no load")
                .isEmpty();
        assertThat(E1rm.of(working("2026-10-05", "s1", BENCH, 100, 0)))
                .as("no reps")
                .isEmpty();
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, -1, SetType.WORKING, -1, -1)))
                .as("reps not given")
                .isEmpty();
        assertThat(E1rm.of(set("2026-10-05", "s1", BENCH, 100, 5, SetType.WARMUP, -1, -1)))
                .as("warm-up")
                .isEmpty();
        assertThat(E1rm.of(working("2026-10-05", "s1", BENCH, 60, 12)))
                .as("12 reps still counts")
                .isPresent();
    }

    @Test
    void weeklyVolumeCountsWorkingSetsByIsoWeekAcrossTheYearBoundary() {
        // 2026-12-31 (Thursday) and 2027-01-03 (Sunday) are both in 2026-W53; 2027-01-04 starts 2027-W01.
        // Hard: RPE 7+ (RIR 3 is RPE 7: hard; RIR 4 is RPE 6: not); no effort given counts as hard.
        var weeks = fold(
                new WeeklyVolumeProjection(),
                List.of(
                        set("2026-12-31", "s1", SQUAT, 100, 5, SetType.WORKING, -1, 3), // hard, 500 kg
                        set("2026-12-31", "s1", SQUAT, 60, 10, SetType.WARMUP, -1, -1), // not counted
                        set("2027-01-03", "s2", SQUAT, 100, 8, SetType.WORKING, -1, 4), // not hard, 800 kg
                        set("2027-01-03", "s2", BENCH, 80, 5, SetType.FAILURE, -1, -1), // hard, 400 kg
                        working("2027-01-04", "s3", SQUAT, 110, 3))); // 2027-W01, 330 kg
        assertThat(weeks).containsOnlyKeys("2026-W53", "2027-W01");
        WeeklyVolumeProjection.Volume squat53 = at(at(weeks, "2026-W53").byExercise(), SQUAT);
        assertThat(squat53).isEqualTo(new WeeklyVolumeProjection.Volume(2, 1, 13, 1300));
        assertThat(at(at(weeks, "2026-W53").byExercise(), BENCH))
                .isEqualTo(new WeeklyVolumeProjection.Volume(1, 1, 5, 400));
        assertThat(at(at(weeks, "2027-W01").byExercise(), SQUAT))
                .isEqualTo(new WeeklyVolumeProjection.Volume(1, 1, 3, 330));
    }

    @Test
    void aSessionSummaryTakesNameAndStartFromItsStartAndRpeAndLaterNotesFromItsEnd() {
        String s = "s1";
        TrainingEvent.SessionStarted start = new TrainingEvent.SessionStarted(
                UUID.randomUUID(),
                1,
                OffsetDateTime.parse("2026-10-05T18:00+02:00"),
                s,
                Optional.of("Push A"),
                Optional.of("felt fresh"));
        TrainingEvent.SetLogged warmup = set("2026-10-05", s, BENCH, 60, 10, SetType.WARMUP, -1, -1);
        TrainingEvent.SetLogged top = set("2026-10-05", s, BENCH, 100, 5, SetType.WORKING, 9, -1);
        TrainingEvent.SetLogged sameLoadFewerReps = set("2026-10-05", s, BENCH, 100, 3, SetType.WORKING, 6, -1);
        TrainingEvent.SetLogged squat = working("2026-10-05", s, SQUAT, 120, 5);
        TrainingEvent.SetLogged squat2 = set("2026-10-05", s, SQUAT, 125, 3, SetType.WORKING, 9, -1);
        TrainingEvent.SessionEnded end = new TrainingEvent.SessionEnded(
                UUID.randomUUID(),
                9,
                OffsetDateTime.parse("2026-10-05T19:05+02:00"),
                s,
                OptionalDouble.of(8.5),
                Optional.of("shoulder ok"));
        var summary = at(
                fold(
                        new SessionSummaryProjection(),
                        List.of(start, warmup, top, sameLoadFewerReps, squat, squat2, end)),
                s);
        assertThat(summary.name()).contains("Push A");
        assertThat(summary.startedAt()).contains("2026-10-05T18:00:00+02:00");
        assertThat(summary.endedAt()).contains("2026-10-05T19:05:00+02:00");
        assertThat(summary.date()).contains("2026-10-05");
        assertThat(summary.sessionRpe()).hasValue(8.5);
        assertThat(summary.notes()).contains("shoulder ok");
        // 5 sets, 4 working, hard: 100×5 @ 9, 120×5 (no RPE) and 125×3 @ 9; 100×3 @ 6 is not
        assertThat(new int[] {summary.sets(), summary.workingSets(), summary.hardSets()})
                .containsExactly(5, 4, 3);
        // 500 + 300 + 600 + 375 = 1775 kg; the warm-up (600 kg) is not volume
        assertThat(summary.volumeKg()).isEqualTo(1775);
        assertThat(summary.exercises())
                .extracting(SessionSummaryProjection.ExerciseDone::exerciseId)
                .containsExactly(BENCH, SQUAT);
        SessionSummaryProjection.ExerciseDone bench = summary.exercises().getFirst();
        assertThat(new int[] {bench.sets(), bench.workingSets(), bench.hardSets(), bench.reps()})
                .containsExactly(3, 2, 1, 8);
        assertThat(bench.volumeKg()).isEqualTo(800);
        // reps 5 + 3 (the warm-up's 10 do not count); top set: 100 kg, at equal load the one with more reps
        assertThat(bench.topSet()).hasValueSatisfying(t -> {
            assertThat(t.weightKg()).isEqualTo(100);
            assertThat(t.reps()).isEqualTo(5);
            assertThat(t.rpe()).hasValue(9);
            assertThat(t.eventId()).isEqualTo(top.eventId().toString());
        });
    }

    @Test
    void aSessionWithoutStartOrEndTakesItsStartAndDateFromItsFirstSetAndKeepsEarlierRpeAndNotes() {
        SessionSummaryProjection fold = new SessionSummaryProjection();
        var sets = at(
                fold(
                        fold,
                        List.of(
                                working("2026-10-06", "s9", SQUAT, 100, 5),
                                working("2026-10-06", "s9", SQUAT, 105, 5))),
                "s9");
        assertThat(sets.startedAt()).contains("2026-10-06T18:00:00+01:00");
        assertThat(sets.date()).contains("2026-10-06");
        assertThat(sets.endedAt()).isEmpty();
        assertThat(sets.name()).isEmpty();
        assertThat(sets.exercises()).hasSize(1);
        assertThat(sets.exercises().getFirst().topSet().orElseThrow().weightKg())
                .isEqualTo(105);

        var ended = fold.apply(
                sets,
                new TrainingEvent.SessionEnded(
                        UUID.randomUUID(),
                        99,
                        OffsetDateTime.parse("2026-10-06T19:00+01:00"),
                        "s9",
                        OptionalDouble.empty(),
                        Optional.empty()));
        assertThat(ended.endedAt()).contains("2026-10-06T19:00:00+01:00");
        assertThat(ended.sessionRpe()).isEmpty();
        assertThat(ended.notes()).isEmpty();
    }

    @Test
    void theTopSetIsTheHeaviestWithRepsAndAtEqualLoadTheOneWithMoreRepsElseTheFirst() {
        TrainingEvent.SetLogged single = working("2026-10-06", "s", BENCH, 120, 1);
        assertThat(SessionSummaryProjection.heavier(Optional.empty(), single))
                .as("a single rep is a top set")
                .hasValueSatisfying(t -> assertThat(t.reps()).isEqualTo(1));
        var threeReps = SessionSummaryProjection.heavier(Optional.empty(), working("2026-10-06", "s", BENCH, 100, 3));
        TrainingEvent.SetLogged fiveReps = working("2026-10-06", "s", BENCH, 100, 5);
        assertThat(SessionSummaryProjection.heavier(threeReps, fiveReps))
                .as("equal load, more reps")
                .hasValueSatisfying(t ->
                        assertThat(t.eventId()).isEqualTo(fiveReps.eventId().toString()));
        var firstFive = SessionSummaryProjection.heavier(Optional.empty(), fiveReps);
        assertThat(SessionSummaryProjection.heavier(firstFive, working("2026-10-06", "s", BENCH, 100, 5)))
                .as("a tie keeps the first")
                .isEqualTo(firstFive);
        assertThat(SessionSummaryProjection.heavier(firstFive, working("2026-10-06", "s", BENCH, 100.5, 1)))
                .as("heavier wins whatever the reps")
                .hasValueSatisfying(t -> assertThat(t.weightKg()).isEqualTo(100.5));
        assertThat(SessionSummaryProjection.heavier(firstFive, working("2026-10-06", "s", BENCH, 200, 0)))
                .as("no reps, no top set")
                .isEqualTo(firstFive);
        assertThat(SessionSummaryProjection.heavier(
                        firstFive, set("2026-10-06", "s", BENCH, 200, 5, SetType.WARMUP, -1, -1)))
                .as("a warm-up is never the top set")
                .isEqualTo(firstFive);
        assertThat(SessionSummaryProjection.heavier(
                        firstFive, set("2026-10-06", "s", BENCH, -1, 5, SetType.WORKING, -1, -1)))
                .as("no load, no top set")
                .isEqualTo(firstFive);
    }

    @Test
    void theBestE1rmOfASessionKeepsTheFirstSetThatReachedIt() {
        TrainingEvent.SetLogged first = working("2026-10-06", "s", SQUAT, 100, 5);
        var progression = at(
                fold(new ExerciseProgressionProjection(), List.of(first, working("2026-10-06", "s", SQUAT, 100, 5))),
                SQUAT);
        assertThat(progression.sessions().getFirst().bestE1rm().orElseThrow().eventId())
                .isEqualTo(first.eventId().toString());
    }

    @Test
    void progressionHasOnePointPerSessionInDateOrderWhateverTheLoggingOrder() {
        // logged late: the 2026-10-01 session arrives after the 2026-10-08 one
        var progression = at(
                fold(
                        new ExerciseProgressionProjection(),
                        List.of(
                                working("2026-10-08", "b", SQUAT, 110, 5),
                                working("2026-10-08", "b", SQUAT, 115, 3),
                                set("2026-10-08", "b", SQUAT, 60, 5, SetType.WARMUP, -1, -1),
                                working("2026-10-01", "a", SQUAT, 100, 5))),
                SQUAT);
        assertThat(progression.sessions())
                .extracting(ExerciseProgressionProjection.Point::sessionId)
                .containsExactly("a", "b");
        ExerciseProgressionProjection.Point b = progression.sessions().get(1);
        // e1RM: 110 × (1 + 5/30) = 128.333 beats 115 × (1 + 3/30) = 126.5
        assertThat(b.bestE1rm()).hasValueSatisfying(e -> {
            assertThat(e.kg()).isCloseTo(128.33333333333334, within(1e-9));
            assertThat(e.weightKg()).isEqualTo(110);
            assertThat(e.reps()).isEqualTo(5);
            assertThat(e.method()).isEqualTo("epley");
        });
        assertThat(b.topSet().orElseThrow().weightKg()).isEqualTo(115);
        // 550 + 345 = 895 kg over 2 working sets and 8 reps; the warm-up is not counted
        assertThat(b.volumeKg()).isEqualTo(895);
        assertThat(new int[] {b.workingSets(), b.hardSets(), b.reps()}).containsExactly(2, 2, 8);
        assertThat(progression.usage()).isEqualTo(new ExerciseProgressionProjection.Usage(4, 0, 0, 0, 0));
    }

    @Test
    void theTypeInferredFromUsageIsWhatMostSetsPointTo() {
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 0, 0, 0).inferredType())
                .isEmpty();
        assertThat(new ExerciseProgressionProjection.Usage(3, 1, 0, 0, 0).inferredType())
                .contains("strength");
        assertThat(new ExerciseProgressionProjection.Usage(1, 3, 0, 0, 0).inferredType())
                .contains("bodyweight");
        assertThat(new ExerciseProgressionProjection.Usage(0, 1, 4, 0, 0).inferredType())
                .contains("timed");
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 1, 0, 2).inferredType())
                .contains("distance");
        // a tie goes to the first in the order strength, bodyweight, timed, distance
        assertThat(new ExerciseProgressionProjection.Usage(2, 2, 2, 0, 2).inferredType())
                .contains("strength");
        assertThat(new ExerciseProgressionProjection.Usage(0, 2, 2, 0, 0).inferredType())
                .contains("bodyweight");
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 2, 0, 2).inferredType())
                .contains("timed");
        assertThat(new ExerciseProgressionProjection.Usage(1, 2, 3, 0, 4).total())
                .isEqualTo(10);
        // distance with duration is an endurance set (a row on the erg, a treadmill run)
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 1, 3, 1).inferredType())
                .contains("endurance");
        // a tie goes to timed before endurance, endurance before distance
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 2, 2, 0).inferredType())
                .contains("timed");
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 0, 2, 2).inferredType())
                .contains("endurance");
        assertThat(new ExerciseProgressionProjection.Usage(1, 2, 3, 4, 5).total())
                .isEqualTo(15);
        assertThat(new ExerciseProgressionProjection.Usage(0, 0, 1, 3, 1).evidence())
                .isEqualTo("0 of 5 sets with weight and reps, 0 with reps only, 1 timed, 3 with distance and duration,"
                        + " 1 by distance");
        assertThat(ExerciseProgressionProjection.Usage.NONE.evidence()).isEqualTo("no sets logged yet");

        TrainingEvent.SetLogged plank = new TrainingEvent.SetLogged(
                UUID.randomUUID(),
                1,
                OffsetDateTime.parse("2026-10-05T18:00+01:00"),
                "s",
                "Plank",
                "plank",
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalDouble.of(60),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                SetType.WORKING,
                Optional.empty());
        TrainingEvent.SetLogged pushUps = set("2026-10-05", "s", "push-up", -1, 20, SetType.WORKING, -1, -1);
        TrainingEvent.SetLogged sled = set("2026-10-05", "s", "sled-push", -1, -1, SetType.WORKING, -1, -1);
        TrainingEvent.SetLogged erg = new TrainingEvent.SetLogged(
                UUID.randomUUID(),
                2,
                OffsetDateTime.parse("2026-10-05T18:00+01:00"),
                "s",
                "Rowing machine",
                "rowing-machine",
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalDouble.of(480),
                OptionalDouble.of(2000),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                SetType.WORKING,
                Optional.empty());
        ExerciseProgressionProjection.Usage none = new ExerciseProgressionProjection.Usage(0, 0, 0, 0, 0);
        assertThat(none.with(erg)).isEqualTo(new ExerciseProgressionProjection.Usage(0, 0, 0, 1, 0));
        assertThat(none.with(plank)).isEqualTo(new ExerciseProgressionProjection.Usage(0, 0, 1, 0, 0));
        assertThat(none.with(pushUps)).isEqualTo(new ExerciseProgressionProjection.Usage(0, 1, 0, 0, 0));
        assertThat(none.with(sled)).isEqualTo(new ExerciseProgressionProjection.Usage(0, 0, 0, 0, 1));
        assertThat(none.with(working("2026-10-05", "s", BENCH, 100, 5)))
                .isEqualTo(new ExerciseProgressionProjection.Usage(1, 0, 0, 0, 0));
    }

    @Test
    void eventsAFoldDoesNotReadLeaveItsStateAlone() {
        TrainingEvent.SessionStarted start = new TrainingEvent.SessionStarted(
                UUID.randomUUID(),
                1,
                OffsetDateTime.parse("2026-10-05T18:00+02:00"),
                "s1",
                Optional.empty(),
                Optional.empty());
        assertThat(new PersonalRecordsProjection().keys(start)).isEmpty();
        assertThat(new WeeklyVolumeProjection().keys(start)).isEmpty();
        assertThat(new ExerciseProgressionProjection().keys(start)).isEmpty();
        assertThat(new SessionSummaryProjection().keys(start)).containsExactly("s1");
        PersonalRecordsProjection.Records empty = new PersonalRecordsProjection().empty(BENCH);
        assertThat(new PersonalRecordsProjection().apply(empty, start)).isSameAs(empty);
        WeeklyVolumeProjection.Week week = new WeeklyVolumeProjection().empty("2026-W41");
        assertThat(new WeeklyVolumeProjection().apply(week, start)).isSameAs(week);
        assertThat(new WeeklyVolumeProjection()
                        .apply(week, set("2026-10-05", "s1", BENCH, 60, 8, SetType.WARMUP, -1, -1)))
                .isSameAs(week);
        ExerciseProgressionProjection.Progression p = new ExerciseProgressionProjection().empty(BENCH);
        assertThat(new ExerciseProgressionProjection().apply(p, start)).isSameAs(p);
    }

    @Test
    void aProgressionFoldedInOneGoIsTheSameAsFoldedSetBySetAndInChunks() {
        ExerciseProgressionProjection projection = new ExerciseProgressionProjection();
        for (long seed = 1; seed <= 20; seed++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            List<TrainingEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // sessions out of date order, sets of one session apart from each other, some warm-ups and no-rep sets
                int session = random.nextInt(30);
                String date = java.time.LocalDate.of(2026, 1, 1)
                        .plusDays(session * 3L % 61)
                        .toString();
                SetType type = random.nextInt(5) == 0 ? SetType.WARMUP : SetType.WORKING;
                events.add(
                        set(date, "s" + session, BENCH, 40 + random.nextInt(80), random.nextInt(12) - 1, type, -1, -1));
            }
            ExerciseProgressionProjection.Progression oneByOne = projection.empty(BENCH);
            for (TrainingEvent e : events) {
                oneByOne = projection.apply(oneByOne, e);
            }
            ExerciseProgressionProjection.Progression chunks = projection.empty(BENCH);
            for (int from = 0; from < events.size(); from += 37) {
                chunks = projection.applyAll(chunks, events.subList(from, Math.min(events.size(), from + 37)));
            }
            assertThat(projection.applyAll(projection.empty(BENCH), events))
                    .as("seed " + seed)
                    .isEqualTo(oneByOne)
                    .isEqualTo(chunks);
            assertThat(oneByOne.sessions())
                    .as("one point a session, in date order")
                    .hasSize((int) events.stream()
                            .map(e -> ((TrainingEvent.SetLogged) e).sessionId())
                            .distinct()
                            .count())
                    .isSortedAccordingTo(java.util.Comparator.comparing(ExerciseProgressionProjection.Point::date)
                            .thenComparing(ExerciseProgressionProjection.Point::sessionId));
        }
    }

    @Test
    void theHighRepRecordIsTheHeaviestSetAboveTwelveRepsThenTheMostRepsAndATieKeepsTheFirst() {
        var records = at(
                fold(
                        new PersonalRecordsProjection(),
                        List.of(
                                working("2026-10-05", "s1", BENCH, 50, 15), // the first: 50 x 15
                                working("2026-10-05", "s1", BENCH, 50, 18), // as heavy, more reps: 50 x 18
                                working("2026-10-12", "s2", BENCH, 50, 16), // as heavy, fewer reps: keeps 50 x 18
                                working("2026-10-12", "s2", BENCH, 50, 18), // the same: a tie keeps the first
                                working("2026-10-12", "s2", BENCH, 45, 25))), // lighter: keeps 50 x 18
                BENCH);
        PersonalRecordsProjection.Pr high = records.highRep().orElseThrow();
        assertThat(high.weightKg()).isEqualTo(50);
        assertThat(high.reps()).isEqualTo(18);
        assertThat(high.date()).as("the first 50 x 18").isEqualTo("2026-10-05");
        var heavier = at(
                fold(
                        new PersonalRecordsProjection(),
                        List.of(
                                working("2026-10-05", "s1", BENCH, 50, 18),
                                working("2026-10-19", "s3", BENCH, 55, 13))),
                BENCH);
        // heavier wins whatever its reps: 55 x 13
        assertThat(heavier.highRep().orElseThrow().weightKg()).isEqualTo(55);
        assertThat(heavier.highRep().orElseThrow().reps()).isEqualTo(13);
    }

    @Test
    void weeklyVolumesAddFieldByField() {
        // (2 working, 1 hard, 13 reps, 1300 kg) + (1, 1, 5, 400) = (3, 2, 18, 1700)
        assertThat(new WeeklyVolumeProjection.Volume(2, 1, 13, 1300)
                        .plus(new WeeklyVolumeProjection.Volume(1, 1, 5, 400)))
                .isEqualTo(new WeeklyVolumeProjection.Volume(3, 2, 18, 1700));
    }
}
