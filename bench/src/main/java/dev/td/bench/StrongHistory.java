package dev.td.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Years of Strong app workouts, as a lifter who trains Monday, Wednesday and Friday (missing about one in twelve)
 * keeps them: two full-body days taken in turn, seven exercises of three or four sets each, weights rising fast in the
 * first year and slowly after, a lighter week every tenth. Written as Strong's CSV export and as the same workouts'
 * {@code log_workout} arguments, so both ways into td store the same sets. Deterministic for a seed.
 */
final class StrongHistory {

    /** One set: weight (0 for a bodyweight set, as Strong writes it), reps, and the RPE when one was noted. */
    record Set(double weightKg, int reps, OptionalDouble rpe) {
        Set {
            if (weightKg < 0 || reps < 1) {
                throw new IllegalArgumentException(
                        "a set needs a weight >= 0 and reps >= 1: " + weightKg + " x " + reps);
            }
        }
    }

    /** An exercise of a workout, by its name in Strong (which td's catalog knows as an alias). */
    record Exercise(String name, List<Set> sets) {
        Exercise {
            sets = List.copyOf(sets);
        }
    }

    /** A workout: when it started (local time), its name, how long it took, the exercises in order. */
    record Workout(LocalDateTime start, String name, Duration duration, List<Exercise> exercises) {
        Workout {
            exercises = List.copyOf(exercises);
        }

        int sets() {
            return exercises.stream().mapToInt(e -> e.sets().size()).sum();
        }

        /** What td stores for it: session.started, a set.logged per set, session.ended. */
        int events() {
            return sets() + 2;
        }
    }

    /**
     * An exercise of the programme: its Strong name, sets and target reps, the working weight of the first week and
     * of the last, the plate step weights round down to (0: a bodyweight exercise, reps rise instead).
     */
    private record Lift(String name, int sets, int reps, double firstKg, double lastKg, double stepKg) {}

    private static final List<Lift> DAY_A = List.of(
            new Lift("Squat (Barbell)", 4, 5, 80, 140, 2.5),
            new Lift("Bench Press (Barbell)", 4, 5, 60, 100, 2.5),
            new Lift("Bent Over Row (Barbell)", 3, 8, 50, 85, 2.5),
            new Lift("Pull Up", 3, 6, 0, 0, 0),
            new Lift("Lateral Raise (Dumbbell)", 3, 12, 6, 12, 1),
            new Lift("Bicep Curl (Barbell)", 3, 10, 25, 40, 2.5),
            new Lift("Triceps Pushdown", 3, 12, 20, 35, 2.5));
    private static final List<Lift> DAY_B = List.of(
            new Lift("Deadlift (Barbell)", 3, 5, 100, 180, 2.5),
            new Lift("Overhead Press (Barbell)", 4, 5, 35, 62.5, 2.5),
            new Lift("Incline Bench Press (Barbell)", 3, 8, 45, 75, 2.5),
            new Lift("Lat Pulldown (Cable)", 3, 10, 45, 70, 2.5),
            new Lift("Romanian Deadlift (Barbell)", 3, 8, 60, 110, 2.5),
            new Lift("Lateral Raise (Dumbbell)", 4, 12, 6, 12, 1),
            new Lift("Face Pull (Cable)", 3, 15, 15, 30, 2.5));

    private static final DateTimeFormatter STRONG_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StrongHistory() {}

