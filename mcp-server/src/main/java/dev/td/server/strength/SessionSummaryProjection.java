package dev.td.server.strength;

import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One summary per training session: when, what, how much. Key: the session id. */
final class SessionSummaryProjection extends NamedProjection<SessionSummaryProjection.Summary> {

    static final String NAME = "session_summary";

    /**
     * A session as the person would describe it afterwards; {@code startedEventId} is the session.started
     * event (voiding a session needs it, or void_session).
     */
    record Summary(
            String sessionId,
            Optional<String> name,
            Optional<String> startedAt,
            Optional<String> endedAt,
            Optional<String> date,
            OptionalDouble sessionRpe,
            Optional<String> notes,
            List<ExerciseDone> exercises,
            int sets,
            int workingSets,
            int hardSets,
            double volumeKg,
            Optional<String> startedEventId) {}

    /** One exercise within a session. */
    record ExerciseDone(
            String exerciseId,
            String exercise,
            int sets,
            int workingSets,
            int hardSets,
            int reps,
            double volumeKg,
            Optional<TopSet> topSet) {}

    /** The heaviest working set (ties: more reps). */
    record TopSet(double weightKg, int reps, OptionalDouble rpe, Optional<String> unit, String eventId) {}

    SessionSummaryProjection() {
        super(NAME, 2, Summary.class);
    }

    @Override
    public Summary empty(String key) {
        return new Summary(
                key,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                List.of(),
                0,
                0,
                0,
                0,
                Optional.empty());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.SessionStarted s -> List.of(s.sessionId());
            case TrainingEvent.SessionEnded s -> List.of(s.sessionId());
            case TrainingEvent.SetLogged s -> List.of(s.sessionId());
            default -> List.of();
        };
    }

    @Override
    public Summary apply(Summary s, TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.SessionStarted e ->
                new Summary(
                        s.sessionId(),
                        e.name().or(s::name),
                        Optional.of(StoredEvent.iso(e.occurredAt())),
                        s.endedAt(),
                        Optional.of(e.date().toString()),
                        s.sessionRpe(),
                        e.notes().or(s::notes),
                        s.exercises(),
                        s.sets(),
                        s.workingSets(),
                        s.hardSets(),
                        s.volumeKg(),
                        Optional.of(e.eventId().toString()));
            case TrainingEvent.SessionEnded e ->
                new Summary(
                        s.sessionId(),
                        s.name(),
                        s.startedAt(),
                        Optional.of(StoredEvent.iso(e.occurredAt())),
                        s.date().or(() -> Optional.of(e.date().toString())),
                        e.sessionRpe().isPresent() ? e.sessionRpe() : s.sessionRpe(),
                        e.notes().or(s::notes),
                        s.exercises(),
                        s.sets(),
                        s.workingSets(),
                        s.hardSets(),
                        s.volumeKg(),
                        s.startedEventId());
            case TrainingEvent.SetLogged e -> withSet(s, e);
            default -> s;
        };
    }

    private static Summary withSet(Summary s, TrainingEvent.SetLogged set) {
        List<ExerciseDone> exercises = new ArrayList<>(s.exercises());
        int index = -1;
        for (int i = 0; i < exercises.size(); i++) {
            if (exercises.get(i).exerciseId().equals(set.exerciseId())) {
                index = i;
            }
        }
        ExerciseDone before = index < 0
                ? new ExerciseDone(set.exerciseId(), set.exercise(), 0, 0, 0, 0, 0, Optional.empty())
                : exercises.get(index);
        ExerciseDone after = new ExerciseDone(
                before.exerciseId(),
                before.exercise(),
                before.sets() + 1,
                before.workingSets() + (set.counts() ? 1 : 0),
                before.hardSets() + (set.hard() ? 1 : 0),
                before.reps() + (set.counts() ? set.reps().orElse(0) : 0),
                before.volumeKg() + (set.counts() ? set.volumeKg() : 0),
                heavier(before.topSet(), set));
        if (index < 0) {
            exercises.add(after);
        } else {
            exercises.set(index, after);
        }
        return new Summary(
                s.sessionId(),
                s.name(),
                s.startedAt().or(() -> Optional.of(StoredEvent.iso(set.occurredAt()))),
                s.endedAt(),
                s.date().or(() -> Optional.of(set.date().toString())),
                s.sessionRpe(),
                s.notes(),
                List.copyOf(exercises),
                s.sets() + 1,
                s.workingSets() + (set.counts() ? 1 : 0),
                s.hardSets() + (set.hard() ? 1 : 0),
                s.volumeKg() + (set.counts() ? set.volumeKg() : 0),
                s.startedEventId());
    }

    static Optional<TopSet> heavier(Optional<TopSet> current, TrainingEvent.SetLogged set) {
        if (!set.counts() || set.weightKg().isEmpty() || set.reps().orElse(0) < 1) {
            return current;
        }
        double kg = set.weightKg().getAsDouble();
        int reps = set.reps().getAsInt();
        if (current.isPresent()
                && (current.get().weightKg() > kg
                        || (current.get().weightKg() == kg && current.get().reps() >= reps))) {
            return current;
        }
        return Optional.of(new TopSet(
                kg, reps, set.effectiveRpe(), set.unit(), set.eventId().toString()));
    }
}
