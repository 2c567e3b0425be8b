package dev.td.statistics;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of a hypothesis test.
 *
 * @param method            the test that actually ran, e.g. {@code "Welch two-sample t-test"}
 * @param statistic         the test statistic (t, W, U, V, S, …) as the method defines it
 * @param degreesOfFreedom  degrees of freedom, for t-type tests
 * @param pValue            p-value for {@code alternative}, in [0, 1]
 * @param alternative       alternative hypothesis tested
 * @param alpha             significance level used by {@link #significant()}
 * @param estimate          the estimated quantity (e.g. difference of means) with its interval
 * @param effectSize        standardised effect size with its interval
 * @param quality           sample size, assumptions checked, and why another method ran if one did
 */
public record HypothesisTest(
        String method,
        double statistic,
        OptionalDouble degreesOfFreedom,
        double pValue,
        Alternative alternative,
        double alpha,
        Optional<Estimate> estimate,
        Optional<EffectSize> effectSize,
        Quality quality) {
    public HypothesisTest {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("test method must be named");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("test pValue must be in [0, 1], was " + pValue);
        }
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("test statistic must not be NaN");
        }
        if (degreesOfFreedom == null
                || alternative == null
                || estimate == null
                || effectSize == null
                || quality == null) {
            throw new IllegalArgumentException("test degreesOfFreedom, alternative, estimate, effectSize and quality"
                    + " must be given (use OptionalDouble.empty() / Optional.empty())");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
    }

    /** Whether the null hypothesis is rejected at {@link #alpha()}. */
    public boolean significant() {
        return pValue < alpha;
    }
}
