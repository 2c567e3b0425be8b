package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.projections.Projection;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.testkit.TestDatabases;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A year of a generated athlete, played through the real tools, mistakes and fixes included. */
class AthleteGeneratorTest {

    private static TdCore core;
    private static Principal athlete;
    private static AthleteDriver.Played played;

    @BeforeAll
    static void play() throws Exception {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-athlete"));
        UUID user = core.accounts().createUser("athlete");
        athlete = new Principal(user, UUID.randomUUID(), "generator", Set.of("*"));
        List<AthleteGenerator.Action> actions =
                new AthleteGenerator(7, LocalDate.of(2025, 1, 6), 1, ZoneId.of("Europe/Berlin")).actions();
        played = new AthleteDriver(core).play(athlete, actions);
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Test
    void theSameSeedGivesTheSameAthlete() {
        var a = new AthleteGenerator(3, LocalDate.of(2025, 1, 6), 2, ZoneId.of("UTC")).actions();
        var b = new AthleteGenerator(3, LocalDate.of(2025, 1, 6), 2, ZoneId.of("UTC")).actions();
        assertThat(a).isEqualTo(b);
        assertThat(a.stream()
                        .filter(x -> x instanceof AthleteGenerator.LogWorkout)
                        .count())
                .isBetween(300L, 520L);
    }

    @Test
    void aYearOfTrainingIsLoggedWithItsMistakesFixed() {
        assertThat(played.workouts()).isBetween(150, 260);
        assertThat(played.corrections() + played.voids())
                .as("some mistakes were made and fixed")
                .isPositive();
        Map<String, Object> records = core.projections().foldFromLog(athlete.userId(), PersonalRecordsProjection.NAME);
        JsonNode bench = Json.mapper().valueToTree(records.get("barbell-bench-press"));
        assertThat(bench.at("/e1rm/valueKg").asDouble())
                .as("no typo of ten times the load survives as a record")
                .isBetween(70.0, 140.0);
    }

    @Test
    void storedProjectionsEqualAFoldOfTheRawEffectiveHistory() {
        for (Projection<?> p : core.projections().projections()) {
            JsonNode stored = Json.mapper().valueToTree(core.projections().readAll(athlete.userId(), p));
            JsonNode recomputed = Json.mapper()
                    .valueToTree(new java.util.TreeMap<>(core.projections().foldFromLog(athlete.userId(), p.name())));
            assertThat(stored).as(p.name()).isEqualTo(recomputed);
        }
    }

    /**
     * The records as a second, simpler algorithm computes them from the effective history (after every
     * correction and void): for each exercise and rep count 1–12, the heaviest working set, loads in kg
     * (lb × 0.45359237, the international pound). No projection class is used for the expectation.
     */
    @Test
    void personalRecordsEqualTheHeaviestWorkingSetPerRepCountInTheEffectiveHistory() throws Exception {
        Map<String, Map<Integer, Double>> expected = new java.util.TreeMap<>();
        try (java.sql.Connection c = core.database().dataSource().getConnection()) {
            new dev.td.server.events.EffectiveLog()
                    .forEach(c, athlete.userId(), Long.MAX_VALUE, Optional.empty(), fact -> {
                        JsonNode d = fact.data();
                        if (!fact.type().equals("set.logged")
                                || !d.has("weight")
                                || d.path("set_type").asText().equals("warmup")) {
                            return;
                        }
                        int reps = d.path("reps").asInt(0);
                        if (reps < 1 || reps > 12) {
                            return;
                        }
                        double value = d.at("/weight/value").asDouble();
                        double kg = d.at("/weight/unit").asText().equals("lb") ? value * 0.45359237 : value;
                        expected.computeIfAbsent(d.path("exercise_id").asText(), k -> new java.util.TreeMap<>())
                                .merge(reps, kg, Math::max);
                    });
        }
        Map<String, Map<Integer, Double>> stored = new java.util.TreeMap<>();
        core.projections()
                .readAll(athlete.userId(), new PersonalRecordsProjection())
                .forEach((exercise, records) -> {
                    Map<Integer, Double> byReps = new java.util.TreeMap<>();
                    records.byReps().forEach((reps, pr) -> byReps.put(reps, pr.weightKg()));
                    stored.put(exercise, byReps);
                });
        assertThat(expected).as("the generated year has records to compare").isNotEmpty();
        assertThat(stored).isEqualTo(expected);
    }

    /**
     * Weekly volume as a second algorithm computes it from the effective history: per ISO week of the
     * person's local date (WeekFields.ISO) and exercise, the working sets, their reps and their tonnage
     * (kg × reps, lb × 0.45359237). No projection class is used for the expectation.
     */
    @Test
    void weeklyVolumeEqualsTheWorkingSetsOfEachIsoWeekInTheEffectiveHistory() throws Exception {
        Map<String, double[]> expected = new java.util.TreeMap<>();
        java.time.temporal.WeekFields iso = java.time.temporal.WeekFields.ISO;
        try (java.sql.Connection c = core.database().dataSource().getConnection()) {
            new dev.td.server.events.EffectiveLog()
                    .forEach(c, athlete.userId(), Long.MAX_VALUE, Optional.empty(), fact -> {
                        JsonNode d = fact.data();
                        if (!fact.type().equals("set.logged")
                                || d.path("set_type").asText().equals("warmup")) {
                            return;
                        }
                        LocalDate day = fact.occurredAt().toLocalDate();
                        String week = String.format(
                                "%d-W%02d", day.get(iso.weekBasedYear()), day.get(iso.weekOfWeekBasedYear()));
                        int reps = d.path("reps").asInt(0);
                        double value = d.at("/weight/value").asDouble(0);
                        double kg = d.at("/weight/unit").asText().equals("lb") ? value * 0.45359237 : value;
                        double[] v = expected.computeIfAbsent(
                                week + " " + d.path("exercise_id").asText(), k -> new double[3]);
                        v[0] += 1;
                        v[1] += reps;
                        v[2] += kg * reps;
                    });
        }
        Map<String, double[]> stored = new java.util.TreeMap<>();
        core.projections()
                .readAll(athlete.userId(), new WeeklyVolumeProjection())
                .forEach((week, w) -> w.byExercise()
                        .forEach((exercise, v) -> stored.put(
                                week + " " + exercise, new double[] {v.workingSets(), v.reps(), v.tonnageKg()})));
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, v) -> {
            double[] got = Objects.requireNonNull(stored.get(key));
            assertThat(got[0]).as(key + " working sets").isEqualTo(v[0]);
            assertThat(got[1]).as(key + " reps").isEqualTo(v[1]);
            assertThat(got[2]).as(key + " tonnage kg").isCloseTo(v[2], org.assertj.core.api.Assertions.within(1e-6));
        });
    }

    /** One session's (or one exercise's within it) sets, counted without the projection classes. */
    private record Tally(int sets, int working, int hard, int reps, double tonnageKg, double topKg, int topReps) {
        Tally plus(JsonNode d) {
            boolean working = !d.path("set_type").asText().equals("warmup");
            double effort = d.has("rpe")
                    ? d.path("rpe").asDouble()
                    : d.has("rir") ? 10 - d.path("rir").asDouble() : 10;
            int r = d.path("reps").asInt(0);
            double value = d.at("/weight/value").asDouble(0);
            double kg = d.at("/weight/unit").asText().equals("lb") ? value * 0.45359237 : value;
            boolean top = working
                    && d.has("weight")
                    && r >= 1
                    && (kg > topKg || (kg == topKg && r > topReps) || topReps == 0);
            return new Tally(
                    sets + 1,
                    working ? this.working + 1 : this.working,
                    working && effort >= 7 ? hard + 1 : hard,
                    working ? reps + r : reps,
                    working ? tonnageKg + kg * r : tonnageKg,
                    top ? kg : topKg,
                    top ? r : topReps);
        }
    }

    /**
     * Sessions as a second algorithm computes them from the effective history: per session and per
     * exercise within it, all sets, working sets (not warm-ups), hard sets (working, and RPE 7+ where RPE
     * = rpe, else 10 − rir, else taken as hard), reps and tonnage of working sets, and the top set: the
     * heaviest working set with reps, ties to more reps. Checked against both the session summaries and
     * the per-exercise progression points. No projection class is used for the expectation.
     */
    @Test
    void sessionSummariesAndProgressionPointsEqualTheSetsOfEachSessionInTheEffectiveHistory() throws Exception {
        Tally none = new Tally(0, 0, 0, 0, 0, 0, 0);
        Map<String, Tally> bySession = new java.util.TreeMap<>();
        Map<String, Tally> bySessionAndExercise = new java.util.TreeMap<>();
        try (java.sql.Connection c = core.database().dataSource().getConnection()) {
            new dev.td.server.events.EffectiveLog()
                    .forEach(c, athlete.userId(), Long.MAX_VALUE, Optional.empty(), fact -> {
                        if (!fact.type().equals("set.logged")) {
                            return;
                        }
                        JsonNode d = fact.data();
                        String session = d.path("session_id").asText();
                        bySession.merge(session, none.plus(d), (a, b) -> a.plus(d));
                        bySessionAndExercise.merge(
                                session + " " + d.path("exercise_id").asText(), none.plus(d), (a, b) -> a.plus(d));
                    });
        }
        assertThat(bySession).as("the generated year has sessions to compare").hasSizeGreaterThan(100);

        Map<String, SessionSummaryProjection.Summary> summaries =
                core.projections().readAll(athlete.userId(), new SessionSummaryProjection());
        assertThat(summaries.keySet()).containsAll(bySession.keySet());
        bySession.forEach((session, t) -> {
            SessionSummaryProjection.Summary s = Objects.requireNonNull(summaries.get(session));
            assertThat(new int[] {s.sets(), s.workingSets(), s.hardSets()})
                    .as(session + " sets, working sets, hard sets")
                    .containsExactly(t.sets(), t.working(), t.hard());
            assertThat(s.volumeKg()).as(session + " tonnage").isCloseTo(t.tonnageKg(), within(1e-6));
            s.exercises()
                    .forEach(e -> assertExerciseMatches(
                            session + " " + e.exerciseId(),
                            Objects.requireNonNull(bySessionAndExercise.get(session + " " + e.exerciseId())),
                            new int[] {e.sets(), e.workingSets(), e.hardSets(), e.reps()},
                            e.volumeKg(),
                            e.topSet()));
        });

        Map<String, ExerciseProgressionProjection.Progression> progressions =
                core.projections().readAll(athlete.userId(), new ExerciseProgressionProjection());
        int points = 0;
        for (ExerciseProgressionProjection.Progression p : progressions.values()) {
            for (ExerciseProgressionProjection.Point point : p.sessions()) {
                String key = point.sessionId() + " " + p.exerciseId();
                Tally t = Objects.requireNonNull(bySessionAndExercise.get(key), key);
                assertExerciseMatches(
                        key,
                        t,
                        new int[] {t.sets(), point.workingSets(), point.hardSets(), point.reps()},
                        point.volumeKg(),
                        point.topSet());
                points++;
            }
        }
        assertThat(points).as("every session of every exercise has its point").isEqualTo(bySessionAndExercise.size());
    }

    private static void assertExerciseMatches(
            String key,
            Tally expected,
            int[] setsWorkingHardReps,
            double tonnageKg,
            Optional<SessionSummaryProjection.TopSet> topSet) {
        assertThat(setsWorkingHardReps)
                .as(key + " sets, working sets, hard sets, reps")
                .containsExactly(expected.sets(), expected.working(), expected.hard(), expected.reps());
        assertThat(tonnageKg).as(key + " tonnage").isCloseTo(expected.tonnageKg(), within(1e-6));
        if (expected.topReps() == 0) {
            assertThat(topSet).as(key + " top set").isEmpty();
        } else {
            assertThat(topSet).as(key + " top set").hasValueSatisfying(top -> {
                assertThat(top.weightKg()).isEqualTo(expected.topKg());
                assertThat(top.reps()).isEqualTo(expected.topReps());
            });
        }
    }
}
