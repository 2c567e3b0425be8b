package dev.td.server.evidence;

import dev.td.server.events.TrainingEvent;
import dev.td.server.strength.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A claim about one exercise: a set whose measure reaches a threshold, within a window of time. "Bench ≥ 120 kg
 * before 2026-03-01" is {@code (barbell-bench-press, WEIGHT, 120 kg, after: none, before: 2026-03-01 00:00 in the
 * person's zone)}.
 *
 * @param atLeast       the threshold in kilograms (weight, e1RM) or reps
 * @param loadAtLeastKg for {@link Measure#REPS} only: the set must carry at least this load
 * @param after         the window starts here (included)
 * @param before        the window ends here (excluded)
 * @param units         the unit loads are shown in
 * @param zone          the zone the person's dates are read in
 */
record Claim(
        String exerciseId,
        String exerciseName,
        Measure measure,
        double atLeast,
        OptionalDouble loadAtLeastKg,
        Optional<Bound> after,
        Optional<Bound> before,
        Units units,
        ZoneId zone) {

    /** One end of the window: the instant, and the text it was given as (a date, or a date-time with offset). */
    record Bound(Instant at, String given) {
        Bound {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(given, "given");
        }

        /** Given as a calendar date, read as its start in the person's zone. */
        boolean isDate() {
            return given.length() == 10;
        }
    }

    Claim {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(exerciseName, "exerciseName");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(zone, "zone");
        if (!(atLeast > 0) || Double.isInfinite(atLeast)) {
            throw new IllegalArgumentException("the threshold is a finite number above 0, got " + atLeast);
        }
        if (loadAtLeastKg.isPresent() && measure != Measure.REPS) {
            throw new IllegalArgumentException("a load condition goes with measure reps only");
        }
        if (after.isPresent()
                && before.isPresent()
                && !after.get().at().isBefore(before.get().at())) {
            throw new IllegalArgumentException("the window ends before it starts: " + after + " to " + before);
        }
    }

    /** The set's value for this claim; empty when the set does not count (or misses the load condition). */
    Optional<Measure.Measured> valueOf(TrainingEvent.SetLogged set) {
        if (loadAtLeastKg.isPresent() && set.weightKg().orElse(0) < loadAtLeastKg.getAsDouble()) {
            return Optional.empty();
        }
        return measure.of(set);
    }

    /** Whether a value reaches the threshold. */
    boolean met(Measure.Measured value) {
        return value.value() >= atLeast;
    }

    /** Whether a moment lies in the window [after, before). */
    boolean within(Instant at) {
        return after.map(a -> !at.isBefore(a.at())).orElse(true)
                && before.map(b -> at.isBefore(b.at())).orElse(true);
    }

    /** The claim in words: "a set of Barbell Bench Press with at least 120 kg, before 2026-03-01 (Europe/Berlin)". */
    String words() {
        String threshold = measure.isLoad() ? load(atLeast) : reps(atLeast);
        String what = switch (measure) {
            case WEIGHT -> "a set of " + exerciseName + " with at least " + threshold;
            case E1RM -> "an estimated 1RM (e1RM) of at least " + threshold + " from a set of " + exerciseName;
            case REPS ->
                "a set of at least " + threshold + " of " + exerciseName
                        + (loadAtLeastKg.isPresent() ? " with at least " + load(loadAtLeastKg.getAsDouble()) : "");
        };
        return what + ", " + window();
    }

    /** The window in words: "before 2026-03-01 (days in Europe/Berlin)", "at any time". */
    String window() {
        String words;
        if (after.isPresent() && before.isPresent()) {
            words = "from " + after.get().given() + " to before " + before.get().given();
        } else if (before.isPresent()) {
            words = "before " + before.get().given();
        } else if (after.isPresent()) {
            words = "on or after " + after.get().given();
        } else {
            return "at any time";
        }
        boolean dates = after.map(Bound::isDate).orElse(false)
                || before.map(Bound::isDate).orElse(false);
        return dates ? words + " (days in " + zone.getId() + ")" : words;
    }

    /** A load in the claim's unit, as text: "120 kg", "270.06 lb". */
    String load(double kg) {
        return units.load(kg).get("value").decimalValue().toPlainString() + " " + units.unit();
    }

    private static String reps(double reps) {
        long n = Math.round(reps);
        return n + (n == 1 ? " rep" : " reps");
    }

    /** A measured value as text: "122.5 kg", "12 reps". */
    String value(Measure.Measured m) {
        return measure.isLoad() ? load(m.value()) : reps(m.value());
    }
}
