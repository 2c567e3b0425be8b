package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;
import org.junit.jupiter.api.Test;

/**
 * Quantiles by hand (Hyndman–Fan type 7 on {1, 2, 4, 7, 10}); one-sided intervals and tails against SciPy 1.17
 * ({@code scipy.stats.norm.sf}, {@code norm.ppf}, {@code t.ppf}); validation messages.
 */
class NumericHelpersTest {
    private static final double[] UNSORTED = {7, 1, 4, 10, 2};

    // Sorted 1 2 4 7 10, h = 4p: p 0 → 1; 0.1 → h 0.4: 1 + 0.4·(2 − 1) = 1.4; 0.25 → h 1: 2; 0.9 → h 3.6:
    // 7 + 0.6·(10 − 7) = 8.8; 1 → 10
    @Test
    void quantilesInterpolateLinearlyBetweenOrderStatistics() {
        assertThat(Quantiles.of(UNSORTED, 0)).isEqualTo(1.0);
        assertThat(Quantiles.of(UNSORTED, 0.1)).isCloseTo(1.4, within(1e-15));
        assertThat(Quantiles.of(UNSORTED, 0.25)).isEqualTo(2.0);
        assertThat(Quantiles.of(UNSORTED, 0.9)).isCloseTo(8.8, within(1e-14));
        assertThat(Quantiles.of(UNSORTED, 1)).isEqualTo(10.0);
        assertThat(UNSORTED).as("the input is not modified").containsExactly(7, 1, 4, 10, 2);
    }

    @Test
    void aQuantileOutsideZeroToOneOrOfBadInputIsRefused() {
        assertThatThrownBy(() -> Quantiles.of(UNSORTED, Math.nextUp(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile p must be in [0, 1], was 1.0000000000000002");
        assertThatThrownBy(() -> Quantiles.of(UNSORTED, -0.0001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile p must be in [0, 1], was -1.0E-4");
        assertThatThrownBy(() -> Quantiles.of(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values needs at least 1 values, got 0");
    }

    // Odd n: the middle value 4; even n (1 2 4 7): (2 + 4)/2 = 3. MAD around 4: |7−4| |1−4| |4−4| |10−4| |2−4| =
    // 3 3 0 6 2 → median 3
    @Test
    void medianAndMadOfUnsortedValues() {
        assertThat(Quantiles.median(UNSORTED)).isEqualTo(4.0);
        assertThat(Quantiles.median(new double[] {7, 1, 4, 2})).isEqualTo(3.0);
        assertThat(Quantiles.medianOfSorted(new double[] {1, 2, 4, 7})).isEqualTo(3.0);
        assertThat(Quantiles.medianAbsoluteDeviation(UNSORTED, 4)).isEqualTo(3.0);
    }

    // scipy.stats.norm.sf(1.5) = 0.06680720126885807, norm.cdf(1.5) = 0.9331927987311419
    @Test
    void normalPValuesTakeTheTailOfTheAlternative() {
        assertThat(Probabilities.normalPValue(1.5, Alternative.GREATER)).isCloseTo(0.06680720126885807, within(1e-15));
        assertThat(Probabilities.normalPValue(1.5, Alternative.LESS)).isCloseTo(0.9331927987311419, within(1e-15));
        assertThat(Probabilities.normalPValue(-1.5, Alternative.TWO_SIDED))
                .isCloseTo(2 * 0.06680720126885807, within(1e-15));
    }

    // One-sided 90 % t interval, estimate 10, SE 2, df 7: scipy.stats.t.ppf(0.9, 7) = 1.4149239276505086 →
    // [7.170152144698983, +∞) and (−∞, 12.829847855301017], to 1e-10 (commons-math's t quantile differs from
    // SciPy's by about 5e-12 here)
    @Test
    void oneSidedTIntervalsHaveOneInfiniteBound() {
        Interval greater = Probabilities.tInterval(10, 2, 7, 0.9, Alternative.GREATER);
        assertThat(greater.lower()).isCloseTo(7.170152144698983, within(1e-10));
        assertThat(greater.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        Interval less = Probabilities.tInterval(10, 2, 7, 0.9, Alternative.LESS);
        assertThat(less.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(less.upper()).isCloseTo(12.829847855301017, within(1e-10));
        assertThat(less.level()).isEqualTo(0.9);
    }

    // r 0.5, SE 0.2, 95 % one-sided: tanh(atanh(0.5) ∓ 1.6448536269514722·0.2) → greater [0.21683773274503054, 1],
    // less [−1, 0.7055550296135783] (Python math)
    @Test
    void oneSidedFisherIntervalsEndAtPlusOrMinusOne() {
        Interval greater = FisherZ.interval(0.5, 0.2, 0.95, Alternative.GREATER);
        assertThat(greater.lower()).isCloseTo(0.21683773274503054, within(1e-14));
        assertThat(greater.upper()).isEqualTo(1.0);
        Interval less = FisherZ.interval(0.5, 0.2, 0.95, Alternative.LESS);
        assertThat(less.lower()).isEqualTo(-1.0);
        assertThat(less.upper()).isCloseTo(0.7055550296135783, within(1e-14));
    }

    @Test
    void probabilitiesMustLieStrictlyBetweenZeroAndOne() {
        assertThat(Inputs.requireProbability("alpha", 0.01)).isEqualTo(0.01);
        assertThatThrownBy(() -> Inputs.requireProbability("alpha", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> Inputs.requireProbability("confidenceLevel", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidenceLevel must be in (0, 1), was 1.0");
    }

    @Test
    void pairedDifferencesNeedTwoFinitePairs() {
        assertThat(Inputs.pairedDifferences(new double[] {5, 3}, new double[] {1, 4}))
                .containsExactly(4, -1);
        assertThatThrownBy(() -> Inputs.pairedDifferences(new double[] {5}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 2 values, got 1");
        assertThatThrownBy(() -> Inputs.pairedDifferences(new double[] {5, 3}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[1] is NaN");
    }
}
