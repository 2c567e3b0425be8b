package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The AR(1) arithmetic behind every series interval, against sums worked by hand. */
class SerialCorrelationTest {

    // 1, 2, 3, 4: deviations −1.5, −0.5, 0.5, 1.5; Σd² = 5; Σ d_i·d_{i+1} = 0.75 − 0.25 + 0.75 = 1.25 → r1 = 0.25
    @Test
    void lagOneIsTheNistAutocorrelationAtAnyScale() {
        assertThat(SerialCorrelation.lag1(new double[] {1, 2, 3, 4})).isCloseTo(0.25, within(1e-15));
        assertThat(SerialCorrelation.lag1(new double[] {1e300, 2e300, 3e300, 4e300}))
                .isCloseTo(0.25, within(1e-15));
        assertThat(SerialCorrelation.lag1(new double[] {1e-300, 2e-300, 3e-300, 4e-300}))
                .isCloseTo(0.25, within(1e-15));
        assertThat(SerialCorrelation.lag1(new double[] {7, 7, 7})).isZero();
    }

    // φ = r1 + (1 + 4·r1)/n about the mean, r1 + (2 + 6·r1)/n about a line; clamped to [0, 0.95]
    @Test
    void phiRemovesTheShortSeriesBiasAndStaysInItsRange() {
        assertThat(SerialCorrelation.phiAboutMean(0.3, 50)).isCloseTo(0.344, within(1e-15));
        assertThat(SerialCorrelation.phiAboutLine(0.3, 50)).isCloseTo(0.376, within(1e-15));
        assertThat(SerialCorrelation.phiAboutMean(-0.5, 10))
                .as("negative: independence")
                .isZero();
        assertThat(SerialCorrelation.phiAboutLine(0.95, 20)).as("capped").isEqualTo(0.95);
        assertThat(SerialCorrelation.phiAboutLine(Double.NaN, 20)).isZero();
        assertThat(SerialCorrelation.phiAboutLine(new double[] {0, 0, 0, 0}))
                .as("an exact fit")
                .isZero();
        // residuals 1, 2, 3, 4 (r1 0.25 by hand above): 0.25 + (2 + 1.5)/4
        assertThat(SerialCorrelation.phiAboutLine(new double[] {1, 2, 3, 4})).isCloseTo(0.95, within(1e-15));
    }

    // w = 1, 2, 3, φ 0.5: Σw² = 14, plus 2·[0.5·(1·2 + 2·3) + 0.25·(1·3)] = 9.5 → 23.5
    @Test
    void theQuadraticFormSumsEveryPairWithItsLagWeight() {
        assertThat(SerialCorrelation.quadraticForm(0.5, new double[] {1, 2, 3})).isCloseTo(23.5, within(1e-13));
        assertThat(SerialCorrelation.quadraticForm(0, new double[] {1, 2, 3})).isCloseTo(14, within(1e-13));
    }

    // n 4, φ 0.5: 1 + 2·[(3/4)·0.5 + (2/4)·0.25 + (1/4)·0.125] = 2.0625
    @Test
    void theMeanFactorIsTheFiniteSampleVarianceRatio() {
        assertThat(SerialCorrelation.meanFactor(0.5, 4)).isCloseTo(2.0625, within(1e-15));
        assertThat(SerialCorrelation.meanFactor(0, 40)).isEqualTo(1);
    }

    // n 5, φ 0.5: 1 + 2/(5·4·3)·[4·3·2·0.5 + 3·2·1·0.25] = 1 + 2·13.5/60 = 1.45 (Hamed & Rao 1998, eq. 26)
    @Test
    void theMannKendallFactorIsHamedRaosWithAnAr1Model() {
        assertThat(SerialCorrelation.mannKendallFactor(0.5, 5)).isCloseTo(1.45, within(1e-15));
        assertThat(SerialCorrelation.mannKendallFactor(0, 50)).isEqualTo(1);
        assertThat(SerialCorrelation.mannKendallFactor(0.5, 2)).isEqualTo(1);
    }
}
