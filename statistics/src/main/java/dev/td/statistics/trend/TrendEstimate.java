package dev.td.statistics.trend;

import dev.td.statistics.Interval;
import dev.td.statistics.Persistence;
import dev.td.statistics.Quality;

/**
 * A robust straight-line trend, as produced by {@link TheilSen}.
 *
 * @param slope     Theil–Sen slope (median pairwise slope) per unit of x
 * @param slopeCi   Sen (1968) distribution-free confidence interval of the slope
 * @param intercept median of y − slope·x (Conover 1980)
 * @param n           number of points
 * @param persistence how serial correlation of the residuals widened the interval
 * @param quality   sample size and confidence level
 */
public record TrendEstimate(
        double slope, Interval slopeCi, double intercept, int n, Persistence persistence, Quality quality) {
    public TrendEstimate {
        if (!Double.isFinite(slope)
                || !Double.isFinite(intercept)
                || slopeCi == null
                || persistence == null
                || quality == null) {
            throw new IllegalArgumentException("trend needs a finite slope and intercept, a slopeCi and quality");
        }
    }
}
