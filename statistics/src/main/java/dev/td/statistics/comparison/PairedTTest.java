package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.Estimate;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Paired t-test on differences a − b, and the one-sample t-test against a fixed mean; matches R's
 * {@code t.test(x, y, paired = TRUE)} and {@code t.test(x, mu = m)}.
 *
 * <p>Estimate: mean difference with its t interval. Effect size: Cohen's d_z = mean(d)/sd(d) with
 * a normal interval, SE = sqrt(1/n + d_z²/(2n)) (Hedges &amp; Olkin 1985). Normality of the
 * differences is checked (Shapiro–Wilk) and reported; {@link WilcoxonSignedRankTest} is the
 * robust alternative. Sample size: 2 pairs minimum; fewer than 10 is MINIMAL.
 */
public final class PairedTTest {
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;

    private PairedTTest(double alpha, double confidenceLevel, Alternative alternative) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
    }

    /** alpha 0.05, 95 % intervals, two-sided. */
    public static PairedTTest withDefaults() {
        return new PairedTTest(0.05, 0.95, Alternative.TWO_SIDED);
    }

    public PairedTTest withAlpha(double alpha) {
        return new PairedTTest(alpha, confidenceLevel, alternative);
    }

    public PairedTTest withConfidenceLevel(double level) {
        return new PairedTTest(alpha, level, alternative);
    }

    public PairedTTest withAlternative(Alternative alternative) {
        return new PairedTTest(alpha, confidenceLevel, alternative);
    }

    /** Tests mean(a − b) = 0 for paired observations. */
    public HypothesisTest test(double[] a, double[] b) {
        double[] d = Inputs.pairedDifferences(a, b);
        return run("Paired t-test", d, 0, "differences a - b");
    }

    /** Tests mean(values) = {@code mu}. */
    public HypothesisTest testMean(double[] values, double mu) {
        Inputs.requireFinite("values", values, 2);
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, was " + mu);
        }
        return run("One-sample t-test", values, mu, "values");
    }

    private HypothesisTest run(String method, double[] d, double mu, String field) {
        Inputs.requireNotConstant(field, d);
        int n = d.length;
        double mean = Sums.mean(d);
        double sd = Math.sqrt(Sums.sumOfSquaredDeviations(d, mean) / (n - 1));
        double se = sd / Math.sqrt(n);
        double t = (mean - mu) / se;
        double df = n - 1;
        Interval ci = Probabilities.tInterval(mean, se, df, confidenceLevel, alternative);
        double dz = (mean - mu) / sd;
        double dzSe = Math.sqrt(1.0 / n + dz * dz / (2.0 * n));
        double z = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2);
        EffectSize effect =
                new EffectSize("Cohen's d_z", dz, new Interval(dz - z * dzSe, dz + z * dzSe, confidenceLevel));
        List<Assumption> assumptions =
                List.of(ShapiroWilkTest.withDefaults().withAlpha(alpha).check(field, d));
        Quality quality = Quality.ran(SampleSize.classify(n, 2, 10), confidenceLevel, assumptions);
        return new HypothesisTest(
                method,
                t,
                OptionalDouble.of(df),
                Probabilities.tPValue(t, df, alternative),
                alternative,
                alpha,
                Optional.of(new Estimate(mean, ci, n)),
                Optional.of(effect),
                quality);
    }
}
