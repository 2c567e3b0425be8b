package dev.td.statistics.comparison;

import dev.td.statistics.Alternative;
import dev.td.statistics.Approximation;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.descriptive.ShapiroWilkTest;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Sums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares paired observations with the right test for the data: the paired t-test when the
 * differences a − b pass the Shapiro–Wilk normality check, otherwise the Wilcoxon signed-rank test,
 * with {@link Quality#notRunReason()} giving the W/p that failed normality. The paired counterpart
 * of {@link TwoGroupComparison}. The normality check and both tests give the same answer at any
 * scale of the data (values near 1e300 or 1e-300 included; see {@link PairedTTest}).
 */
public final class PairedComparison {
    private final double alpha;
    private final double confidenceLevel;
    private final Alternative alternative;
    private final boolean series;

    private PairedComparison(double alpha, double confidenceLevel, Alternative alternative, boolean series) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
        this.alternative = Inputs.requireGiven("alternative", alternative);
        this.series = series;
    }

    /**
     * alpha 0.05 for both the normality check and the test, 95 % intervals, two-sided; the pairs taken
     * as a series in time order (serial correlation of the differences accounted for, see
     * {@link PairedTTest#forSeries()}).
     */
    public static PairedComparison withDefaults() {
        return new PairedComparison(0.05, 0.95, Alternative.TWO_SIDED, true);
    }

    public PairedComparison withAlpha(double alpha) {
        return new PairedComparison(alpha, confidenceLevel, alternative, series);
    }

    public PairedComparison withConfidenceLevel(double level) {
        return new PairedComparison(alpha, level, alternative, series);
    }

    public PairedComparison withAlternative(Alternative alternative) {
        return new PairedComparison(alpha, confidenceLevel, alternative, series);
    }

    /** A copy for independent pairs (not a series): the classical paired t and Wilcoxon tests. */
    public PairedComparison withIndependentObservations() {
        return new PairedComparison(alpha, confidenceLevel, alternative, false);
    }

    /** Paired t-test if the differences look normal, else Wilcoxon signed-rank (see class doc). */
    public HypothesisTest compare(double[] a, double[] b) {
        double[] d = Inputs.pairedDifferences(a, b);
        int exponent = Sums.largestExponent(a, b);
        // W is scale-free; the scaled differences stay finite where a − b would exceed ±1.8e308
        Assumption normality = ShapiroWilkTest.withDefaults()
                .withAlpha(alpha)
                .check("differences a - b", BinaryScale.differences(a, b, -exponent));
        if (ShapiroWilkTest.permitsNormalTheory(normality, d.length)) {
            PairedTTest t = PairedTTest.withDefaults()
                    .withAlpha(alpha)
                    .withConfidenceLevel(confidenceLevel)
                    .withAlternative(alternative);
            return (series ? t.forSeries() : t).test(a, b);
        }
        // ranks are scale-free, but scaling rounds values below 2^-1022; scale only when a difference overflows
        boolean overflows = Arrays.stream(d).anyMatch(Double::isInfinite);
        HypothesisTest robust = WilcoxonSignedRankTest.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(confidenceLevel)
                .withAlternative(alternative)
                .test(overflows ? Sums.scalb(a, -exponent) : a, overflows ? Sums.scalb(b, -exponent) : b);
        List<Assumption> assumptions = new ArrayList<>(List.of(normality));
        assumptions.addAll(robust.quality().assumptions());
        Optional<Approximation> approximation = Optional.empty();
        if (series) {
            SerialGroup group = SerialGroup.of(BinaryScale.differences(a, b, -exponent), true);
            assumptions.add(group.independence("differences a - b", confidenceLevel, true));
            approximation = SimulatedCoverage.forRankTestOnSeries(SimulatedCoverage.Kind.PAIRED, d.length, group.phi());
        }
        Quality quality = new Quality(
                robust.quality().sampleSize(),
                confidenceLevel,
                assumptions,
                Optional.of("paired t-test not run: " + normality.name()
                        + (normality.failed() ? " failed (" : " not checked (") + normality.detail()
                        + "); ran Wilcoxon signed-rank instead"),
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
