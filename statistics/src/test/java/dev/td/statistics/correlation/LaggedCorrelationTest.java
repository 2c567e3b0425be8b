package dev.td.statistics.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Alternative;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Lagged correlation pairs a[t] with b[t + lag]. Expected values: {@code scipy.stats.pearsonr} (SciPy 1.17) of the
 * overlapping segments, sliced in Python; for lags ±2 and 9 each segment's lag-1 autocorrelation is within
 * ±1.959964/sqrt(m), so the time-series mode leaves n alone and pearsonr's p applies.
 */
class LaggedCorrelationTest {
    static final double[] A = {4.1, 2.2, 5.3, 1.4, 3.5, 6.6, 2.7, 4.8, 1.9, 5.0, 3.1, 6.2};
    static final double[] B = {2.0, 3.9, 2.8, 4.7, 2.6, 3.5, 5.4, 1.3, 4.2, 2.1, 5.9, 3.8};
    // Lagged pairs are series: the p uses Bartlett's n_eff = n/(1 + 2·Σ_{k=1..n/5} r_a(k)·r_b(k)) (NIST ACF),
    // applied by estimate. A[0:10], B[2:12]: n_eff 5.669937780767393, t with n_eff − 2 df (NumPy/SciPy)
    private static final double P_LAG_2 = 0.10946358796848288;

    // lag 2: pearsonr(A[0:10], B[2:12]) → r = −0.739338994755807, p = P_LAG_2 (Bartlett, above);
    // lag −2: pearsonr(A[2:12], B[0:10]) → r = −0.385324057955458; n_eff 5.992025815841301, p = 0.4511251247684796
    @Test
    void aPositiveLagPairsAWithLaterBAndANegativeLagWithEarlierB() {
        Correlation ahead = LaggedCorrelation.withDefaults().at(A, B, 2);
        assertThat(ahead.lag()).isEqualTo(2);
        assertThat(ahead.n()).isEqualTo(10);
        assertThat(ahead.coefficient()).isCloseTo(-0.739338994755807, within(1e-14));
        assertThat(ahead.pValue()).isCloseTo(P_LAG_2, within(1e-12));
        Correlation behind = LaggedCorrelation.withDefaults().at(A, B, -2);
        assertThat(behind.lag()).isEqualTo(-2);
        assertThat(behind.n()).isEqualTo(10);
        assertThat(behind.coefficient()).isCloseTo(-0.385324057955458, within(1e-14));
        assertThat(behind.pValue()).isCloseTo(0.4511251247684796, within(1e-12));
    }

    // n − 3 = 9 is the largest lag: three pairs, pearsonr(A[0:3], B[9:12]) → r = −0.6548136984894504,
    // p = 0.5454941655811799
    @Test
    void theLargestLagLeavesThreePairs() {
        Correlation c = LaggedCorrelation.withDefaults().at(A, B, 9);
        assertThat(c.n()).isEqualTo(3);
        assertThat(c.coefficient()).isCloseTo(-0.6548136984894504, within(1e-14));
        assertThat(c.pValue()).isCloseTo(0.5454941655811799, within(1e-12));
        assertThat(LaggedCorrelation.withDefaults().at(A, B, -9).n()).isEqualTo(3);
        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().at(A, B, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lag 10 leaves fewer than 3 overlapping pairs of 12: use |lag| ≤ 9");
        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().at(A, B, -10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lag -10 leaves fewer than 3 overlapping pairs of 12: use |lag| ≤ 9");
    }

    // lag 1: pearsonr(A[0:11], B[1:12]) → r = 0.849783165809704; lag 2 as above
    @Test
    void upToListsLagsOneToMaxInOrder() {
        List<Correlation> lags = LaggedCorrelation.withDefaults().upTo(A, B, 2);
        assertThat(lags).extracting(Correlation::lag).containsExactly(1, 2);
        assertThat(lags.get(0).coefficient()).isCloseTo(0.849783165809704, within(1e-14));
        assertThat(lags.get(1).coefficient()).isCloseTo(-0.739338994755807, within(1e-14));
        assertThat(LaggedCorrelation.withDefaults().upTo(A, B, 1)).hasSize(1);
        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().upTo(A, B, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLag must be at least 1, was 0");
    }

    // At 99 % the autocorrelation threshold is 2.575829/sqrt(10) = 0.81, so n stays 10 and the one-sided p is half
    // of pearsonr's two-sided p, r being negative
    @Test
    void settingsReachThePearsonTestAndInputsAreValidated() {
        Correlation c = LaggedCorrelation.withDefaults()
                .withAlternative(Alternative.LESS)
                .withConfidenceLevel(0.99)
                .at(A, B, 2);
        assertThat(c.alternative()).isEqualTo(Alternative.LESS);
        assertThat(c.ci().level()).isEqualTo(0.99);
        assertThat(c.ci().lower()).isEqualTo(-1.0);
        assertThat(c.pValue()).isCloseTo(P_LAG_2 / 2, within(1e-12));

        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().at(new double[] {1, 2}, new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a needs at least 3 values, got 2");
        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().at(A, new double[] {1, 2, Double.NaN}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("b[2] is NaN");
        assertThatThrownBy(() -> LaggedCorrelation.withDefaults().at(A, new double[] {1, 2, 3}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a and b must have the same length, got 12 and 3");
    }

    // The record allows rounding slack of 1e-12 beyond ±1, p in [0, 1] and an effective n in (0, n]
    @Test
    void aCorrelationRecordAcceptsItsEdgeValuesAndRefusesWhatLiesBeyond() {
        assertThat(correlation(1 + 1e-12, 1, 10).coefficient()).isEqualTo(1 + 1e-12);
        assertThat(correlation(-1 - 1e-12, 0, 10).coefficient()).isEqualTo(-1 - 1e-12);
        assertThatThrownBy(() -> correlation(Math.nextUp(1 + 1e-12), 0.5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("correlation coefficient must be in [-1, 1], was 1.0000000000010");
        assertThatThrownBy(() -> correlation(Math.nextDown(-1 - 1e-12), 0.5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("correlation coefficient must be in [-1, 1]");
        assertThatThrownBy(() -> correlation(0.5, Math.nextUp(1.0), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation pValue must be in [0, 1], was 1.0000000000000002");
        assertThatThrownBy(() -> correlation(0.5, -0.0001, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation pValue must be in [0, 1], was -1.0E-4");
        assertThatThrownBy(() -> correlation(0.5, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation effectiveN must be in (0, n], was 0.0");
        assertThatThrownBy(() -> correlation(0.5, 0.5, 10.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation effectiveN must be in (0, n], was 10.5");
    }

    private static Correlation correlation(double r, double p, double effectiveN) {
        return new Correlation(
                "test",
                r,
                new Interval(-1, 1, 0.95),
                0,
                OptionalDouble.empty(),
                p,
                Alternative.TWO_SIDED,
                10,
                effectiveN,
                0,
                Quality.ran(SampleSize.SUFFICIENT, 0.95, List.of()));
    }
}
