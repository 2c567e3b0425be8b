package dev.td.statistics.descriptive;

import dev.td.statistics.Assumption;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Sums;
import java.util.OptionalDouble;

/**
 * The shape of a sample's distribution: how lopsided it is (skewness), how heavy its tails are
 * (excess kurtosis), each with its standard error under normality, and the Shapiro–Wilk check of
 * normality. It tells a reader whether the mean and its t interval describe the data, or whether the
 * median should.
 *
 * <p>Skewness is the adjusted Fisher–Pearson coefficient G1 = √(n(n−1))/(n−2) · m3/m2^{3/2} and
 * excess kurtosis is G2 = (n−1)/((n−2)(n−3)) · ((n+1)(m4/m2² − 3) + 6), with m_k the k-th central
 * sample moment (Joanes &amp; Gill 1998, <i>The Statistician</i> 47:183–189, b-less estimators G1 and
 * G2; SciPy's {@code skew(x, bias=False)} and {@code kurtosis(x, bias=False)}, Excel's SKEW and
 * KURT). Their standard errors for normal data are SES = √(6n(n−1)/((n−2)(n+1)(n+3))) and
 * SEK = 2·SES·√((n²−1)/((n−3)(n+5))) (the square roots of Joanes &amp; Gill's var(G1) and var(G2);
 * the figures SPSS prints). A value beyond about two standard errors from 0 is a sign of skew or of
 * heavy (positive) or light (negative) tails.
 *
 * <p>Every figure is scale-free, and is computed after multiplying the values by the power of two
 * that brings the largest magnitude into [1, 2) (exact), so data near 1e300 or 1e-300 give the
 * same shape as the same data near 1, where cubes and fourth powers would otherwise overflow or
 * underflow.
 *
 * @param n                     number of values, at least 1
 * @param skewness              G1; empty below 3 values or when every value is the same
 * @param skewnessStandardError SES for n values; present exactly when {@code skewness} is
 * @param excessKurtosis        G2 (0 for a normal distribution); empty below 4 values or when every
 *                              value is the same
 * @param kurtosisStandardError SEK for n values; present exactly when {@code excessKurtosis} is
 * @param normality             the Shapiro–Wilk check ({@link ShapiroWilkTest#check}) of the values
 */
public record Shape(
        int n,
        OptionalDouble skewness,
        OptionalDouble skewnessStandardError,
        OptionalDouble excessKurtosis,
        OptionalDouble kurtosisStandardError,
        Assumption normality) {

    public Shape {
        if (n < 1) {
            throw new IllegalArgumentException("shape n must be at least 1, was " + n);
        }
        if (skewness == null
                || skewnessStandardError == null
                || excessKurtosis == null
                || kurtosisStandardError == null
                || normality == null) {
            throw new IllegalArgumentException("shape skewness, excessKurtosis, their standard errors and normality"
                    + " must be given (use OptionalDouble.empty() for a figure that is undefined)");
        }
        if (skewness.isPresent() != skewnessStandardError.isPresent()
                || excessKurtosis.isPresent() != kurtosisStandardError.isPresent()) {
            throw new IllegalArgumentException(
                    "shape standard errors must be present exactly when their skewness or kurtosis is");
        }
        requireFinite("skewness", skewness);
        requireFinite("excessKurtosis", excessKurtosis);
        requirePositive("skewnessStandardError", skewnessStandardError);
        requirePositive("kurtosisStandardError", kurtosisStandardError);
    }

    /**
     * The shape of {@code values} (not modified), with normality checked by Shapiro–Wilk at
     * {@code alpha} (normality fails when p &lt; alpha).
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or an infinity, or
     *                                  alpha is outside (0, 1)
     */
    public static Shape of(double[] values, double alpha) {
        Inputs.requireFinite("values", values, 1);
        Assumption normality = ShapiroWilkTest.withDefaults().withAlpha(alpha).check("values", values);
        int n = values.length;
        OptionalDouble none = OptionalDouble.empty();
        if (n < 3 || constant(values)) {
            return new Shape(n, none, none, none, none, normality);
        }
        double[] x = Sums.scalb(values, -Sums.largestExponent(values));
        double mean = Sums.mean(x);
        double m2 = Sums.sumOfSquaredDeviations(x, mean) / n;
        double skewness = skewness(x, mean, m2);
        double ses = skewnessStandardError(n);
        if (n < 4) {
            return new Shape(n, OptionalDouble.of(skewness), OptionalDouble.of(ses), none, none, normality);
        }
        double m4 = Sums.sumOfDeviationPowers(x, mean, 4) / n;
        double g2 = m4 / (m2 * m2) - 3;
        double kurtosis = (n - 1.0) / ((n - 2.0) * (n - 3)) * ((n + 1) * g2 + 6);
        double sek = 2 * ses * Math.sqrt((n * (double) n - 1) / ((n - 3.0) * (n + 5)));
        return new Shape(
                n,
                OptionalDouble.of(skewness),
                OptionalDouble.of(ses),
                OptionalDouble.of(kurtosis),
                OptionalDouble.of(sek),
                normality);
    }

    /** Adjusted Fisher–Pearson G1 of scaled values with their mean and m2 = Σ(x − mean)²/n > 0 (n ≥ 3). */
    static double skewness(double[] x, double mean, double m2) {
        int n = x.length;
        double m3 = Sums.sumOfDeviationPowers(x, mean, 3) / n;
        return Math.sqrt(n * (n - 1.0)) / (n - 2) * m3 / (m2 * Math.sqrt(m2));
    }

    /** SE of G1 under normality, sqrt(6n(n−1)/((n−2)(n+1)(n+3))) (Joanes &amp; Gill 1998). */
    static double skewnessStandardError(int n) {
        return Math.sqrt(6.0 * n * (n - 1) / ((n - 2.0) * (n + 1) * (n + 3)));
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void requireFinite(String field, OptionalDouble value) {
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException(
                    "shape " + field + " must be finite, was " + value.getAsDouble() + ": leave it empty instead");
        }
    }

    private static void requirePositive(String field, OptionalDouble value) {
        if (value.isPresent() && !(value.getAsDouble() > 0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "shape " + field + " must be a positive finite number, was " + value.getAsDouble());
        }
    }
}
