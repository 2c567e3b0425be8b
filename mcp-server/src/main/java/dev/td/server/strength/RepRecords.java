package dev.td.server.strength;

import dev.td.server.strength.PersonalRecordsProjection.Pr;
import dev.td.server.strength.PersonalRecordsProjection.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Which sets hold a rep record, and what a write did to the records. A set (w, r) is an r-rep record
 * unless a stored set dominates it: weight ≥ w and reps ≥ r, at least one strictly greater (80 kg × 6 is
 * no 6-rep record when 87.5 kg × 8 is on record). An exactly equal set is a tie: the first keeps the
 * record and the second is no new one.
 */
final class RepRecords {

    /** A record a write set or took back; {@code previousKg} is the best there was for that many reps or more. */
    record Change(String kind, Optional<Pr> now, OptionalDouble previousKg) {}

    private RepRecords() {}

    /** The rep records, by rep count: the heaviest set of each count that nothing dominates. */
    static Map<Integer, Pr> of(Records r) {
        Map<Integer, Pr> records = new TreeMap<>();
        double heaviestWithMoreReps = r.highRep().map(Pr::weightKg).orElse(Double.NEGATIVE_INFINITY);
        for (Map.Entry<Integer, Pr> e :
                new TreeMap<>(r.byReps()).descendingMap().entrySet()) {
            Pr set = e.getValue();
            if (set.weightKg() > heaviestWithMoreReps) {
                records.put(e.getKey(), set);
            }
            heaviestWithMoreReps = Math.max(heaviestWithMoreReps, set.weightKg());
        }
        return records;
    }

    /** The heaviest load on record for {@code reps} reps or more, if any. */
    static OptionalDouble bestFor(int reps, Records r) {
        return heldFor(reps, r).map(p -> OptionalDouble.of(p.weightKg())).orElse(OptionalDouble.empty());
    }

    /** The heaviest set on record with {@code reps} reps or more: what a new {@code reps}-rep record must beat. */
    static Optional<Pr> heldFor(int reps, Records r) {
        Optional<Pr> best = r.highRep();
        for (Map.Entry<Integer, Pr> e : r.byReps().entrySet()) {
            if (e.getKey() >= reps
                    && (best.isEmpty() || e.getValue().weightKg() > best.get().weightKg())) {
                best = Optional.of(e.getValue());
            }
        }
        return best;
    }

    /** The records in {@code after} that beat everything {@code before} had for as many reps (and a higher e1RM). */
    static List<Change> gained(Records before, Records after) {
        List<Change> found = new ArrayList<>();
        of(after).forEach((reps, pr) -> {
            OptionalDouble previous = bestFor(reps, before);
            if (previous.isEmpty() || pr.weightKg() > previous.getAsDouble()) {
                found.add(new Change(reps + "rm", Optional.of(pr), previous));
            }
        });
        if (after.e1rm().isPresent()
                && (before.e1rm().isEmpty()
                        || after.e1rm().get().valueKg() > before.e1rm().get().valueKg())) {
            found.add(new Change(
                    "e1rm",
                    after.e1rm(),
                    before.e1rm().map(p -> OptionalDouble.of(p.valueKg())).orElse(OptionalDouble.empty())));
        }
        return found;
    }

    /**
     * The records of {@code before} that a correction or void took back: nothing in {@code after} reaches their
     * load for as many reps. {@code now} is the record for that count afterwards, if any.
     */
    static List<Change> lost(Records before, Records after) {
        List<Change> found = new ArrayList<>();
        of(before).forEach((reps, pr) -> {
            OptionalDouble best = bestFor(reps, after);
            if (best.isEmpty() || best.getAsDouble() < pr.weightKg()) {
                found.add(new Change(
                        reps + "rm", Optional.ofNullable(of(after).get(reps)), OptionalDouble.of(pr.weightKg())));
            }
        });
        if (before.e1rm().isPresent()
                && (after.e1rm().isEmpty()
                        || after.e1rm().get().valueKg() < before.e1rm().get().valueKg())) {
            found.add(new Change(
                    "e1rm", after.e1rm(), OptionalDouble.of(before.e1rm().get().valueKg())));
        }
        return found;
    }
}
