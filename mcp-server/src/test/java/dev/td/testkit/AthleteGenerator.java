package dev.td.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.TrainingEvent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, realistic strength athlete for tests, benchmarks and demos: an upper/lower split
 * three to five times a week over several years, progressive overload with diminishing returns,
 * plateaus, a deload every seventh week, missed weeks (holidays, illness), pounds for some
 * dumbbell work, and the occasional mistake (a load typed ten times too high, a workout logged
 * twice) that is corrected or voided a few days later. Same seed, same athlete.
 */
public final class AthleteGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What the agent does next: log a workout, or fix an earlier mistake. */
    public sealed interface Action {
        LocalDate date();
    }

    /** A {@code log_workout} call with its arguments. */
    public record LogWorkout(LocalDate date, ObjectNode arguments) implements Action {}

    /** Correct the set stored under {@code setKey} (an event idempotency key) to {@code weight} in {@code unit}. */
    public record CorrectSet(LocalDate date, String setKey, double weight, String unit) implements Action {}

    /** Void every event of the workout logged under {@code workoutKey} (it was logged twice). */
    public record VoidWorkout(LocalDate date, String workoutKey, String reason) implements Action {}

    private record Lift(
            String exercise, double startE1rm, double ceiling, int reps, int sets, String unit, double step) {}

    private static final List<List<Lift>> TEMPLATES = List.of(
            List.of(
                    new Lift("Bench Press", 70, 130, 5, 3, "kg", 2.5),
                            new Lift("Barbell Row", 60, 110, 8, 3, "kg", 2.5),
                    new Lift("Overhead Press", 40, 75, 6, 3, "kg", 2.5),
                            new Lift("Dumbbell Curl", 25, 50, 10, 3, "lb", 5)),
            List.of(
                    new Lift("Back Squat", 90, 180, 5, 3, "kg", 2.5),
                            new Lift("Romanian Deadlift", 80, 150, 8, 3, "kg", 2.5),
                    new Lift("Leg Press", 140, 280, 10, 3, "kg", 5),
                            new Lift("Standing Calf Raise", 60, 120, 12, 3, "kg", 5)),
            List.of(
                    new Lift("Incline Bench Press", 55, 105, 8, 3, "kg", 2.5),
                            new Lift("Lat Pulldown", 50, 95, 10, 3, "kg", 2.5),
                    new Lift("Lateral Raise", 15, 35, 12, 3, "lb", 5),
                            new Lift("Triceps Pushdown", 20, 45, 12, 3, "kg", 2.5)),
            List.of(
                    new Lift("Deadlift", 110, 220, 3, 3, "kg", 2.5), new Lift("Front Squat", 60, 130, 5, 3, "kg", 2.5),
                    new Lift("Walking Lunge", 20, 45, 10, 2, "kg", 2.5),
                            new Lift("Hanging Leg Raise", 0, 0, 12, 3, "kg", 0)));

    private final long seed;
    private final LocalDate start;
    private final int weeks;
    private final ZoneId zone;

    public AthleteGenerator(long seed, LocalDate start, int years, ZoneId zone) {
        if (years < 1 || years > 20) {
            throw new IllegalArgumentException("years must be 1-20, got " + years);
        }
        this.seed = seed;
        this.start = start.with(DayOfWeek.MONDAY);
        this.weeks = years * 52;
        this.zone = zone;
    }

    /** Every action, in the order an agent would take them. */
    public List<Action> actions() {
        Random random = new Random(seed);
        List<Action> actions = new ArrayList<>();
        List<Action> fixes = new ArrayList<>();
        int template = 0;
        int skipUntil = -1;
        double plateauUntil = -1;
        for (int week = 0; week < weeks; week++) {
            if (week > skipUntil && random.nextInt(26) == 0) {
                skipUntil = week + random.nextInt(2);
            }
            if (week <= skipUntil) {
                continue;
            }
            if (random.nextInt(20) == 0) {
                plateauUntil = week + 4 + random.nextInt(6);
            }
            boolean deload = week % 7 == 6;
            int sessions = 3 + random.nextInt(3);
            for (int s = 0; s < sessions; s++) {
                LocalDate date = start.plusWeeks(week).plusDays(s * 7L / sessions);
                String key = "gen-" + seed + "-" + date + "-" + s;
                double progress = week <= plateauUntil ? plateauUntil - 6 : week;
                ObjectNode workout = workout(
                        TEMPLATES.get(template++ % TEMPLATES.size()), date, key, Math.max(0, progress), deload, random);
                actions.add(new LogWorkout(date, workout));
                addMistakes(random, date, key, workout, actions, fixes);
            }
            moveDue(fixes, actions, start.plusWeeks(week + 1));
        }
        actions.addAll(fixes);
        return actions;
    }

    private ObjectNode workout(
            List<Lift> lifts, LocalDate date, String key, double week, boolean deload, Random random) {
        ObjectNode w = JSON.objectNode();
        w.put("idempotency_key", key);
        LocalTime time = LocalTime.of(17 + random.nextInt(3), random.nextInt(4) * 15);
        w.put("started_at", date.atTime(time).atZone(zone).toOffsetDateTime().toString());
        w.put(
                "ended_at",
                date.atTime(time.plusMinutes(55 + random.nextInt(40)))
                        .atZone(zone)
                        .toOffsetDateTime()
                        .toString());
        w.put("session_rpe", deload ? 5 : 7 + random.nextInt(3));
        ArrayNode exercises = w.putArray("exercises");
        for (Lift lift : lifts) {
            ObjectNode ex = exercises.addObject();
            ex.put("exercise", lift.exercise());
            ArrayNode sets = ex.putArray("sets");
            if (lift.step() == 0) {
                sets.addObject().put("reps", lift.reps() + random.nextInt(4)).put("count", lift.sets());
                continue;
            }
            double e1rm = lift.startE1rm() + (lift.ceiling() - lift.startE1rm()) * (1 - Math.exp(-week / 90.0));
            e1rm *= 1 + random.nextGaussian() * 0.02;
            double working = round(e1rm / (1 + lift.reps() / 30.0) * (deload ? 0.7 : 1), lift.step());
            double unitFactor = lift.unit().equals("lb") ? 1 / TrainingEvent.KG_PER_LB : 1;
            ex.put("unit", lift.unit());
            sets.addObject()
                    .put("weight", round(working * 0.6 * unitFactor, lift.step()))
                    .put("reps", lift.reps())
                    .put("type", "warmup");
            sets.addObject()
                    .put("weight", round(working * unitFactor, lift.step()))
                    .put("reps", lift.reps())
                    .put("count", lift.sets() - 1);
            sets.addObject()
                    .put("weight", round(working * unitFactor, lift.step()))
                    .put("reps", lift.reps())
                    .put("rpe", deload ? 6 : 7.5 + 0.5 * random.nextInt(4));
        }
        return w;
    }

    private void addMistakes(
            Random random, LocalDate date, String key, ObjectNode workout, List<Action> actions, List<Action> fixes) {
        if (random.nextInt(40) == 0) {
            ObjectNode typoSet = (ObjectNode) workout.at("/exercises/0/sets/1");
            double right = typoSet.get("weight").asDouble();
            typoSet.put("weight", right * 10);
            // the agent asked, and the person confirmed the typo: a tenfold load can be beyond human range
            workout.put("confirm_unusual", true);
            fixes.add(new CorrectSet(
                    date.plusDays(2 + random.nextInt(5)),
                    key + "/set/0/1/0",
                    right,
                    workout.at("/exercises/0/unit").asText("kg")));
        } else if (random.nextInt(80) == 0) {
            ObjectNode twice = workout.deepCopy();
            twice.put("idempotency_key", key + "-again");
            actions.add(new LogWorkout(date, twice));
            fixes.add(new VoidWorkout(date.plusDays(1 + random.nextInt(3)), key + "-again", "logged twice"));
        }
    }

    private static void moveDue(List<Action> fixes, List<Action> actions, LocalDate before) {
        for (var it = fixes.iterator(); it.hasNext(); ) {
            Action fix = it.next();
            if (fix.date().isBefore(before)) {
                actions.add(fix);
                it.remove();
            }
        }
    }

    private static double round(double value, double step) {
        return Math.max(step, Math.round(value / step) * step);
    }
}
