package dev.td.statistics;

/**
 * How a method accounted for serial correlation in a series: the lag-1 autocorrelation it saw,
 * the AR(1) coefficient it estimated from it, and the factor by which the variance of its estimate
 * was inflated as a result.
 *
 * @param lag1           lag-1 autocorrelation of the series (or its residuals), NIST definition
 * @param phi            bias-corrected AR(1) coefficient used, in [0, {@link #MAX_PHI}]
 * @param varianceFactor variance of the estimate under AR(1) divided by its variance under
 *                       independence; 1 when {@code phi} is 0
 * @param effectiveN     n divided by {@code varianceFactor}: the number of independent values the
 *                       series is worth for this estimate
 * @param method         the correction, named with its source
 */
public record Persistence(double lag1, double phi, double varianceFactor, double effectiveN, String method) {
    /** Largest AR(1) coefficient td will use: beyond it a series is too close to a random walk for any interval. */
    public static final double MAX_PHI = 0.95;

    public Persistence {
        if (!(lag1 >= -1 && lag1 <= 1)) {
            throw new IllegalArgumentException("persistence lag1 must be in [-1, 1], was " + lag1);
        }
        if (!(phi >= 0 && phi <= MAX_PHI)) {
            throw new IllegalArgumentException("persistence phi must be in [0, " + MAX_PHI + "], was " + phi);
        }
        if (!(varianceFactor >= 1) || !Double.isFinite(varianceFactor)) {
            throw new IllegalArgumentException("persistence varianceFactor must be at least 1, was " + varianceFactor);
        }
        if (!(effectiveN > 0) || method == null || method.isBlank()) {
            throw new IllegalArgumentException("persistence needs a positive effectiveN and a named method");
        }
    }

    /** Whether the estimate's interval was widened at all. */
    public boolean adjusted() {
        return phi > 0;
    }
}
