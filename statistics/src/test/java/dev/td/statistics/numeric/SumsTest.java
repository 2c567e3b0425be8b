package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The compensated sums keep the low-order terms that plain summation rounds away. Every input is built
 * from powers of two and small integers so the exact answer is known by hand and representable.
 */
class SumsTest {
    private static final double TWO_27 = 134217728; // 2^27, so (2^27)^2 = 2^54 = 18014398509481984

    // 1e16 + 1 rounds to 1e16 in binary64 (spacing 2 there); exact sum 1e16 + 1 − 1e16 = 1. Plain summation gives 0.
    @Test
    void aUnitBesideTwoLargeCancellingTermsIsKeptBySum() {
        assertThat(Sums.sum(new double[] {1e16, 1, -1e16}, 0, 3)).isEqualTo(1.0);
        assertThat(Sums.sum(new double[] {7, 1e16, 1, -1e16, 7}, 1, 4))
                .as("only [from, to) is summed")
                .isEqualTo(1.0);
    }

    // Exact: (1e16 + 1 − 1e16 − 1)/4 = 0
    @Test
    void theMeanOfLargeAndSmallCancellingTermsIsExactlyZero() {
        assertThat(Sums.mean(new double[] {1e16, 1, -1e16, -1})).isEqualTo(0.0);
    }

    // Exact: (1e16 + 1 − 1e16)/3 = 1/3, which the compensated first pass already gets right (sum 1, divided by 3).
    // The refinement pass used to form the deviations 1e16 − 1/3 and −1e16 − 1/3 in plain binary64, where each rounds
    // by
    // 1/3; their compensated sum is 2/3 instead of 0, and the "corrected" mean becomes 1/3 + 2/9 = 0.5556.
    // Descriptive.describe reported that mean too, until the refinement took its residual from the sum's parts.
    @Test
    void theRefinementPassDoesNotSpoilACorrectlyRoundedMean() {
        assertThat(Sums.mean(new double[] {1e16, 1, -1e16})).isCloseTo(1.0 / 3, within(1e-15));
    }

    // Mean 0 given: Σd² = 2·2^54 + 8·1 = 2^55 + 8 = 36028797018963976, representable (spacing 8 at 2^55);
    // plain summation loses every 1 beside 2^55. Σd = 0, so the correction term is 0.
    @Test
    void squaredDeviationsKeepUnitTermsBesideTwoToThe55() {
        double[] values = {TWO_27, -TWO_27, 1, -1, 1, -1, 1, -1, 1, -1};
        assertThat(Sums.sumOfSquaredDeviations(values, 0)).isEqualTo(36028797018963976.0);
    }

    // Chan, Golub & LeVeque eq. 1.7 is exact for any centre: Σ(x − c)² − (Σ(x − c))²/n. For {1, 2, 3} and
    // c = 0: 14 − 6²/3 = 2 = Σ(x − 2)².
    @Test
    void squaredDeviationsAroundAWrongCentreAreCorrectedToTheTrueSum() {
        assertThat(Sums.sumOfSquaredDeviations(new double[] {1, 2, 3}, 0)).isEqualTo(2.0);
    }

    // Σ(x − 1)(y − 1) for x = {1, 2, 3}, y = {2, 4, 9}: 0·1 + 1·3 + 2·8 = 19
    @Test
    void crossDeviationsAreTakenAboutTheGivenCentres() {
        assertThat(Sums.sumOfCrossDeviations(new double[] {1, 2, 3}, 1, new double[] {2, 4, 9}, 1))
                .isEqualTo(19.0);
    }

    // Products 2^54, 1, −2^54: exact sum 1; plain summation gives 0 (spacing 4 at 2^54)
    @Test
    void crossDeviationsKeepAUnitProductBetweenCancellingLargeOnes() {
        double[] x = {TWO_27, 1, -TWO_27};
        double[] y = {TWO_27, 1, TWO_27};
        assertThat(Sums.sumOfCrossDeviations(x, 0, y, 0)).isEqualTo(1.0);
    }

    // Lag-1 products of {2^27, 2^27, 2^−27, −2^81} about 0: 2^54, 1, −2^54, exact sum 1; divided by the given
    // sum of squares 4 → 0.25. Plain summation gives 0.
    @Test
    void autocorrelationKeepsAUnitProductBetweenCancellingLargeOnes() {
        double[] values = {TWO_27, TWO_27, 0x1p-27, -0x1p81};
        assertThat(Sums.autocorrelation(values, 0, 4, 1)).isEqualTo(0.25);
    }

    // Lag 2 of {1, 2, 3, 4} about mean 2.5: (0.5)(−1.5) + (1.5)(−0.5) = −1.5; Σd² = 5 → −0.3
    @Test
    void autocorrelationAtLagTwoPairsValuesTwoApart() {
        assertThat(Sums.autocorrelation(new double[] {1, 2, 3, 4}, 2.5, 5, 2)).isEqualTo(-1.5 / 5);
    }
}
