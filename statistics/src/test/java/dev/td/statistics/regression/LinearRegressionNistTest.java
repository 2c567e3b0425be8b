package dev.td.statistics.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Digits;
import dev.td.statistics.NistDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearRegressionNistTest {

    // NIST StRD Norris, Pontius, Filip, Wampler1–5 (polynomial models), certified coefficients, SEs,
    // residual SD and R²; digits per set as stated in the CSV (Norris/Pontius 9 as required, Filip 6 required)
    @ParameterizedTest(name = "{0} degree {1} to {2} digits")
    @CsvSource({
        "Norris, 1, 12",
        "Pontius, 2, 12",
        "Filip, 10, 9",
        "Wampler1, 5, 12",
        "Wampler2, 5, 12",
        "Wampler3, 5, 12",
        "Wampler4, 5, 12",
        "Wampler5, 5, 12"
    })
    void polynomialFitMatchesNistCertifiedValues(String name, int degree, int digits) {
        double[][] data = NistDataset.columns(name);
        RegressionFit fit = LinearRegression.withDefaults().fitPolynomial(data[1], data[0], degree);
        assertCertified(name, fit, NistDataset.certified(name), digits, 0);
    }

    // NIST StRD Longley, certified values, 12 significant digits (9 required)
    @Test
    void longleyMultipleRegressionMatchesNistCertifiedValues() {
        double[][] data = NistDataset.columns("Longley");
        RegressionFit fit = LinearRegression.withDefaults().fit(Arrays.copyOfRange(data, 1, 7), data[0]);
        assertCertified("Longley", fit, NistDataset.certified("Longley"), 12, 0);
    }

    // NIST StRD NoInt1 and NoInt2 (no intercept, uncentred R²), certified values, 12 significant digits
    @ParameterizedTest
    @CsvSource({"NoInt1", "NoInt2"})
    void noInterceptFitMatchesNistCertifiedValuesWithUncentredRSquared(String name) {
        double[][] data = NistDataset.columns(name);
        RegressionFit fit = LinearRegression.withDefaults().withoutIntercept().fitLine(data[1], data[0]);
        assertThat(fit.centredRSquared()).isFalse();
        assertCertified(name, fit, NistDataset.certified(name), 12, 1);
    }

    private static void assertCertified(
            String name, RegressionFit fit, NistDataset.Certified certified, int digits, int firstIndex) {
        for (int k = 0; k < fit.coefficients().size(); k++) {
            String key = "B" + (k + firstIndex);
            Coefficient c = fit.coefficient(k);
            Digits.assertSignificant(name + " " + key, c.value(), certified.get(key), digits);
            assertStandardError(name + " sd(" + key + ")", c.standardError(), certified.get("sd(" + key + ")"), digits);
        }
        assertStandardError(
                name + " residual sd", fit.residualStandardDeviation(), certified.get("residual_sd"), digits);
        Digits.assertSignificant(name + " R²", fit.rSquared(), certified.get("r_squared"), digits);
    }

    /** Wampler1/2 are exact fits: certified SEs and residual SD are 0, so compare absolutely. */
    private static void assertStandardError(String what, double actual, double expected, int digits) {
        if (expected == 0) {
            assertThat(actual).as(what + " (certified exactly 0)").isCloseTo(0, within(1e-9));
        } else {
            Digits.assertSignificant(what, actual, expected, digits);
        }
    }
}
