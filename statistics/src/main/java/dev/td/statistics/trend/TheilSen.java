package dev.td.statistics.trend;

import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Quantiles;
import java.util.List;

/**
 * Theil–Sen robust line: the slope is the median of all pairwise slopes with distinct x (Theil
 * 1950; Sen 1968), found by randomized slope selection ({@link SlopeSelection}) in
 * O(n log n) expected time per order statistic instead of forming all n²/2 slopes.
 *
 * <p>Interval (Sen 1968; Gilbert 1987, §16.5.1): with N slopes ordered and
 * C = z_{1−α/2}·sqrt(Var S), Var S the tie-corrected Mann–Kendall variance of y, the bounds are the
 * M1-th and (M2 + 1)-th smallest slopes, M1 = (N − C)/2 and M2 = (N + C)/2 (rounded to the nearest
 * rank and clamped to [1, N]). Intercept: median of y − slope·x (Conover 1980). Sample size: at
 * least 3 points with 2 distinct x; fewer than 10 is MINIMAL.
 */
public final class TheilSen {
    private final double confidenceLevel;

    private TheilSen(double confidenceLevel) {
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
    }

    /** 95 % interval. */
    public static TheilSen withDefaults() {
        return new TheilSen(0.95);
    }

    public TheilSen withConfidenceLevel(double level) {
        return new TheilSen(level);
    }

    /** Trend of a series observed at x = 0, 1, 2, … */
    public TrendEstimate fit(double[] series) {
        Inputs.requireFinite("series", series, 3);
        double[] x = new double[series.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return fit(x, series);
    }

    /** Trend of y on x. */
    public TrendEstimate fit(double[] x, double[] y) {
        Inputs.requireFinite("x", x, 3);
        Inputs.requireFinite("y", y, 3);
        Inputs.requireSameLength("x", x, "y", y);
        Inputs.requireNotConstant("x", x);
        SlopeSelection slopes = new SlopeSelection(x, y);
        long total = slopes.total;
        double c = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2) * Math.sqrt(MannKendallTest.variance(y));
        long lower = clamp(Math.round((total - c) / 2), total);
        long upper = clamp(Math.round((total + c) / 2) + 1, total);
        // the middle slope (odd N) or the middle two (even N), and the interval's bounds: selected together
        double[] at = slopes.select(new long[] {(total + 1) / 2, total / 2 + 1, lower, upper});
        double slope = total % 2 == 1 ? at[0] : (at[0] + at[1]) / 2;
        Interval ci = new Interval(at[2], at[3], confidenceLevel);
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        Quality quality = Quality.ran(SampleSize.classify(x.length, 3, 10), confidenceLevel, List.of());
        return new TrendEstimate(slope, ci, Quantiles.median(residuals), x.length, quality);
    }

    private static long clamp(long rank, long total) {
        return Math.max(1, Math.min(total, rank));
    }
}
