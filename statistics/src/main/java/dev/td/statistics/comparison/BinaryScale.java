package dev.td.statistics.comparison;

import dev.td.statistics.Interval;
import dev.td.statistics.numeric.Sums;

/**
 * The t-tests compute on their data times 2^−e, e the binary exponent of the largest magnitude
 * ({@link Sums#largestExponent}), so that variances neither overflow (data near 1e300) nor underflow
 * (near 1e-300). Multiplying by a power of two is exact, so t, df, p and the effect size are those of
 * the unscaled data; an estimate and its interval are scaled back by 2^e here, and refused with a
 * message naming the inputs when they lie beyond the range of a double.
 */
final class BinaryScale {
    private BinaryScale() {}

    /** (a_i − b_i)·2^exponent, formed from the scaled values, so a difference beyond ±1.8e308 stays finite. */
    static double[] differences(double[] a, double[] b, int exponent) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.scalb(a[i], exponent) - Math.scalb(b[i], exponent);
        }
        return d;
    }

    /**
     * {@code scaled}·2^exponent.
     *
     * @param what   the quantity, for the message: {@code "the difference of means mean(a) - mean(b)"}
     * @param inputs the fields to rescale, for the message: {@code "a and b"}
     * @throws IllegalArgumentException when the result is beyond the range of a double
     */
    static double back(double scaled, int exponent, String what, String inputs) {
        double value = Math.scalb(scaled, exponent);
        if (Double.isInfinite(value) && Double.isFinite(scaled)) {
            throw beyondRange(what, inputs);
        }
        return value;
    }

    /** {@code scaled} with both bounds times 2^exponent; an infinite bound (one-sided interval) stays infinite. */
    static Interval back(Interval scaled, int exponent, String what, String inputs) {
        String level = java.math.BigDecimal.valueOf(scaled.level())
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString()
                + " % interval of ";
        return new Interval(
                back(scaled.lower(), exponent, "the lower bound of the " + level + what, inputs),
                back(scaled.upper(), exponent, "the upper bound of the " + level + what, inputs),
                scaled.level());
    }

    private static IllegalArgumentException beyondRange(String what, String inputs) {
        return new IllegalArgumentException(what + " is beyond the range of a double (about ±1.8e308): divide "
                + inputs + " by a common factor such as 1e10 and run the test again (t, p and the effect size"
                + " do not change with the scale)");
    }
}