    /** The workouts of {@code years} years from {@code first}, oldest first. */
    static List<Workout> generate(long seed, LocalDate first, int years) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate end = first.plusYears(years);
        long span = ChronoUnit.DAYS.between(first, end);
        List<Workout> workouts = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            DayOfWeek dow = day.getDayOfWeek();
            boolean trainingDay = dow == DayOfWeek.MONDAY || dow == DayOfWeek.WEDNESDAY || dow == DayOfWeek.FRIDAY;
            if (!trainingDay || random.nextInt(12) == 0) {
                continue;
            }
            boolean dayA = workouts.size() % 2 == 0;
            double progress = ChronoUnit.DAYS.between(first, day) / (double) span;
            boolean deload = ChronoUnit.WEEKS.between(first, day) % 10 == 9;
            List<Exercise> exercises = new ArrayList<>();
            for (Lift lift : dayA ? DAY_A : DAY_B) {
                exercises.add(exercise(lift, progress, deload, exercises.size() < 2, random));
            }
            LocalDateTime start = day.atTime(17 + random.nextInt(3), random.nextInt(60), random.nextInt(60));
            Duration duration = Duration.ofMinutes(50 + random.nextInt(35));
            workouts.add(new Workout(start, dayA ? "Full Body A" : "Full Body B", duration, exercises));
        }
        return workouts;
    }

    /** Fast gains first, slow later: the share of the whole rise reached at {@code progress} (0..1) of the years. */
    private static double rise(double progress) {
        return (1 - Math.exp(-3 * progress)) / (1 - Math.exp(-3));
    }

    private static Exercise exercise(
            Lift lift, double progress, boolean deload, boolean main, SplittableRandom random) {
        double kg = 0;
        int reps = lift.reps();
        if (lift.stepKg() > 0) {
            double target = (lift.firstKg() + (lift.lastKg() - lift.firstKg()) * rise(progress)) * (deload ? 0.9 : 1);
            kg = Math.floor(target / lift.stepKg()) * lift.stepKg();
        } else {
            reps += (int) Math.round(6 * rise(progress));
        }
        List<Set> sets = new ArrayList<>();
        for (int i = 0; i < lift.sets(); i++) {
            boolean last = i == lift.sets() - 1;
            int done = last && random.nextInt(3) == 0 ? reps - 1 : reps;
            OptionalDouble rpe =
                    main && last && !deload ? OptionalDouble.of(7.5 + 0.5 * random.nextInt(5)) : OptionalDouble.empty();
            sets.add(new Set(kg, done, rpe));
        }
        return new Exercise(lift.name(), sets);
    }

    /** Strong's CSV export of the workouts: a row per set, in Strong's columns and number formats. */
    static String csv(List<Workout> workouts) {
        StringBuilder csv = new StringBuilder(
                "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n");
        for (Workout w : workouts) {
            String head = STRONG_DATE.format(w.start()) + ",\"" + w.name() + "\"," + duration(w.duration()) + ",\"";
            for (Exercise e : w.exercises()) {
                int order = 1;
                for (Set s : e.sets()) {
                    csv.append(head)
                            .append(e.name())
                            .append("\",")
                            .append(order++)
                            .append(',')
                            .append(String.format(Locale.ROOT, "%.1f,%d.0,0,0.0,", s.weightKg(), s.reps()));
                    s.rpe().ifPresent(r -> csv.append(String.format(Locale.ROOT, "%.1f", r)));
                    csv.append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** Strong's way of writing a workout's length: "1h 5m", "58m". */
    private static String duration(Duration d) {
        long h = d.toHours();
        return (h > 0 ? h + "h " : "") + d.toMinutesPart() + "m";
    }

    /** The {@code log_workout} arguments that store the same workout: every set as its own entry, in kg. */
    static ObjectNode logWorkoutArguments(Workout w, String idempotencyKey, ZoneId zone) {
        ObjectNode a = JSON.objectNode()
                .put("idempotency_key", idempotencyKey)
                .put("started_at", w.start().atZone(zone).toOffsetDateTime().toString())
                .put(
                        "ended_at",
                        w.start()
                                .plus(w.duration())
                                .atZone(zone)
                                .toOffsetDateTime()
                                .toString())
                .put("time_zone", zone.getId())
                .put("name", w.name())
                .put("unit", "kg");
        ArrayNode exercises = a.putArray("exercises");
        for (Exercise e : w.exercises()) {
            ArrayNode sets = exercises.addObject().put("exercise", e.name()).putArray("sets");
            for (Set s : e.sets()) {
                ObjectNode set = sets.addObject();
                if (s.weightKg() > 0) {
                    set.put("weight", s.weightKg());
                }
                set.put("reps", s.reps());
                s.rpe().ifPresent(r -> set.put("rpe", r));
            }
        }
        return a;
    }
}
