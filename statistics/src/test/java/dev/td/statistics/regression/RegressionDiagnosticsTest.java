package dev.td.statistics.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.SampleSize;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Coefficient intervals, R² without intercept, the residual checks and the input checks of {@link LinearRegression},
 * against NumPy 2.4 ({@code numpy.linalg.lstsq}; hat matrix X(XᵀX)⁻¹Xᵀ for Cook's distance e²h/(p·s²·(1 − h)²); the
 * NIST lag-1 autocorrelation of the residuals) and SciPy 1.17 ({@code scipy.stats.t.ppf}, {@code norm.ppf},
 * {@code shapiro}).
 */
class RegressionDiagnosticsTest {
    // R datasets::cars (Ezekiel 1930), kept in RegressionInferenceTest
    private static final double[] SPEED = RegressionInferenceTest.SPEED;
    private static final double[] DIST = RegressionInferenceTest.DIST;

    // b ± t.ppf(0.975, 48)·SE → intercept [−31.16784960238862, −3.9903401786332253], speed [3.096964328140322,
    // 4.767853190107852] (R's confint(lm(dist ~ speed, cars)) prints −31.167850 −3.990340 / 3.096964 4.767853);
    // at 90 %: [−28.914514270652457, −6.243675510369389], [3.2355006763159526, 4.629316841932221]
    @Test
    void coefficientIntervalsAreStudentTIntervalsWithTheResidualDegreesOfFreedom() {
        RegressionFit fit = LinearRegression.withDefaults().fitLine(SPEED, DIST);
        assertInterval(fit.coefficient("intercept").orElseThrow().ci(), -31.16784960238862, -3.9903401786332253);
        assertInterval(fit.coefficient("x^1").orElseThrow().ci(), 3.096964328140322, 4.767853190107852);
        RegressionFit ninety =
                LinearRegression.withDefaults().withConfidenceLevel(0.9).fitLine(SPEED, DIST);
        assertInterval(ninety.coefficient(0).ci(), -28.914514270652457, -6.243675510369389);
        assertInterval(ninety.coefficient(1).ci(), 3.2355006763159526, 4.629316841932221);
        assertThat(ninety.quality().confidenceLevel()).isEqualTo(0.9);
        assertThat(fit.coefficient("x^2")).isEmpty();
        assertThat(fit.quality().sampleSize()).isEqualTo(SampleSize.SUFFICIENT);
    }

    // cars residuals: Shapiro–Wilk p 0.021524575915112247 (fails at 0.05); lag-1 r 0.16043221072446676 within
    // ±1.959964/sqrt(50) = 0.27718076486993554; largest Cook's distance 0.34039593360643833 at index 48 (R's
    // cooks.distance, observation 49)
    @Test
    void carsResidualsFailNormalityButAreIndependentAndNotInfluential() {
        List<Assumption> checks =
                LinearRegression.withDefaults().fitLine(SPEED, DIST).quality().assumptions();
        assertThat(checks)
                .extracting(Assumption::name)
                .containsExactly("normality of residuals", "independence of residuals", "no influential points");
        assertThat(checks.get(0).met()).isFalse();
        assertThat(checks.get(0).pValue().orElseThrow()).isCloseTo(0.021524575915112247, within(1e-8));
        assertThat(checks.get(1).met()).isTrue();
        assertThat(checks.get(1).statistic().orElseThrow()).isCloseTo(0.16043221072446676, within(1e-12));
        assertThat(checks.get(1).detail())
                .startsWith("lag-1 autocorrelation of residuals 0.16043")
                .contains(" within ± 0.27718");
        assertThat(checks.get(2).met()).isTrue();
        assertThat(checks.get(2).statistic().orElseThrow()).isCloseTo(0.34039593360643833, within(1e-12));
        assertThat(checks.get(2).detail())
                .startsWith("largest Cook's distance 0.34039")
                .endsWith(" at index 48 ≤ 1");
    }

