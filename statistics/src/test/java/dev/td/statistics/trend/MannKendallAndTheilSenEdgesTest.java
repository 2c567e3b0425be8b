package dev.td.statistics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.SampleSize;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mann–Kendall with ties, with lag-1 autocorrelation and at n = 4, and Theil–Sen's median and interval on series small
 * enough to list every slope. Mann–Kendall expectations are the documented formulas evaluated with NumPy 2.4 / SciPy
 * 1.17 (S by the O(n²) sign sum, Var S tie-corrected, detrending by {@code numpy.polyfit(t, x, 1)}, NIST lag-1 r of
 * the residuals, {@code scipy.stats.norm.sf/cdf/ppf}); the Python is a re-derivation from Gilbert (1987) §16.4 and
 * Yue &amp; Wang (2004), not a copy of td.
 */
class MannKendallAndTheilSenEdgesTest {
    // Ties: 6 ×2 and 9 ×2. S = 58; Var S = (12·11·29 − 2·2·1·9)/18 = 210.666…; z = 57/sqrt(Var S) = 3.9271450640930468;
    // detrended lag-1 r = −0.833 (negative: no inflation); tau = 58/66
    private static final double[] TIED = {3, 5, 4, 6, 6, 8, 7, 9, 9, 11, 10, 12};

