package dev.td.statistics.correlation;

import dev.td.statistics.numeric.Sums;

/**
 * Effective sample sizes for autocorrelated series.
 *
 * <p>For the correlation of two series: n_eff = n / (1 + 2 Σ_{k=1..K} r_a(k)·r_b(k)) (Bartlett
 * 1935; Pyper &amp; Peterman 1998, eq. 1, with K = n/5), here capped at K = 50 lags to keep the cost
 * linear, and clamped to [3, n]. Each series' autocorrelations use the NIST definition.
 */
final class EffectiveSampleSize {
    static final int MAX_LAGS = 50;

    private EffectiveSampleSize() {}

    /**
     * Bartlett effective n for the correlation of {@code a} and {@code b} (same length). The autocorrelations of all
     * lags come from one blocked pass per series ({@link Sums#laggedProducts}).
     */
    static double bartlett(double[] a, double[] b) {
        int n = a.length;
        int lags = Math.min(MAX_LAGS, n / 5);
        double ma = Sums.mean(a);
        double mb = Sums.mean(b);
        double ssa = Sums.sumOfSquaredDeviations(a, ma);
        double ssb = Sums.sumOfSquaredDeviations(b, mb);
        double[] pa = Sums.laggedProducts(centred(a, ma), lags);
        double[] pb = Sums.laggedProducts(centred(b, mb), lags);
        double sum = 0;
        for (int k = 1; k <= lags; k++) {
            sum += (pa[k - 1] / ssa) * (pb[k - 1] / ssb);
        }
        double nEff = n / (1 + 2 * sum);
        return Math.max(Math.min(3, n), Math.min(n, nEff));
    }

    private static double[] centred(double[] values, double mean) {
        double[] centred = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            centred[i] = values[i] - mean;
        }
        return centred;
    }

    /** Lag-1 autocorrelation of a validated, non-constant series. */
    static double lag1(double[] values) {
        double m = Sums.mean(values);
        return Sums.autocorrelation(values, m, Sums.sumOfSquaredDeviations(values, m), 1);
    }
}
