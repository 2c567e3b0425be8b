package dev.td.statistics.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * Mean, sum of squared deviations and lag-1 autocorrelation of decimal values as written (parsed from JSON or
 * text), none of them rounded to binary floating point on the way: values such as 10000000.2 (NIST StRD NumAcc4)
 * lose nothing.
 *
 * <p>How: let S be the most decimals any value has. When S ≤ 18, there are at most 2<sup>17</sup> values and
 * each value times 10^S is an integer u below 2^59 ≈ 5.8e17 in magnitude (measurements such as 1234.5678 or 0.1,
 * and numbers of up to 17 significant digits when their decimals line up), the sums Σu, Σu² and
 * Σu<sub>i</sub>u<sub>i−1</sub> are exact (128-bit accumulators, carried into {@link BigInteger} every 256
 * values), so SS = (nΣu² − (Σu)²)/n and the lagged sum follow exactly and are rounded once, to 34 digits; the mean
 * is the exact sum divided by n in decimal128. Other input takes decimal128 (34 significant digits) arithmetic
 * throughout, rounding at every step. The two agree to about 33 digits, far beyond the double each result
 * becomes.
 */
public final class DecimalMoments {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final int MAX_SCALE = 18;
    private static final long MAX_MAGNITUDE = 1L << 59;
    private static final int MAX_VALUES = 1 << 17;
    /** Values per 128-bit block: 256 squares below 2^118 stay below 2^126. */
    private static final int BLOCK = 256;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];
    private static final double[] DOUBLE_POWERS_OF_TEN = new double[MAX_SCALE + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i <= MAX_SCALE; i++) {
            DOUBLE_POWERS_OF_TEN[i] = POWERS_OF_TEN[i]; // exact: 10^i = 2^i·5^i and 5^18 < 2^53
        }
    }

    private final double[] nearest;
    private final BigDecimal mean;
    private final BigDecimal sumOfSquaredDeviations;
    private final OptionalDouble lag1Autocorrelation;

    private DecimalMoments(
            double[] nearest, BigDecimal mean, BigDecimal sumOfSquaredDeviations, OptionalDouble lag1Autocorrelation) {
        this.nearest = nearest;
        this.mean = mean;
        this.sumOfSquaredDeviations = sumOfSquaredDeviations;
        this.lag1Autocorrelation = lag1Autocorrelation;
    }

    /**
     * The moments of {@code values} (not modified).
     *
     * @throws IllegalArgumentException if fewer than 2 values, or any is beyond the range of a double
     */
    public static DecimalMoments of(BigDecimal[] values) {
        double[] nearest = new double[values.length];
        int scale = 0;
        for (int i = 0; i < values.length; i++) {
            nearest[i] = values[i].doubleValue();
            scale = Math.max(scale, values[i].scale());
        }
        Inputs.requireFinite("values", nearest, 2);
        if (scale <= MAX_SCALE && values.length <= MAX_VALUES) {
            long[] units = units(values, nearest, scale);
            if (units.length == values.length) {
                return exact(nearest, units, scale);
            }
        }
        return decimal128(values, nearest);
    }

    /** The values as doubles, each the one nearest to the decimal. */
    public double[] nearest() {
        return nearest.clone();
    }

    /** The mean, to 34 significant digits. */
    public BigDecimal mean() {
        return mean;
    }

    /** Σ(x − mean)², to 34 significant digits. */
    public BigDecimal sumOfSquaredDeviations() {
        return sumOfSquaredDeviations;
    }

    /** NIST lag-1 autocorrelation Σ(x_i − mean)(x_{i−1} − mean) / Σ(x − mean)²; empty when all values are equal. */
    public OptionalDouble lag1Autocorrelation() {
        return lag1Autocorrelation;
    }

    /**
     * Each value times 10^scale as a long of at most 59 bits; a shorter array when one does not fit. A value's own
     * unscaled integer u = x·10^s is read off its nearest double d when |d|·10^s &lt; 2^49: d·10^s is within
     * |u|·2^−51 ≤ 1/4 of u (d is within one rounding of x, 10^s ≤ 10^18 is exact, the product is rounded once),
     * so rounding it gives u exactly without allocating the {@link BigInteger} that {@link
     * BigDecimal#unscaledValue()} returns.
     */
    private static long[] units(BigDecimal[] values, double[] nearest, int scale) {
        long[] units = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            int own = values[i].scale();
            int shift = scale - own;
            if (shift > MAX_SCALE) {
                return new long[0];
            }
            long u;
            if (own >= 0 && Math.abs(nearest[i]) * DOUBLE_POWERS_OF_TEN[own] < 0x1p49) {
                u = Math.round(nearest[i] * DOUBLE_POWERS_OF_TEN[own]);
            } else {
                BigInteger unscaled = values[i].unscaledValue();
                if (unscaled.bitLength() > 59) {
                    return new long[0];
                }
                u = unscaled.longValue();
            }
            long power = POWERS_OF_TEN[shift];
            long high = Math.multiplyHigh(u, power);
            long unit = u * power;
            if (high != (unit >> 63) || unit >= MAX_MAGNITUDE || unit <= -MAX_MAGNITUDE) {
                return new long[0];
            }
            units[i] = unit;
        }
        return units;
    }

    /** Moments from exact integer sums of {@code units} = values × 10^scale. */
    private static DecimalMoments exact(double[] nearest, long[] units, int scale) {
        int n = units.length;
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        BigInteger lagged = BigInteger.ZERO;
        long[] block = new long[6];
        for (int from = 0; from < n; from += BLOCK) {
            accumulate(units, from, Math.min(n, from + BLOCK), block);
            sum = sum.add(wide(block[0], block[1]));
            squares = squares.add(wide(block[2], block[3]));
            lagged = lagged.add(wide(block[4], block[5]));
        }
        BigInteger count = BigInteger.valueOf(n);
        BigDecimal mean = new BigDecimal(sum, scale).divide(new BigDecimal(count), MC);
        // n·SS·10^(2·scale) = nΣu² − (Σu)²
        BigInteger nSs = count.multiply(squares).subtract(sum.multiply(sum));
        BigDecimal ss = new BigDecimal(nSs).divide(new BigDecimal(count).scaleByPowerOfTen(2 * scale), MC);
        if (nSs.signum() <= 0) {
            return new DecimalMoments(nearest, mean, BigDecimal.ZERO, OptionalDouble.empty());
        }
        // n²·Σ(x_i − x̄)(x_{i−1} − x̄)·10^(2·scale) = n²Σu_iu_{i−1} − nΣu(2Σu − u_0 − u_{n−1}) + (n − 1)(Σu)²
        BigInteger ends = BigInteger.valueOf(units[0]).add(BigInteger.valueOf(units[n - 1]));
        BigInteger nnLagged = count.multiply(count)
                .multiply(lagged)
                .subtract(count.multiply(sum).multiply(sum.shiftLeft(1).subtract(ends)))
                .add(count.subtract(BigInteger.ONE).multiply(sum).multiply(sum));
        double r1 = new BigDecimal(nnLagged)
                .divide(new BigDecimal(count.multiply(nSs)), MC)
                .doubleValue();
        return new DecimalMoments(nearest, mean, ss, OptionalDouble.of(r1));
    }

    /**
     * Σu, Σu² and Σu_i·u_{i−1} over {@code units[from..to)} as signed 128-bit integers, into {@code block} as
     * {high, low} pairs in that order (low words unsigned). A small loop of its own, so the JIT compiles it quickly.
     */
    private static void accumulate(long[] units, int from, int to, long[] block) {
        long sumHigh = 0;
        long sumLow = 0;
        long squaresHigh = 0;
        long squaresLow = 0;
        long laggedHigh = 0;
        long laggedLow = 0;
        long previous = from > 0 ? units[from - 1] : 0; // the first value has no predecessor: a product of 0
        for (int i = from; i < to; i++) {
            long u = units[i];
            long low = sumLow + u;
            sumHigh += (u >> 63) + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
            sumLow = low;
            low = squaresLow + u * u;
            squaresHigh += Math.multiplyHigh(u, u) + (Long.compareUnsigned(low, squaresLow) < 0 ? 1 : 0);
            squaresLow = low;
            low = laggedLow + u * previous;
            laggedHigh += Math.multiplyHigh(u, previous) + (Long.compareUnsigned(low, laggedLow) < 0 ? 1 : 0);
            laggedLow = low;
            previous = u;
        }
        block[0] = sumHigh;
        block[1] = sumLow;
        block[2] = squaresHigh;
        block[3] = squaresLow;
        block[4] = laggedHigh;
        block[5] = laggedLow;
    }

    /** The signed 128-bit integer high·2^64 + low (low unsigned). */
    private static BigInteger wide(long high, long low) {
        BigInteger lowPart = BigInteger.valueOf(low >>> 1).shiftLeft(1).or(BigInteger.valueOf(low & 1));
        return BigInteger.valueOf(high).shiftLeft(64).add(lowPart);
    }

    /** Decimal128 arithmetic throughout, for values the exact path does not take. */
    private static DecimalMoments decimal128(BigDecimal[] values, double[] nearest) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v, MC);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.length), MC);
        BigDecimal ss = BigDecimal.ZERO;
        BigDecimal lagged = BigDecimal.ZERO;
        BigDecimal previous = null;
        for (BigDecimal v : values) {
            BigDecimal deviation = v.subtract(mean, MC);
            ss = ss.add(deviation.multiply(deviation, MC), MC);
            if (previous != null) {
                lagged = lagged.add(deviation.multiply(previous, MC), MC);
            }
            previous = deviation;
        }
        OptionalDouble r1 =
                ss.signum() > 0 ? OptionalDouble.of(lagged.divide(ss, MC).doubleValue()) : OptionalDouble.empty();
        return new DecimalMoments(nearest, mean, ss, r1);
    }
}
