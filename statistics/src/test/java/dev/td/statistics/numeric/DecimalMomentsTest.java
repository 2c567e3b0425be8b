package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact integer path of {@link DecimalMoments} against the definitions evaluated in the test with 100-digit
 * decimal arithmetic (mean, Σ(x − mean)², Σ(x_i − mean)(x_{i−1} − mean)), and the decimal128 path it falls back to
 * against the exact one on the same values. Tolerance: the doubles agree to 1 ulp (both are the 34-digit results
 * rounded to binary64).
 */
class DecimalMomentsTest {
    private static final MathContext DIGITS_100 = new MathContext(100);

    @Test
    void exactSumsMatchTheDefinitionsInHundredDigitArithmeticOnRandomDecimals() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(round < 150 ? 300 : 5000);
            int scale = random.nextInt(7);
            double magnitude = Math.pow(10, random.nextInt(13));
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                values[i] = BigDecimal.valueOf(random.nextGaussian() * magnitude + magnitude)
                        .setScale(random.nextInt(scale + 1), java.math.RoundingMode.HALF_EVEN);
            }
            assertMatchesDefinitions(values);
        }
    }

    @Test
    void seventeenDigitValuesAndLargeIntegersTakeTheExactPathAndMatch() {
        Random random = new Random(11);
        BigDecimal[] values = new BigDecimal[3000];
        for (int i = 0; i < values.length; i++) {
            // Double.toString of a computed double: up to 17 significant digits
            values[i] = new BigDecimal(Double.toString(random.nextDouble() * 1000));
        }
        assertMatchesDefinitions(values);
        BigDecimal[] large = {
            new BigDecimal("576460752303423487"), new BigDecimal("-576460752303423487"), BigDecimal.ONE
        };
        assertMatchesDefinitions(large);
    }

    @Test
    void valuesBeyondTheExactPathFallBackToDecimal128AndStillMatch() {
        // scale 19, a 60-bit integer, and 6.02E+23 (negative scale shifted past 10^18) each leave the exact path
        assertMatchesDefinitions(
                new BigDecimal[] {new BigDecimal("1.0000000000000000001"), new BigDecimal("2.5"), new BigDecimal("3.25")
                });
        assertMatchesDefinitions(new BigDecimal[] {
            new BigDecimal("1152921504606846977"), new BigDecimal("1152921504606846976"), BigDecimal.TEN
        });
        assertMatchesDefinitions(new BigDecimal[] {
            new BigDecimal("6.02E+23"), new BigDecimal("0.000000000000000001"), new BigDecimal("1E+5")
        });
    }

    @Test
    void theFallbackAgreesWithTheExactPathOnTheSameValues() {
        Random random = new Random(3);
        BigDecimal[] exact = new BigDecimal[1000];
        BigDecimal[] padded = new BigDecimal[exact.length];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            padded[i] = exact[i];
        }
        padded[0] = exact[0].setScale(19); // same value, scale 19: the decimal128 path
        DecimalMoments a = DecimalMoments.of(exact);
        DecimalMoments b = DecimalMoments.of(padded);
        assertThat(Math.ulp(a.mean().doubleValue()))
                .isGreaterThanOrEqualTo(
                        Math.abs(a.mean().doubleValue() - b.mean().doubleValue()));
        assertCloseInUlps(
                a.sumOfSquaredDeviations().doubleValue(),
                b.sumOfSquaredDeviations().doubleValue());
        assertCloseInUlps(
                a.lag1Autocorrelation().getAsDouble(), b.lag1Autocorrelation().getAsDouble());
    }

    @Test
    void aConstantSeriesHasNoSpreadAndNoAutocorrelation() {
        BigDecimal seven = new BigDecimal("7.25");
        DecimalMoments m = DecimalMoments.of(new BigDecimal[] {seven, seven, seven});
        assertThat(m.mean()).isEqualByComparingTo(seven);
        assertThat(m.sumOfSquaredDeviations().signum()).isZero();
        assertThat(m.lag1Autocorrelation()).isEmpty();
    }

    @Test
    void tooFewOrNonFiniteValuesAreRefusedAsBefore() {
        assertThatThrownBy(() -> DecimalMoments.of(new BigDecimal[] {BigDecimal.ONE}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> DecimalMoments.of(new BigDecimal[] {BigDecimal.ONE, new BigDecimal("1e400")}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1]");
    }

    /** Mean, SS and lag-1 autocorrelation by their definitions at 100 digits, compared as doubles. */
    private static void assertMatchesDefinitions(BigDecimal[] values) {
        int n = values.length;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), DIGITS_100);
        BigDecimal ss = BigDecimal.ZERO;
        BigDecimal lagged = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal d = values[i].subtract(mean);
            ss = ss.add(d.multiply(d));
            if (i > 0) {
                lagged = lagged.add(d.multiply(values[i - 1].subtract(mean)));
            }
        }
        DecimalMoments m = DecimalMoments.of(values);
        assertCloseInUlps(m.mean().doubleValue(), mean.doubleValue());
        assertCloseInUlps(m.sumOfSquaredDeviations().doubleValue(), ss.doubleValue());
        assertCloseInUlps(
                m.lag1Autocorrelation().getAsDouble(),
                lagged.divide(ss, DIGITS_100).doubleValue());
        double[] nearest = m.nearest();
        for (int i = 0; i < n; i++) {
            assertThat(nearest[i]).isEqualTo(values[i].doubleValue());
        }
    }

    private static void assertCloseInUlps(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(Math.ulp(expected));
    }
}
