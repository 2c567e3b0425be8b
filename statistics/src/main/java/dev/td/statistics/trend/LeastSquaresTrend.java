package dev.td.statistics.trend;

import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.Persistence;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.SerialCorrelation;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.regression.RegressionFit;
import java.util.ArrayList;
import java.util.List;

/**
 * The least-squares slope of a series over time with an interval that accounts for serial
 * correlation of the residuals (generalised least squares thinking, ordinary least squares estimate).
 *
 * <p>The slope and R² are those of {@link LinearRegression#fitLine}. Its variance under AR(1)
 * residuals with coefficient φ is σ²·wᵀΣw/(wᵀw)², w = x − x̄, Σ_ij = φ^|i−j| in time order, instead of
 * σ²/wᵀw (e.g. Bence 1995, <i>Can. J. Fish. Aquat. Sci.</i> 52; Wilks 2011 §5.2.4). σ² is estimated
 * without the downward bias persistence puts into the residual sum of squares:
 * σ̂² = SSR / tr(MΣ), tr(MΣ) = n − 1ᵀΣ1/n − wᵀΣw/wᵀw for the line's hat matrix. φ is the
 * bias-corrected lag-1 autocorrelation of the residuals ({@link SerialCorrelation#phiAboutLine}),
 * applied by estimate. The t quantile uses n_eff − 2 degrees of freedom, n_eff = n·wᵀw/wᵀΣw.
 */
public final class LeastSquaresTrend {
    private final double confidenceLevel;

    private LeastSquaresTrend(double confidenceLevel) {
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
    }

    /** 95 % interval. */
    public static LeastSquaresTrend withDefaults() {
        return new LeastSquaresTrend(0.95);
    }

    public LeastSquaresTrend withConfidenceLevel(double level) {
        return new LeastSquaresTrend(level);
    }

    /** The fitted line, its slope's persistence-aware interval, and how persistence was handled. */
    public record Slope(
            RegressionFit fit,
            double slope,
            double standardError,
            double degreesOfFreedom,
            Interval ci,
            Persistence persistence,
            Quality quality) {}

    /** Slope of y on x, x in time order (ascending). */
    public Slope fit(double[] x, double[] y) {
        Inputs.requireFinite("x", x, 3);
        Inputs.requireFinite("y", y, 3);
        Inputs.requireSameLength("x", x, "y", y);
        RegressionFit fit = LinearRegression.withDefaults()
                .withConfidenceLevel(confidenceLevel)
                .fitLine(x, y);
        int n = x.length;
        double intercept = fit.coefficient(0).value();
        double slope = fit.coefficient(1).value();
        double[] residuals = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - intercept - slope * x[i];
            largest = Math.max(largest, Math.abs(residuals[i]));
        }
        // the sum of squares on residuals scaled by a power of two (exact), so 1e±300 neither overflows nor underflows
        int shift = largest == 0 ? 0 : Math.getExponent(largest);
        double ssr = 0;
        for (double r : residuals) {
            double scaled = Math.scalb(r, -shift);
            ssr += scaled * scaled;
        }
        double meanX = 0;
        for (double v : x) {
            meanX += v / n;
        }
        double[] w = new double[n];
        double[] ones = new double[n];
        double ww = 0;
        for (int i = 0; i < n; i++) {
            w[i] = x[i] - meanX;
            ones[i] = 1;
            ww += w[i] * w[i];
        }
        double r1 = SerialCorrelation.lag1(residuals);
        double phi = SerialCorrelation.phiAboutLine(residuals);
        double wSw = SerialCorrelation.quadraticForm(phi, w);
        double factor = Math.max(1, wSw / ww);
        double traceMs = n - SerialCorrelation.quadraticForm(phi, ones) / n - factor;
        double sigma2 = ssr / Math.max(traceMs, 1);
        double se = largest == 0 ? 0 : Math.scalb(Math.sqrt(sigma2 * wSw) / ww, shift);
        double nEff = n / factor;
        double df = Math.max(1, nEff - 2);
        Interval ci = se > 0 && Double.isFinite(se)
                ? Probabilities.tInterval(slope, se, df, confidenceLevel, dev.td.statistics.Alternative.TWO_SIDED)
                : fit.coefficient(1).ci();
        Persistence persistence = new Persistence(
                r1,
                phi,
                factor,
                nEff,
                "AR(1) variance of the least-squares slope, φ bias-corrected from the residuals' lag-1 r");
        List<Assumption> assumptions = new ArrayList<>();
        assumptions.add(TheilSen.independence(r1, phi, factor, n, confidenceLevel, "least-squares slope", true));
        for (Assumption a : fit.quality().assumptions()) {
            if (!a.name().startsWith("independence")) {
                assumptions.add(a);
            }
        }
        Quality quality = Quality.ran(SampleSize.classify(nEff, 3, 10), confidenceLevel, assumptions)
                .withApproximation(
                        SimulatedCoverage.forSeries(SimulatedCoverage.Kind.LEAST_SQUARES_SLOPE, n, phi, nEff));
        return new Slope(fit, slope, se, df, ci, persistence, quality);
    }
}
