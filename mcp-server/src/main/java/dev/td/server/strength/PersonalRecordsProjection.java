package dev.td.server.strength;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What personal records per exercise are made of: the heaviest working set for each rep count from 1 to
 * 12, the heaviest with more than 12 reps, and the best estimated 1RM, each pointing at the event that
 * set it (an equal set later is a tie and leaves the first). Which rep counts hold a record is decided
 * from these by {@link RepRecords}: a set dominated by a heavier or equal set with more reps is none.
 * Key: the exercise id.
 */
final class PersonalRecordsProjection extends NamedProjection<PersonalRecordsProjection.Records> {

    static final String NAME = "personal_records";

    /**
     * Records of one exercise; {@code byReps} maps a rep count (1-12) to its heaviest set, {@code highRep} is
     * the heaviest set of more than 12 reps.
     */
    record Records(String exerciseId, Map<Integer, Pr> byReps, Optional<Pr> highRep, Optional<Pr> e1rm) {}

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
        super(NAME, 2, Records.class);
    }

    @Override
    public Records empty(String key) {
        return new Records(key, Map.of(), Optional.empty(), Optional.empty());
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
        Optional<Pr> highRep = r.highRep();
        Pr pr = new Pr(
                kg, reps, set.unit(), kg, set.date().toString(), set.eventId().toString(), set.sessionId());
        if (reps <= E1rm.MAX_REPS) {
            Pr current = byReps.get(reps);
            if (current == null || kg > current.weightKg()) {
                byReps.put(reps, pr);
            }
        } else if (highRep.isEmpty()
                || kg > highRep.get().weightKg()
                || (kg == highRep.get().weightKg() && reps > highRep.get().reps())) {
            highRep = Optional.of(pr);
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
        return new Records(r.exerciseId(), byReps, highRep, e1rm);
    }
}
