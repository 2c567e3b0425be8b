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

    /** Bartlett effective n for the correlation of {@code a} and {@code b} (same length). */
    static double bartlett(double[] a, double[] b) {
        int n = a.length;
        int lags = Math.min(MAX_LAGS, n / 5);
        double ma = Sums.mean(a);
        double mb = Sums.mean(b);
        double ssa = Sums.sumOfSquaredDeviations(a, ma);
        double ssb = Sums.sumOfSquaredDeviations(b, mb);
        double sum = 0;
        for (int k = 1; k <= lags; k++) {
            sum += Sums.autocorrelation(a, ma, ssa, k) * Sums.autocorrelation(b, mb, ssb, k);
        }
        double nEff = n / (1 + 2 * sum);
        return Math.max(Math.min(3, n), Math.min(n, nEff));
    }

    /** Lag-1 autocorrelation of a validated, non-constant series. */
    static double lag1(double[] values) {
        double m = Sums.mean(values);
        return Sums.autocorrelation(values, m, Sums.sumOfSquaredDeviations(values, m), 1);
    }
}
