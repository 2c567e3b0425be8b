package dev.td.statistics.load;

import java.util.OptionalDouble;

/**
 * One value of a load indicator (a workload ratio, monotony, normalized power…): either a finite number or an
 * explicit statement of why there is none. Never a NaN or an infinity.
 *
 * <p>Callers switch on it: {@code switch (indicator) { case Indicator.Defined d -> …; case Indicator.Undefined u
 * -> …; }}, or take {@link #toOptional()}.
 */
public sealed interface Indicator permits Indicator.Defined, Indicator.Undefined {

    /** Why an indicator has no value. */
    enum Reason {
        /** Fewer days of load than the indicator's window (e.g. an ACWR before day 28). */
        NOT_ENOUGH_HISTORY,
        /** Fewer samples than the indicator's window (e.g. normalized power of less than 30 s). */
        NOT_ENOUGH_SAMPLES,
        /** The ratio's denominator, the chronic load, is 0. */
        NO_CHRONIC_LOAD,
        /** Every daily load in the window is the same, so the standard deviation is 0. */
        NO_VARIATION
    }

    /**
     * A value.
     *
     * @param value the indicator's value, finite
     */
    record Defined(double value) implements Indicator {
        public Defined {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("indicator value must be finite, was " + value);
            }
        }
    }

    /**
     * No value, and why.
     *
     * @param reason      the kind of reason
     * @param explanation what is missing, with the numbers (e.g. "needs 28 days of load, has 12")
     */
    record Undefined(Reason reason, String explanation) implements Indicator {
        public Undefined {
            if (reason == null || explanation == null || explanation.isBlank()) {
                throw new IllegalArgumentException("an undefined indicator needs a reason and an explanation");
            }
        }
    }

    /** The value, or empty when undefined. */
    default OptionalDouble toOptional() {
        return switch (this) {
            case Defined d -> OptionalDouble.of(d.value());
            case Undefined u -> OptionalDouble.empty();
        };
    }
}
