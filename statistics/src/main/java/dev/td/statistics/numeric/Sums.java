package dev.td.statistics.numeric;

/**
 * Accurate sums and central moments: Neumaier's compensated summation (Neumaier 1974, an
 * improvement of Kahan 1965) and the two-pass corrected algorithm of Chan, Golub &amp; LeVeque
 * (1983) for sums of squared deviations.
 */
public final class Sums {
    /** Products summed plainly before {@link #laggedProducts} carries their sum into a compensated total. */
    static final int LAG_BLOCK = 64;

    private Sums() {}

    /** Compensated sum of {@code values[from..to)}. */
    public static double sum(double[] values, int from, int to) {
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /**
     * Mean of a compensated (Neumaier) sum s + c, refined by the residual Σx − n·mean taken from the sum's
     * parts with a fused multiply-add ({@code fma(−mean, n, s) + c}), which removes the rounding of the
     * division. The residual is never formed from x − mean, which rounds when |x| ≫ |mean|.
     */
    public static double mean(double[] values) {
        int n = values.length;
        double s = 0;
        double c = 0;
        for (double v : values) {
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        double first = (s + c) / n;
        return first + (Math.fma(-first, n, s) + c) / n;
    }

    /** Σ(x − mean)², corrected two-pass (Chan, Golub &amp; LeVeque 1983, eq. 1.7). */
    public static double sumOfSquaredDeviations(double[] values, double mean) {
        double squares = 0;
        double cSquares = 0;
        double deviations = 0;
        for (double v : values) {
            double d = v - mean;
            double sq = d * d;
            double t = squares + sq;
            cSquares += (squares - t) + sq;
            squares = t;
            deviations += d;
        }
        return Math.max(0, squares + cSquares - deviations * deviations / values.length);
    }

    /** Σ(x_i − mx)(y_i − my) with compensation. */
    public static double sumOfCrossDeviations(double[] x, double mx, double[] y, double my) {
        double sum = 0;
        double c = 0;
        for (int i = 0; i < x.length; i++) {
            double p = (x[i] - mx) * (y[i] - my);
            double t = sum + p;
            c += Math.abs(sum) >= Math.abs(p) ? (sum - t) + p : (p - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    /**
     * Σ_{i=k..n−1} c_i·c_{i−k} for every lag k = 1..{@code maxLag} (at index k − 1; lags past n − 1 are left out) of
     * values {@code centred} already centred on their mean: the numerators of the lag-k autocorrelations. Blocked
     * summation (Higham 2002, §4.2): each block of {@value #LAG_BLOCK} products is summed in eight interleaved plain
     * sums (which keeps the processor's adders busy), and the block sums go into a compensated (Neumaier) total. The
     * error is at most about 10·ε·Σ|c_i·c_{i−k}| ≤ 10·ε·Σc², a few 1e-15 on an autocorrelation, against about ε for
     * {@link #autocorrelation}, which takes several times as long.
     */
    public static double[] laggedProducts(double[] centred, int maxLag) {
        int n = centred.length;
        double[] sums = new double[Math.max(0, Math.min(maxLag, n - 1))];
        for (int k = 1; k <= sums.length; k++) {
            double total = 0;
            double compensation = 0;
            for (int from = k; from < n; from += LAG_BLOCK) {
                double p = blockOfLaggedProducts(centred, k, from, Math.min(n, from + LAG_BLOCK));
                double t = total + p;
                compensation += Math.abs(total) >= Math.abs(p) ? (total - t) + p : (p - t) + total;
                total = t;
            }
            sums[k - 1] = total + compensation;
        }
        return sums;
    }

    /** Σ_{i=from..to−1} c_i·c_{i−k} in eight interleaved plain sums. */
    private static double blockOfLaggedProducts(double[] c, int k, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += c[i] * c[i - k];
            s1 += c[i + 1] * c[i + 1 - k];
            s2 += c[i + 2] * c[i + 2 - k];
            s3 += c[i + 3] * c[i + 3 - k];
            s4 += c[i + 4] * c[i + 4 - k];
            s5 += c[i + 5] * c[i + 5 - k];
            s6 += c[i + 6] * c[i + 6 - k];
            s7 += c[i + 7] * c[i + 7 - k];
        }
        for (; i < to; i++) {
            s0 += c[i] * c[i - k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Lag-{@code k} autocorrelation as NIST defines it: Σ_{i=k..n−1}(y_i−ȳ)(y_{i−k}−ȳ) / Σ(y_i−ȳ)². */
    public static double autocorrelation(double[] values, double mean, double sumSquares, int k) {
        double sum = 0;
        double c = 0;
        for (int i = k; i < values.length; i++) {
            double p = (values[i] - mean) * (values[i - k] - mean);
            double t = sum + p;
            c += Math.abs(sum) >= Math.abs(p) ? (sum - t) + p : (p - t) + sum;
            sum = t;
        }
        return (sum + c) / sumSquares;
    }

    /**
     * The binary exponent e of the largest magnitude in {@code arrays}: 2^e ≤ max|x| &lt; 2^(e+1), subnormal
     * magnitudes included; 0 when every value is 0. Multiplying by 2^−e ({@link #scalb(double[], int)}) brings the
     * largest magnitude into [1, 2), where squares, cubes and fourth powers of the values and of their deviations
     * neither overflow (data near 1e300) nor underflow (data near 1e-300), so scale-free results (t, df, W,
     * skewness) come out as at scale 1 and scale-carrying ones (a mean, an interval) scale back exactly by 2^e.
     * Values must be finite.
     */
    public static int largestExponent(double[]... arrays) {
        double largest = 0;
        for (double[] values : arrays) {
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (largest == 0) {
            return 0;
        }
        if (largest < Double.MIN_NORMAL) {
            return Math.getExponent(Math.scalb(largest, 64)) - 64;
        }
        return Math.getExponent(largest);
    }

    /**
     * A copy of {@code values} with each value times 2^{@code exponent} ({@link Math#scalb(double, int)}): exact,
     * except that a result below the normal range (|x| &lt; 2^−1022) rounds as every subnormal does. With
     * {@code exponent = −largestExponent(values)} nothing overflows.
     */
    public static double[] scalb(double[] values, int exponent) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = Math.scalb(values[i], exponent);
        }
        return scaled;
    }

    /**
     * Σ(x − centre)^power with compensation (Neumaier), for central moments beyond the second (skewness: power 3,
     * kurtosis: 4). Scale the values first ({@link #largestExponent}) when they may be very large or very small:
     * the powers overflow or underflow long before the values do.
     */
    public static double sumOfDeviationPowers(double[] values, double centre, int power) {
        if (power < 1) {
            throw new IllegalArgumentException("power must be at least 1, was " + power);
        }
        double sum = 0;
        double c = 0;
        for (double v : values) {
            double d = v - centre;
            double p = d;
            for (int k = 1; k < power; k++) {
                p *= d;
            }
            double t = sum + p;
            c += Math.abs(sum) >= Math.abs(p) ? (sum - t) + p : (p - t) + sum;
            sum = t;
        }
        return sum + c;
    }
}
