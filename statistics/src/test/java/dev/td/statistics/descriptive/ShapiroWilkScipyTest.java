package dev.td.statistics.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.SampleSize;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shapiro–Wilk (AS R94) against SciPy 1.17 {@code scipy.stats.shapiro(values)}, which implements the same algorithm:
 * one sample from each branch of the coefficients (n = 3, n ≤ 5, n > 5) and of the p-value (n = 3, 4 ≤ n ≤ 11,
 * n ≥ 12). W compared at 1e-9, p at 1e-8 (SciPy's p for 4 ≤ n ≤ 11 differs from a plain double evaluation of
 * Royston's polynomials by about 1e-9; R prints 4 digits).
 */
class ShapiroWilkScipyTest {
    private static final String THREE = "1.0 2.0 4.0";
    private static final double P_THREE = 0.6368868450289689;
    private static final String SKEWED = "148 154 158 160 161 162 166 170 182 195 236";
    private static final double P_SKEWED = 0.006703814061898823;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                THREE + "; 0.9642857142857142; " + P_THREE,
                "2.1 3.4 1.9 5.6; 0.8760318341481133; 0.321964802033592",
                "4.4 1.2 3.3 2.8 9.1; 0.8872391735461643; 0.34341116030475494",
                "2.3 4.1 3.3 5.9 3.0 4.4; 0.965670725759742; 0.8621926081131681",
                SKEWED + "; 0.7888146948631716; " + P_SKEWED,
                "3.1 2.2 4.7 3.9 5.5 2.8 3.3 4.1 6.0 3.6 2.9 4.4; 0.966849628063141; 0.8751670063338199"
            })
    void wAndPMatchScipyShapiro(String values, double w, double p) {
        HypothesisTest test = ShapiroWilkTest.withDefaults().test(parse(values));
        assertThat(test.statistic()).isCloseTo(w, within(1e-9));
        assertThat(test.pValue()).isCloseTo(p, within(1e-8));
        assertThat(test.method()).isEqualTo("Shapiro-Wilk normality test (Royston 1995, AS R94)");
    }

    // The n = 11 sample has p = 0.0067 (SciPy, P_SKEWED): normality fails at alpha 0.05 and 0.01, holds at 0.005
    @Test
    void theCheckFailsBelowAlphaAndNamesTheField() {
        double[] skewed = parse(SKEWED);
        Assumption failed = ShapiroWilkTest.withDefaults().check("b", skewed);
        assertThat(failed.name()).isEqualTo("normality of b");
        assertThat(failed.met()).isFalse();
        // the W of the check is its statistic and the test's p its p-value, never the other way round
        assertThat(failed.pValue().orElseThrow()).isCloseTo(P_SKEWED, within(1e-8));
        assertThat(failed.statistic().orElseThrow()).isCloseTo(0.78881, within(1e-5));
        assertThat(failed.detail()).startsWith("Shapiro-Wilk W = 0.78881").endsWith(" < 0.05");
        assertThat(ShapiroWilkTest.withDefaults()
                        .withAlpha(0.01)
                        .check("b", skewed)
                        .met())
                .isFalse();
        Assumption met = ShapiroWilkTest.withDefaults().withAlpha(0.005).check("b", skewed);
        assertThat(met.met()).isTrue();
        assertThat(met.detail()).endsWith(" ≥ 0.005");
    }

    @Test
    void theCheckExplainsWhyItCouldNotTest() {
        Assumption two = ShapiroWilkTest.withDefaults().check("a", new double[] {1, 2});
        assertThat(two.outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(two.statistic()).isEmpty();
        assertThat(two.detail()).isEqualTo("too few values (2) to check normality");
        Assumption constant = ShapiroWilkTest.withDefaults().check("a", new double[] {3, 3, 3, 3});
        assertThat(constant.outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(constant.detail()).isEqualTo("a is constant");
        Assumption notConstant = ShapiroWilkTest.withDefaults().check("a", new double[] {3, 3, 3, 4});
        assertThat(notConstant.detail()).startsWith("Shapiro-Wilk W = ");
        // three values are enough (p of {1, 2, 4} from SciPy, above)
        assertThat(ShapiroWilkTest.withDefaults()
                        .check("a", new double[] {1, 2, 4})
                        .pValue()
                        .orElseThrow())
                .isCloseTo(0.6368868450289689, within(1e-9));
    }

    // AS R94 is valid up to n = 5000: the check stops testing above (central limit theorem), the test refuses
    @Test
    void aboveFiveThousandValuesTheCheckAssumesNormalityAndTheTestRefuses() {
        double[] many = IntStream.range(0, 5001).mapToDouble(i -> i % 7).toArray();
        Assumption check = ShapiroWilkTest.withDefaults().check("a", many);
        assertThat(check.outcome()).isEqualTo(Assumption.Outcome.NOT_CHECKED);
        assertThat(ShapiroWilkTest.permitsNormalTheory(check, many.length)).isTrue();
        assertThat(check.detail())
                .isEqualTo("not tested: n = 5001 > 5000; the mean is close to normal by the central limit theorem");
        assertThatThrownBy(() -> ShapiroWilkTest.withDefaults().test(many))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values has 5001 points; Shapiro–Wilk (AS R94) is valid up to 5000: test a subsample");
        double[] fiveThousand = IntStream.range(0, 5000).mapToDouble(i -> i % 7).toArray();
        assertThat(ShapiroWilkTest.withDefaults().check("a", fiveThousand).detail())
                .startsWith("Shapiro-Wilk W = ");
        assertThat(ShapiroWilkTest.withDefaults().test(fiveThousand).statistic())
                .as("5000 values are still tested")
                .isBetween(0.0, 1.0);
    }

    @Test
    void theTestRefusesTooFewOrConstantValuesAndClassifiesTheSampleSize() {
        assertThatThrownBy(() -> ShapiroWilkTest.withDefaults().test(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values needs at least 3 values, got 2");
        assertThatThrownBy(() -> ShapiroWilkTest.withDefaults().test(new double[] {2, 2, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values is constant");
        HypothesisTest test = ShapiroWilkTest.withDefaults().withAlpha(0.1).test(parse(THREE));
        assertThat(test.quality().sampleSize()).isEqualTo(SampleSize.MINIMAL);
        assertThat(test.quality().confidenceLevel()).isEqualTo(0.9);
        assertThat(test.alpha()).isEqualTo(0.1);
    }

    private static double[] parse(String values) {
        return java.util.Arrays.stream(values.trim().split(" ", -1))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}
