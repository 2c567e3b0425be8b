package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cases from src/test/resources/stats/reference_values.json (ids in the comments). */
class ComparisonReferenceTest {

    // R_t.test_welch_sleep: R t.test(extra ~ group, data = sleep), printed to 5 significant digits (CI 8)
    @Test
    void welchTestMatchesRTTestOnSleepData() {
        double[] x = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] y = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        HypothesisTest t = WelchTest.withDefaults().test(x, y);
        assertThat(t.statistic()).isCloseTo(-1.8608, within(5e-5));
        assertThat(t.degreesOfFreedom().orElseThrow()).isCloseTo(17.776, within(5e-4));
        assertThat(t.pValue()).isCloseTo(0.07939, within(5e-6));
        assertThat(t.estimate().orElseThrow().ci().lower()).isCloseTo(-3.3654832, within(5e-8));
        assertThat(t.estimate().orElseThrow().ci().upper()).isCloseTo(0.2054832, within(5e-8));
    }

    // R_t.test_welch_1to10_vs_7to20: R t.test(1:10, 7:20), 5 significant digits (CI 8)
    @Test
    void welchTestMatchesRTTestOnOneToTenAgainstSevenToTwenty() {
        HypothesisTest t = WelchTest.withDefaults().test(range(1, 10), range(7, 20));
        assertThat(t.statistic()).isCloseTo(-5.4349, within(5e-5));
        assertThat(t.degreesOfFreedom().orElseThrow()).isCloseTo(21.982, within(5e-4));
        assertThat(t.pValue()).isCloseTo(1.855e-05, within(5e-9));
        assertThat(t.estimate().orElseThrow().ci().lower()).isCloseTo(-11.052802, within(5e-7));
        assertThat(t.estimate().orElseThrow().ci().upper()).isCloseTo(-4.947198, within(5e-7));
    }

    // R_t.test_welch_1to10_vs_7to20_plus_200: R t.test(1:10, c(7:20, 200)), 5 significant digits (CI 7)
    @Test
    void welchTestMatchesRTTestWithAnOutlierAndReportsNonNormality() {
        double[] y = new double[15];
        System.arraycopy(range(7, 20), 0, y, 0, 14);
        y[14] = 200;
        HypothesisTest t = WelchTest.withDefaults().test(range(1, 10), y);
        assertThat(t.statistic()).isCloseTo(-1.6329, within(5e-5));
        assertThat(t.degreesOfFreedom().orElseThrow()).isCloseTo(14.165, within(5e-4));
        assertThat(t.pValue()).isCloseTo(0.1245, within(5e-5));
        assertThat(t.estimate().orElseThrow().ci().lower()).isCloseTo(-47.2429, within(5e-5));
        assertThat(t.estimate().orElseThrow().ci().upper()).isCloseTo(6.376233, within(5e-6));
        assertThat(t.quality().assumptions()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("normality of b");
            assertThat(a.met()).isFalse();
        });
    }

    // pingouin_welch_vs_R: R t.test, rounded to 5 decimals (CI to 2 decimals)
    @Test
    void welchStudentPairedAndOneSampleTestsMatchPingouinValuesFromR() {
        double[] x = {4, 7, 8, 6, 3, 2};
        double[] y = {6, 8, 7, 10, 11, 9};
        HypothesisTest welch = WelchTest.withDefaults().test(x, y);
        assertThat(welch.statistic()).isCloseTo(-2.84199, within(5e-6));
        assertThat(welch.degreesOfFreedom().orElseThrow()).isCloseTo(9.49438, within(5e-6));
        assertThat(welch.pValue()).isCloseTo(0.01837, within(5e-6));
        assertThat(welch.estimate().orElseThrow().ci().lower()).isCloseTo(-6.26, within(5e-3));
        assertThat(welch.estimate().orElseThrow().ci().upper()).isCloseTo(-0.74, within(5e-3));
        assertThat(WelchTest.withDefaults()
                        .withAlternative(Alternative.GREATER)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.99082, within(5e-6));
        assertThat(WelchTest.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.00918, within(5e-6));
        HypothesisTest student =
                WelchTest.withDefaults().assumingEqualVariances().test(x, y);
        assertThat(student.degreesOfFreedom().orElseThrow()).isEqualTo(10.0);
        assertThat(student.pValue()).isCloseTo(0.01749, within(5e-6));
        assertThat(student.estimate().orElseThrow().ci().lower()).isCloseTo(-6.24, within(5e-3));
        HypothesisTest paired = PairedTTest.withDefaults().test(x, y);
        assertThat(paired.statistic()).isCloseTo(-2.44451, within(5e-6));
        assertThat(paired.pValue()).isCloseTo(0.05833, within(5e-6));
        assertThat(paired.estimate().orElseThrow().ci().lower()).isCloseTo(-7.18, within(5e-3));
        assertThat(paired.estimate().orElseThrow().ci().upper()).isCloseTo(0.18, within(5e-3));
        HypothesisTest oneSample = PairedTTest.withDefaults().testMean(x, 0);
        assertThat(oneSample.statistic()).isCloseTo(5.17549, within(5e-6));
        assertThat(oneSample.pValue()).isCloseTo(0.00354, within(5e-6));
        assertThat(oneSample.estimate().orElseThrow().ci().lower()).isCloseTo(2.52, within(5e-3));
    }

    // pingouin_cohen_d_hedges_g_vs_R_effsize: R effsize, 7 significant digits.
    // td reports Hedges' g with the approximate correction J = 1 − 3/(4(n1+n2) − 9).
    @Test
    void hedgesGUsesTheApproximateCorrectionAndMatchesREffsize() {
        double[] x = {3.2, 6.4, 1.8, 2.4, 5.8, 6.5};
        double[] y = {2.4, 3.2, 3.2, 1.4, 2.8, 3.5};
        EffectSize g = WelchTest.withDefaults().test(x, y).effectSize().orElseThrow();
        assertThat(g.value()).isCloseTo(0.9254296, within(5e-8));
        // Cohen's d recovered by undoing J = 1 − 3/(4·12 − 9) = 1 − 3/39; effsize d = 1.002549
        assertThat(g.value() / (1 - 3.0 / 39)).isCloseTo(1.002549, within(5e-7));
        assertThat(g.ci().contains(g.value())).isTrue();
    }

    // scipy_welch_vs_R_small: R t.test, 20 digits; compared at 1e-12
    @Test
    void welchTestMatchesRToTwelveDigitsOnTinySamples() {
        HypothesisTest a = WelchTest.withDefaults().test(new double[] {1, 2, 3}, new double[] {1.1, 2.9, 4.2});
        assertThat(a.statistic()).isCloseTo(-0.6864951273557263, within(1e-12));
        assertThat(a.pValue()).isCloseTo(0.5361949075312669, within(1e-12));
        HypothesisTest b = WelchTest.withDefaults().test(new double[] {1, 2, 3, 4}, new double[] {1.1, 2.9, 4.2});
        assertThat(b.statistic()).isCloseTo(-0.21086633159507231, within(1e-12));
        assertThat(b.pValue()).isCloseTo(0.8435413913160825, within(1e-12));
    }

    // scipy_welch_df_ci_vs_R_PairedData: R PairedData yuen.t.test tr=0, 7 significant digits, 90 % CI
    @Test
    void welchTestNinetyPercentIntervalMatchesRPairedData() {
        double[] x = {
            0.88236329,
            0.97318744,
            0.4549262,
            0.97893335,
            0.0606677,
            0.44013366,
            0.55806018,
            0.40151434,
            0.14453315,
            0.25860601,
            0.20202162
        };
        double[] y = {
            0.93455277,
            0.42680603,
            0.49751939,
            0.14152846,
            0.711435,
            0.77669667,
            0.20507578,
            0.78702772,
            0.94691855,
            0.32464958,
            0.3873582,
            0.35187468,
            0.21731811
        };
        HypothesisTest t = WelchTest.withDefaults().withConfidenceLevel(0.90).test(x, y);
        assertThat(t.statistic()).isCloseTo(-0.2314607, within(5e-8));
        assertThat(t.degreesOfFreedom().orElseThrow()).isCloseTo(19.894435, within(5e-6));
        assertThat(t.pValue()).isCloseTo(0.8193209, within(5e-8));
        assertThat(t.estimate().orElseThrow().ci().lower()).isCloseTo(-0.247220294, within(5e-9));
        assertThat(t.estimate().orElseThrow().ci().upper()).isCloseTo(0.188729943, within(5e-9));
        assertThat(WelchTest.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.40966045, within(5e-8));
        HypothesisTest student =
                WelchTest.withDefaults().assumingEqualVariances().test(x, y);
        assertThat(student.statistic()).isCloseTo(-0.2345625322555006, within(1e-12));
        assertThat(student.pValue()).isCloseTo(0.8167175905643815, within(1e-12));
    }

    // scipy_student_vs_R_n1: R t.test(var.equal = TRUE) with a single-value group, 12 digits
    @Test
    void studentTestAcceptsASingleValueGroupLikeR() {
        HypothesisTest t =
                WelchTest.withDefaults().assumingEqualVariances().test(new double[] {2, 3, 5}, new double[] {1.5});
        assertThat(t.statistic()).isCloseTo(1.0394023007754, within(1e-12));
        assertThat(t.pValue()).isCloseTo(0.407779907736, within(1e-12));
    }

    static double[] range(int from, int to) {
        double[] values = new double[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}
