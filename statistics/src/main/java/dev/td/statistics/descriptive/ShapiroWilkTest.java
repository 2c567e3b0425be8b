package dev.td.statistics.descriptive;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import dev.td.statistics.numeric.Sums;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Shapiro–Wilk test of normality, by Royston's algorithm AS R94 (Royston 1995, <i>Applied
 * Statistics</i> 44:547–551; the algorithm of R's {@code shapiro.test} and SciPy's
 * {@code shapiro}). Valid for 3 ≤ n ≤ 5000; the null hypothesis is that the data are normal, so a
 * small p-value is evidence against normality.
 *
 * <p>W and its p-value do not depend on the scale of the data: the test gives the same answer for
 * values near 1e300 or 1e-300 as for the same values near 1 (they are multiplied by a power of two,
 * exactly, before W is formed).
 */
public final class ShapiroWilkTest {
    static final int MAX_N = 5000;
    private static final double[] C1 = {0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] C5 = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] C6 = {-0.4803, -0.082676, 0.0030302};

    private final double alpha;

    private ShapiroWilkTest(double alpha) {
        this.alpha = Inputs.requireProbability("alpha", alpha);
    }

    /** alpha = 0.05. */
    public static ShapiroWilkTest withDefaults() {
        return new ShapiroWilkTest(0.05);
    }

    /** A copy rejecting normality when p &lt; {@code alpha}. */
    public ShapiroWilkTest withAlpha(double alpha) {
        return new ShapiroWilkTest(alpha);
    }

    /**
     * Tests {@code values} for normality; statistic is W.
     *
     * @throws IllegalArgumentException for n &lt; 3, n &gt; 5000, non-finite or constant values
     */
    public HypothesisTest test(double[] values) {
        Inputs.requireFinite("values", values, 3);
        if (values.length > MAX_N) {
            throw new IllegalArgumentException("values has " + values.length
                    + " points; Shapiro–Wilk (AS R94) is valid up to 5000: test a subsample");
        }
        Inputs.requireNotConstant("values", values);
        double[] wp = statistic(values);
        Quality quality = Quality.ran(SampleSize.classify(values.length, 3, 20), 1 - alpha, List.of());
        return new HypothesisTest(
                "Shapiro-Wilk normality test (Royston 1995, AS R94)",
                wp[0],
                OptionalDouble.empty(),
                wp[1],
                Alternative.TWO_SIDED,
                alpha,
                Optional.empty(),
                Optional.empty(),
                quality);
    }

    /**
     * The normality assumption for {@code field}, checked at this test's alpha: W is the statistic
     * and the test's p-value its p. Not checked (and said so) below 3 values, above 5000, or for a
     * constant series.
     */
    public Assumption check(String field, double[] values) {
        String name = "normality of " + field;
        if (values.length < 3) {
            return Assumption.notChecked(name, "too few values (" + values.length + ") to check normality");
        }
        if (values.length > MAX_N) {
            return Assumption.notChecked(
                    name,
                    "not tested: n = " + values.length
                            + " > 5000; the mean is close to normal by the central limit theorem");
        }
        boolean constant = Arrays.stream(values).allMatch(v -> v == values[0]);
        if (constant) {
            return Assumption.notChecked(name, field + " is constant");
        }
        double[] wp = statistic(values);
        boolean met = wp[1] >= alpha;
        return Assumption.tested(
                name,
                met,
                wp[0],
                wp[1],
                "Shapiro-Wilk W = " + wp[0] + ", p = " + wp[1] + (met ? " ≥ " : " < ") + alpha);
    }

    /**
     * Whether {@code check}'s outcome lets a normal-theory method run: the check passed, or it was
     * not run because n exceeds 5000 (central limit theorem).
     */
    public static boolean permitsNormalTheory(Assumption check, int n) {
        return check.met() || (!check.failed() && n > MAX_N);
    }

    /**
     * {W, p} for validated input. W is scale-free, so the values are first multiplied by the power of two that
     * brings the largest magnitude into [1, 2) (exact): the sum of squares then neither overflows for data near
     * 1e300 (W would be ∞/∞ = NaN) nor underflows for data near 1e-300 (W would be 0/0).
     */
    static double[] statistic(double[] values) {
        double[] x = Sums.scalb(values, -Sums.largestExponent(values));
        Arrays.sort(x);
        int n = x.length;
        double[] a = coefficients(n);
        double mean = Sums.mean(x);
        double ss = Sums.sumOfSquaredDeviations(x, mean);
        double num = 0;
        for (int i = 0; i < n / 2; i++) {
            num += a[i] * (x[n - 1 - i] - x[i]);
        }
        double w = Math.min(1, num * num / ss);
        return new double[] {w, pValue(w, n)};
    }

    /** Half of the antisymmetric coefficient vector: a[i] pairs x_(n−i) − x_(i+1). */
    private static double[] coefficients(int n) {
        int half = n / 2;
        double[] a = new double[half];
        if (n == 3) {
            a[0] = Math.sqrt(0.5);
            return a;
        }
        double an25 = n + 0.25;
        double[] m = new double[half];
        double summ2 = 0;
        for (int i = 0; i < half; i++) {
            m[i] = Probabilities.normalQuantile((i + 1 - 0.375) / an25);
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double rsn = 1 / Math.sqrt(n);
        double a1 = poly(C1, rsn) - m[0] / ssumm2;
        int first;
        double fac;
        if (n > 5) {
            first = 2;
            double a2 = -m[1] / ssumm2 + poly(C2, rsn);
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            a[1] = a2;
        } else {
            first = 1;
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
        }
        a[0] = a1;
        for (int i = first; i < half; i++) {
            a[i] = -m[i] / fac;
        }
        return a;
    }

    private static double pValue(double w, int n) {
        if (n == 3) {
            return Math.max(0, 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.PI / 3));
        }
        double y = Math.log(1 - w);
        double m;
        double s;
        if (n <= 11) {
            double gamma = -2.273 + 0.459 * n;
            if (y >= gamma) {
                return 1e-99;
            }
            y = -Math.log(gamma - y);
            m = poly(C3, n);
            s = Math.exp(poly(C4, n));
        } else {
            double ln = Math.log(n);
            m = poly(C5, ln);
            s = Math.exp(poly(C6, ln));
        }
        return Probabilities.normalUpperTail((y - m) / s);
    }

    private static double poly(double[] c, double x) {
        double result = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            result = result * x + c[i];
        }
        return result;
    }
}
