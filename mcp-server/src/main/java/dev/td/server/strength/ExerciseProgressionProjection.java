package dev.td.server.strength;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Per exercise, one point per session: the top set, the best e1RM, volume load and hard sets.
 * The e1RM series is what strength trends are computed from. Key: the exercise id.
 */
final class ExerciseProgressionProjection extends NamedProjection<ExerciseProgressionProjection.Progression> {

    static final String NAME = "exercise_progression";

    /** The sessions in which the exercise was done, in date order, and how its sets were measured. */
    record Progression(String exerciseId, String exercise, List<Point> sessions, Usage usage) {}

    /**
     * How the exercise's sets were measured, the evidence for its type: weight and reps → strength, reps only →
     * bodyweight, duration only → timed (a hold), distance and duration → endurance (a row, a run on the
     * treadmill), distance only (or nothing measured) → distance (a carry, a sled push).
     */
    record Usage(int weighted, int repsOnly, int timed, int endurance, int distance) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        Usage with(TrainingEvent.SetLogged set) {
            if (set.weightKg().isPresent() && set.reps().isPresent()) {
                return new Usage(weighted + 1, repsOnly, timed, endurance, distance);
            }
            if (set.reps().isPresent()) {
                return new Usage(weighted, repsOnly + 1, timed, endurance, distance);
            }
            if (set.durationS().isPresent() && set.distanceM().isPresent()) {
                return new Usage(weighted, repsOnly, timed, endurance + 1, distance);
            }
            if (set.durationS().isPresent()) {
                return new Usage(weighted, repsOnly, timed + 1, endurance, distance);
            }
            return new Usage(weighted, repsOnly, timed, endurance, distance + 1);
        }

        int total() {
            return weighted + repsOnly + timed + endurance + distance;
        }

        /** The type most sets point to, if any set was logged; a tie goes to the first of strength, bodyweight, timed, endurance, distance. */
        Optional<String> inferredType() {
            if (total() == 0) {
                return Optional.empty();
            }
            int max = Math.max(Math.max(Math.max(weighted, repsOnly), Math.max(timed, endurance)), distance);
            return Optional.of(
                    max == weighted
                            ? "strength"
                            : max == repsOnly
                                    ? "bodyweight"
                                    : max == timed ? "timed" : max == endurance ? "endurance" : "distance");
        }

        /** The counts behind {@link #inferredType()}, as answers show them. */
        String evidence() {
            return total() == 0
                    ? "no sets logged yet"
                    : weighted + " of " + total() + " sets with weight and reps, " + repsOnly + " with reps only, "
                            + timed + " timed, " + endurance + " with distance and duration, " + distance
                            + " by distance";
        }
    }

    /** One session's result for the exercise. */
    record Point(
            String sessionId,
            String date,
            Optional<SessionSummaryProjection.TopSet> topSet,
            Optional<BestE1rm> bestE1rm,
            double volumeKg,
            int workingSets,
            int hardSets,
            int reps) {}

    /** The best estimated 1RM of a session, with the set it came from. */
    record BestE1rm(double kg, String method, double weightKg, int reps, String eventId) {}

    ExerciseProgressionProjection() {
        super(NAME, 3, Progression.class);
    }

    @Override
    public Progression empty(String key) {
        return new Progression(key, key, List.of(), Usage.NONE);
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.SetLogged s ? List.of(s.exerciseId()) : List.of();
    }

    @Override
    public Progression apply(Progression p, TrainingEvent event) {
        return applyAll(p, List.of(event));
    }

    /** The sessions list copied once for all the events, not once an event (an imported history is 10,000 sets). */
    @Override
    public Progression applyAll(Progression p, List<TrainingEvent> events) {
        List<Point> points = new ArrayList<>(p.sessions());
        String exercise = p.exercise();
        Usage usage = p.usage();
        boolean added = false;
        boolean changed = false;
        for (TrainingEvent event : events) {
            if (!(event instanceof TrainingEvent.SetLogged set)) {
                continue;
            }
            int index = -1;
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).sessionId().equals(set.sessionId())) {
                    index = i;
                    break;
                }
            }
            Point before = index < 0
                    ? new Point(set.sessionId(), set.date().toString(), Optional.empty(), Optional.empty(), 0, 0, 0, 0)
                    : points.get(index);
            Point after = new Point(
                    before.sessionId(),
                    before.date(),
                    SessionSummaryProjection.heavier(before.topSet(), set),
                    better(before.bestE1rm(), set),
                    before.volumeKg() + (set.counts() ? set.volumeKg() : 0),
                    before.workingSets() + (set.counts() ? 1 : 0),
                    before.hardSets() + (set.hard() ? 1 : 0),
                    before.reps() + (set.counts() ? set.reps().orElse(0) : 0));
            if (index < 0) {
                points.add(after);
                added = true;
            } else {
                points.set(index, after);
            }
            exercise = set.exercise();
            usage = usage.with(set);
            changed = true;
        }
        if (!changed) {
            return p;
        }
        if (added) {
            points.sort(Comparator.comparing(Point::date).thenComparing(Point::sessionId));
        }
        return new Progression(p.exerciseId(), exercise, List.copyOf(points), usage);
    }

    private static Optional<BestE1rm> better(Optional<BestE1rm> current, TrainingEvent.SetLogged set) {
        Optional<E1rm> e = E1rm.of(set);
        if (e.isEmpty() || (current.isPresent() && current.get().kg() >= e.get().kg())) {
            return current;
        }
        return Optional.of(new BestE1rm(
                e.get().kg(),
                e.get().method(),
                set.weightKg().getAsDouble(),
                set.reps().getAsInt(),
                set.eventId().toString()));
    }
}