    // i·0.3 + 3·sin(i/2.5), i = 0..19, rounded to 2 decimals: S = 54, detrended lag-1 r = 0.8306412600743074 above
    // 1.959964/sqrt(20) = 0.43826127028829076, so Var S = 950·(1 + r)/(1 − r) = 10268.78918580546
    private static final double[] WAVE = {
        0.0, 1.47, 2.75, 3.7, 4.2, 4.23, 3.83, 3.1, 2.22, 1.37, 0.73, 0.45, 0.61, 1.25, 2.31, 3.66, 5.15, 6.58, 7.78,
        8.6
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 8.596013970178452e-05", "GREATER, 4.298006985089226e-05", "LESS, 0.9999570199301491"})
    void mannKendallWithTiesUsesTheTieCorrectedVariance(Alternative alternative, double p) {
        HypothesisTest test =
                MannKendallTest.withDefaults().withAlternative(alternative).test(TIED);
        assertThat(test.method()).isEqualTo("Mann-Kendall trend test");
        assertThat(test.statistic()).isEqualTo(58.0);
        assertThat(test.pValue()).isCloseTo(p, within(1e-15));
        assertThat(MannKendallTest.variance(TIED)).isCloseTo(632.0 / 3, within(1e-12));
        Assumption independence = test.quality().assumptions().get(0);
        assertThat(independence.met()).isTrue();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(-0.8330115830115831, within(1e-12));
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelation of the residuals -0.83301")
                .contains(" ≤ 0.56579")
                .endsWith("bias-corrected AR(1) φ is 0, so the Var(S) is not widened");
    }

    // tau = 58/66 = 0.8787878787878788, Fisher z with SE sqrt(0.437/8) at 1 − alpha: 95 % [0.7222522375117074,
    // 0.9496793791549191]; alpha 0.1 gives 90 % [0.7556450881598918, 0.9419255855137102]
    @Test
    void mannKendallReportsKendallsTauWithAnIntervalAtOneMinusAlpha() {
        EffectSize tau = MannKendallTest.withDefaults().test(TIED).effectSize().orElseThrow();
        assertThat(tau.value()).isCloseTo(0.8787878787878788, within(1e-15));
        assertThat(tau.ci().lower()).isCloseTo(0.7222522375117074, within(1e-12));
        assertThat(tau.ci().upper()).isCloseTo(0.9496793791549191, within(1e-12));
        HypothesisTest ten = MannKendallTest.withDefaults().withAlpha(0.1).test(TIED);
        EffectSize tau90 = ten.effectSize().orElseThrow();
        assertThat(tau90.ci().lower()).isCloseTo(0.7556450881598918, within(1e-12));
        assertThat(tau90.ci().upper()).isCloseTo(0.9419255855137102, within(1e-12));
        assertThat(ten.quality().confidenceLevel()).isEqualTo(0.9);
        assertThat(ten.alpha()).isEqualTo(0.1);
        assertThat(ten.quality().assumptions().get(0).detail()).contains(" ≤ 0.47482");
        assertThat(ten.quality().sampleSize()).isEqualTo(SampleSize.SUFFICIENT);
    }

    // Bias-corrected φ = r1 + (2 + 6·r1)/20 = 1.08 clamps at 0.95; Hamed–Rao factor
    // 1 + 2/(20·19·18)·Σ_{k=1..17}(20 − k)(19 − k)(18 − k)·0.95^k = 7.929579308944596 (NumPy); Var S = 950·factor,
    // z = 53/sqrt(Var S) = 0.6106452642977472: two-sided p 0.5414344496915814, less 0.7292827751542093 (SciPy)
    @Test
    void positiveLagOneAutocorrelationInflatesTheVarianceAndSaysSo() {
        HypothesisTest test = MannKendallTest.withDefaults().test(WAVE);
        assertThat(test.method()).isEqualTo("Mann-Kendall trend test (Hamed-Rao variance correction, AR(1))");
        assertThat(test.statistic()).isEqualTo(54.0);
        assertThat(test.pValue()).isCloseTo(0.5414344496915814, within(1e-12));
        assertThat(MannKendallTest.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(WAVE)
                        .pValue())
                .isCloseTo(0.7292827751542093, within(1e-12));
        Assumption independence = test.quality().assumptions().get(0);
        assertThat(independence.met()).isFalse();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(0.8306412600743074, within(1e-12));
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelation of the residuals 0.83064")
                .contains(" > 0.43826")
                .contains("AR(1) φ 0.95 (bias-corrected) widens the Var(S)'s variance by 7.92957");
    }

    // 9 7 8 4: S = −1 + (−1) + (−1) + 1 − 1 − 1 = −4, Var S = 4·3·13/18 = 26/3, z = (−4 + 1)/sqrt(26/3) =
    // −1.0190493307301363: two-sided p 0.308179547467054, less 0.154089773733527. With 4 values the tau interval's
    // SE sqrt(0.437/(n − 4)) is undefined and the whole range is reported.
    @Test
    void aDecreasingSeriesOfFourIsCorrectedTowardsZeroAndHasTheWholeRangeAsItsInterval() {
        double[] series = {9, 7, 8, 4};
        HypothesisTest test = MannKendallTest.withDefaults().test(series);
        assertThat(test.statistic()).isEqualTo(-4.0);
        assertThat(test.pValue()).isCloseTo(0.308179547467054, within(1e-15));
        assertThat(MannKendallTest.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(series)
                        .pValue())
                .isCloseTo(0.154089773733527, within(1e-15));
        EffectSize tau = test.effectSize().orElseThrow();
        assertThat(tau.value()).isCloseTo(-4.0 / 6, within(1e-15));
        assertThat(tau.ci().lower()).isEqualTo(-1.0);
        assertThat(tau.ci().upper()).isEqualTo(1.0);
        assertThat(test.quality().sampleSize()).isEqualTo(SampleSize.MINIMAL);
    }

    // x = 0 1 2 3, y = 0 2 5 3: slopes 2, 2.5, 1, 3, 0.5, −2 → sorted −2 0.5 1 2 2.5 3; six slopes, so the median is
    // (1 + 2)/2 = 1.5. Sen: Var S = 26/3, C = 1.959964·2.944 = 5.77, ranks round(0.115) → clamped to 1 and
    // round(5.885) + 1 = 7 → clamped to 6: [−2, 3]. Intercept median of y − 1.5x = 0 0.5 2 −1.5 → 0.25.
    @Test
    void anEvenNumberOfSlopesAveragesTheMiddleTwo() {
        TrendEstimate trend = TheilSen.withDefaults().fit(new double[] {0, 2, 5, 3});
        assertThat(trend.slope()).isEqualTo(1.5);
        assertThat(trend.slopeCi().lower()).isEqualTo(-2.0);
        assertThat(trend.slopeCi().upper()).isEqualTo(3.0);
        assertThat(trend.intercept()).isEqualTo(0.25);
        assertThat(trend.n()).isEqualTo(4);
        assertThat(trend.quality().sampleSize()).isEqualTo(SampleSize.MINIMAL);
    }

    // y = 0 2 5 at x = 0 1 2: slopes 2, 2.5, 3, median 2.5
    @Test
    void anOddNumberOfSlopesTakesTheMiddleOne() {
        assertThat(TheilSen.withDefaults().fit(new double[] {0, 2, 5}).slope()).isEqualTo(2.5);
    }

    // TrendTest.SEN_EXAMPLE at 80 %: C = 1.2815515655446004·sqrt(12·11·29/18) (scipy.stats.norm.ppf(0.9)); the
    // bounds are the brute-force slopes at ranks round((66 − C)/2) and round((66 + C)/2) + 1
    @Test
    void aLowerConfidenceLevelNarrowsTheSenInterval() {
        double[] y = TrendTest.SEN_EXAMPLE;
        double[] slopes = new double[66];
        int m = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = i + 1; j < 12; j++) {
                slopes[m++] = (y[j] - y[i]) / (j - i);
            }
        }
        Arrays.sort(slopes);
        double c = 1.2815515655446004 * Math.sqrt(12 * 11 * 29 / 18.0);
        int lower = (int) Math.round((66 - c) / 2);
        int upper = (int) Math.round((66 + c) / 2) + 1;
        TrendEstimate trend = TheilSen.withDefaults().withConfidenceLevel(0.8).fit(y);
        assertThat(trend.slopeCi().lower()).isEqualTo(slopes[lower - 1]);
        assertThat(trend.slopeCi().upper()).isEqualTo(slopes[upper - 1]);
        assertThat(trend.slopeCi().level()).isEqualTo(0.8);
    }

    @Test
    void theilSenValidatesItsInputsNamingThem() {
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {1, Double.NaN, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series[1] is NaN");
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series needs at least 3 values, got 2");
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {0, 1, Double.NaN}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x[2] is NaN");
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {0, 1, 2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("y needs at least 3 values, got 2");
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {0, 1, 2, 3}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x and y must have the same length, got 4 and 3");
        assertThatThrownBy(() -> TheilSen.withDefaults().fit(new double[] {5, 5, 5}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x is constant");
    }

    // A triple tie: Var S = (6·5·17 − 3·2·11)/18 = (510 − 66)/18 = 74/3 for 1 2 2 2 3 4
    @Test
    void aTripleTieRemovesItsFullTermFromTheVariance() {
        assertThat(MannKendallTest.variance(new double[] {1, 2, 2, 2, 3, 4})).isCloseTo(74.0 / 3, within(1e-12));
    }

    // 1 2 3 4 5 is exactly linear: the detrended residuals are all 0 and their lag-1 autocorrelation is reported as 0
    @Test
    void anExactlyLinearSeriesHasNoDetrendedAutocorrelation() {
        Assumption independence = MannKendallTest.withDefaults()
                .test(new double[] {1, 2, 3, 4, 5})
                .quality()
                .assumptions()
                .get(0);
        assertThat(independence.statistic().orElseThrow()).isZero();
        assertThat(independence.met()).isTrue();
    }

    // y = 2x + (x mod 2), x = 0..59: pairs of equal parity have slope exactly 2, the others 2 ± 1/Δx, so about half
    // of the 1770 slopes tie at the median. Oracle: all pairwise slopes formed and sorted here; the interval ranks
    // as in TrendTest (Sen 1968)
    @Test
    void manyTiedSlopesAtTheMedianMatchTheBruteForceOrderStatistics() {
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 * i + (i % 2);
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        Arrays.sort(slopes);
        double c = 1.959963984540054 * Math.sqrt(MannKendallTest.variance(y));
        int lower = (int) Math.round((m - c) / 2);
        int upper = (int) Math.round((m + c) / 2) + 1;
        TrendEstimate trend = TheilSen.withDefaults().fit(x, y);
        assertThat(trend.slope()).isEqualTo((slopes[m / 2 - 1] + slopes[m / 2]) / 2);
        assertThat(trend.slopeCi().lower()).isEqualTo(slopes[lower - 1]);
        assertThat(trend.slopeCi().upper()).isEqualTo(slopes[upper - 1]);
    }
}
