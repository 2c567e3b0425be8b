package dev.td.statistics.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kendall with ties and at the exact/normal boundary, Spearman's exact two-sided and tied cases, Pearson at r = ±1
 * and in time-series mode, against SciPy 1.17 ({@code scipy.stats.kendalltau}, {@code spearmanr}, {@code pearsonr},
 * {@code norm}, {@code t}), exhaustive enumeration in Python ({@code itertools.permutations}) for exact Spearman, and
 * Fisher-z intervals tanh(atanh(r) ± 1.959963984540054·SE) evaluated with Python's math module.
 */
class CorrelationScipyTest {
    private static final double[] TIED_X = {1, 2, 2, 3, 4, 5, 5, 6, 7, 8};
    private static final double[] TIED_Y = {2, 1, 3, 3, 5, 4, 6, 8, 7, 7};

    // scipy.stats.kendalltau(TIED_X, TIED_Y, alternative=…) (tau-b, asymptotic with tie-corrected variance):
    // tau = 0.7674418604651163; z = norm.isf(p_two_sided/2) = 2.9988986783769844
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.0027095739863195263", "GREATER, 0.0013547869931597632", "LESS, 0.9986452130068403"})
    void kendallWithTiesUsesTheTieCorrectedNormalApproximation(Alternative alternative, double p) {
        Correlation c =
                KendallCorrelation.withDefaults().withAlternative(alternative).test(TIED_X, TIED_Y);
        assertThat(c.method()).isEqualTo("Kendall tau-b (normal approximation)");
        assertThat(c.coefficient()).isCloseTo(0.7674418604651163, within(1e-14));
        assertThat(c.statistic()).isCloseTo(2.9988986783769844, within(1e-9));
        assertThat(c.pValue()).isCloseTo(p, within(1e-12));
    }

    // Fisher z with SE sqrt(0.437/(10 − 4)) around tau 0.7674418604651163 → [0.4503393473471353, 0.9126268402619528]
    @Test
    void kendallIntervalUsesTheFiellerHartleyPearsonStandardError() {
        Correlation c = KendallCorrelation.withDefaults().test(TIED_X, TIED_Y);
        assertThat(c.ci().lower()).isCloseTo(0.4503393473471353, within(1e-12));
        assertThat(c.ci().upper()).isCloseTo(0.9126268402619528, within(1e-12));
    }

    // x = 1..10, y = 3 1 4 2 6 5 9 7 10 8: 38 concordant pairs of 45 (counted by hand), tau = 31/45;
    // scipy.stats.kendalltau(x, y, method='exact', alternative=…)
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.00468694885361552", "GREATER, 0.00234347442680776", "LESS, 0.998893573633157"})
    void kendallWithoutTiesBelowFiftyIsExact(Alternative alternative, double p) {
        double[] x = IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray();
        double[] y = {3, 1, 4, 2, 6, 5, 9, 7, 10, 8};
        Correlation c =
                KendallCorrelation.withDefaults().withAlternative(alternative).test(x, y);
        assertThat(c.method()).isEqualTo("Kendall tau-b (exact p)");
        assertThat(c.statistic()).isEqualTo(38);
        assertThat(c.coefficient()).isCloseTo(31.0 / 45, within(1e-15));
        assertThat(c.pValue()).isCloseTo(p, within(1e-12));
    }

