package dev.td.statistics.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Double-double arithmetic keeps what binary64 rounds away. Expected values are exact by construction (powers of two)
 * or from mpmath at 60 digits (hi = float(v), lo = float(v − hi)).
 */
class DoubleDoubleTest {

    // 1 + 2^−60 − 1 = 2^−60 exactly; in binary64 it is 0
    @Test
    void addingAndRemovingOneKeepsATinyTerm() {
        DoubleDouble sum = DoubleDouble.of(1).add(DoubleDouble.of(0x1p-60)).subtract(DoubleDouble.of(1));
        assertThat(sum.doubleValue()).isEqualTo(0x1p-60);
    }

    // (1 + 2^−60) + (1 + 2^−60) = 2 + 2^−59: the low parts add too
    @Test
    void lowPartsAreAddedToo() {
        DoubleDouble a = new DoubleDouble(1, 0x1p-60);
        DoubleDouble sum = a.add(a);
        assertThat(sum.hi()).isEqualTo(2.0);
        assertThat(sum.lo()).isEqualTo(0x1p-59);
        assertThat(sum.subtract(DoubleDouble.of(2)).doubleValue()).isEqualTo(0x1p-59);
    }

    // 2^53 + 1 + 1 = 2^53 + 2: binary64 would lose each 1 (spacing 2 at 2^53)
    @Test
    void unitsBesideTwoToThe53AreNotLost() {
        DoubleDouble sum = DoubleDouble.of(0x1p53).add(DoubleDouble.of(1)).add(DoubleDouble.of(1));
        assertThat(sum.doubleValue()).isEqualTo(0x1p53 + 2);
        assertThat(DoubleDouble.of(0x1p53).add(DoubleDouble.of(1)).lo()).isEqualTo(1.0);
    }

    // (1 + 2^−30)² = 1 + 2^−29 + 2^−60, held as hi 1 + 2^−29, lo 2^−60
    @Test
    void aProductKeepsItsRoundingError() {
        DoubleDouble x = DoubleDouble.of(1 + 0x1p-30);
        DoubleDouble square = x.multiply(x);
        assertThat(square.hi()).isEqualTo(1 + 0x1p-29);
        assertThat(square.lo()).isEqualTo(0x1p-60);
        assertThat(x.multiply(1 + 0x1p-30).lo()).isEqualTo(0x1p-60);
    }

    // 1/3 = 0.3333333333333333 + 1.850371707708594e-17 (mpmath); sqrt(2) = 1.4142135623730951 − 9.667293313452913e-17
    @Test
    void divisionAndSquareRootCarryTheLowPart() {
        DoubleDouble third = DoubleDouble.of(1).divide(DoubleDouble.of(3));
        assertThat(third.hi()).isEqualTo(0.3333333333333333);
        assertThat(third.lo()).isEqualTo(1.850371707708594e-17);
        DoubleDouble root = DoubleDouble.of(2).sqrt();
        assertThat(root.hi()).isEqualTo(1.4142135623730951);
        assertThat(root.lo())
                .as("one Newton step: good to about 1e-32")
                .isCloseTo(-9.667293313452913e-17, within(1e-31));
    }

    // sqrt of 0 is 0 (not 0/0), and a negative square (rounding noise) is treated as 0
    @Test
    void theSquareRootOfZeroOrLessIsZero() {
        assertThat(DoubleDouble.of(0).sqrt()).isEqualTo(DoubleDouble.ZERO);
        assertThat(DoubleDouble.of(-1e-40).sqrt()).isEqualTo(DoubleDouble.ZERO);
    }

    // hi 1, lo −2^−53 is 1 − 2^−53, a double; hi − lo would round to 1
    @Test
    void theDoubleValueIsHiPlusLo() {
        assertThat(new DoubleDouble(1, -0x1p-53).doubleValue()).isEqualTo(1 - 0x1p-53);
    }
}
