package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scaling helpers and the higher central moments, on inputs whose exact answers are known by hand. */
class SumsScalingTest {

    // 4 ≤ |−5| < 8 = 2^3 → 2; 2^1023 ≤ MAX_VALUE; MIN_VALUE = 2^-1074 (subnormal); 1e-310 lies in [2^-1030, 2^-1029)
    @Test
    void theLargestExponentIsThatOfTheLargestMagnitudeSubnormalsIncluded() {
        assertThat(Sums.largestExponent(new double[] {3, -5}, new double[] {0.5}))
                .isEqualTo(2);
        assertThat(Sums.largestExponent(new double[] {Double.MAX_VALUE, -1})).isEqualTo(1023);
        assertThat(Sums.largestExponent(new double[] {Double.MIN_VALUE})).isEqualTo(-1074);
        assertThat(Sums.largestExponent(new double[] {1e-310})).isEqualTo(-1030);
        assertThat(Sums.largestExponent(new double[] {0, 0})).isZero();
        assertThat(Sums.largestExponent(new double[0])).isZero();
    }

    // Scaling by the power of two from largestExponent brings the largest magnitude into [1, 2), exactly
    @Test
    void scalingByAPowerOfTwoIsExactAndPutsTheLargestMagnitudeInOneToTwo() {
        double[] huge = {1.5e308, -1e308, 3};
        double[] scaled = Sums.scalb(huge, -Sums.largestExponent(huge));
        assertThat(scaled[0]).isBetween(1.0, 2.0);
        assertThat(Math.scalb(scaled[0], 1023)).isEqualTo(1.5e308);
        assertThat(Math.scalb(scaled[1], 1023)).isEqualTo(-1e308);
        assertThat(Sums.scalb(new double[] {3, -0.75}, -2)).containsExactly(0.75, -0.1875);
        assertThat(huge).as("the input is not modified").containsExactly(1.5e308, -1e308, 3);
    }

    // d = −3 −2 −1 6 about 4: Σd³ = −27 − 8 − 1 + 216 = 180, Σd⁴ = 81 + 16 + 1 + 1296 = 1394, Σd = 0
    @Test
    void sumsOfDeviationPowersAreTheHandWorkedOnes() {
        double[] values = {1, 2, 3, 10};
        assertThat(Sums.sumOfDeviationPowers(values, 4, 3)).isEqualTo(180);
        assertThat(Sums.sumOfDeviationPowers(values, 4, 4)).isEqualTo(1394);
        assertThat(Sums.sumOfDeviationPowers(values, 4, 1)).isZero();
        assertThatThrownBy(() -> Sums.sumOfDeviationPowers(values, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("power must be at least 1, was 0");
    }
}