    // x = 0..49, y_i = 7i mod 50 (a permutation): n = 50 is past R's exact limit. tau = 0.04 (C − D = 49 of 1225);
    // z = 49/sqrt(50·49·105/18) = 0.409878030638384; scipy.stats.kendalltau(…, method='asymptotic') p two-sided
    // 0.6818954220320396, less 0.6590522889839803
    @Test
    void kendallFromFiftyPairsUsesTheNormalApproximation() {
        double[] x = IntStream.range(0, 50).mapToDouble(i -> i).toArray();
        double[] y = IntStream.range(0, 50).mapToDouble(i -> (7 * i) % 50).toArray();
        Correlation c = KendallCorrelation.withDefaults().test(x, y);
        assertThat(c.method()).isEqualTo("Kendall tau-b (normal approximation)");
        assertThat(c.statistic()).isCloseTo(0.409878030638384, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.6818954220320396, within(1e-12));
        assertThat(KendallCorrelation.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, y)
                        .pValue())
                .isCloseTo(0.6590522889839803, within(1e-12));
    }

    // With 4 pairs the interval's SE sqrt(0.437/(n − 4)) is undefined: the whole range [−1, 1] is reported
    @Test
    void kendallWithFourPairsReportsTheWholeRangeAsItsInterval() {
        Correlation c = KendallCorrelation.withDefaults().test(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        assertThat(c.ci().lower()).isEqualTo(-1.0);
        assertThat(c.ci().upper()).isEqualTo(1.0);
    }

    @Test
    void everyCoefficientRefusesAConstantOrShortSeries() {
        double[] constant = {2, 2, 2, 2};
        double[] varying = {1, 2, 3, 4};
        assertThatThrownBy(() -> KendallCorrelation.withDefaults().test(constant, varying))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x is constant");
        assertThatThrownBy(() -> SpearmanCorrelation.withDefaults().test(varying, constant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("y is constant");
        assertThatThrownBy(() -> PearsonCorrelation.withDefaults().test(new double[] {1, 2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x needs at least 3 values, got 2");
        assertThatThrownBy(() -> PearsonCorrelation.withDefaults().test(varying, new double[] {1, 2, Double.NaN, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("y[2] is NaN");
    }

    // x = 1..7. y = 7 5 6 3 4 1 2: S = Σd² = 106 > (7³ − 7)/6 = 56, so the two-sided p doubles the upper tail;
    // enumerating all 5040 permutations: P(S ≥ 106) = 31/5040 → p = 62/5040. The mirror y = 2 1 4 3 6 5 7 has
    // S = 6 and P(S ≤ 6) = 31/5040, the same two-sided p. GREATER takes P(S ≤ s), LESS P(S ≥ s).
    @Test
    void spearmanExactTwoSidedDoublesTheTailOnTheSideOfTheObservedS() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] down = {7, 5, 6, 3, 4, 1, 2};
        double[] up = {2, 1, 4, 3, 6, 5, 7};
        Correlation negative = SpearmanCorrelation.withDefaults().test(x, down);
        assertThat(negative.method()).isEqualTo("Spearman (exact permutation p)");
        assertThat(negative.statistic()).isEqualTo(106);
        assertThat(negative.pValue()).isCloseTo(62.0 / 5040, within(1e-15));
        assertThat(SpearmanCorrelation.withDefaults().test(x, up).pValue()).isCloseTo(62.0 / 5040, within(1e-15));
        assertThat(SpearmanCorrelation.withDefaults()
                        .withAlternative(Alternative.LESS)
                        .test(x, down)
                        .pValue())
                .isCloseTo(31.0 / 5040, within(1e-15));
        assertThat(SpearmanCorrelation.withDefaults()
                        .withAlternative(Alternative.GREATER)
                        .test(x, down)
                        .pValue())
                .isCloseTo(5023.0 / 5040, within(1e-15));
    }

    // Ties (and n = 10 > 9) take the t approximation, as SciPy: scipy.stats.spearmanr(x, y, alternative=…) →
    // rho = 0.9146341463414634; interval Fisher z with SE sqrt(1.06/(10 − 3)) → [0.6598065120013208,
    // 0.9807882776969133]
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.000209371137768355", "GREATER, 0.0001046855688841775", "LESS, 0.9998953144311158"})
    void spearmanWithTiesUsesTheTApproximation(Alternative alternative, double p) {
        double[] x = {1, 2, 2, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {2, 1, 3, 5, 4, 4, 8, 7, 10, 9};
        Correlation c =
                SpearmanCorrelation.withDefaults().withAlternative(alternative).test(x, y);
        assertThat(c.method()).isEqualTo("Spearman (t approximation)");
        assertThat(c.coefficient()).isCloseTo(0.9146341463414634, within(1e-14));
        assertThat(c.pValue()).isCloseTo(p, within(1e-12));
        if (alternative == Alternative.TWO_SIDED) {
            assertThat(c.ci().lower()).isCloseTo(0.6598065120013208, within(1e-12));
            assertThat(c.ci().upper()).isCloseTo(0.9807882776969133, within(1e-12));
        }
    }

    // n = 7 is small enough for the exact distribution, but a tie in either series (1 2 2 4 5 6 7) leaves it for the
    // t approximation
    @Test
    void spearmanWithATieInYIsNotExact() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] y = {1, 2, 2, 4, 5, 6, 7};
        assertThat(SpearmanCorrelation.withDefaults().test(x, y).method()).isEqualTo("Spearman (t approximation)");
        assertThat(SpearmanCorrelation.withDefaults().test(y, x).method()).isEqualTo("Spearman (t approximation)");
    }

    // x = 1 1 3 3, y = 10 10 30 30: the deviations rescale to −1 −1 1 1 for both, so r = 4/(2·2) = 1 exactly. t is
    // infinite and the p-value is 0 towards the sign of r and 1 against it; y negated gives r = −1
    @Test
    void aPerfectCorrelationHasAnInfiniteStatisticAndADegenerateP() {
        double[] x = {1, 1, 3, 3};
        double[] y = {10, 10, 30, 30};
        double[] minusY = {-10, -10, -30, -30};
        Correlation up = PearsonCorrelation.withDefaults().test(x, y);
        assertThat(up.coefficient()).isEqualTo(1.0);
        assertThat(up.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(up.pValue()).isZero();
        PearsonCorrelation greater = PearsonCorrelation.withDefaults().withAlternative(Alternative.GREATER);
        PearsonCorrelation less = PearsonCorrelation.withDefaults().withAlternative(Alternative.LESS);
        assertThat(greater.test(x, y).pValue()).isZero();
        assertThat(less.test(x, y).pValue()).isEqualTo(1.0);
        Correlation down = PearsonCorrelation.withDefaults().test(x, minusY);
        assertThat(down.coefficient()).isEqualTo(-1.0);
        assertThat(down.statistic()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(down.pValue()).isZero();
        assertThat(greater.test(x, minusY).pValue()).isEqualTo(1.0);
        assertThat(less.test(x, minusY).pValue()).isZero();
    }

    // Two trending series of 20: lag-1 r 0.8488314214387453 and 0.8523887186258953 (NumPy, NIST definition), above
    // 1.959964/sqrt(20) = 0.43826127028829076. Bartlett with K = 20/5 = 4 lags: n_eff = 20/(1 + 2Σ r_a(k)r_b(k)) =
    // 4.5529444764572 (NumPy). r = 0.9976667903445332 (scipy.stats.pearsonr); with df = n_eff − 2:
    // t = r·sqrt(df/(1 − r²)) = 23.348973554935185, p = 2·scipy.stats.t.sf(t, df) = 0.00048003926818760535
    // (pearsonr's independent-pairs p is 1.9e-22); interval Fisher z, SE 1/sqrt(n_eff − 3): [0.9471628836023568,
    // 0.9998994614150432]
    @Test
    void timeSeriesModeUsesBartlettsEffectiveSampleSizeForAutocorrelatedSeries() {
        double[] a = {
            0.3, 1.1, 2.4, 2.9, 4.2, 5.0, 5.8, 7.3, 7.9, 9.2, 9.8, 11.1, 12.0, 12.7, 14.2, 15.1, 15.8, 17.2, 17.9, 19.1
        };
        double[] b = {
            1.0, 1.4, 3.1, 3.2, 4.9, 4.8, 6.6, 7.0, 8.4, 8.9, 10.5, 10.7, 12.4, 12.6, 14.3, 14.8, 16.1, 16.9, 18.4, 18.6
        };
        Correlation c = PearsonCorrelation.withDefaults().forTimeSeries().test(a, b);
        assertThat(c.effectiveN()).isCloseTo(4.5529444764572, within(1e-12));
        assertThat(c.n()).isEqualTo(20);
        assertThat(c.statistic()).isCloseTo(23.348973554935185, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.00048003926818760535, within(1e-12));
        assertThat(c.ci().lower()).isCloseTo(0.9471628836023568, within(1e-12));
        assertThat(c.ci().upper()).isCloseTo(0.9998994614150432, within(1e-12));
        Assumption independence = c.quality().assumptions().get(0);
        assertThat(independence.met()).isFalse();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(0.8523887186258953, within(1e-12));
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelations 0.84883")
                .contains("threshold ± 0.43826")
                .endsWith(" of 20");
        Correlation spearman =
                SpearmanCorrelation.withDefaults().forTimeSeries().test(a, b);
        assertThat(spearman.effectiveN()).isCloseTo(4.5529444764572, within(1e-12));
        assertThat(spearman.method()).isEqualTo("Spearman (t approximation)");
    }

    // LaggedCorrelationTest's A and B at lag 0: lag-1 r −0.5422138836772983 and −0.5555005835489929, both within
    // ±1.959964/sqrt(12) = 0.5657928670380858, which used to leave n at 12 (p 0.10389464441334666, pearsonr's).
    // Applied by estimate, Bartlett's n_eff is 6.909995000852195 (two alternating series: the products of their
    // negative autocorrelations are positive) and the p 0.26637168673377337 (NumPy/SciPy)
    @Test
    void timeSeriesModeAppliesBartlettWithoutAPreTest() {
        double[] a = LaggedCorrelationTest.A;
        double[] b = LaggedCorrelationTest.B;
        Correlation c = PearsonCorrelation.withDefaults().forTimeSeries().test(a, b);
        assertThat(c.effectiveN()).isCloseTo(6.909995000852195, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.26637168673377337, within(1e-12));
        Assumption independence = c.quality().assumptions().get(0);
        assertThat(independence.met()).isTrue();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(0.5555005835489929, within(1e-12));
        assertThat(independence.detail())
                .startsWith("lag-1 autocorrelations -0.54221")
                .contains(" within ± 0.56579");
    }

    // Unsorted input with triple ties in both series (x: 1 ×3, 4 ×3; y: 2 ×3, 6 ×3), so every term of Kendall's
    // tie-corrected variance counts: scipy.stats.kendalltau(x, y, alternative=…) → tau 0.7,
    // z = norm.isf(p_two_sided/2) = 2.980616213371938
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_SIDED, 0.0028766906402571163", "GREATER, 0.0014383453201285582", "LESS, 0.9985616546798715"})
    void kendallWithUnsortedTripleTiesMatchesScipy(Alternative alternative, double p) {
        double[] x = {1, 4, 1, 2, 3, 4, 1, 5, 4, 6, 7, 8};
        double[] y = {2, 2, 5, 2, 3, 6, 1, 6, 4, 6, 8, 7};
        Correlation c =
                KendallCorrelation.withDefaults().withAlternative(alternative).test(x, y);
        assertThat(c.coefficient()).isCloseTo(0.7, within(1e-14));
        assertThat(c.statistic()).isCloseTo(2.980616213371938, within(1e-9));
        assertThat(c.pValue()).isCloseTo(p, within(1e-12));
    }

    // x = 1..7, y = 1 4 7 6 5 3 2: S = 58, just above the centre (7³ − 7)/6 = 56, so the two-sided p doubles the
    // upper tail: P(S ≥ 58) = 2428/5040 by enumeration (P(S ≤ 58) = 2756/5040) → 4856/5040
    @Test
    void spearmanExactTwoSidedJustAboveTheCentreUsesTheUpperTail() {
        Correlation c = SpearmanCorrelation.withDefaults()
                .test(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1, 4, 7, 6, 5, 3, 2});
        assertThat(c.statistic()).isEqualTo(58);
        assertThat(c.pValue()).isCloseTo(4856.0 / 5040, within(1e-15));
    }
}
