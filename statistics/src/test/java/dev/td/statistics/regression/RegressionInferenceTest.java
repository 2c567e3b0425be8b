package dev.td.statistics.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionInferenceTest {

    // R datasets::cars (Ezekiel 1930), 50 cars: speed (mph) and stopping distance (ft)
    static final double[] SPEED = {
        4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17,
        17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25
    };
    static final double[] DIST = {
        2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40,
        32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85
    };

    // R: summary(lm(dist ~ speed, data = cars)), printed to 4-5 significant digits:
    // (Intercept) -17.5791  6.7584  -2.601  0.0123;  speed 3.9324  0.4155  9.464  1.49e-12;  residual SE 15.38 on 48 df
    @Test
    void coefficientTestsMatchRSummaryOfLmOnCars() {
        RegressionFit fit = LinearRegression.withDefaults().fitLine(SPEED, DIST);
        Coefficient intercept = fit.coefficients().get(0);
        Coefficient slope = fit.coefficients().get(1);
        assertThat(intercept.value()).isCloseTo(-17.5791, within(5e-5));
        assertThat(intercept.standardError()).isCloseTo(6.7584, within(5e-5));
        assertThat(intercept.tStatistic().orElseThrow()).isCloseTo(-2.601, within(5e-4));
        assertThat(intercept.pValue().orElseThrow()).isCloseTo(0.0123, within(5e-5));
        assertThat(slope.value()).isCloseTo(3.9324, within(5e-5));
        assertThat(slope.standardError()).isCloseTo(0.4155, within(5e-5));
        assertThat(slope.tStatistic().orElseThrow()).isCloseTo(9.464, within(5e-4));
        assertThat(slope.pValue().orElseThrow()).isCloseTo(1.49e-12, within(5e-15));
        assertThat(fit.residualStandardDeviation()).isCloseTo(15.38, within(5e-3));
    }
}
