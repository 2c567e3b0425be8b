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

    /**
     * Raw median absolute deviation around {@code center} (not scaled by 1.4826). The median of the deviations is
     * found by selection (expected linear time) rather than by sorting them; the result is the same.
     */
    public static double medianAbsoluteDeviation(double[] values, double center) {
        double[] deviations = new double[values.length];
        boolean comparable = values.length > 0;
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - center);
            comparable &= !Double.isNaN(deviations[i]);
        }
        if (!comparable) {
            Arrays.sort(deviations);
            return medianOfSorted(deviations);
        }
        int upper = deviations.length / 2;
        select(deviations, upper);
        if (deviations.length % 2 == 1) {
            return deviations[upper];
        }
        double lower = deviations[0];
        for (int i = 1; i < upper; i++) {
            lower = Math.max(lower, deviations[i]);
        }
        return (lower + deviations[upper]) / 2;
    }

    /**
     * Puts the {@code k}-th smallest of {@code values} (no NaN) at index {@code k}, smaller or equal ones before it
     * and greater or equal ones after: quickselect with a median-of-three pivot and three-way partitioning (Hoare
     * 1961), falling back to sorting the part left when the partitions stay unbalanced, so never worse than
     * O(n log n).
     */
    static void select(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(values.length)) + 4;
        while (hi > lo) {
            if (hi - lo < 16 || budget-- == 0) {
                Arrays.sort(values, lo, hi + 1);
                return;
            }
            double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
            int less = lo;
            int i = lo;
            int greater = hi;
            while (i <= greater) {
                double v = values[i];
                if (v < pivot) {
                    values[i++] = values[less];
                    values[less++] = v;
                } else if (v > pivot) {
                    values[i] = values[greater];
                    values[greater--] = v;
                } else {
                    i++;
                }
            }
            if (k < less) {
                hi = less - 1;
            } else if (k > greater) {
                lo = greater + 1;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
