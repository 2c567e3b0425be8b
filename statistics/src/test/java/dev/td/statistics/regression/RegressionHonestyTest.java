package dev.td.statistics.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.td.statistics.Assumption;
import dev.td.statistics.NistDataset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link LinearRegression} refuses, reports and skips so that its numbers stay honest: collinear designs refused
 * at the precision of the data, the condition number of the column-scaled design, exact results at 10^±300, and
 * residual checks without power reported as not checked. References: NumPy 2.4 ({@code numpy.linalg.lstsq},
 * {@code numpy.linalg.cond(X / numpy.linalg.norm(X, axis=0))}, the column-scaled design with the intercept column of
 * ones included) and SciPy 1.17 ({@code scipy.stats.t.sf}).
 */
class RegressionHonestyTest {
    private static final double[] X1 = {1.3, 2.7, 3.1, 4.8, 5.2, 6.9, 7.4};
    private static final double[] Y1 = {2.1, 3.9, 4.2, 6.8, 6.9, 9.4, 9.8};

    // x = 1..10, y below: NumPy lstsq b = [1.3199999999999987, 0.8709090909090914], SE [0.2205914913604014,
    // 0.035551537881363546], t [5.983911672474205, 24.49708628119939], p (2·t.sf, df 8) [0.0003292489228775702,
    // 8.233710098292328e-09], R² 0.9868444255834059, residual SD 0.3229128787656622
    private static final double[] X =
            IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray();
    private static final double[] Y = {2.3, 2.9, 4.1, 4.4, 6.0, 6.2, 7.9, 8.1, 9.4, 9.8};
    private static final double[] B = {1.3199999999999987, 0.8709090909090914};
    private static final double[] SE = {0.2205914913604014, 0.035551537881363546};
    private static final double[] T = {5.983911672474205, 24.49708628119939};
    private static final double[] P = {0.0003292489228775702, 8.233710098292328e-09};
    private static final double R_SQUARED = 0.9868444255834059;
    private static final double RESIDUAL_SD = 0.3229128787656622;

    // x2 typed as the decimals of x1 + 1, 0.1·x1 and x1/3 (Python repr of each double): equal to x1's transform up to
    // the rounding of each entry. NumPy cond of the column-scaled [1, x1, x2]: 2.175e16, 1.192e16, 1.840e16; without
    // the intercept [x1, x2]: 9.151e15 (0.1·x1), 9.226e15 (x1/3) — all beyond 1/(7ε) = 6.43e14. NumPy's QR solve
    // returns coefficients of ±5e13 (x1 + 1), ±2.6e14 (0.1·x1), ±8.2e13 (x1/3) for them.
    @ParameterizedTest(name = "x2 = {0}, intercept {2}")
    @CsvSource({
        "x1 + 1,  '2.3, 3.7, 4.1, 5.8, 6.2, 7.9, 8.4', true",
        "0.1·x1,  '0.13, 0.27, 0.31, 0.48, 0.52, 0.69, 0.74', true",
        "x1/3,    '0.43333333333333335, 0.9, 1.0333333333333334, 1.5999999999999999, 1.7333333333333334, "
                + "2.3000000000000003, 2.466666666666667', true",
        "0.1·x1,  '0.13, 0.27, 0.31, 0.48, 0.52, 0.69, 0.74', false",
        "x1/3,    '0.43333333333333335, 0.9, 1.0333333333333334, 1.5999999999999999, 1.7333333333333334, "
                + "2.3000000000000003, 2.466666666666667', false"
    })
    void aColumnThatIsACombinationUpToRoundingIsRefusedNamingIt(String relation, String x2, boolean intercept) {
        double[] second = Arrays.stream(x2.split(",", -1))
                .mapToDouble(s -> Double.parseDouble(s.trim()))
                .toArray();
        LinearRegression ols = intercept
                ? LinearRegression.withDefaults()
                : LinearRegression.withDefaults().withoutIntercept();
        assertThatThrownBy(() -> ols.fit(new double[][] {X1, second}, Y1))
                .as("x2 = " + relation)
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(UnrepresentableFitException.class)
                .hasMessageStartingWith("predictor x2 is (numerically) a linear combination of the earlier columns")
                .hasMessageContaining("beyond 1/(max(n, p)·ε) = 6.4e+14")
                .hasMessageEndingWith("; remove it");
    }

