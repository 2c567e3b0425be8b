package dev.td.statistics.correlation;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import java.util.OptionalDouble;

/**
 * A correlation coefficient with its test and interval.
 *
 * @param method           e.g. {@code "Pearson"}, {@code "Spearman (exact permutation p)"}
 * @param coefficient      r, ρ or τ in [−1, 1]
 * @param ci               interval of the coefficient (Fisher z; see the producing class)
 * @param statistic        test statistic (t for Pearson/Spearman-t, S for exact Spearman, T or z for Kendall)
 * @param degreesOfFreedom degrees of freedom for t statistics
 * @param pValue           p-value for {@code alternative}
 * @param alternative      alternative hypothesis
 * @param n                number of pairs used
 * @param effectiveN       n, or the autocorrelation-adjusted effective size the p-value and interval use
 * @param lag              lag k of series b relative to a (0 when not lagged)
 * @param quality          sample size, assumptions (independence when series), why not run
 */
public record Correlation(
        String method,
        double coefficient,
        Interval ci,
        double statistic,
        OptionalDouble degreesOfFreedom,
        double pValue,
        Alternative alternative,
        int n,
        double effectiveN,
        int lag,
        Quality quality) {
    public Correlation {
        if (method == null || ci == null || degreesOfFreedom == null || alternative == null || quality == null) {
            throw new IllegalArgumentException(
                    "correlation method, ci, degreesOfFreedom, alternative, quality must be given");
        }
        if (!(coefficient >= -1 - 1e-12 && coefficient <= 1 + 1e-12)) {
            throw new IllegalArgumentException("correlation coefficient must be in [-1, 1], was " + coefficient);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("correlation pValue must be in [0, 1], was " + pValue);
        }
        if (!(effectiveN > 0 && effectiveN <= n)) {
            throw new IllegalArgumentException("correlation effectiveN must be in (0, n], was " + effectiveN);
        }
    }
}