    // x = 1..10, y = 1.1 1.9 3.2 3.8 5.1 6.0 6.9 8.1 9.0 30: the last point's Cook's distance is 2.11007830017749;
    // the residuals' lag-1 r −0.04578556305491738 is within ±0.6197950323045616
    @Test
    void aHighLeveragePointFailsTheInfluenceCheckNamingItsIndex() {
        double[] x = IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray();
        double[] y = {1.1, 1.9, 3.2, 3.8, 5.1, 6.0, 6.9, 8.1, 9.0, 30};
        List<Assumption> checks =
                LinearRegression.withDefaults().fitLine(x, y).quality().assumptions();
        Assumption influence = checks.get(2);
        assertThat(influence.met()).isFalse();
        assertThat(influence.statistic().orElseThrow()).isCloseTo(2.11007830017749, within(1e-12));
        assertThat(influence.detail())
                .startsWith("largest Cook's distance 2.11007")
                .endsWith(" at index 9 > 1: refit without it or use Theil-Sen");
        assertThat(checks.get(1).statistic().orElseThrow()).isCloseTo(-0.04578556305491738, within(1e-12));
        assertThat(checks.get(1).met()).isTrue();
    }

    // A straight line through y = x², x = 1..20, leaves U-shaped residuals: lag-1 r = 0.75 (NumPy) >
    // 0.43826127028829076
    @Test
    void curvatureLeftInTheResidualsFailsTheIndependenceCheck() {
        double[] x = IntStream.rangeClosed(1, 20).mapToDouble(i -> i).toArray();
        double[] y = IntStream.rangeClosed(1, 20).mapToDouble(i -> i * i).toArray();
        Assumption independence = LinearRegression.withDefaults()
                .fitLine(x, y)
                .quality()
                .assumptions()
                .get(1);
        assertThat(independence.met()).isFalse();
        assertThat(independence.statistic().orElseThrow()).isCloseTo(0.75, within(1e-12));
        assertThat(independence.detail())
                .contains(" outside ± 0.43826")
                .endsWith(": standard errors are too small if the data are a time series");
    }

