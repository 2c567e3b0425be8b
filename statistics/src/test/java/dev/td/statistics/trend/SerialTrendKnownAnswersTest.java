package dev.td.statistics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The serial-correlation corrections of the trend methods on one hand-checkable series, against
 * NumPy/SciPy computations of the formulas in the classes' Javadoc (written out below).
 */
class SerialTrendKnownAnswersTest {

    // y = 0.5·x + a slow wave, x = 0..11
    private static final double[] NOISE = {0.3, 0.5, 0.6, 0.2, -0.1, -0.4, -0.3, 0.1, 0.4, 0.6, 0.3, -0.2};

    private static double[] x() {
        double[] x = new double[NOISE.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] y() {
        double[] y = new double[NOISE.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.5 * i + NOISE[i];
        }
        return y;
    }

    // numpy.polyfit: slope 0.4804195804195803; residual lag-1 r 0.5744901824224431 (NIST ACF); φ = r1 + (2 + 6·r1)/12
    // clamps at 0.95; Σ_ij w_i w_j φ^|i−j| / Σw² = 1.163973972038038 (w = x − x̄); tr(MΣ) = n − 1ᵀΣ1/n − that;
    // SE = sqrt(SSR/tr(MΣ) · wᵀΣw)/wᵀw = 0.10174664795982037; n_eff 10.309508879299791, df 8.309508879299791;
    // scipy t.ppf(0.975, df) → CI [0.24730391755838457, 0.7135352432807761]
    @Test
    void theLeastSquaresSlopeIntervalUsesTheAr1QuadraticForm() {
        LeastSquaresTrend.Slope s = LeastSquaresTrend.withDefaults().fit(x(), y());
        assertThat(s.slope()).isCloseTo(0.4804195804195803, within(1e-13));
        assertThat(s.persistence().lag1()).isCloseTo(0.5744901824224431, within(1e-12));
        assertThat(s.persistence().phi()).isEqualTo(0.95);
        assertThat(s.persistence().varianceFactor()).isCloseTo(1.163973972038038, within(1e-12));
        assertThat(s.persistence().effectiveN()).isCloseTo(10.309508879299791, within(1e-11));
        assertThat(s.standardError()).isCloseTo(0.10174664795982037, within(1e-12));
        assertThat(s.degreesOfFreedom()).isCloseTo(8.309508879299791, within(1e-11));
        assertThat(s.ci().lower()).isCloseTo(0.24730391755838457, within(1e-8));
        assertThat(s.ci().upper()).isCloseTo(0.7135352432807761, within(1e-8));
        assertThat(s.quality().assumptions().getFirst().name()).isEqualTo("independence");
        assertThat(s.quality().assumptions().getFirst().met())
                .as("r1 0.574 > 1.96/sqrt(12)")
                .isFalse();
        assertThat(s.quality().approximation()).as("12 values").isPresent();
    }

    // Hamed–Rao factor at φ 0.95, n 12: 1 + 2/(12·11·10)·Σ_{k=1..9}(12−k)(11−k)(10−k)·0.95^k = 4.952121133825621;
    // C = 1.959964·sqrt(Var S · factor) spans every one of the 66 slopes: the Sen interval is [min, max] =
    // [0.0, 0.9]; the median slope 0.47638888888888886 (NumPy)
    @Test
    void theSenIntervalWidensByTheHamedRaoFactor() {
        TrendEstimate t = TheilSen.withDefaults().fit(x(), y());
        assertThat(t.slope()).isCloseTo(0.47638888888888886, within(1e-13));
        assertThat(t.persistence().varianceFactor()).isCloseTo(4.952121133825621, within(1e-12));
        assertThat(t.persistence().effectiveN()).isCloseTo(12 / 4.952121133825621, within(1e-12));
        assertThat(t.slopeCi().lower()).isCloseTo(0.0, within(1e-13));
        assertThat(t.slopeCi().upper()).isCloseTo(0.9, within(1e-13));
        TrendEstimate classical =
                TheilSen.withDefaults().withIndependentObservations().fit(x(), y());
        assertThat(classical.persistence().adjusted()).isFalse();
        assertThat(classical.slopeCi().width()).isLessThan(t.slopeCi().width());
        assertThat(classical.quality().approximation()).isEmpty();
    }
}
