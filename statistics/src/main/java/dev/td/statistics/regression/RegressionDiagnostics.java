package dev.td.statistics.regression;

import dev.td.statistics.Assumption;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
import java.util.List;

/** Residual checks for {@link LinearRegression}: normality, independence, influence. */
final class RegressionDiagnostics {
    private RegressionDiagnostics() {}

    static List<Assumption> check(
            DoubleDouble[][] design, double[] residuals, HouseholderQr qr, double s2, double confidenceLevel) {
        return List.of(
                ShapiroWilkTest.withDefaults().check("residuals", residuals),
                independence(residuals, confidenceLevel),
                influence(design, residuals, qr, s2));
    }

    private static Assumption independence(double[] residuals, double confidenceLevel) {
        double mean = Sums.mean(residuals);
        double ss = Sums.sumOfSquaredDeviations(residuals, mean);
        if (!(ss > 0)) {
            return Assumption.notChecked("independence of residuals", "residuals are all zero (exact fit)");
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
}
