package dev.td.statistics.regression;

/**
 * Least squares by Householder QR (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed.,
 * Alg. 5.2.1 and §5.3.3) carried out entirely in {@link DoubleDouble} arithmetic, so that even
 * the NIST Filip design (condition number ≈ 10¹⁵) keeps more than 15 correct digits.
 *
 * <p>It refuses only a column that is exactly dependent (nothing left to reflect); whether the data can tell the
 * columns apart is decided afterwards on R by {@link Conditioning}, since that depends on the precision of the input,
 * not on this arithmetic's.
 */
final class HouseholderQr {
    /** Upper-triangular factor R (p × p). */
    final DoubleDouble[][] r;
    /** Solution β of min ‖Xβ − y‖. */
    final DoubleDouble[] beta;

    private HouseholderQr(DoubleDouble[][] r, DoubleDouble[] beta) {
        this.r = r;
        this.beta = beta;
    }

    /**
     * Factorises {@code x} (n rows × p columns, copied) and solves for {@code y}.
     *
     * @throws IllegalArgumentException if a column is exactly a linear combination of the columns before it
     */
    static HouseholderQr solve(DoubleDouble[][] x, double[] y, String[] names) {
        int n = x.length;
        int p = x[0].length;
        DoubleDouble[][] a = new DoubleDouble[n][];
        DoubleDouble[] qty = new DoubleDouble[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i].clone();
            qty[i] = DoubleDouble.of(y[i]);
        }
        for (int k = 0; k < p; k++) {
            reflectColumn(a, qty, k, names[k]);
        }
        DoubleDouble[][] r = new DoubleDouble[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                r[i][j] = j >= i ? a[i][j] : DoubleDouble.ZERO;
            }
        }
        return new HouseholderQr(r, backSubstitute(r, qty));
    }

    private static void reflectColumn(DoubleDouble[][] a, DoubleDouble[] qty, int k, String name) {
        int n = a.length;
        int p = a[0].length;
        DoubleDouble normSq = DoubleDouble.ZERO;
        for (int i = k; i < n; i++) {
            normSq = normSq.add(a[i][k].multiply(a[i][k]));
        }
        DoubleDouble norm = normSq.sqrt();
        if (norm.hi() == 0) {
            throw new IllegalArgumentException(
                    "predictor " + name
                            + " is (numerically) a linear combination of the earlier columns: remove it or reduce the polynomial degree");
        }
        DoubleDouble alpha = a[k][k].hi() > 0 ? norm.negate() : norm;
        DoubleDouble[] v = new DoubleDouble[n - k];
        for (int i = k; i < n; i++) {
            v[i - k] = a[i][k];
        }
        v[0] = v[0].subtract(alpha);
        DoubleDouble vtv = DoubleDouble.ZERO;
        for (DoubleDouble vi : v) {
            vtv = vtv.add(vi.multiply(vi));
        }
        for (int j = k + 1; j < p; j++) {
            DoubleDouble s = DoubleDouble.ZERO;
            for (int i = k; i < n; i++) {
                s = s.add(v[i - k].multiply(a[i][j]));
            }
            DoubleDouble f = s.multiply(2).divide(vtv);
            for (int i = k; i < n; i++) {
                a[i][j] = a[i][j].subtract(f.multiply(v[i - k]));
            }
        }
        DoubleDouble s = DoubleDouble.ZERO;
        for (int i = k; i < n; i++) {
            s = s.add(v[i - k].multiply(qty[i]));
        }
        DoubleDouble f = s.multiply(2).divide(vtv);
        for (int i = k; i < n; i++) {
            qty[i] = qty[i].subtract(f.multiply(v[i - k]));
        }
        a[k][k] = alpha;
    }

    private static DoubleDouble[] backSubstitute(DoubleDouble[][] r, DoubleDouble[] rhs) {
        int p = r.length;
        DoubleDouble[] beta = new DoubleDouble[p];
        for (int i = p - 1; i >= 0; i--) {
            DoubleDouble s = rhs[i];
            for (int j = i + 1; j < p; j++) {
                s = s.subtract(r[i][j].multiply(beta[j]));
            }
            beta[i] = s.divide(r[i][i]);
        }
        return beta;
    }

    /** Diagonal of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, i.e. the squared row norms of R⁻¹. */
    double[] inverseGramDiagonal() {
        DoubleDouble[][] inv = inverseR();
        int p = r.length;
        double[] diagonal = new double[p];
        for (int i = 0; i < p; i++) {
            DoubleDouble s = DoubleDouble.ZERO;
            for (int j = i; j < p; j++) {
                s = s.add(inv[i][j].multiply(inv[i][j]));
            }
            diagonal[i] = s.doubleValue();
        }
        return diagonal;
    }

    /** R⁻¹ (upper triangular), by back substitution column by column. */
    DoubleDouble[][] inverseR() {
        int p = r.length;
        DoubleDouble[][] inv = new DoubleDouble[p][p];
        for (int j = 0; j < p; j++) {
            for (int i = p - 1; i >= 0; i--) {
                DoubleDouble s = i == j ? DoubleDouble.of(1) : DoubleDouble.ZERO;
                for (int m = i + 1; m <= j; m++) {
                    s = s.subtract(r[i][m].multiply(inv[m][j]));
                }
                inv[i][j] = i > j ? DoubleDouble.ZERO : s.divide(r[i][i]);
            }
        }
        return inv;
    }
}
