package dev.td.statistics.descriptive;

import dev.td.statistics.Estimate;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import java.util.OptionalDouble;

/**
 * Descriptive summary of one series, as produced by {@link Descriptive#describe(double[])}.
 *
 * @param n                    number of observations
 * @param mean                 arithmetic mean (compensated two-pass)
 * @param standardDeviation    sample standard deviation, denominator n − 1
 * @param median               sample median
 * @param mad                  raw median absolute deviation (multiply by 1.4826 for a normal-consistent SD;
 *                             see {@link #robustStandardDeviation()})
 * @param min                  smallest value
 * @param q1                   first quartile (Hyndman–Fan type 7)
 * @param q3                   third quartile (Hyndman–Fan type 7)
 * @param max                  largest value
 * @param lag1Autocorrelation  NIST lag-1 autocorrelation; empty when the series is constant
 * @param meanCi               t-based confidence interval of the mean, using {@code effectiveN}
 * @param effectiveN           n, or n(1 − r1)/(1 + r1) when lag-1 autocorrelation is significantly positive
 * @param quality              sample size, confidence level, independence check
 */
public record Description(
        int n,
        double mean,
        double standardDeviation,
        double median,
        double mad,
        double min,
        double q1,
        double q3,
        double max,
        OptionalDouble lag1Autocorrelation,
        Interval meanCi,
        double effectiveN,
        Quality quality) {
    /** Scale that makes the MAD a consistent estimator of σ for normal data: 1/Φ⁻¹(3/4). */
    public static final double MAD_NORMAL_SCALE = 1.4826;

    public Description {
        if (n < 2) {
            throw new IllegalArgumentException("description n must be at least 2, was " + n);
        }
        if (lag1Autocorrelation == null || meanCi == null || quality == null) {
            throw new IllegalArgumentException("description lag1Autocorrelation, meanCi and quality must be given");
        }
        if (!(effectiveN > 0 && effectiveN <= n)) {
            throw new IllegalArgumentException("description effectiveN must be in (0, n], was " + effectiveN);
        }
    }

    /** The mean with its confidence interval as an {@link Estimate}. */
    public Estimate meanEstimate() {
        return new Estimate(mean, meanCi, n);
    }

    /** MAD scaled by {@link #MAD_NORMAL_SCALE}: a robust estimate of the standard deviation. */
    public double robustStandardDeviation() {
        return MAD_NORMAL_SCALE * mad;
    }
}
