package dev.td.statistics.numeric;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics — Hyndman &amp; Fan (1996)
 * definition 7, the default of R's {@code quantile()} and NumPy's {@code percentile}.
 */
public final class Quantiles {
    private Quantiles() {}

    /**
     * Quantile {@code p} of {@code values} (not modified).
     *
     * @throws IllegalArgumentException if values are empty or non-finite, or p is outside [0, 1]
     */
    public static double of(double[] values, double p) {
        Inputs.requireFinite("values", values, 1);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** Quantile {@code p} of already sorted, validated values. */
    public static double ofSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile p must be in [0, 1], was " + p);
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Median of already sorted values. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Median of values (copied, not modified). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    /** Raw median absolute deviation around {@code center} (not scaled by 1.4826). */
    public static double medianAbsoluteDeviation(double[] values, double center) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        Arrays.sort(deviations);
        return medianOfSorted(deviations);
    }
}
