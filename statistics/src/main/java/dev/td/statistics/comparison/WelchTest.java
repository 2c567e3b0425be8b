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
 * Two independent samples compared by Welch's t-test (Welch 1947; df by Welch–Satterthwaite), or
 * Student's pooled-variance t-test via {@link #assumingEqualVariances()}. Matches R's
 * {@code t.test(x, y)} / {@code t.test(x, y, var.equal = TRUE)}.
 *
 * <p>The estimate is mean(a) − mean(b) with its t interval. The effect size is Hedges' g =
 * J·d, d = (mean(a) − mean(b)) / s_pooled, with the approximate small-sample correction
 * J = 1 − 3/(4(n1 + n2) − 9) (Hedges 1981; Hedges &amp; Olkin 1985 eq. 5.4.3, as in R effsize) and a
 * normal interval with SE = sqrt((n1+n2)/(n1·n2) + g²/(2(n1+n2))) (Hedges &amp; Olkin 1985 eq. 5.4.4).
 *
 * <p>Scale: the means and variances are computed on a and b times one power of two (exact; see
 * {@link BinaryScale}), so data near 1e300 or 1e-300 give the t, df, p and effect size of the same
 * data near 1, and the estimate and interval scaled back; a difference or bound beyond the range of
 * a double is refused.
 *
 * <p>The test always runs when asked directly; normality of each group is checked by Shapiro–Wilk
 * and reported. Use {@link TwoGroupComparison} to get Mann–Whitney instead when normality fails.
 * Sample size: each group needs 2 values (Student: 1, with 3 in total); fewer than 10 in the smaller
 * group is MINIMAL.
 */
public final class WelchTest {
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;
    private final boolean pooled;
    private final boolean series;

    private WelchTest(double alpha, double confidenceLevel, Alternative alternative, boolean pooled, boolean series) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.pooled = pooled;
        this.series = series;
    }

    /** alpha 0.05, 95 % intervals, two-sided, Welch (unequal variances). */
    public static WelchTest withDefaults() {
        return new WelchTest(0.05, 0.95, Alternative.TWO_SIDED, false, false);
    }

    public WelchTest withAlpha(double alpha) {
        return new WelchTest(alpha, confidenceLevel, alternative, pooled, series);
    }

    public WelchTest withConfidenceLevel(double level) {
        return new WelchTest(alpha, level, alternative, pooled, series);
    }

    public WelchTest withAlternative(Alternative alternative) {
        return new WelchTest(alpha, confidenceLevel, alternative, pooled, series);
    }

    /**
     * A copy that takes each group as a series in time order: the variance of each mean is widened
     * for the group's bias-corrected AR(1) φ and the Welch–Satterthwaite df use the effective n
     * ({@link SerialGroup}); the result is flagged approximate where td's simulation measured the test
     * liberal (short or strongly persistent groups). Welch only (not pooled).
     */
    public WelchTest forSeries() {
        return new WelchTest(alpha, confidenceLevel, alternative, false, true);
    }

    /** A copy running Student's t-test with pooled variance. */
    public WelchTest assumingEqualVariances() {
        return new WelchTest(alpha, confidenceLevel, alternative, true, false);
    }

    /** Tests mean(a) − mean(b) = 0. */
    public HypothesisTest test(double[] a, double[] b) {
        int minimum = pooled ? 1 : 2;
        Inputs.requireFinite("a", a, minimum);
        Inputs.requireFinite("b", b, minimum);
        if (a.length + b.length < 3) {
            throw new IllegalArgumentException("a and b need at least 3 values in total for a pooled t-test");
        }
        int exponent = Sums.largestExponent(a, b);
        double[] scaledA = Sums.scalb(a, -exponent);
        double[] scaledB = Sums.scalb(b, -exponent);
        double ma = Sums.mean(scaledA);
        double mb = Sums.mean(scaledB);
        double va = a.length > 1 ? Sums.sumOfSquaredDeviations(scaledA, ma) / (a.length - 1) : 0;
        double vb = b.length > 1 ? Sums.sumOfSquaredDeviations(scaledB, mb) / (b.length - 1) : 0;
        if (va == 0 && vb == 0) {
            throw new IllegalArgumentException(
                    "a and b are both constant: the t statistic is undefined;" + " compare the values directly");
        }
        int na = a.length;
        int nb = b.length;
        SerialGroup ga = SerialGroup.of(scaledA, series);
        SerialGroup gb = SerialGroup.of(scaledB, series);
        double pooledVar = ((na - 1) * va + (nb - 1) * vb) / (na + nb - 2);
        double se;
        double df;
        if (pooled) {
            se = Math.sqrt(pooledVar * (1.0 / na + 1.0 / nb));
            df = na + nb - 2;
        } else {
            double sa = va * ga.varianceMultiplier() / na;
            double sb = vb * gb.varianceMultiplier() / nb;
            se = Math.sqrt(sa + sb);
            double dfa = Math.max(1, ga.effectiveN() - 1);
            double dfb = Math.max(1, gb.effectiveN() - 1);
            df = (sa + sb) * (sa + sb) / (sa * sa / dfa + sb * sb / dfb);
        }
        double diff = ma - mb;
        double t = diff / se;
        String what = "the difference of means mean(a) - mean(b)";
        Estimate estimate = new Estimate(
                BinaryScale.back(diff, exponent, what, "a and b"),
                BinaryScale.back(
                        Probabilities.tInterval(diff, se, df, confidenceLevel, alternative), exponent, what, "a and b"),
                na + nb);
        ShapiroWilkTest normality = ShapiroWilkTest.withDefaults().withAlpha(alpha);
        List<Assumption> assumptions =
                new java.util.ArrayList<>(List.of(normality.check("a", a), normality.check("b", b)));
        if (series) {
            assumptions.add(ga.independence("a", confidenceLevel, true));
            assumptions.add(gb.independence("b", confidenceLevel, true));
        }
        Quality quality = Quality.ran(SampleSize.classify(Math.min(na, nb), minimum, 10), confidenceLevel, assumptions);
        if (series) {
            quality = quality.withApproximation(SimulatedCoverage.forSeries(
                    SimulatedCoverage.Kind.TWO_GROUPS,
                    Math.min(na, nb),
                    Math.max(ga.phi(), gb.phi()),
                    Math.min(ga.effectiveN(), gb.effectiveN())));
        }
        String method = pooled
                ? "Student two-sample t-test (pooled variance)"
                : series && (ga.phi() > 0 || gb.phi() > 0)
                        ? "Welch two-sample t-test (variances widened for AR(1) serial correlation)"
                        : "Welch two-sample t-test";
        return new HypothesisTest(
                method,
                t,
                OptionalDouble.of(df),
                Probabilities.tPValue(t, df, alternative),
                alternative,
                alpha,
                Optional.of(estimate),
                Optional.of(hedgesG(diff / Math.sqrt(pooledVar), na, nb)),
                quality);
    }

    private EffectSize hedgesG(double d, int na, int nb) {
        int n = na + nb;
        double g = d * (1 - 3.0 / (4 * n - 9));
        double se = Math.sqrt((double) n / (na * (double) nb) + g * g / (2.0 * n));
        double z = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2);
        return new EffectSize(
                "Hedges' g (J = 1 - 3/(4(n1+n2) - 9))", g, new Interval(g - z * se, g + z * se, confidenceLevel));
    }
}
