package dev.td.server.evidence;

import dev.td.server.events.TrainingEvent;
import dev.td.server.strength.E1rm;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a claim measures in a set. Only sets that count toward records count: working sets, never warm-ups,
 * with at least one rep.
 */
enum Measure {
    /** The load on the bar (kg), as personal records weigh a set: it needs a load. */
    WEIGHT {
        @Override
        Optional<Measured> of(TrainingEvent.SetLogged set) {
            return counts(set) && set.weightKg().isPresent()
                    ? Optional.of(new Measured(set.weightKg().getAsDouble(), Optional.empty()))
                    : Optional.empty();
        }
    },
    /** The estimated one-rep max (kg), estimated as every strength answer estimates it ({@link E1rm}). */
    E1RM {
        @Override
        Optional<Measured> of(TrainingEvent.SetLogged set) {
            return E1rm.of(set).map(e -> new Measured(e.kg(), Optional.of(e.method())));
        }
    },
    /** The reps of the set, with or without a load. */
    REPS {
        @Override
        Optional<Measured> of(TrainingEvent.SetLogged set) {
            return counts(set) ? Optional.of(new Measured(set.reps().getAsInt(), Optional.empty())) : Optional.empty();
        }
    };

    /** A set's value for a measure: kilograms (weight, e1RM) or reps, and how an estimate was made. */
    record Measured(double value, Optional<String> method) {
        Measured {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("a measured value is finite and not negative, got " + value);
            }
            Objects.requireNonNull(method, "method");
        }
    }

    /** The set's value; empty when the set does not count for this measure. */
    abstract Optional<Measured> of(TrainingEvent.SetLogged set);

    /** Whether the value is a load (kg) rather than a count of reps. */
    boolean isLoad() {
        return this != REPS;
    }

    /** The name in arguments and answers: {@code weight}, {@code e1rm}, {@code reps}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Measure of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The personal-records rule: a working set (not a warm-up) of at least one rep. */
    private static boolean counts(TrainingEvent.SetLogged set) {
        return set.counts() && set.reps().orElse(0) >= 1;
    }
}
