package dev.td.server.strength;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Personal records per exercise: the heaviest working set for each rep count from 1 to 12, and the
 * best estimated 1RM, each pointing at the event that set it. Key: the exercise id.
 */
final class PersonalRecordsProjection extends NamedProjection<PersonalRecordsProjection.Records> {

    static final String NAME = "personal_records";

    /** Records of one exercise; {@code byReps} maps a rep count to its record. */
    record Records(String exerciseId, Map<Integer, Pr> byReps, Optional<Pr> e1rm) {}

    /** One record: the load (kg; the unit the person used), when, and the event. */
    record Pr(
            double weightKg,
            int reps,
            Optional<String> unit,
            double valueKg,
            String date,
            String eventId,
            String sessionId) {}

    PersonalRecordsProjection() {
        super(NAME, 1, Records.class);
    }

    @Override
    public Records empty(String key) {
        return new Records(key, Map.of(), Optional.empty());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.SetLogged s
                        && s.counts()
                        && s.weightKg().isPresent()
                        && s.reps().orElse(0) >= 1
                ? List.of(s.exerciseId())
                : List.of();
    }

    @Override
    public Records apply(Records r, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.SetLogged set) || keys(set).isEmpty()) {
            return r;
        }
        double kg = set.weightKg().getAsDouble();
        int reps = set.reps().getAsInt();
        Map<Integer, Pr> byReps = new TreeMap<>(r.byReps());
        if (reps <= E1rm.MAX_REPS) {
            Pr current = byReps.get(reps);
            if (current == null || kg > current.weightKg()) {
                byReps.put(
                        reps,
                        new Pr(
                                kg,
                                reps,
                                set.unit(),
                                kg,
                                set.date().toString(),
                                set.eventId().toString(),
                                set.sessionId()));
            }
        }
        Optional<Pr> e1rm = r.e1rm();
        Optional<E1rm> estimate = E1rm.of(set);
        if (estimate.isPresent()
                && (e1rm.isEmpty() || estimate.get().kg() > e1rm.get().valueKg())) {
            e1rm = Optional.of(new Pr(
                    kg,
                    reps,
                    set.unit(),
                    estimate.get().kg(),
                    set.date().toString(),
                    set.eventId().toString(),
                    set.sessionId()));
        }
        return new Records(r.exerciseId(), byReps, e1rm);
    }
}
