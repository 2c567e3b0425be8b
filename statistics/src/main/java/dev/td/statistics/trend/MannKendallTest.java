package dev.td.statistics.trend;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.numeric.FisherZ;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.SerialCorrelation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Mann–Kendall test for a monotonic trend in a series ordered in time (Mann 1945; Kendall 1975).
 * S = Σ_{i&lt;j} sign(x_j − x_i) is computed in O(n log n) as (pairs − tied pairs − 2·inversions),
 * the inversions counted by merge sort. Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5)]/18 corrects for
 * ties; Z = (S − sign S)/sqrt(Var S) (continuity correction), p from the normal distribution
 * (Gilbert 1987, <i>Statistical Methods for Environmental Pollution Monitoring</i>, §16.4).
 *
 * <p>Autocorrelation: Var(S) is multiplied by the Hamed &amp; Rao (1998) factor for an AR(1) model
 * whose φ is the bias-corrected lag-1 autocorrelation of the least-squares-detrended series
 * ({@link SerialCorrelation#mannKendallFactor}), applied by estimate rather than after a
 * significance pre-test (which let 8 % false trends through at φ 0.9, n 200). Where the corrected
 * test is still known to be liberal, the quality is flagged approximate with the rate td's
 * simulation measured. Effect size:
 * Kendall's τ = S/(n(n−1)/2) with a Fisher-z interval, SE sqrt(0.437/(n − 4)). Sample size: at
 * least 4 values; fewer than 10 is MINIMAL.
 */
public final class MannKendallTest {
    private final double alpha;
    private final Alternative alternative;
    private final boolean adjustForAutocorrelation;

    private MannKendallTest(double alpha, Alternative alternative, boolean adjustForAutocorrelation) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.adjustForAutocorrelation = adjustForAutocorrelation;
    }

    /** alpha 0.05, two-sided, serial correlation accounted for. */
    public static MannKendallTest withDefaults() {
        return new MannKendallTest(0.05, Alternative.TWO_SIDED, true);
    }

    public MannKendallTest withAlpha(double alpha) {
        return new MannKendallTest(alpha, alternative, adjustForAutocorrelation);
    }

    /** GREATER tests for an upward trend, LESS for a downward one. */
    public MannKendallTest withAlternative(Alternative alternative) {
        return new MannKendallTest(alpha, alternative, adjustForAutocorrelation);
    }

    /** A copy running the classical test, which assumes independent values (Mann 1945; Kendall 1975). */
    public MannKendallTest withIndependentObservations() {
        return new MannKendallTest(alpha, alternative, false);
    }

    /** Tests {@code series} (in time order) for a monotonic trend; the statistic is S. */
    public HypothesisTest test(double[] series) {
        double[] index = new double[series.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return test(index, series);
    }

    /**
     * Tests {@code series} observed at ascending {@code times} (uneven spacing allowed): S depends on the
     * order only; the serial correlation is that of the residuals from the least-squares line over the
     * times, so an exact linear trend over uneven times leaves no spurious persistence.
     */
    public HypothesisTest test(double[] times, double[] series) {
        Inputs.requireFinite("series", series, 4);
        Inputs.requireFinite("times", times, 4);
        Inputs.requireSameLength("times", times, "series", series);
        Inputs.requireNotConstant("series", series);
        Inputs.requireNotConstant("times", times);
        int n = series.length;
        double s = statistic(series);
        double variance = variance(series);
        double[] residuals = TheilSen.lineResiduals(times, series);
        double r1 = SerialCorrelation.lag1(residuals);
        double phi = adjustForAutocorrelation ? SerialCorrelation.phiAboutLine(residuals) : 0;
        double factor = SerialCorrelation.mannKendallFactor(phi, n);
        variance *= factor;
        Assumption independence =
                TheilSen.independence(r1, phi, factor, n, 1 - alpha, "Var(S)", adjustForAutocorrelation);
        double z = (s - Math.signum(s)) / Math.sqrt(variance);
        double tau = s / (n * (n - 1) / 2.0);
        Interval ci =
                n > 4 ? FisherZ.interval(tau, Math.sqrt(0.437 / (n - 4)), 1 - alpha) : new Interval(-1, 1, 1 - alpha);
        Quality quality = Quality.ran(SampleSize.classify(n / factor, 4, 10), 1 - alpha, List.of(independence));
        if (adjustForAutocorrelation) {
            quality = quality.withApproximation(
                    SimulatedCoverage.forSeries(SimulatedCoverage.Kind.MANN_KENDALL, n, phi, n / factor));
        }
        return new HypothesisTest(
                "Mann-Kendall trend test" + (phi > 0 ? " (Hamed-Rao variance correction, AR(1))" : ""),
                s,
                OptionalDouble.empty(),
                Probabilities.normalPValue(z, alternative),
                alternative,
                alpha,
                Optional.empty(),
                Optional.of(new EffectSize("Kendall tau = S / (n(n-1)/2)", tau, ci)),
                quality);
    }

    /** S in O(n log n). */
    static double statistic(double[] series) {
        int n = series.length;
        double pairs = n * (n - 1) / 2.0;
        double tiedPairs = Inversions.tieSum(series, t -> t * (t - 1) / 2);
        return pairs - tiedPairs - 2.0 * Inversions.strict(series);
    }

    /** Tie-corrected Var(S) under no trend. */
    static double variance(double[] series) {
        double n = series.length;
        double ties = Inversions.tieSum(series, t -> t * (t - 1) * (2 * t + 5));
        return (n * (n - 1) * (2 * n + 5) - ties) / 18;
    }
}
