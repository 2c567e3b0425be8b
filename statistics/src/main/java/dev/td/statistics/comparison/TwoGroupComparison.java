package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Approximation;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final boolean series;

    private TwoGroupComparison(double alpha, double confidenceLevel, Alternative alternative, boolean series) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = confidenceLevel;
        this.alternative = alternative;
        this.series = series;
        WelchTest w = WelchTest.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(confidenceLevel)
                .withAlternative(alternative);
        this.welch = series ? w.forSeries() : w;
        this.mannWhitney = MannWhitneyTest.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(confidenceLevel)
                .withAlternative(alternative);
    }

    /**
     * alpha 0.05 for both the normality check and the test, 95 % intervals, two-sided; each group
     * taken as a series in time order (serial correlation accounted for, see {@link WelchTest#forSeries()}).
     */
    public static TwoGroupComparison withDefaults() {
        return new TwoGroupComparison(0.05, 0.95, Alternative.TWO_SIDED, true);
    }

    public TwoGroupComparison withAlpha(double alpha) {
        return new TwoGroupComparison(alpha, confidenceLevel, alternative, series);
    }

    public TwoGroupComparison withConfidenceLevel(double level) {
        return new TwoGroupComparison(alpha, level, alternative, series);
    }

    public TwoGroupComparison withAlternative(Alternative alternative) {
        return new TwoGroupComparison(alpha, confidenceLevel, alternative, series);
    }

    /** A copy for groups of independent values (not series): the classical Welch and Mann–Whitney tests. */
    public TwoGroupComparison withIndependentObservations() {
        return new TwoGroupComparison(alpha, confidenceLevel, alternative, false);
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
        Optional<Approximation> approximation = Optional.empty();
        if (series) {
            SerialGroup ga = SerialGroup.of(a, true);
            SerialGroup gb = SerialGroup.of(b, true);
            assumptions.add(ga.independence("a", confidenceLevel, true));
            assumptions.add(gb.independence("b", confidenceLevel, true));
            approximation = SimulatedCoverage.forRankTestOnSeries(
                    SimulatedCoverage.Kind.TWO_GROUPS, Math.min(a.length, b.length), Math.max(ga.phi(), gb.phi()));
        }
        Quality quality = new Quality(
                robust.quality().sampleSize(),
                robust.quality().confidenceLevel(),
                assumptions,
                Optional.of(
                        "Welch t-test not run: " + failed.name() + (failed.failed() ? " failed (" : " not checked (")
                                + failed.detail() + "); ran Mann-Whitney U instead"),
                approximation);
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
