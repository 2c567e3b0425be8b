package dev.td.statistics.numeric;

/**
 * Accurate sums and central moments: Neumaier's compensated summation (Neumaier 1974, an
 * improvement of Kahan 1965) and the two-pass corrected algorithm of Chan, Golub &amp; LeVeque
 * (1983) for sums of squared deviations.
 */
public final class Sums {
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
}
