package dev.td.statistics;

/**
 * A point estimate with its confidence interval and the number of observations behind it.
 *
 * @param value the estimate
 * @param ci    confidence interval of the estimate
 * @param n     number of observations used, at least 1
 */
public record Estimate(double value, Interval ci, int n) {
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("estimate value must be finite, was " + value);
        }
        if (ci == null) {
            throw new IllegalArgumentException("estimate ci must be given");
        }
        if (n < 1) {
            throw new IllegalArgumentException("estimate n must be at least 1, was " + n);
        }
    }
}
