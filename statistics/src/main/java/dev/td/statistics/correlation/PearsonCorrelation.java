package dev.td.statistics.correlation;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.numeric.FisherZ;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Pearson's product-moment correlation with R's {@code cor.test} inference: t = r·sqrt(df/(1 − r²)),
 * df = n − 2, and a Fisher-z interval with SE 1/sqrt(n − 3) (Fisher 1921); one-sided alternatives
 * give one-sided intervals ending at ±1. The coefficient is computed from centred data rescaled by
 * its largest deviation, so values as extreme as 1e±200 neither overflow nor underflow.
 *
 * <p>Time series ({@link #forTimeSeries()}): the p-value and interval always use Bartlett's effective
 * sample size (see {@link EffectiveSampleSize}) in place of n, applied by estimate rather than after a
 * significance pre-test; the {@code independence} assumption reports whether either series' lag-1
 * autocorrelation exceeds z/√n.
 * Sample size: 3 pairs minimum (the interval needs 4); fewer than 10 is MINIMAL.
 */
public final class PearsonCorrelation {
    private final double confidenceLevel;
    private final Alternative alternative;
    private final boolean timeSeries;

    private PearsonCorrelation(double confidenceLevel, Alternative alternative, boolean timeSeries) {
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.timeSeries = timeSeries;
    }

    /** 95 % intervals, two-sided, observations treated as independent pairs. */
    public static PearsonCorrelation withDefaults() {
        return new PearsonCorrelation(0.95, Alternative.TWO_SIDED, false);
    }

    public PearsonCorrelation withConfidenceLevel(double level) {
        return new PearsonCorrelation(level, alternative, timeSeries);
    }

    public PearsonCorrelation withAlternative(Alternative alternative) {
        return new PearsonCorrelation(confidenceLevel, alternative, timeSeries);
    }

    /** A copy that treats x and y as time series and adjusts for autocorrelation. */
    public PearsonCorrelation forTimeSeries() {
        return new PearsonCorrelation(confidenceLevel, alternative, true);
    }

    /** Correlates x and y. */
    public Correlation test(double[] x, double[] y) {
        return test(x, y, 0);
    }

    Correlation test(double[] x, double[] y, int lag) {
        validatePairs(x, y);
        double r = coefficient(x, y);
        List<Assumption> assumptions = new ArrayList<>();
        double nEff = timeSeries ? effectiveN(x, y, assumptions) : x.length;
        return infer("Pearson", r, x.length, nEff, lag, assumptions, 1);
    }

    static void validatePairs(double[] x, double[] y) {
        Inputs.requireFinite("x", x, 3);
        Inputs.requireFinite("y", y, 3);
        Inputs.requireSameLength("x", x, "y", y);
        Inputs.requireNotConstant("x", x);
        Inputs.requireNotConstant("y", y);
    }

    /** t-based p-value and Fisher-z interval (SE multiplied by sqrt(seFactor)) for a coefficient r. */
    Correlation infer(
            String method, double r, int n, double nEff, int lag, List<Assumption> assumptions, double seFactor) {
        double df = nEff - 2;
        double t = Math.abs(r) >= 1 ? Math.copySign(Double.POSITIVE_INFINITY, r) : r * Math.sqrt(df / (1 - r * r));
        double p = Math.abs(r) >= 1 ? extremeP(r) : Probabilities.tPValue(t, df, alternative);
        Interval ci = nEff > 3
                ? FisherZ.interval(r, Math.sqrt(seFactor / (nEff - 3)), confidenceLevel, alternative)
                : new Interval(-1, 1, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(nEff, 3, 10), confidenceLevel, assumptions);
        if (timeSeries) {
            // the AR(1) φ two series sharing it would need for this n_eff: n_eff/n = (1 − φ²)/(1 + φ²)
            double ratio = Math.min(1, nEff / n);
            double phi = Math.sqrt((1 - ratio) / (1 + ratio));
            quality = quality.withApproximation(
                    SimulatedCoverage.forSeries(SimulatedCoverage.Kind.CORRELATION, n, phi, nEff));
        }
        return new Correlation(method, r, ci, t, OptionalDouble.of(df), p, alternative, n, nEff, lag, quality);
    }

    private double extremeP(double r) {
        return switch (alternative) {
            case TWO_SIDED -> 0;
            case GREATER -> r > 0 ? 0 : 1;
            case LESS -> r < 0 ? 0 : 1;
        };
    }

    double effectiveN(double[] x, double[] y, List<Assumption> assumptions) {
        int n = x.length;
        double ra = EffectiveSampleSize.lag1(x);
        double rb = EffectiveSampleSize.lag1(y);
        double threshold = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2) / Math.sqrt(n);
        boolean met = Math.abs(ra) <= threshold && Math.abs(rb) <= threshold;
        // applied by estimate, not after a significance pre-test of ra and rb (the gate left short persistent
        // series uncorrected); Bartlett's n_eff never exceeds n
        double nEff = EffectiveSampleSize.bartlett(x, y);
        assumptions.add(Assumption.judged(
                "independence",
                met,
                Math.max(Math.abs(ra), Math.abs(rb)),
                "lag-1 autocorrelations " + ra + ", " + rb + (met ? " within ± " : ", threshold ± ") + threshold
                        + "; p-value and interval use Bartlett effective n " + nEff + " of " + n));
        return nEff;
    }

    /** Pearson r of validated, non-constant data. */
    static double coefficient(double[] x, double[] y) {
        int n = x.length;
        double mx = Sums.mean(x);
        double my = Sums.mean(y);
        double[] dx = new double[n];
        double[] dy = new double[n];
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] - mx;
            dy[i] = y[i] - my;
            sx = Math.max(sx, Math.abs(dx[i]));
            sy = Math.max(sy, Math.abs(dy[i]));
        }
        for (int i = 0; i < n; i++) {
            dx[i] /= sx;
            dy[i] /= sy;
        }
        double sxy = Sums.sumOfCrossDeviations(dx, 0, dy, 0);
        double sxx = Sums.sumOfCrossDeviations(dx, 0, dx, 0);
        double syy = Sums.sumOfCrossDeviations(dy, 0, dy, 0);
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx) / Math.sqrt(syy)));
    }
}
