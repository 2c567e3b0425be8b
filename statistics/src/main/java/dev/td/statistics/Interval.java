package dev.td.statistics;

/**
 * A confidence interval {@code [lower, upper]} at a stated confidence level.
 *
 * <p>One-sided intervals use an infinite bound (for example {@code [lower, +∞)} or, for a
 * correlation, the natural limit {@code 1.0}).
 *
 * @param lower lower bound, not NaN
 * @param upper upper bound, not NaN, at least {@code lower}
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval bounds must not be NaN: check the input data");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower (" + lower + ") must not exceed upper (" + upper + ")");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1), was " + level);
        }
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Width {@code upper − lower}. */
    public double width() {
        return upper - lower;
    }
}
