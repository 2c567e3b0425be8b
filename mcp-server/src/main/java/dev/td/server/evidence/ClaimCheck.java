package dev.td.server.evidence;

import dev.td.server.events.EventTrail;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Weighs a person's sets of one exercise against a claim: the sets that satisfy it, strongest evidence first;
 * when none does, the best set of the window; and the voided sets that would have satisfied it, which no longer
 * count. A pure function of the claim and the sets' trails (each set with its corrections and void).
 */
final class ClaimCheck {

    private ClaimCheck() {}

    /**
     * One set as evidence.
     *
     * @param set         the set as the effective history reads it (corrections applied)
     * @param value       its value for the claim
     * @param firstValue  its value as first logged (none when the set did not count then)
     * @param changed     whether corrections changed its value since it was first logged
     * @param learnedFrom the event (the set's own, or a correction) from which on value and time stood as they
     *                    stand now: when td learned what counts
     */
    record Found(
            EventTrail trail,
            TrainingEvent.SetLogged set,
            Measure.Measured value,
            Optional<Measure.Measured> firstValue,
            boolean changed,
            StoredEvent learnedFrom,
            Backfill backfill) {
        Found {
            Objects.requireNonNull(trail, "trail");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(firstValue, "firstValue");
            Objects.requireNonNull(learnedFrom, "learnedFrom");
            Objects.requireNonNull(backfill, "backfill");
        }
    }

    /**
     * @param satisfying the counted sets that satisfy the claim: those recorded on time first, then by value
     *                   (highest first), then the earliest
     * @param closest    when none satisfies it: the set of the window with the highest value
     * @param voided     voided sets whose value would have satisfied the claim, in log order
     */
    record Result(List<Found> satisfying, Optional<Found> closest, List<Found> voided) {
        Result {
            satisfying = List.copyOf(satisfying);
            Objects.requireNonNull(closest, "closest");
            voided = List.copyOf(voided);
            if (!satisfying.isEmpty() && closest.isPresent()) {
                throw new IllegalArgumentException("a closest set is given only when none satisfies the claim");
            }
        }

        boolean satisfied() {
            return !satisfying.isEmpty();
        }
    }

    /** Strongest evidence first: recorded on time, then the highest value, then the earliest, then log order. */
    static final Comparator<Found> STRONGEST = Comparator.comparing(
                    (Found f) -> f.backfill().backfilled())
            .thenComparing(
                    Comparator.comparingDouble((Found f) -> f.value().value()).reversed())
            .thenComparing(f -> f.set().occurredAt().toInstant())
            .thenComparingLong(f -> f.set().sequence());

    /** The best set: the highest value, then the earliest, then log order. */
    private static final Comparator<Found> BEST = Comparator.comparingDouble(
                    (Found f) -> f.value().value())
            .reversed()
            .thenComparing(f -> f.set().occurredAt().toInstant())
            .thenComparingLong(f -> f.set().sequence());

    static Result check(Claim claim, List<EventTrail> trails) {
        List<Found> satisfying = new ArrayList<>();
        List<Found> counted = new ArrayList<>();
        List<Found> voided = new ArrayList<>();
        for (EventTrail trail : trails) {
            Optional<Found> found = weigh(claim, trail);
            if (found.isEmpty()) {
                continue;
            }
            Found f = found.get();
            if (trail.voiding().isPresent()) {
                if (claim.met(f.value())) {
                    voided.add(f);
                }
            } else {
                counted.add(f);
                if (claim.met(f.value())) {
                    satisfying.add(f);
                }
            }
        }
        satisfying.sort(STRONGEST);
        Optional<Found> closest = satisfying.isEmpty() ? counted.stream().min(BEST) : Optional.empty();
        return new Result(satisfying, closest, voided);
    }

    /** One set as it reads now, when it is of the claim's exercise, in its window, and has a value for it. */
    private static Optional<Found> weigh(Claim claim, EventTrail trail) {
        List<EventTrail.Version> versions = trail.versions();
        List<Optional<Reading>> readings = new ArrayList<>();
        for (EventTrail.Version v : versions) {
            readings.add(TrainingEvent.of(v.fact())
                    .filter(t -> t instanceof TrainingEvent.SetLogged)
                    .map(t -> (TrainingEvent.SetLogged) t)
                    .map(s -> new Reading(s, claim.valueOf(s))));
        }
        Optional<Reading> now = readings.getLast();
        if (now.isEmpty()
                || now.get().value().isEmpty()
                || !now.get().set().exerciseId().equals(claim.exerciseId())
                || !claim.within(now.get().set().occurredAt().toInstant())) {
            return Optional.empty();
        }
        int learned = readings.size() - 1;
        while (learned > 0 && sameAs(readings.get(learned - 1), now.get())) {
            learned--;
        }
        StoredEvent learnedFrom = versions.get(learned).recordedBy();
        Measure.Measured value = now.get().value().get();
        Optional<Measure.Measured> first = readings.getFirst().flatMap(Reading::value);
        boolean changed = !first.map(v -> v.value() == value.value()).orElse(false);
        Backfill backfill = Backfill.of(
                now.get().set().occurredAt().toInstant(),
                learnedFrom.recordedAt(),
                learned > 0,
                claim.before(),
                claim.zone());
        return Optional.of(new Found(trail, now.get().set(), value, first, changed, learnedFrom, backfill));
    }

    /** A version of a set: the set as it read then and its value for the claim. */
    private record Reading(TrainingEvent.SetLogged set, Optional<Measure.Measured> value) {}

    /** Whether an earlier version already had the value and time the set counts with now. */
    private static boolean sameAs(Optional<Reading> earlier, Reading now) {
        return earlier.isPresent()
                && earlier.get()
                        .value()
                        .map(Measure.Measured::value)
                        .equals(now.value().map(Measure.Measured::value))
                && earlier.get()
                        .set()
                        .occurredAt()
                        .toInstant()
                        .equals(now.set().occurredAt().toInstant());
    }
}
