package dev.td.statistics.trend;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.FisherZ;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
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
 * <p>Autocorrelation: the lag-1 autocorrelation r1 of the least-squares-detrended series is
 * checked; when significantly positive, Var(S) is inflated by n/n_eff = (1 + r1)/(1 − r1) (the
 * lag-1 form of Yue &amp; Wang 2004) and the {@code independence} assumption says so. Effect size:
 * Kendall's τ = S/(n(n−1)/2) with a Fisher-z interval, SE sqrt(0.437/(n − 4)). Sample size: at
 * least 4 values; fewer than 10 is MINIMAL.
 */
public final class MannKendallTest {
    private final double alpha;
    private final Alternative alternative;

    private MannKendallTest(double alpha, Alternative alternative) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.alternative = Inputs.requireGiven("alternative", alternative);
    }

    /** alpha 0.05, two-sided. */
    public static MannKendallTest withDefaults() {
        return new MannKendallTest(0.05, Alternative.TWO_SIDED);
    }

    public MannKendallTest withAlpha(double alpha) {
        return new MannKendallTest(alpha, alternative);
    }

    /** GREATER tests for an upward trend, LESS for a downward one. */
    public MannKendallTest withAlternative(Alternative alternative) {
        return new MannKendallTest(alpha, alternative);
    }

    /** Tests {@code series} (in time order) for a monotonic trend; the statistic is S. */
    public HypothesisTest test(double[] series) {
        Inputs.requireFinite("series", series, 4);
        Inputs.requireNotConstant("series", series);
        int n = series.length;
        double s = statistic(series);
        double variance = variance(series);
        double r1 = detrendedLag1(series);
        double threshold = Probabilities.normalQuantile(1 - alpha / 2) / Math.sqrt(n);
        boolean autocorrelated = r1 > threshold;
        Assumption independence = Assumption.judged(
                "independence",
                !autocorrelated,
                r1,
                "lag-1 autocorrelation of the detrended series " + r1
                        + (autocorrelated
                                ? " > " + threshold + ": Var(S) inflated by (1 + r1)/(1 - r1) = " + (1 + r1) / (1 - r1)
                                : " ≤ " + threshold));
        if (autocorrelated) {
            variance *= (1 + r1) / (1 - r1);
        }
        double z = (s - Math.signum(s)) / Math.sqrt(variance);
        double tau = s / (n * (n - 1) / 2.0);
        Interval ci =
                n > 4 ? FisherZ.interval(tau, Math.sqrt(0.437 / (n - 4)), 1 - alpha) : new Interval(-1, 1, 1 - alpha);
        Quality quality = Quality.ran(SampleSize.classify(n, 4, 10), 1 - alpha, List.of(independence));
        return new HypothesisTest(
                "Mann-Kendall trend test" + (autocorrelated ? " (variance corrected for lag-1 autocorrelation)" : ""),
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

    private static double detrendedLag1(double[] series) {
        int n = series.length;
        double mt = (n - 1) / 2.0;
        double my = Sums.mean(series);
        double sty = 0;
        double stt = 0;
        for (int i = 0; i < n; i++) {
            sty += (i - mt) * (series[i] - my);
            stt += (i - mt) * (i - mt);
        }
        double slope = sty / stt;
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = series[i] - my - slope * (i - mt);
        }
        double mr = Sums.mean(residuals);
        double ss = Sums.sumOfSquaredDeviations(residuals, mr);
        return ss > 0 ? Sums.autocorrelation(residuals, mr, ss, 1) : 0;
    }
}
