package dev.td.statistics.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.trend.LeastSquaresTrend;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values near the ends of a double's range give the same relative answers as values near 1: td used
 * to report SD 0 and a zero-width interval at 1e-300, and no SD at all at 1e300.
 */
class DescribeAtExtremeScalesTest {

    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, SD = sqrt(32/7) = 2.1380899352993950 (by hand)
    private static final double[] VALUES = {2, 4, 4, 4, 5, 5, 7, 9};
    private static final double SD = Math.sqrt(32.0 / 7);

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e-300, 1e-200, 1e200, 1e300})
    void meanSdAndIntervalScaleWithTheValues(double scale) {
        double[] scaled = new double[VALUES.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = VALUES[i] * scale;
        }
        Description atOne = Descriptive.withDefaults().describe(VALUES);
        Description d = Descriptive.withDefaults().describe(scaled);
        assertThat(d.mean() / scale).isCloseTo(5, within(1e-13));
        assertThat(d.standardDeviation() / scale).isCloseTo(SD, within(1e-13));
        assertThat(d.meanCi().width()).as("a real interval, not a point").isGreaterThan(0);
        assertThat(d.meanCi().lower() / scale).isCloseTo(atOne.meanCi().lower(), within(1e-12));
        assertThat(d.meanCi().upper() / scale).isCloseTo(atOne.meanCi().upper(), within(1e-12));
        assertThat(d.lag1Autocorrelation()).isPresent();
        assertThat(d.lag1Autocorrelation().getAsDouble())
                .isCloseTo(atOne.lag1Autocorrelation().getAsDouble(), within(1e-13));
    }

    // ±1e300, 1, 2, 3: Σ(x − mean)² ≈ 2·10^600, SD = sqrt(2e600/4) = 7.0710678118654755e299 (the figure)
    @Test
    void aSpreadBeyondTheSquareOfTheLargestDoubleStillHasItsStandardDeviation() {
        Description d = Descriptive.withDefaults().describe(new double[] {1e300, -1e300, 1, 2, 3});
        assertThat(d.standardDeviation()).isCloseTo(7.07106781186547e299, within(1e286));
        assertThat(Double.isFinite(d.meanCi().lower())
                        && Double.isFinite(d.meanCi().upper()))
                .isTrue();
        assertThat(d.meanCi().contains(d.mean())).isTrue();
    }

    // y = 3·x·scale + noise·scale for x = 0..11: slopes and their intervals scale with y (Theil–Sen: pairwise slopes;
    // least squares: SE from residuals scaled by a power of two)
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e-300, 1e300})
    void trendSlopesAndTheirIntervalsScaleWithTheValues(double scale) {
        double[] noise = {0.3, -0.2, 0.5, -0.4, 0.1, 0.0, -0.3, 0.2, 0.4, -0.1, -0.5, 0.25};
        double[] x = new double[noise.length];
        double[] y = new double[noise.length];
        double[] yScaled = new double[noise.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 3 * i + noise[i];
            yScaled[i] = y[i] * scale;
        }
        TrendEstimate sen = TheilSen.withDefaults().fit(x, y);
        TrendEstimate senScaled = TheilSen.withDefaults().fit(x, yScaled);
        assertThat(senScaled.slope() / scale).isCloseTo(sen.slope(), within(1e-12));
        assertThat(senScaled.slopeCi().lower() / scale).isCloseTo(sen.slopeCi().lower(), within(1e-12));
        assertThat(senScaled.slopeCi().upper() / scale).isCloseTo(sen.slopeCi().upper(), within(1e-12));
        LeastSquaresTrend.Slope ls = LeastSquaresTrend.withDefaults().fit(x, y);
        LeastSquaresTrend.Slope lsScaled = LeastSquaresTrend.withDefaults().fit(x, yScaled);
        assertThat(lsScaled.standardError())
                .as("not 0 at 1e-300, not NaN at 1e300")
                .isGreaterThan(0);
        assertThat(lsScaled.standardError() / scale).isCloseTo(ls.standardError(), within(1e-12));
        assertThat(lsScaled.ci().lower() / scale).isCloseTo(ls.ci().lower(), within(1e-11));
    }
}
