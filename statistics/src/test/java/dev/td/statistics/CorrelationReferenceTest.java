package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cases from src/test/resources/stats/reference_values.json (ids in the comments). */
class CorrelationReferenceTest {
    private static final double[] TUNA_X = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
    private static final double[] TUNA_Y = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};

    // R_cor.test_tuna_pearson_greater: R cor.test(x, y, alternative = "greater"), r 7 digits, t/p 5, CI 7
    @Test
    void pearsonMatchesRCorTestOnHollanderWolfeData() {
        Correlation c = PearsonCorrelation.withDefaults()
                .withAlternative(Alternative.GREATER)
                .test(TUNA_X, TUNA_Y);
        assertThat(c.coefficient()).isCloseTo(0.5711816, within(5e-8));
        assertThat(c.statistic()).isCloseTo(1.8411, within(5e-5));
        assertThat(c.degreesOfFreedom().orElseThrow()).isEqualTo(7.0);
        assertThat(c.pValue()).isCloseTo(0.05409, within(5e-6));
        assertThat(c.ci().lower()).isCloseTo(-0.02223023, within(5e-9));
        assertThat(c.ci().upper()).isEqualTo(1.0);
    }

    // R_cor.test_tuna_spearman_greater: R exact permutation p 0.0484 (3 significant digits), S = 48
    @Test
    void spearmanUsesTheExactPermutationPValueForSmallSamplesLikeR() {
        Correlation c = SpearmanCorrelation.withDefaults()
                .withAlternative(Alternative.GREATER)
                .test(TUNA_X, TUNA_Y);
        assertThat(c.coefficient()).isCloseTo(0.6, within(1e-12));
        assertThat(c.statistic()).isEqualTo(48.0);
        assertThat(c.pValue()).isCloseTo(0.0484, within(5e-5));
    }

    // R_cor.test_tuna_kendall_greater: R exact p 0.05972 (4 significant digits), T = 26, tau 7 digits
    @Test
    void kendallUsesTheExactPValueForSmallSamplesLikeR() {
        Correlation c = KendallCorrelation.withDefaults()
                .withAlternative(Alternative.GREATER)
                .test(TUNA_X, TUNA_Y);
        assertThat(c.coefficient()).isCloseTo(0.4444444, within(5e-8));
        assertThat(c.statistic()).isEqualTo(26.0);
        assertThat(c.pValue()).isCloseTo(0.05972, within(5e-6));
    }

    // pingouin_corr_vs_R_correlation_pkg: R package correlation, 7 significant digits
    @Test
    void pearsonSpearmanAndKendallMatchRCorrelationPackageOnDataWithOutliers() {
        double[] x = {
            4.524991087851508,
            4.420531811767872,
            3.778970926584845,
            12.0,
            3.2553302798031223,
            4.649569372128418,
            2.951786225128683,
            4.591357332700219,
            1.0489956831264005,
            2.9292390843995104,
            2.6738018656932527,
            4.31118852334745,
            5.406716105951538,
            3.827585880548361,
            4.510669777362404,
            5.48020001172895,
            5.897501992923205,
            3.2481046204119224,
            3.6896719823018116,
            4.659839225398035,
            5.492978998780082,
            4.093017621645702,
            3.702447504183336,
            1.6755435235042087,
            2.1236637738250335,
            5.622025310958057,
            2.7972808778327707,
            3.495237872288203,
            2.418519025293012,
            2.184008274957259
        };
        double[] y = {
            7.417043974095821,
            5.073260861980091,
            7.2560606695752785,
            7.978672340219759,
            4.480094096479011,
            -8.0,
            4.380334906909793,
            6.202861741341518,
            5.004916622004917,
            5.274654700615849,
            6.007153126165779,
            7.362881992968021,
            6.836293821056158,
            4.549735015009455,
            5.7398927665282,
            4.977065819368747,
            7.271512763937,
            5.092800144396517,
            6.305237088575375,
            6.913523215921814,
            5.947704426177541,
            6.606245187335942,
            5.691865988238505,
            4.044863387178897,
            6.125520033132931,
            6.6929048900606105,
            4.083471867309398,
            6.451663151111775,
            5.988136943566943,
            5.140502156598062
        };
        Correlation p = PearsonCorrelation.withDefaults().test(x, y);
        assertThat(p.coefficient()).isCloseTo(0.1761221, within(5e-8));
        assertThat(p.pValue()).isCloseTo(0.3518659, within(5e-8));
        assertThat(p.ci().lower()).isCloseTo(-0.1966232, within(5e-8));
        assertThat(p.ci().upper()).isCloseTo(0.5043872, within(5e-8));
        assertThat(PearsonCorrelation.withDefaults()
                        .withAlternative(Alternative.GREATER)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.175933, within(5e-7));
        assertThat(PearsonCorrelation.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.824067, within(5e-7));
        Correlation s = SpearmanCorrelation.withDefaults().test(x, y);
        assertThat(s.coefficient()).isCloseTo(0.4740823, within(5e-8));
        assertThat(s.pValue()).isCloseTo(0.008129768, within(5e-10));
        assertThat(KendallCorrelation.withDefaults().test(x, y).coefficient()).isCloseTo(0.3517241, within(5e-8));
    }

    // scipy_pearson_vs_R_3.6.2: R 3.6.2 cor.test, 12 significant digits
    @Test
    void pearsonMatchesRForFourPoints() {
        double[] x = {1, 2, 3, 4};
        double[] y = {0, 1, 0.5, 1};
        Correlation c = PearsonCorrelation.withDefaults().test(x, y);
        assertThat(c.coefficient()).isCloseTo(0.6741998624632421, within(1e-14));
        assertThat(c.pValue()).isCloseTo(0.325800137536, within(1e-12));
        assertThat(c.ci().lower()).isCloseTo(-0.814938968841, within(1e-12));
        assertThat(c.ci().upper()).isCloseTo(0.99230697523, within(1e-11));
        assertThat(PearsonCorrelation.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.8370999312316, within(1e-12));
        assertThat(PearsonCorrelation.withDefaults()
                        .withAlternative(Alternative.GREATER)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.1629000687684, within(1e-12));
    }

    // scipy_pearson_mpmath_extreme: mpmath at 80 digits; compared at 1e-12 relative
    @Test
    void pearsonStaysAccurateForExtremeMagnitudes() {
        assertPearson(
                new double[] {0.004434375, 0.004756007, 0.003911996, 0.0038005, 0.003409971},
                new double[] {2.48e-188, 7.41e-181, 4.09e-208, 2.08e-223, 2.66e-245},
                0.727293054075045,
                0.1637805429533202);
        assertPearson(
                new double[] {0, 0, 0, 1e90, 1e90, 1e90, 1e90},
                new double[] {0, 1e90, 2e90, 3e90, 4e90, 5e90, 6e90},
                0.8660254037844386,
                0.011724811003954639);
        assertPearson(
                new double[] {2.3e200, 4.5e200, 6.7e200, 8e200},
                new double[] {1.2e199, 5.5e200, 3.3e201, 1e200},
                0.351312332103289,
                0.648687667896711);
        assertPearson(new double[] {-1, 0, 1}, new double[] {0, 0, 3}, 0.8660254037844386, 0.3333333333333333);
    }

    private static void assertPearson(double[] x, double[] y, double r, double p) {
        Correlation c = PearsonCorrelation.withDefaults().test(x, y);
        Digits.assertSignificant("r", c.coefficient(), r, 12);
        Digits.assertSignificant("p", c.pValue(), p, 12);
    }

    // scipy_spearman_vs_R_with_ties: R cor.test(method = "spearman", exact = FALSE), 12 significant digits
    @Test
    void spearmanWithTiesUsesMidRanksAndTheTApproximation() {
        Correlation c =
                SpearmanCorrelation.withDefaults().test(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertThat(c.coefficient()).isCloseTo(0.8207826816681233, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.0885870053135438, within(1e-12));
    }
}