    // y = 1 + 2x exactly: residuals are 0, so the standard errors are 0, t and p are not defined, the interval is the
    // point, and both residual checks say why they cannot judge
    @Test
    void anExactFitHasNoTestsAndDegenerateIntervals() {
        RegressionFit fit =
                LinearRegression.withDefaults().fitLine(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        Coefficient slope = fit.coefficient(1);
        assertThat(slope.value()).isEqualTo(2.0);
        assertThat(slope.standardError()).isZero();
        assertThat(slope.tStatistic()).isEmpty();
        assertThat(slope.pValue()).isEmpty();
        assertThat(slope.ci().lower()).isEqualTo(2.0);
        assertThat(slope.ci().upper()).isEqualTo(2.0);
        assertThat(fit.rSquared()).isEqualTo(1.0);
        assertThat(fit.quality().sampleSize()).as("n 4 ≥ p + 1 = 3, < p + 10").isEqualTo(SampleSize.MINIMAL);
        List<Assumption> checks = fit.quality().assumptions();
        assertThat(checks.get(1).detail()).isEqualTo("residuals are all zero (exact fit)");
        assertThat(checks.get(1).outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(checks.get(2).detail()).isEqualTo("exact fit: Cook's distance undefined");
        assertThat(checks.get(2).outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
    }

    // Through the origin, x = 1..5, y = 1.2 1.9 3.2 3.9 5.1: b = Σxy/Σx² = 1.0127272727272725, SE 0.02143604749554837,
    // df 4, uncentred R² = 1 − SSE/Σy² = 0.9982110969900742 (NumPy)
    @Test
    void withoutAnInterceptTheSlopeGoesThroughTheOriginAndRSquaredIsUncentred() {
        RegressionFit fit = LinearRegression.withDefaults()
                .withoutIntercept()
                .fitLine(new double[] {1, 2, 3, 4, 5}, new double[] {1.2, 1.9, 3.2, 3.9, 5.1});
        assertThat(fit.coefficients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("x^1");
            assertThat(c.value()).isCloseTo(1.0127272727272725, within(1e-14));
            assertThat(c.standardError()).isCloseTo(0.02143604749554837, within(1e-14));
        });
        assertThat(fit.residualDegreesOfFreedom()).isEqualTo(4);
        assertThat(fit.centredRSquared()).isFalse();
        assertThat(fit.rSquared()).isCloseTo(0.9982110969900742, within(1e-14));
    }

    @Test
    void polynomialInputsAreValidatedNamingTheSeries() {
        LinearRegression ols = LinearRegression.withDefaults();
        assertThatThrownBy(() -> ols.fitPolynomial(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degree must be at least 1, was 0");
        assertThatThrownBy(() -> ols.fitLine(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x[1] is NaN");
        assertThatThrownBy(() -> ols.fitLine(new double[] {1, 2, 3}, new double[] {1, 2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("y[2] is NaN");
        assertThatThrownBy(() -> ols.fitLine(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x and y must have the same length, got 4 and 3");
        assertThatThrownBy(() -> ols.fitLine(new double[] {2, 2, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x is constant");
    }

    @Test
    void predictorColumnsAreValidatedNamingTheColumn() {
        LinearRegression ols = LinearRegression.withDefaults();
        double[] y = {1, 2, 4, 3, 5};
        assertThatThrownBy(() -> ols.fit(new double[0][], y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns must hold at least one predictor series");
        assertThatThrownBy(() -> ols.fit(new double[][] {{1, 2, 3, 4, 5}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("y needs at least 2 values, got 1");
        assertThatThrownBy(() -> ols.fit(new double[][] {{1, 2, 3, 4, 5}, {1, 0, Double.POSITIVE_INFINITY, 0, 1}}, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x2[2] is Infinity");
        assertThatThrownBy(() -> ols.fit(new double[][] {{1, 2, 3, 4}}, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x1 and y must have the same length, got 4 and 5");
        assertThatThrownBy(() -> ols.fit(new double[][] {{1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}}, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("predictor x2 is (numerically) a linear combination of the earlier columns");
    }

    // With an intercept, 2 predictors are 3 coefficients: 3 observations are too few, 4 are enough (df 1); without an
    // intercept 2 observations fit 1 predictor
    @Test
    void theInterceptCountsAsACoefficient() {
        LinearRegression ols = LinearRegression.withDefaults();
        assertThatThrownBy(() -> ols.fit(new double[][] {{1, 2, 3}, {1, 0, 1}}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need more observations (3) than coefficients (3): add data or drop predictors");
        RegressionFit four = ols.fit(new double[][] {{1, 2, 3, 4}, {1, 0, 1, 3}}, new double[] {1, 2, 3, 5});
        assertThat(four.residualDegreesOfFreedom()).isEqualTo(1);
        assertThat(four.coefficients()).extracting(Coefficient::name).containsExactly("intercept", "x1", "x2");
        RegressionFit origin = ols.withoutIntercept().fit(new double[][] {{1, 2}}, new double[] {2, 3});
        assertThat(origin.residualDegreesOfFreedom()).isEqualTo(1);
        assertThat(origin.coefficients()).extracting(Coefficient::name).containsExactly("x1");
    }

    @Test
    void aFitNeedsAtLeastOneResidualDegreeOfFreedomAndFewerThanN() {
        List<Coefficient> one = List.of(new Coefficient(
                "x1",
                1,
                0,
                new Interval(1, 1, 0.95),
                java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty()));
        dev.td.statistics.Quality quality = dev.td.statistics.Quality.ran(SampleSize.MINIMAL, 0.95, List.of());
        assertThat(new RegressionFit(one, 0, 1, true, 2, 1, 1, quality).residualDegreesOfFreedom())
                .isEqualTo(1);
        assertThatThrownBy(() -> new RegressionFit(one, 0, 1, true, 2, 0, 1, quality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regression residualDegreesOfFreedom must be in [1, n), was 0");
        assertThatThrownBy(() -> new RegressionFit(one, 0, 1, true, 2, 2, 1, quality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regression residualDegreesOfFreedom must be in [1, n), was 2");
    }

    private static void assertInterval(Interval ci, double lower, double upper) {
        assertThat(ci.lower()).isCloseTo(lower, within(1e-11));
        assertThat(ci.upper()).isCloseTo(upper, within(1e-11));
    }
}
