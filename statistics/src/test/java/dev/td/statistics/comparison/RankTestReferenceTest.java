package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.HypothesisTest;
import org.junit.jupiter.api.Test;

class RankTestReferenceTest {

    // R ?wilcox.test example (Hollander & Wolfe 1973, p. 69, permeability constants):
    // wilcox.test(x, y, alternative = "g") → W = 35, p-value = 0.1272. Exact: P(U ≥ 35) = 382/3003, counted
    // by enumerating all C(15, 5) rank assignments outside td; compared at 1e-12
    private static final double[] PERMEABILITY_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    private static final double[] PERMEABILITY_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

    // R ?wilcox.test example (Hollander & Wolfe 1973, p. 29, Hamilton depression scale before/after):
    // wilcox.test(x, y, paired = TRUE, alternative = "greater") → V = 40, p-value = 0.01953. Exact: the negative
    // differences have ranks 2 and 3; P(V ≥ 40) = #(rank subsets summing to ≤ 5)/2⁹ = 10/512; compared at 1e-12
    private static final double[] DEPRESSION_X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    private static final double[] DEPRESSION_Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    @Test
    void mannWhitneyMatchesRWilcoxTestOnThePermeabilityData() {
        HypothesisTest test = MannWhitneyTest.withDefaults()
                .withAlternative(Alternative.GREATER)
                .test(PERMEABILITY_X, PERMEABILITY_Y);
        assertThat(test.method()).isEqualTo("Mann-Whitney U test (exact)");
        assertThat(test.statistic()).isEqualTo(35);
        assertThat(test.pValue()).isCloseTo(382.0 / 3003, within(1e-12));
        // rank-biserial r = 2U/(n1·n2) − 1 = 70/50 − 1 (Kerby 2014), exact
        assertThat(test.effectSize().orElseThrow().value()).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void wilcoxonSignedRankMatchesRWilcoxTestOnTheDepressionData() {
        HypothesisTest test = WilcoxonSignedRankTest.withDefaults()
                .withAlternative(Alternative.GREATER)
                .test(DEPRESSION_X, DEPRESSION_Y);
        assertThat(test.method()).isEqualTo("Wilcoxon signed-rank test (exact)");
        assertThat(test.statistic()).isEqualTo(40);
        assertThat(test.pValue()).isCloseTo(10.0 / 512, within(1e-12));
    }

    @Test
    void twoSidedWilcoxonDoublesTheSmallerTail() {
        // Same data, two-sided: 2 · 10/512 (exact null distribution is symmetric), compared at 1e-12
        HypothesisTest test = WilcoxonSignedRankTest.withDefaults().test(DEPRESSION_X, DEPRESSION_Y);
        assertThat(test.pValue()).isCloseTo(20.0 / 512, within(1e-12));
    }

    @Test
    void pairedComparisonRunsTheTTestWhenDifferencesLookNormal() {
        // pingouin_welch_vs_R also_paired: R t.test(x, y, paired = TRUE) → t = -2.44451, df = 5, p = 0.05833 (5 dp)
        double[] x = {4, 7, 8, 6, 3, 2};
        double[] y = {6, 8, 7, 10, 11, 9};
        HypothesisTest test =
                PairedComparison.withDefaults().withIndependentObservations().compare(x, y);
        assertThat(test.method()).isEqualTo("Paired t-test");
        assertThat(test.statistic()).isCloseTo(-2.44451, within(5e-6));
        assertThat(test.pValue()).isCloseTo(0.05833, within(5e-6));
        assertThat(test.quality().notRunReason()).isEmpty();
    }

    @Test
    void pairedComparisonFallsBackToWilcoxonWhenDifferencesAreConstant() {
        // Every difference is +1: the t statistic is undefined (SD 0), the signed-rank test is not.
        // Exact: V = 1+…+6 = 21, two-sided p = 2 · 1/2⁶ = 0.03125
        double[] a = {2, 3, 4, 5, 6, 7};
        double[] b = {1, 2, 3, 4, 5, 6};
        HypothesisTest test = PairedComparison.withDefaults().compare(a, b);
        assertThat(test.method()).startsWith("Wilcoxon signed-rank test");
        assertThat(test.statistic()).isEqualTo(21);
        assertThat(test.quality().notRunReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("paired t-test not run: normality of differences a - b not checked"));
    }
}
