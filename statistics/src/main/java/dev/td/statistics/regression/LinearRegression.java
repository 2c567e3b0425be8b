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
 * <p>Assumptions reported (not enforced — a fit is always returned): normality of residuals
 * (Shapiro–Wilk), independence of residuals (lag-1 autocorrelation within ±z/√n), and influence
 * (no Cook's distance above 1, Cook &amp; Weisberg 1982). Sample size: n must exceed the number
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
     * {@code x^1} … {@code x^degree}. Powers are formed in double-double precision.
     */
    public RegressionFit fitPolynomial(double[] x, double[] y, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1, was " + degree);
        }
        Inputs.requireFinite("x", x, 2);
        Inputs.requireFinite("y", y, 2);
        Inputs.requireSameLength("x", x, "y", y);
        Inputs.requireNotConstant("x", x);
        DoubleDouble[][] columns = new DoubleDouble[degree][x.length];
        String[] names = new String[degree];
        for (int i = 0; i < x.length; i++) {
            DoubleDouble power = DoubleDouble.of(1);
            for (int k = 0; k < degree; k++) {
                power = power.multiply(x[i]);
                columns[k][i] = power;
            }
        }
        for (int k = 0; k < degree; k++) {
            names[k] = "x^" + (k + 1);
        }
        return fit(columns, names, y);
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
        return fit(dd, names, y);
    }

    private RegressionFit fit(DoubleDouble[][] columns, String[] predictorNames, double[] y) {
        int n = y.length;
        int p = columns.length + (intercept ? 1 : 0);
        if (n <= p) {
            throw new IllegalArgumentException(
                    "need more observations (" + n + ") than coefficients (" + p + "): add data or drop predictors");
        }
        String[] names = new String[p];
        DoubleDouble[][] design = new DoubleDouble[n][p];
        int offset = intercept ? 1 : 0;
        if (intercept) {
            names[0] = "intercept";
        }
        System.arraycopy(predictorNames, 0, names, offset, columns.length);
        for (int i = 0; i < n; i++) {
            if (intercept) {
                design[i][0] = DoubleDouble.of(1);
            }
            for (int k = 0; k < columns.length; k++) {
                design[i][k + offset] = columns[k][i];
            }
        }
        HouseholderQr qr = HouseholderQr.solve(design, y, names);
        return summarise(design, y, names, qr);
    }

    private RegressionFit summarise(DoubleDouble[][] design, double[] y, String[] names, HouseholderQr qr) {
        int n = y.length;
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
            java.util.OptionalDouble t =
                    se > 0 ? java.util.OptionalDouble.of(b / se) : java.util.OptionalDouble.empty();
            java.util.OptionalDouble pValue = t.isPresent()
                    ? java.util.OptionalDouble.of(Probabilities.tPValue(t.getAsDouble(), df, Alternative.TWO_SIDED))
                    : java.util.OptionalDouble.empty();
            coefficients.add(new Coefficient(
                    names[k], b, se, new Interval(b - tCrit * se, b + tCrit * se, confidenceLevel), t, pValue));
        }
        double rSquared = 1 - sse.doubleValue() / totalSumOfSquares(y);
        List<Assumption> assumptions = RegressionDiagnostics.check(design, residuals, qr, s2, confidenceLevel);
        Quality quality = Quality.ran(SampleSize.classify(n, p + 1, p + 10), confidenceLevel, assumptions);
        return new RegressionFit(coefficients, Math.sqrt(s2), rSquared, intercept, n, df, quality);
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
}
