package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import org.junit.jupiter.api.Test;

/**
 * The one-sample t-test against a non-zero mean, and the settings (alternative, alpha, level) that the choosing
 * comparisons pass on to the test they run. Expected values from SciPy 1.17 ({@code scipy.stats.ttest_1samp},
 * {@code ttest_ind(equal_var=False)}, {@code shapiro}) and the Hedges &amp; Olkin d_z interval evaluated in Python.
 */
class ComparisonSettingsTest {
    private static final double[] G1 = {5.1, 4.8, 6.0, 5.5, 4.9, 5.7, 6.2, 5.0};
    private static final double[] G2 = {4.2, 4.9, 3.8, 4.5, 5.1, 4.0, 4.4};

    // scipy.stats.ttest_1samp(G1, 5): t = 2.138089935299397, p = 0.06983099161718628, 95 % interval of the mean
    // [4.957619310104153, 5.8423806898958475]; alternative='greater' p = 0.03491549580859314
    @Test
    void theOneSampleTestMeasuresTheMeanAgainstMu() {
        HypothesisTest test = PairedTTest.withDefaults().testMean(G1, 5);
        assertThat(test.method()).isEqualTo("One-sample t-test");
        assertThat(test.statistic()).isCloseTo(2.138089935299397, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.06983099161718628, within(1e-12));
        assertThat(test.estimate().orElseThrow().ci().lower()).isCloseTo(4.957619310104153, within(1e-12));
        assertThat(test.estimate().orElseThrow().ci().upper()).isCloseTo(5.8423806898958475, within(1e-12));
        assertThat(PairedTTest.withDefaults()
                        .withAlternative(Alternative.GREATER)
                        .testMean(G1, 5)
                        .pValue())
                .isCloseTo(0.03491549580859314, within(1e-12));
    }

    // d_z = (mean − 5)/sd = 0.7559289460184551; SE sqrt(1/8 + d_z²/16); ± 1.959963984540054·SE →
    // [−0.029804666899242993, 1.541662558936153]
    @Test
    void cohensDzIsTheStandardisedDistanceFromMuWithItsNormalInterval() {
        EffectSize dz = PairedTTest.withDefaults().testMean(G1, 5).effectSize().orElseThrow();
        assertThat(dz.measure()).isEqualTo("Cohen's d_z");
        assertThat(dz.value()).isCloseTo(0.7559289460184551, within(1e-12));
        assertThat(dz.ci().lower()).isCloseTo(-0.029804666899242993, within(1e-12));
        assertThat(dz.ci().upper()).isCloseTo(1.541662558936153, within(1e-12));
    }

    @Test
    void theOneSampleTestRefusesBadValuesOrMuAndConstantData() {
        assertThatThrownBy(() -> PairedTTest.withDefaults().testMean(new double[] {1, Double.NaN}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values[1] is NaN");
        assertThatThrownBy(() -> PairedTTest.withDefaults().testMean(G1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mu must be finite, was Infinity");
        assertThatThrownBy(() -> PairedTTest.withDefaults().testMean(new double[] {3, 3, 3}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values is constant");
    }

    // Both groups pass Shapiro–Wilk (p 0.401 and 0.879): Welch runs with the requested settings.
    // scipy.stats.ttest_ind(G1, G2, equal_var=False, alternative='greater'): t = 3.8323477739049556,
    // p = 0.0010385706007173575; its 90 % one-sided interval starts at 0.6384314730990561
    @Test
    void twoNormalGroupsAreComparedByWelchWithTheRequestedSettings() {
        HypothesisTest test = TwoGroupComparison.withDefaults()
                .withAlternative(Alternative.GREATER)
                .withAlpha(0.01)
                .withConfidenceLevel(0.9)
                .compare(G1, G2);
        assertThat(test.method()).isEqualTo("Welch two-sample t-test");
        assertThat(test.statistic()).isCloseTo(3.8323477739049556, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.0010385706007173575, within(1e-12));
        assertThat(test.alternative()).isEqualTo(Alternative.GREATER);
        assertThat(test.alpha()).isEqualTo(0.01);
        assertThat(test.estimate().orElseThrow().ci().lower()).isCloseTo(0.6384314730990561, within(1e-12));
        assertThat(test.estimate().orElseThrow().ci().upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(test.quality().notRunReason()).isEmpty();
    }

    // b = {1, 1, 1, 1, 10} fails normality (SciPy shapiro p = 0.000131); a passes; the reason names b
    @Test
    void whenOnlyTheSecondGroupFailsNormalityTheReasonNamesIt() {
        HypothesisTest test = TwoGroupComparison.withDefaults()
                .withIndependentObservations()
                .withAlternative(Alternative.LESS)
                .compare(G1, new double[] {1, 1, 1, 1, 10});
        assertThat(test.method()).startsWith("Mann-Whitney U test");
        assertThat(test.alternative()).isEqualTo(Alternative.LESS);
        assertThat(test.quality().notRunReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("Welch t-test not run: normality of b failed (")
                        .endsWith("); ran Mann-Whitney U instead"));
        assertThat(test.quality().assumptions()).hasSize(3);
    }

    @Test
    void twoGroupComparisonNeedsTwoFiniteValuesPerGroup() {
        assertThatThrownBy(() -> TwoGroupComparison.withDefaults().compare(new double[] {1}, G2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 2 values, got 1");
        assertThatThrownBy(() -> TwoGroupComparison.withDefaults().compare(G1, new double[] {3}))
                .as("Mann-Whitney alone would accept one value; the comparison needs two")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b needs at least 2 values, got 1");
        assertThatThrownBy(() -> TwoGroupComparison.withDefaults().compare(G1, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[1] is NaN");
    }

    // Differences G1[0..7) − G2 pass normality: the paired t-test runs with the requested alternative, alpha and level
    @Test
    void pairedComparisonPassesItsSettingsToTheTestItRuns() {
        double[] a = {5.1, 4.8, 6.0, 5.5, 4.9, 5.7, 6.2};
        HypothesisTest test = PairedComparison.withDefaults()
                .withAlternative(Alternative.LESS)
                .withAlpha(0.1)
                .withConfidenceLevel(0.8)
                .compare(a, G2);
        assertThat(test.method()).isEqualTo("Paired t-test");
        assertThat(test.alternative()).isEqualTo(Alternative.LESS);
        assertThat(test.alpha()).isEqualTo(0.1);
        assertThat(test.quality().confidenceLevel()).isEqualTo(0.8);
        assertThat(test.estimate().orElseThrow().ci().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
