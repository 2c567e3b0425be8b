package dev.td.statistics.regression;

import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.numeric.Inputs;
import dev.td.statistics.numeric.Probabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Ordinary least squares with an optional intercept and polynomial terms.
 *
 * <p>Method: Householder QR of the design matrix in double-double arithmetic
 * ({@link HouseholderQr}), never the normal equations. Residuals, sums of squares and
 * (XᵀX)⁻¹ = R⁻¹R⁻ᵀ are formed in the same precision, so the NIST StRD linear-regression sets
 * (Norris, Pontius, NoInt1/2, Longley, Filip, Wampler1–5) are reproduced to their certified
 * digits. Standard errors are NIST's sqrt(s²·[(XᵀX)⁻¹]_kk) with s² = SSE/(n − p); R² is
 * 1 − SSE/SST with centred SST when an intercept is fitted and uncentred SST = Σy² otherwise.
 *
 * <p>Scale: y and each column are fitted after multiplication by a power of two (exact), so data
 * near 10⁻³⁰⁰ or 10³⁰⁰ give the same t, p and R² as at unit scale and coefficients scaled exactly;
 * a result that cannot be represented once scaled back raises {@link UnrepresentableFitException}.
 *
 * <p>Collinearity: a design whose column-scaled condition number exceeds 1/(max(n, p)·ε) is refused,
 * naming the first column that makes it so ({@link Conditioning} gives the rule and its reasons); the
 * condition number of every fit is reported ({@link RegressionFit#conditionNumber()}).
 *
 * <p>Assumptions reported (not enforced — a fit is always returned, unless refused as above): normality of
 * residuals (Shapiro–Wilk), independence of residuals (lag-1 autocorrelation within ±z/√n), and influence
 * (no Cook's distance above 1, Cook &amp; Weisberg 1982); each is reported as not checked where it has no
 * power ({@link RegressionDiagnostics} gives the thresholds). Sample size: n must exceed the number
 * of coefficients p; n &lt; p + 10 is MINIMAL.
 */
public final class LinearRegression {
    private final boolean intercept;
    private final double confidenceLevel;

    private LinearRegression(boolean intercept, double confidenceLevel) {
        this.intercept = intercept;
        this.confidenceLevel = Inputs.requireProbability("confidenceLevel", confidenceLevel);
    }

    /** With intercept, 95 % intervals. */
    public static LinearRegression withDefaults() {
        return new LinearRegression(true, 0.95);
    }

    /** A copy fitting through the origin (no intercept; R² becomes uncentred). */
    public LinearRegression withoutIntercept() {
        return new LinearRegression(false, confidenceLevel);
    }

    /** A copy using {@code level} for coefficient intervals. */
    public LinearRegression withConfidenceLevel(double level) {
        return new LinearRegression(intercept, level);
    }

    /** Fits y = b0 + b1·x (or y = b1·x without intercept). */
    public RegressionFit fitLine(double[] x, double[] y) {
        return fitPolynomial(x, y, 1);
    }

    /**
     * Fits y = b0 + b1·x + … + b_degree·x^degree; coefficients are named {@code intercept},
     * {@code x^1} … {@code x^degree}. Powers are formed in double-double precision, of x scaled by a power of two.
     */
    public RegressionFit fitPolynomial(double[] x, double[] y, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1, was " + degree);
        }
        Inputs.requireFinite("x", x, 2);
        Inputs.requireFinite("y", y, 2);
        Inputs.requireSameLength("x", x, "y", y);
        Inputs.requireNotConstant("x", x);
        int xShift = unitExponent(maxAbs(x));
        DoubleDouble[][] columns = new DoubleDouble[degree][x.length];
        for (int i = 0; i < x.length; i++) {
            DoubleDouble power = DoubleDouble.of(1);
            double scaled = Math.scalb(x[i], xShift);
            for (int k = 0; k < degree; k++) {
                power = power.multiply(scaled);
                columns[k][i] = power;
            }
        }
        String[] names = new String[degree];
        String[] series = new String[degree];
        int[] shifts = new int[degree];
        for (int k = 0; k < degree; k++) {
            names[k] = "x^" + (k + 1);
            series[k] = "x";
            shifts[k] = (k + 1) * xShift;
        }
        return fit(columns, shifts, names, series, y);
    }

    /**
     * Fits y on the predictor {@code columns} (each of length n); coefficients are named
     * {@code intercept}, {@code x1} … {@code xk}.
     */
    public RegressionFit fit(double[][] columns, double[] y) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("columns must hold at least one predictor series");
        }
        Inputs.requireFinite("y", y, 2);
        DoubleDouble[][] dd = new DoubleDouble[columns.length][];
        String[] names = new String[columns.length];
        for (int k = 0; k < columns.length; k++) {
            names[k] = "x" + (k + 1);
            Inputs.requireFinite(names[k], columns[k], 2);
            Inputs.requireSameLength(names[k], columns[k], "y", y);
            dd[k] = new DoubleDouble[y.length];
            for (int i = 0; i < y.length; i++) {
                dd[k][i] = DoubleDouble.of(columns[k][i]);
            }
        }
        return fit(dd, new int[columns.length], names, names.clone(), y);
    }

    /**
     * Fits at unit scale: y and every column are multiplied by a power of two that brings their largest magnitude into
     * [1, 2) — exact in binary arithmetic, and Householder QR commutes with it — so neither the sums of squares nor
     * the double-double error terms overflow or underflow at 10^±300. Results are scaled back at the end.
     *
     * @param shifts column k of {@code columns} is the k-th predictor times 2^shifts[k]
     * @param series the input series each predictor comes from, for {@link UnrepresentableFitException}
     */
    private RegressionFit fit(
            DoubleDouble[][] columns, int[] shifts, String[] predictorNames, String[] series, double[] y) {
        int n = y.length;
        int p = columns.length + (intercept ? 1 : 0);
        if (n <= p) {
            throw new IllegalArgumentException(
                    "need more observations (" + n + ") than coefficients (" + p + "): add data or drop predictors");
        }
        int offset = intercept ? 1 : 0;
        Scaled scaled = new Scaled(p, unitExponent(maxAbs(y)));
        if (intercept) {
            scaled.names[0] = "intercept";
            scaled.series[0] = "y";
        }
        System.arraycopy(predictorNames, 0, scaled.names, offset, columns.length);
        System.arraycopy(series, 0, scaled.series, offset, columns.length);
        DoubleDouble[][] design = new DoubleDouble[n][p];
        for (int k = 0; k < columns.length; k++) {
            double largest = 0;
            for (DoubleDouble v : columns[k]) {
                largest = Math.max(largest, Math.abs(v.hi()));
            }
            int shift = unitExponent(largest);
            scaled.shifts[k + offset] = shifts[k] + shift;
            for (int i = 0; i < n; i++) {
                design[i][k + offset] = columns[k][i].scalb(shift);
            }
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            if (intercept) {
                design[i][0] = DoubleDouble.of(1);
            }
            ys[i] = Math.scalb(y[i], scaled.yShift);
        }
        HouseholderQr qr = HouseholderQr.solve(design, ys, scaled.names);
        double kappa = Conditioning.leading(qr.r, p);
        if (kappa > Conditioning.limit(n, p)) {
            throw dependent(qr, scaled.names, n);
        }
        return summarise(design, ys, scaled, qr, kappa);
    }

    /** Names the first column at which the leading columns' condition number passes the rank rule's limit. */
    private static IllegalArgumentException dependent(HouseholderQr qr, String[] names, int n) {
        int p = names.length;
        double limit = Conditioning.limit(n, p);
        int k = 2;
        double kappa = Conditioning.leading(qr.r, k);
        while (kappa <= limit && k < p) {
            kappa = Conditioning.leading(qr.r, ++k);
        }
        String name = names[k - 1];
        return new IllegalArgumentException("predictor " + name
                + " is (numerically) a linear combination of the earlier columns: with it the column-scaled design"
                + " has condition number " + brief(kappa) + ", beyond 1/(max(n, p)·ε) = " + brief(limit)
                + ", so within the precision of the data its coefficient is not identifiable; "
                + (name.startsWith("x^") ? "reduce the polynomial degree or centre x" : "remove it"));
    }

    /**
     * The problem at unit scale: coefficient names, the input series behind each, and the powers of two applied
     * (column k is its predictor times 2^shifts[k], y is multiplied by 2^yShift).
     */
    private static final class Scaled {
        final String[] names;
        final String[] series;
        final int[] shifts;
        final int yShift;

        Scaled(int p, int yShift) {
            this.names = new String[p];
            this.series = new String[p];
            this.shifts = new int[p];
            this.yShift = yShift;
        }
    }

    private RegressionFit summarise(
            DoubleDouble[][] design, double[] y, Scaled scaled, HouseholderQr qr, double kappa) {
        int n = y.length;
        String[] names = scaled.names;
        int p = names.length;
        double[] residuals = new double[n];
        DoubleDouble sse = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            DoubleDouble r = DoubleDouble.of(y[i]);
            for (int k = 0; k < p; k++) {
                r = r.subtract(design[i][k].multiply(qr.beta[k]));
            }
            residuals[i] = r.doubleValue();
            sse = sse.add(r.multiply(r));
        }
        int df = n - p;
        double s2 = sse.doubleValue() / df;
        double[] gram = qr.inverseGramDiagonal();
        double tCrit = Probabilities.tQuantile(1 - (1 - confidenceLevel) / 2, df);
        List<Coefficient> coefficients = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            double b = qr.beta[k].doubleValue();
            double se = Math.sqrt(s2 * gram[k]);
            OptionalDouble t = se > 0 ? OptionalDouble.of(b / se) : OptionalDouble.empty();
            OptionalDouble pValue = t.isPresent()
                    ? OptionalDouble.of(Probabilities.tPValue(t.getAsDouble(), df, Alternative.TWO_SIDED))
                    : OptionalDouble.empty();
            int shift = scaled.shifts[k] - scaled.yShift;
            String what = k == 0 && intercept ? "the intercept" : "the coefficient of " + names[k];
            String fix = "express " + (k == 0 && intercept ? "y" : "y or " + scaled.series[k]) + " in other units";
            double lower = unscale(b - tCrit * se, shift, scaled.series[k], what + " or its interval", fix);
            double upper = unscale(b + tCrit * se, shift, scaled.series[k], what + " or its interval", fix);
            coefficients.add(new Coefficient(
                    names[k],
                    unscale(b, shift, scaled.series[k], what, fix),
                    unscaleSpread(se, shift, scaled.series[k], "the standard error of " + what, fix),
                    new Interval(lower, upper, confidenceLevel),
                    t,
                    pValue));
        }
        double residualSd = unscaleSpread(
                Math.sqrt(s2), -scaled.yShift, "y", "the residual standard deviation", "express y in other units");
        double rSquared = 1 - sse.doubleValue() / totalSumOfSquares(y);
        List<Assumption> assumptions = RegressionDiagnostics.check(design, residuals, qr, s2, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(n, p + 1, p + 10), confidenceLevel, assumptions);
        return new RegressionFit(coefficients, residualSd, rSquared, intercept, n, df, kappa, quality);
    }

    /** An estimate or interval bound scaled back: refused only when it overflows (an underflow is ≈ 0 and says so). */
    private static double unscale(double value, int shift, String series, String what, String fix) {
        double result = Math.scalb(value, shift);
        if (Double.isInfinite(result)) {
            throw new UnrepresentableFitException(
                    series,
                    what + " reaches about 1e" + decimalExponent(value, shift)
                            + ", beyond the largest double (about 1.8e308): " + fix);
        }
        return result;
    }

    /** A standard error or residual SD scaled back: also refused when a non-zero value would lose its digits. */
    private static double unscaleSpread(double value, int shift, String series, String what, String fix) {
        double result = unscale(value, shift, series, what, fix);
        if (value > 0 && result < Double.MIN_NORMAL) {
            throw new UnrepresentableFitException(
                    series,
                    what + " is about 1e" + decimalExponent(value, shift)
                            + ", below the smallest normal double (about 2.2e-308) where its digits are lost: " + fix);
        }
        return result;
    }

    private static long decimalExponent(double value, int shift) {
        return (long) Math.floor(Math.log10(Math.abs(value)) + shift * Math.log10(2));
    }

    private double totalSumOfSquares(double[] y) {
        DoubleDouble sum = DoubleDouble.ZERO;
        for (double v : y) {
            sum = sum.add(DoubleDouble.of(v));
        }
        DoubleDouble mean = intercept ? sum.divide(DoubleDouble.of(y.length)) : DoubleDouble.ZERO;
        DoubleDouble sst = DoubleDouble.ZERO;
        for (double v : y) {
            DoubleDouble d = DoubleDouble.of(v).subtract(mean);
            sst = sst.add(d.multiply(d));
        }
        return sst.doubleValue();
    }

    private static double maxAbs(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /** The power of two that brings {@code largest} into [1, 2); 0 for 0. Subnormals are handled exactly. */
    static int unitExponent(double largest) {
        if (largest == 0) {
            return 0;
        }
        return largest < Double.MIN_NORMAL ? 64 - Math.getExponent(largest * 0x1p64) : -Math.getExponent(largest);
    }

    private static String brief(double value) {
        return String.format(Locale.ROOT, "%.2g", value);
    }
}
