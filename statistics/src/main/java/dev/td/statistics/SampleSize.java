package dev.td.statistics;

/**
 * How far the number of observations supports the analysis that was asked for.
 *
 * <p>Each analysis states its own thresholds in its Javadoc; as a rule of thumb MINIMAL means
 * the method runs but intervals are wide and approximations (normal, t) are rough.
 */
public enum SampleSize {
    /** Too few observations for the method; the result is not computed or not trustworthy. */
    INSUFFICIENT,
    /** Enough to compute, not enough to rely on asymptotic approximations. */
    MINIMAL,
    /** Enough for the method's approximations to be reasonable. */
    SUFFICIENT;

    /** Classifies {@code n} against the method's {@code minimum} and {@code comfortable} sizes. */
    public static SampleSize classify(double n, int minimum, int comfortable) {
        if (n < minimum) {
            return INSUFFICIENT;
        }
        return n < comfortable ? MINIMAL : SUFFICIENT;
    }
}
