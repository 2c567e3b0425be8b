package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.Estimate;
import dev.td.statistics.HypothesisTest;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The t-tests and the comparisons give the same t, df, p and normality checks for data near 1e300 or 1e-300 as for
 * the same data near 1, with the estimate and its interval scaled by the same factor; what cannot be represented is
 * refused, naming the inputs. References: R's sleep data (datasets/data/sleep.R) through SciPy 1.17.1
 * {@code ttest_ind(equal_var=False)}, {@code ttest_rel}, {@code ttest_1samp} and {@code shapiro} at scale 1; t, df, p
 * and W are invariant under x → c·x (c > 0) and the estimate and interval scale with c. Relative tolerance 1e-12 (the
 * scaled inputs x·c are themselves rounded) for t, df, p; see {@link #assertBound} and {@link #assertW} for interval
 * bounds and W.
 */
class ComparisonScaleTest {
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    private static double[] times(double[] values, double scale) {
        return Arrays.stream(values).map(v -> v * scale).toArray();
    }

    private static void assertRelative(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    /** An interval bound: commons-math solves the t quantile to 1e-9 (TDistribution's default accuracy). */
    private static void assertBound(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    /** W: SciPy's differs from a double evaluation of AS R94 by up to about 1e-9 (see ShapiroWilkScipyTest). */
    private static void assertW(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9));
    }

    // SciPy ttest_ind(sleep1, sleep2, equal_var=False): t = -1.8608134674868526, df = 17.776473516178488,
    // p = 0.0793941401873583, 95 % CI [-3.3654832307117104, 0.20548323071171137]; estimate 0.75 − 2.33 = −1.58.
    // shapiro: W(sleep1) = 0.9258060286233032, W(sleep2) = 0.9192977011993819 (p 0.41 and 0.35: both normal)
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e300, 1e-300, 0x1p1000, 0x1p-1000})
    void welchGivesTheSameTestAtAnyScaleAndScalesTheEstimate(double scale) {
        // the sleep data are subjects, not a series
        HypothesisTest test = TwoGroupComparison.withDefaults()
                .withIndependentObservations()
                .compare(times(SLEEP_1, scale), times(SLEEP_2, scale));
        assertThat(test.method()).as("not switched to Mann-Whitney").isEqualTo("Welch two-sample t-test");
        assertRelative(test.statistic(), -1.8608134674868526, "t");
        assertRelative(test.degreesOfFreedom().orElseThrow(), 17.776473516178488, "df");
        assertRelative(test.pValue(), 0.0793941401873583, "p");
        Estimate estimate = test.estimate().orElseThrow();
        assertRelative(estimate.value(), -1.58 * scale, "estimate");
        assertBound(estimate.ci().lower(), -3.3654832307117104 * scale, "lower");
        assertBound(estimate.ci().upper(), 0.20548323071171137 * scale, "upper");
        assertThat(test.quality().assumptions().stream().map(a -> a.statistic().orElseThrow()))
                .satisfiesExactly(
                        w -> assertW(w, 0.9258060286233032, "W of a"), w -> assertW(w, 0.9192977011993819, "W of b"));
    }

    // Law: scaling by a power of two is exact, so t, df and p are bit for bit those at scale 1 and the interval is
    // exactly 2^k times the one at scale 1
    @Test
    void atAPowerOfTwoScaleWelchIsExactlyTheUnscaledTest() {
        HypothesisTest one = WelchTest.withDefaults().test(SLEEP_1, SLEEP_2);
        HypothesisTest huge = WelchTest.withDefaults().test(times(SLEEP_1, 0x1p1000), times(SLEEP_2, 0x1p1000));
        assertThat(huge.statistic()).isEqualTo(one.statistic());
        assertThat(huge.degreesOfFreedom()).isEqualTo(one.degreesOfFreedom());
        assertThat(huge.pValue()).isEqualTo(one.pValue());
        assertThat(huge.effectSize()).isEqualTo(one.effectSize());
        Estimate e = one.estimate().orElseThrow();
        assertThat(huge.estimate().orElseThrow().ci().lower()).isEqualTo(Math.scalb(e.ci().lower(), 1000));
        assertThat(huge.estimate().orElseThrow().ci().upper()).isEqualTo(Math.scalb(e.ci().upper(), 1000));
    }

    // SciPy ttest_rel(sleep1, sleep2): t = -4.062127683382037, df 9, p = 0.002832890197384273, 95 % CI
    // [-2.459885763276983, -0.7001142367230175], mean difference −1.58. shapiro(sleep1 − sleep2): W =
    // 0.8298713320953406, p = 0.0333416087851211, so at alpha 0.01 the paired t-test runs.
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e300, 1e-300})
    void thePairedTTestGivesTheSameTestAtAnyScale(double scale) {
        HypothesisTest test =
                PairedComparison.withDefaults().withAlpha(0.01).compare(times(SLEEP_1, scale), times(SLEEP_2, scale));
        assertThat(test.method()).isEqualTo("Paired t-test");
        assertRelative(test.statistic(), -4.062127683382037, "t");
        assertRelative(test.pValue(), 0.002832890197384273, "p");
        assertRelative(test.estimate().orElseThrow().value(), -1.58 * scale, "mean difference");
        assertBound(test.estimate().orElseThrow().ci().lower(), -2.459885763276983 * scale, "lower");
        assertBound(test.estimate().orElseThrow().ci().upper(), -0.7001142367230175 * scale, "upper");
        Assumption normality = test.quality().assumptions().getFirst();
        assertW(normality.statistic().orElseThrow(), 0.8298713320953406, "W");
        assertThat(normality.pValue().orElseThrow()).as("p of W").isCloseTo(0.0333416087851211, within(1e-8));
    }

    // SciPy ttest_1samp(sleep2, 1): t = 2.1005528498187123, p = 0.06505988566809559, 95 % CI of the mean
    // [0.8976775393767051, 3.7623224606232943]
    @Test
    void theOneSampleTestAtATinyScaleIsTheTestAtScaleOne() {
        HypothesisTest test = PairedTTest.withDefaults().testMean(times(SLEEP_2, 1e-300), 1e-300);
        assertRelative(test.statistic(), 2.1005528498187123, "t");
        assertRelative(test.pValue(), 0.06505988566809559, "p");
        assertBound(test.estimate().orElseThrow().ci().lower(), 0.8976775393767051 * 1e-300, "lower");
        assertBound(test.estimate().orElseThrow().ci().upper(), 3.7623224606232943 * 1e-300, "upper");
    }

    // a − b = ±3e308 in 50 pairs each: every difference is beyond the range of a double, yet the test is defined.
    // By hand: mean 0, so t = 0 and p = 1; sd = 3e308·sqrt(100/99), se = sd/10; the 95 % interval is
    // ± qt(0.975, 99)·se = ± 1.9842169515864174 · 3.0151134e307 = ± 5.98263921006812e307 (SciPy t.ppf).
    // Wilcoxon: 100 tied |d|, V = 50 · 50.5 = 2525 = n(n+1)/4, so z = 0 and p = 1; the two-point differences fail
    // Shapiro–Wilk, so PairedComparison runs it.
    @Test
    void differencesBeyondTheRangeOfADoubleAreTestedOnTheirScaledValues() {
        double[] a = DoubleStream.iterate(1.5e308, v -> -v).limit(100).toArray();
        double[] b = Arrays.stream(a).map(v -> -v).toArray();
        HypothesisTest t = PairedTTest.withDefaults().test(a, b);
        assertThat(t.statistic()).isZero();
        assertThat(t.pValue()).isEqualTo(1);
        assertThat(t.estimate().orElseThrow().value()).isZero();
        assertBound(t.estimate().orElseThrow().ci().upper(), 5.98263921006812e307, "upper");
        assertBound(t.estimate().orElseThrow().ci().lower(), -5.98263921006812e307, "lower");
        HypothesisTest chosen = PairedComparison.withDefaults().compare(a, b);
        assertThat(chosen.method()).startsWith("Wilcoxon signed-rank test");
        assertThat(chosen.statistic()).isEqualTo(2525);
        assertThat(chosen.pValue()).isEqualTo(1);
        assertThat(chosen.quality().assumptions().getFirst().failed()).isTrue();
    }

    // mean(a) − mean(b) = 1.675e308 − (−1.675e308) = 3.35e308 > Double.MAX_VALUE ≈ 1.7977e308
    @Test
    void aDifferenceOfMeansBeyondTheRangeOfADoubleIsRefusedNamingTheInputs() {
        double[] a = {1.7e308, 1.6e308, 1.75e308, 1.65e308};
        double[] b = {-1.7e308, -1.6e308, -1.75e308, -1.65e308};
        assertThatThrownBy(() -> WelchTest.withDefaults().test(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the difference of means mean(a) - mean(b) is beyond the range of a double")
                .hasMessageContaining("divide a and b by a common factor such as 1e10");
    }

    // SciPy ttest_ind(a/1e300, b/1e300, equal_var=False): 95 % CI [-18098910.920710623, 218098910.92071062], i.e.
    // [-1.81e307, 2.18e308] at full scale: the upper bound is not a double. Its one-sided interval (greater) is
    // [1.822084578722872e307, ∞), which is.
    @Test
    void anIntervalBoundBeyondTheRangeOfADoubleIsRefusedButAnUnboundedSideIsNot() {
        double[] a = {1.0e308, 0.5e308, 1.5e308};
        double[] b = {-0.1e308, 0.1e308, 0};
        assertThatThrownBy(() -> WelchTest.withDefaults().test(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the upper bound of the 95 % interval of the difference of means"
                        + " mean(a) - mean(b) is beyond the range of a double");
        HypothesisTest greater =
                WelchTest.withDefaults().withAlternative(Alternative.GREATER).test(a, b);
        assertBound(greater.estimate().orElseThrow().ci().lower(), 1.822084578722872e307, "lower");
        assertThat(greater.estimate().orElseThrow().ci().upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertRelative(greater.statistic(), 3.396831102433787, "t");
    }
}
