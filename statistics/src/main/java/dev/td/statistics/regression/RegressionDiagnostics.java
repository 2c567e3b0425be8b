package dev.td.statistics.regression;

import dev.td.statistics.Assumption;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
import java.util.List;

/**
 * Residual checks for {@link LinearRegression}: normality, independence, influence — each skipped, and reported as not
 * checked with the reason, where it has no power.
 *
 * <p>The n residuals of a fit with p coefficients are n − p = df independent pieces of information spread over n
 * values (they lie in a df-dimensional subspace fixed by the design). At df = 1 their direction is fixed by the design
 * alone — for any 3-point line they are proportional to a fixed vector — so Shapiro–Wilk W, the lag-1
 * autocorrelation and Cook's distances are the same whatever the data, and the old checks declared every 3-point line
 * non-normal (p = 8e-16) and influential. Thresholds, from simulation (NumPy 2.4 / SciPy 1.17, 3000 draws per cell,
 * polynomial designs of p = 2…5 on equispaced x and lines on normal x, α = 0.05):
 * <ul>
 *   <li><b>Normality</b> needs df ≥ {@value #MIN_DF_NORMALITY}. At df 8, Shapiro–Wilk on the residuals rejects
 *       normal errors at 0.04–0.05 (its nominal size) and exponential errors at 0.17–0.28 — close to the power of the
 *       test on 8 independent values (0.34); at df 4 it rejects exponential errors at 0.02–0.09, barely more often
 *       than normal ones (0.01–0.05), so a pass would say nothing; at df 1 it rejects everything.
 *   <li><b>Independence</b> needs df ≥ {@value #MIN_DF_INDEPENDENCE}. Below that the lag-1 autocorrelation of the
 *       residuals almost never leaves ±z/√n even for AR(1) errors with φ = 0.8 (rejection rate ≤ 0.03 at df 6, and
 *       never at n ≤ 5, where |r1| cannot reach z/√n); from df 8 a covariate design flags such errors more often
 *       than independent ones (0.08–0.11 against 0.02), rising to 0.8 at df 20. When x is time itself the fitted
 *       trend absorbs much of the autocorrelation and the check stays weak longer (0.37 at df 15): a pass there is
 *       weak evidence.
 *   <li><b>Influence</b> needs n &gt; 2p (df &gt; p). Hoaglin &amp; Welsch (1978) call a point high-leverage when
 *       h_ii &gt; 2p/n; the leverages average p/n, so at n ≤ 2p every point is high-leverage by that rule and
 *       Cook's distance cannot single one out (each deleted refit also keeps df − 1 ≤ p − 1 residual degrees of
 *       freedom; at df = 1 it is exact).
 * </ul>
 * An exact fit (all residuals zero) is reported as such first.
 */
final class RegressionDiagnostics {
    /** Residual degrees of freedom below which the residuals' normality is not tested. */
    static final int MIN_DF_NORMALITY = 8;
    /** Residual degrees of freedom below which the residuals' lag-1 autocorrelation is not judged. */
    static final int MIN_DF_INDEPENDENCE = 8;

    private RegressionDiagnostics() {}

    static List<Assumption> check(
            DoubleDouble[][] design, double[] residuals, HouseholderQr qr, double s2, double confidenceLevel) {
        int df = residuals.length - qr.r.length;
        return List.of(
                df < MIN_DF_NORMALITY
                        ? Assumption.notChecked(
                                "normality of residuals",
                                "not tested: " + degreesOfFreedom(df) + ", and Shapiro-Wilk on residuals"
                                        + " needs at least " + MIN_DF_NORMALITY + " to have power; the intervals"
                                        + " assume normal errors")
                        : ShapiroWilkTest.withDefaults().check("residuals", residuals),
                independence(residuals, df, confidenceLevel),
                influence(design, residuals, qr, s2));
    }

    private static Assumption independence(double[] residuals, int df, double confidenceLevel) {
        double mean = Sums.mean(residuals);
        double ss = Sums.sumOfSquaredDeviations(residuals, mean);
        if (!(ss > 0)) {
            return Assumption.notChecked("independence of residuals", "residuals are all zero (exact fit)");
        }
        if (df < MIN_DF_INDEPENDENCE) {
            return Assumption.notChecked(
                    "independence of residuals",
                    "not judged: " + degreesOfFreedom(df) + ", and the lag-1 autocorrelation of residuals"
                            + " needs at least " + MIN_DF_INDEPENDENCE + " to detect even strong autocorrelation;"
                            + " the standard errors assume independent errors");
        }
        double r1 = Sums.autocorrelation(residuals, mean, ss, 1);
        double threshold = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2) / Math.sqrt(residuals.length);
        boolean met = Math.abs(r1) <= threshold;
        return Assumption.judged(
                "independence of residuals",
                met,
                r1,
                "lag-1 autocorrelation of residuals " + r1
                        + (met ? " within ± " : " outside ± ") + threshold
                        + (met ? "" : ": standard errors are too small if the data are a time series"));
    }

    /** Cook's distance D_i = e_i² h_ii / (p s² (1 − h_ii)²), with h_ii = ‖x_i R⁻¹‖². */
    private static Assumption influence(DoubleDouble[][] design, double[] residuals, HouseholderQr qr, double s2) {
        int p = qr.r.length;
        if (!(s2 > 0)) {
            return Assumption.notChecked("no influential points", "exact fit: Cook's distance undefined");
        }
        int n = residuals.length;
        if (n <= 2 * p) {
            return Assumption.notChecked(
                    "no influential points",
                    "not judged: with " + n + " points and " + p + " coefficients the leverages average p/n = "
                            + p + "/" + n + " ≥ 1/2, so every point counts as high-leverage (h > 2p/n) and Cook's"
                            + " distance cannot single one out; needs more than " + 2 * p + " points");
        }
        double[][] rInv = new double[p][p];
        DoubleDouble[][] inv = qr.inverseR();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                rInv[i][j] = inv[i][j].doubleValue();
            }
        }
        double worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < residuals.length; i++) {
            double h = 0;
            for (int j = 0; j < p; j++) {
                double q = 0;
                for (int k = 0; k <= j; k++) {
                    q += design[i][k].hi() * rInv[k][j];
                }
                h += q * q;
            }
            double d =
                    h >= 1 ? Double.POSITIVE_INFINITY : residuals[i] * residuals[i] * h / (p * s2 * (1 - h) * (1 - h));
            if (d > worst) {
                worst = d;
                worstIndex = i;
            }
        }
        boolean met = worst <= 1;
        return Assumption.judged(
                "no influential points",
                met,
                worst,
                "largest Cook's distance " + worst + " at index " + worstIndex
                        + (met ? " ≤ 1" : " > 1: refit without it or use Theil-Sen"));
    }

    private static String degreesOfFreedom(int df) {
        return df + (df == 1 ? " residual degree of freedom" : " residual degrees of freedom");
    }
}
