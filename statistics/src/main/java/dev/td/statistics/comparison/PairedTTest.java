package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.Estimate;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.SimulatedCoverage;
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
 *
 * <p>Scale: the test runs on the data times one power of two (exact; see {@link BinaryScale}), so
 * values near 1e300 or 1e-300 give the t, p and d_z of the same values near 1, and the estimate and
 * interval scaled back; an estimate or bound beyond the range of a double is refused.
 */
public final class PairedTTest {
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;
    private final boolean series;

    private PairedTTest(double alpha, double confidenceLevel, Alternative alternative) {
        this(alpha, confidenceLevel, alternative, false);
    }

    private PairedTTest(double alpha, double confidenceLevel, Alternative alternative, boolean series) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.series = series;
    }

    /**
     * A copy that takes the differences as a series in time order: the variance of their mean is
     * widened for their bias-corrected AR(1) φ, with n_eff − 1 df ({@link SerialGroup}); flagged
     * approximate where td's simulation measured the test liberal.
     */
    public PairedTTest forSeries() {
        return new PairedTTest(alpha, confidenceLevel, alternative, true);
    }

    /** alpha 0.05, 95 % intervals, two-sided. */
    public static PairedTTest withDefaults() {
        return new PairedTTest(0.05, 0.95, Alternative.TWO_SIDED);
    }

    public PairedTTest withAlpha(double alpha) {
        return new PairedTTest(alpha, confidenceLevel, alternative, series);
    }

    public PairedTTest withConfidenceLevel(double level) {
        return new PairedTTest(alpha, level, alternative, series);
    }

    public PairedTTest withAlternative(Alternative alternative) {
        return new PairedTTest(alpha, confidenceLevel, alternative, series);
    }

    /** Tests mean(a − b) = 0 for paired observations. */
    public HypothesisTest test(double[] a, double[] b) {
        double[] d = Inputs.pairedDifferences(a, b);
        int exponent = Sums.largestExponent(a, b);
        double[] scaled = BinaryScale.differences(a, b, -exponent);
        if (constant(scaled)) {
            // d (±∞ where a difference exceeds ±1.8e308) is then constant too, and names its value in the refusal
            Inputs.requireNotConstant("differences a - b", d);
        }
        return run(
                "Paired t-test",
                scaled,
                0,
                exponent,
                "differences a - b",
                "the mean difference mean(a - b)",
                "a and b");
    }

    /** Tests mean(values) = {@code mu}. */
    public HypothesisTest testMean(double[] values, double mu) {
        Inputs.requireFinite("values", values, 2);
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, was " + mu);
        }
        Inputs.requireNotConstant("values", values);
        int exponent = Sums.largestExponent(values);
        return run(
                "One-sample t-test",
                Sums.scalb(values, -exponent),
                Math.scalb(mu, -exponent),
                exponent,
                "values",
                "the mean of values",
                "values");
    }

    /**
     * The test on d and mu times 2^−exponent ({@link BinaryScale}); {@code estimate} and {@code inputs} name the
     * estimate and the fields to rescale in a refusal when the estimate or a bound is beyond the range of a double.
     */
    private HypothesisTest run(
            String method, double[] d, double mu, int exponent, String field, String estimate, String inputs) {
        int n = d.length;
        double mean = Sums.mean(d);
        double sd = Math.sqrt(Sums.sumOfSquaredDeviations(d, mean) / (n - 1));
        SerialGroup group = SerialGroup.of(d, series);
        double se = sd * Math.sqrt(group.varianceMultiplier() / n);
        double t = (mean - mu) / se;
        double df = Math.max(1, group.effectiveN() - 1);
        Estimate scaledBack = new Estimate(
                BinaryScale.back(mean, exponent, estimate, inputs),
                BinaryScale.back(
                        Probabilities.tInterval(mean, se, df, confidenceLevel, alternative),
                        exponent,
                        estimate,
                        inputs),
                n);
        double dz = (mean - mu) / sd;
        double dzSe = Math.sqrt(1.0 / n + dz * dz / (2.0 * n));
        double z = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2);
        EffectSize effect =
                new EffectSize("Cohen's d_z", dz, new Interval(dz - z * dzSe, dz + z * dzSe, confidenceLevel));
        List<Assumption> assumptions = new java.util.ArrayList<>(
                List.of(ShapiroWilkTest.withDefaults().withAlpha(alpha).check(field, d)));
        Quality quality;
        if (series) {
            assumptions.add(group.independence(field, confidenceLevel, true));
            quality = Quality.ran(SampleSize.classify(n, 2, 10), confidenceLevel, assumptions)
                    .withApproximation(SimulatedCoverage.forSeries(
                            SimulatedCoverage.Kind.PAIRED, n, group.phi(), group.effectiveN()));
            method = group.phi() > 0 ? method + " (variance widened for AR(1) serial correlation)" : method;
        } else {
            quality = Quality.ran(SampleSize.classify(n, 2, 10), confidenceLevel, assumptions);
        }
        return new HypothesisTest(
                method,
                t,
                OptionalDouble.of(df),
                Probabilities.tPValue(t, df, alternative),
                alternative,
                alpha,
                Optional.of(scaledBack),
                Optional.of(effect),
                quality);
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
