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
 * Two independent samples compared by Welch's t-test (Welch 1947; df by Welch–Satterthwaite), or
 * Student's pooled-variance t-test via {@link #assumingEqualVariances()}. Matches R's
 * {@code t.test(x, y)} / {@code t.test(x, y, var.equal = TRUE)}.
 *
 * <p>The estimate is mean(a) − mean(b) with its t interval. The effect size is Hedges' g =
 * J·d, d = (mean(a) − mean(b)) / s_pooled, with the approximate small-sample correction
 * J = 1 − 3/(4(n1 + n2) − 9) (Hedges 1981; Hedges &amp; Olkin 1985 eq. 5.4.3, as in R effsize) and a
 * normal interval with SE = sqrt((n1+n2)/(n1·n2) + g²/(2(n1+n2))) (Hedges &amp; Olkin 1985 eq. 5.4.4).
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

    private WelchTest(double alpha, double confidenceLevel, Alternative alternative, boolean pooled) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.pooled = pooled;
    }

    /** alpha 0.05, 95 % intervals, two-sided, Welch (unequal variances). */
    public static WelchTest withDefaults() {
        return new WelchTest(0.05, 0.95, Alternative.TWO_SIDED, false);
    }

    public WelchTest withAlpha(double alpha) {
        return new WelchTest(alpha, confidenceLevel, alternative, pooled);
    }

    public WelchTest withConfidenceLevel(double level) {
        return new WelchTest(alpha, level, alternative, pooled);
    }

    public WelchTest withAlternative(Alternative alternative) {
        return new WelchTest(alpha, confidenceLevel, alternative, pooled);
    }

    /** A copy running Student's t-test with pooled variance. */
    public WelchTest assumingEqualVariances() {
        return new WelchTest(alpha, confidenceLevel, alternative, true);
    }

    /** Tests mean(a) − mean(b) = 0. */
    public HypothesisTest test(double[] a, double[] b) {
        int minimum = pooled ? 1 : 2;
        Inputs.requireFinite("a", a, minimum);
        Inputs.requireFinite("b", b, minimum);
        if (a.length + b.length < 3) {
            throw new IllegalArgumentException("a and b need at least 3 values in total for a pooled t-test");
        }
        double ma = Sums.mean(a);
        double mb = Sums.mean(b);
        double va = a.length > 1 ? Sums.sumOfSquaredDeviations(a, ma) / (a.length - 1) : 0;
        double vb = b.length > 1 ? Sums.sumOfSquaredDeviations(b, mb) / (b.length - 1) : 0;
        if (va == 0 && vb == 0) {
            throw new IllegalArgumentException(
                    "a and b are both constant: the t statistic is undefined;" + " compare the values directly");
        }
        int na = a.length;
        int nb = b.length;
        double pooledVar = ((na - 1) * va + (nb - 1) * vb) / (na + nb - 2);
        double se;
        double df;
        if (pooled) {
            se = Math.sqrt(pooledVar * (1.0 / na + 1.0 / nb));
            df = na + nb - 2;
        } else {
            double sa = va / na;
            double sb = vb / nb;
            se = Math.sqrt(sa + sb);
            df = (sa + sb) * (sa + sb) / (sa * sa / (na - 1) + sb * sb / (nb - 1));
        }
        double diff = ma - mb;
        double t = diff / se;
        Interval ci = Probabilities.tInterval(diff, se, df, confidenceLevel, alternative);
        ShapiroWilkTest normality = ShapiroWilkTest.withDefaults().withAlpha(alpha);
        List<Assumption> assumptions = List.of(normality.check("a", a), normality.check("b", b));
        Quality quality = Quality.ran(SampleSize.classify(Math.min(na, nb), minimum, 10), confidenceLevel, assumptions);
        String method = pooled ? "Student two-sample t-test (pooled variance)" : "Welch two-sample t-test";
        return new HypothesisTest(
                method,
                t,
                OptionalDouble.of(df),
                Probabilities.tPValue(t, df, alternative),
                alternative,
                alpha,
                Optional.of(new Estimate(diff, ci, na + nb)),
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
