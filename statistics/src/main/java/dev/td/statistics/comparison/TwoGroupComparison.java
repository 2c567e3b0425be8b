package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Inputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two independent groups with the right test for the data: Welch's t-test when both
 * groups pass the Shapiro–Wilk normality check, otherwise Mann–Whitney U, with
 * {@link Quality#notRunReason()} naming the group whose normality failed and the W/p that failed it.
 */
public final class TwoGroupComparison {
    private final WelchTest welch;
    private final MannWhitneyTest mannWhitney;
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;

    private TwoGroupComparison(double alpha, double confidenceLevel, Alternative alternative) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = confidenceLevel;
        this.alternative = alternative;
        this.welch = WelchTest.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(confidenceLevel)
                .withAlternative(alternative);
        this.mannWhitney = MannWhitneyTest.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(confidenceLevel)
                .withAlternative(alternative);
    }

    /** alpha 0.05 for both the normality check and the test, 95 % intervals, two-sided. */
    public static TwoGroupComparison withDefaults() {
        return new TwoGroupComparison(0.05, 0.95, Alternative.TWO_SIDED);
    }

    public TwoGroupComparison withAlpha(double alpha) {
        return new TwoGroupComparison(alpha, confidenceLevel, alternative);
    }

    public TwoGroupComparison withConfidenceLevel(double level) {
        return new TwoGroupComparison(alpha, level, alternative);
    }

    public TwoGroupComparison withAlternative(Alternative alternative) {
        return new TwoGroupComparison(alpha, confidenceLevel, alternative);
    }

    /** Welch's t-test if both groups look normal, else Mann–Whitney U (see class doc). */
    public HypothesisTest compare(double[] a, double[] b) {
        Inputs.requireFinite("a", a, 2);
        Inputs.requireFinite("b", b, 2);
        ShapiroWilkTest normality = ShapiroWilkTest.withDefaults().withAlpha(alpha);
        Assumption na = normality.check("a", a);
        Assumption nb = normality.check("b", b);
        if (ShapiroWilkTest.permitsNormalTheory(na, a.length) && ShapiroWilkTest.permitsNormalTheory(nb, b.length)) {
            return welch.test(a, b);
        }
        HypothesisTest robust = mannWhitney.test(a, b);
        List<Assumption> assumptions = new ArrayList<>(List.of(na, nb));
        assumptions.addAll(robust.quality().assumptions());
        Assumption failed = ShapiroWilkTest.permitsNormalTheory(na, a.length) ? nb : na;
        Quality quality = new Quality(
                robust.quality().sampleSize(),
                robust.quality().confidenceLevel(),
                assumptions,
                java.util.Optional.of(
                        "Welch t-test not run: " + failed.name() + (failed.failed() ? " failed (" : " not checked (")
                                + failed.detail() + "); ran Mann-Whitney U instead"));
        return new HypothesisTest(
                robust.method(),
                robust.statistic(),
                robust.degreesOfFreedom(),
                robust.pValue(),
                robust.alternative(),
                robust.alpha(),
                robust.estimate(),
                robust.effectSize(),
                quality);
    }
}