    // x2 = x1/3 rounded to 9 decimals is identifiable from the data but barely: NumPy cond 2.2702517844259296e10 —
    // fitted, and flagged as unstable (> 1e8)
    @Test
    void aNearlyCollinearDesignWithinThePrecisionOfTheDataIsFittedAndFlaggedUnstable() {
        double[] x2 = {0.433333333, 0.9, 1.033333333, 1.6, 1.733333333, 2.3, 2.466666667};
        RegressionFit fit = LinearRegression.withDefaults().fit(new double[][] {X1, x2}, Y1);
        assertThat(fit.conditionNumber()).isCloseTo(2.2702517844259296e10, withinPercentage(1e-4));
        assertThat(fit.coefficientsUnstable()).isTrue();
    }

    // x = 1000..1011: the column-scaled [1, x, …, x^d] has κ 1.646e14 at degree 5, below 1/(12ε) = 3.75e14, and
    // 1.313e17 at degree 6 (mpmath 1.3, 60-digit SVD; NumPy's own cond is unreliable this close to 1/ε)
    @Test
    void aPolynomialPowerThatTheDataCannotTellApartIsRefusedNamingThePower() {
        double[] x = IntStream.range(1000, 1012).mapToDouble(i -> i).toArray();
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        RegressionFit quintic = LinearRegression.withDefaults().fitPolynomial(x, y, 5);
        assertThat(quintic.conditionNumber()).isCloseTo(1.646e14, withinPercentage(5));
        assertThat(quintic.coefficientsUnstable()).isTrue();
        assertThatThrownBy(() -> LinearRegression.withDefaults().fitPolynomial(x, y, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("predictor x^6 is (numerically) a linear combination of the earlier columns")
                .hasMessageEndingWith("; reduce the polynomial degree or centre x");
    }

    // NumPy cond of the column-scaled design: this line 4.075101114981964; R's cars [1, speed] 6.049344704402796;
    // NIST Longley [1, x1..x6] 43275.04358718; NIST Filip [1, x, …, x¹⁰] 5206821557.814949 (1.768e15 unscaled). NumPy
    // and this code agree to about ε·κ, so Filip is compared to 1e-4 %.
    @Test
    void theConditionNumberIsThatOfTheColumnScaledDesignAsNumPyComputesIt() {
        RegressionFit line = LinearRegression.withDefaults().fitLine(X, Y);
        assertThat(line.conditionNumber()).isCloseTo(4.075101114981964, within(1e-12));
        assertThat(line.coefficientsUnstable()).isFalse();
        RegressionFit cars =
                LinearRegression.withDefaults().fitLine(RegressionInferenceTest.SPEED, RegressionInferenceTest.DIST);
        assertThat(cars.conditionNumber()).isCloseTo(6.049344704402796, within(1e-12));
        double[][] longley = NistDataset.columns("Longley");
        RegressionFit longleyFit = LinearRegression.withDefaults().fit(Arrays.copyOfRange(longley, 1, 7), longley[0]);
        assertThat(longleyFit.conditionNumber()).isCloseTo(43275.04358718, withinPercentage(1e-8));
        assertThat(longleyFit.coefficientsUnstable()).isFalse();
        double[][] filip = NistDataset.columns("Filip");
        RegressionFit filipFit = LinearRegression.withDefaults().fitPolynomial(filip[1], filip[0], 10);
        assertThat(filipFit.conditionNumber()).isCloseTo(5206821557.814949, withinPercentage(1e-4));
        assertThat(filipFit.coefficientsUnstable()).isTrue();
    }

    // Exact law: multiplying y by 2^a and x by 2^b (exact in binary) multiplies the intercept and its SE by 2^a and
    // the slope and its SE by 2^(a−b), and leaves t, p and R² unchanged; expected values are NumPy's at scale 1 times
    // those powers. 2^±997 ≈ 10^±300.
    @ParameterizedTest(name = "y·2^{0}, x·2^{1}")
    @CsvSource({"0, 0", "-997, -997", "997, 997", "-997, 0", "997, 0", "-500, 500", "-1000, 0"})
    void aLineFittedAtAnyScaleGivesTheSameTestsAndExactlyScaledCoefficients(int a, int b) {
        RegressionFit fit = LinearRegression.withDefaults().fitLine(scaled(X, b), scaled(Y, a));
        RegressionFit unit = LinearRegression.withDefaults().fitLine(X, Y);
        int[] shift = {a, a - b};
        for (int k = 0; k < 2; k++) {
            Coefficient c = fit.coefficient(k);
            assertThat(c.value()).isCloseTo(Math.scalb(B[k], shift[k]), withinPercentage(1e-10));
            assertThat(c.standardError()).isCloseTo(Math.scalb(SE[k], shift[k]), withinPercentage(1e-10));
            assertThat(c.tStatistic().orElseThrow()).isCloseTo(T[k], withinPercentage(1e-10));
            assertThat(c.pValue().orElseThrow()).isCloseTo(P[k], withinPercentage(1e-8));
            Coefficient u = unit.coefficient(k);
            assertThat(c.value()).as("exactly scaled").isEqualTo(Math.scalb(u.value(), shift[k]));
            assertThat(c.standardError()).as("exactly scaled").isEqualTo(Math.scalb(u.standardError(), shift[k]));
            assertThat(c.ci().lower()).as("exactly scaled").isEqualTo(Math.scalb(u.ci().lower(), shift[k]));
            assertThat(c.tStatistic()).isEqualTo(u.tStatistic());
        }
        assertThat(fit.rSquared()).isCloseTo(R_SQUARED, within(1e-14));
        assertThat(fit.residualStandardDeviation()).isCloseTo(Math.scalb(RESIDUAL_SD, a), withinPercentage(1e-10));
        assertThat(fit.conditionNumber()).isEqualTo(unit.conditionNumber());
    }

    // Decimal scales (each value rounded once more): t, p and R² agree with NumPy at scale 1 to rounding; the
    // coefficients scale by 1e±300 (intercept) and 1 (slope, y and x scaled alike)
    @ParameterizedTest(name = "y and x times {0}")
    @CsvSource({"1e-300", "1e300"})
    void aLineAtTenToTheThreeHundredGivesTheSameTestsAsAtUnitScale(double scale) {
        double[] x = Arrays.stream(X).map(v -> v * scale).toArray();
        double[] y = Arrays.stream(Y).map(v -> v * scale).toArray();
        RegressionFit fit = LinearRegression.withDefaults().fitLine(x, y);
        assertThat(fit.coefficient(0).value()).isCloseTo(B[0] * scale, withinPercentage(1e-10));
        assertThat(fit.coefficient(0).standardError()).isCloseTo(SE[0] * scale, withinPercentage(1e-10));
        assertThat(fit.coefficient(1).value()).isCloseTo(B[1], withinPercentage(1e-10));
        assertThat(fit.coefficient(1).standardError()).isCloseTo(SE[1], withinPercentage(1e-10));
        for (int k = 0; k < 2; k++) {
            assertThat(fit.coefficient(k).tStatistic().orElseThrow()).isCloseTo(T[k], withinPercentage(1e-10));
            assertThat(fit.coefficient(k).pValue().orElseThrow()).isCloseTo(P[k], withinPercentage(1e-8));
        }
        assertThat(fit.rSquared()).isCloseTo(R_SQUARED, within(1e-14));
        assertThat(fit.residualStandardDeviation()).isCloseTo(RESIDUAL_SD * scale, withinPercentage(1e-10));
    }

    // y² data on x = 1..10, degree 2: NumPy b = [-0.0316666666666745, 0.061590909090913026, 0.9928030303030303],
    // t = [-0.10886330691409048, 0.5069807327063365, 92.24071238640079], R² 0.9999591111642502. With x·2^520 the
    // square of x alone (≈ 10^315) would overflow; b_k scales by 2^(a − k·b).
    @ParameterizedTest(name = "y·2^{0}, x·2^{1}")
    @CsvSource({"500, 520", "-600, -300", "0, 0"})
    void aPolynomialIsFittedAtUnitScaleSoItsPowersNeitherOverflowNorUnderflow(int a, int b) {
        double[] y = {1.2, 3.8, 9.1, 16.3, 24.8, 36.1, 49.3, 63.8, 81.2, 99.7};
        double[] coefficients = {-0.0316666666666745, 0.061590909090913026, 0.9928030303030303};
        double[] t = {-0.10886330691409048, 0.5069807327063365, 92.24071238640079};
        RegressionFit fit = LinearRegression.withDefaults().fitPolynomial(scaled(X, b), scaled(y, a), 2);
        for (int k = 0; k < 3; k++) {
            assertThat(fit.coefficient(k).value())
                    .isCloseTo(Math.scalb(coefficients[k], a - k * b), withinPercentage(1e-9));
            assertThat(fit.coefficient(k).tStatistic().orElseThrow()).isCloseTo(t[k], withinPercentage(1e-9));
        }
        assertThat(fit.rSquared()).isCloseTo(0.9999591111642502, within(1e-14));
    }

    // y·2^997 on x·2^-997: the slope 0.8709·2^1994 ≈ 10^600 exceeds binary64; y·2^-1000 on x·2^60: the slope's SE
    // 0.03555·2^-1060 ≈ 10^-321 is subnormal. Both are refused naming x, whose units should change.
    @Test
    void aCoefficientBeyondTheRangeOfDoublesIsRefusedNamingTheSeriesToRescale() {
        LinearRegression ols = LinearRegression.withDefaults();
        assertThatThrownBy(() -> ols.fitLine(scaled(X, -997), scaled(Y, 997)))
                .isInstanceOfSatisfying(
                        UnrepresentableFitException.class,
                        e -> assertThat(e.series()).isEqualTo("x"))
                .hasMessage("the coefficient of x^1 or its interval reaches about 1e600, beyond the largest double"
                        + " (about 1.8e308): express y or x in other units");
        assertThatThrownBy(() -> ols.fitLine(scaled(X, 60), scaled(Y, -1000)))
                .isInstanceOfSatisfying(
                        UnrepresentableFitException.class,
                        e -> assertThat(e.series()).isEqualTo("x"))
                .hasMessage("the standard error of the coefficient of x^1 is about 1e-321, below the smallest normal"
                        + " double (about 2.2e-308) where its digits are lost: express y or x in other units");
        assertThatThrownBy(() -> ols.fit(new double[][] {scaled(X, -997)}, scaled(Y, 997)))
                .isInstanceOfSatisfying(
                        UnrepresentableFitException.class,
                        e -> assertThat(e.series()).isEqualTo("x1"));
    }

    // A 3-point line has one residual degree of freedom: its residuals are always proportional to (1, −2, 1) for
    // equally spaced x, so W, r1 and Cook's distances are fixed by the design (the old checks said "not normal,
    // p = 8e-16" and "influential" for every such line)
    @Test
    void aThreePointLineReportsItsResidualChecksAsNotCheckedAndSaysWhy() {
        List<Assumption> checks = LinearRegression.withDefaults()
                .fitLine(new double[] {1, 2, 3}, new double[] {1.0, 2.5, 2.9})
                .quality()
                .assumptions();
        assertThat(checks).extracting(Assumption::outcome).containsOnly(Assumption.Outcome.NOT_CHECKED);
        assertThat(checks.get(0).detail())
                .isEqualTo("not tested: 1 residual degree of freedom, and Shapiro-Wilk on residuals needs at least 8"
                        + " to have power; the intervals assume normal errors");
        assertThat(checks.get(1).detail()).startsWith("not judged: 1 residual degree of freedom, and the lag-1");
        assertThat(checks.get(2).detail())
                .isEqualTo("not judged: with 3 points and 2 coefficients the leverages average p/n = 2/3 ≥ 1/2, so"
                        + " every point counts as high-leverage (h > 2p/n) and Cook's distance cannot single one"
                        + " out; needs more than 4 points");
    }

    // Thresholds: normality and independence from 8 residual degrees of freedom, influence from n > 2p
    @Test
    void eachResidualCheckRunsFromItsThresholdOn() {
        double[] y = {2.3, 2.9, 4.1, 4.4, 6.0, 6.2, 7.9, 8.1, 9.4, 9.8};
        List<Assumption> nine = LinearRegression.withDefaults()
                .fitLine(Arrays.copyOf(X, 9), Arrays.copyOf(y, 9))
                .quality()
                .assumptions();
        assertThat(nine.get(0).outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(nine.get(0).detail()).startsWith("not tested: 7 residual degrees of freedom");
        assertThat(nine.get(1).outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(nine.get(2).outcome()).isNotEqualTo(Assumption.Outcome.NOT_CHECKED);
        List<Assumption> ten =
                LinearRegression.withDefaults().fitLine(X, y).quality().assumptions();
        assertThat(ten).extracting(Assumption::outcome).doesNotContain(Assumption.Outcome.NOT_CHECKED);
        List<Assumption> four = LinearRegression.withDefaults()
                .fitLine(Arrays.copyOf(X, 4), Arrays.copyOf(y, 4))
                .quality()
                .assumptions();
        assertThat(four.get(2).outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        List<Assumption> five = LinearRegression.withDefaults()
                .fitLine(Arrays.copyOf(X, 5), Arrays.copyOf(y, 5))
                .quality()
                .assumptions();
        assertThat(five.get(2).outcome()).isNotEqualTo(Assumption.Outcome.NOT_CHECKED);
    }

    private static double[] scaled(double[] values, int exponent) {
        return Arrays.stream(values).map(v -> Math.scalb(v, exponent)).toArray();
    }
}
