package dev.td.statistics.regression;

/**
 * The condition number of a design after scaling each column to unit Euclidean length, and the rank rule built on
 * it.
 *
 * <p><b>Scaling.</b> Column j of X is divided by ‖x_j‖₂, as in Belsley, Kuh &amp; Welsch, <i>Regression
 * Diagnostics</i> (1980) (intercept column included, no centring). Among all column scalings this one is within
 * a factor √p of the smallest condition number (van der Sluis 1969), so κ measures how nearly dependent the columns
 * are, not the units they are in. It is computed from the triangular factor: X·D⁻¹ = Q·(R·D⁻¹) and ‖R e_j‖ = ‖x_j‖,
 * so κ = σ_max(R̃)/σ_min(R̃) where R̃ is R with unit columns — the same number as NumPy's
 * {@code numpy.linalg.cond(X / numpy.linalg.norm(X, axis=0))}. Singular values come from one-sided Jacobi (Hestenes
 * 1958), which on a matrix with equilibrated columns is accurate to about ε·κ relative (Demmel &amp; Veselić 1992).
 *
 * <p><b>Rank rule.</b> The design is refused as rank deficient when σ_min &lt; max(n, p)·ε·σ_max, that is when
 * κ &gt; 1/(max(n, p)·ε) with ε = 2⁻⁵² — the default tolerance of {@code numpy.linalg.matrix_rank} and MATLAB's
 * {@code rank} (numerical rank from the SVD, Golub &amp; Van Loan, <i>Matrix Computations</i>), applied to the
 * column-scaled design.
 * Why this scale: every entry of X is a binary64 number, known to relative ε/2 at best. A relation that holds up to
 * the rounding of each entry — x2 = x1 + 1, x2 = 0.1·x1, x2 = x1/3 typed as decimals — leaves a column-scaled
 * residual of norm about 2ε or less, so σ_min ≲ 2ε while σ_max ≥ 1 (unit columns): κ ≳ 1/(2ε) ≈ 2·10¹⁵, above the
 * threshold whenever n ≥ 3, which every design with two or more columns has. The double-double QR can still tell
 * such columns apart (it resolves κ to about 10³⁰, which is why the former tolerance tied to its own precision,
 * 10⁻²⁶, let them through), but the data cannot: the coefficients would be the rounding errors of the input magnified
 * by 10¹⁵. Designs that are merely ill-conditioned stay: NIST's Filip
 * (degree 10) has κ = 5.2·10⁹ on this scaling (NumPy, from 1.8·10¹⁵ unscaled), four decimal orders below its
 * threshold 1/(82ε) = 5.5·10¹³, and its certified values are reproduced; such fits are flagged instead
 * ({@link RegressionFit#coefficientsUnstable()}).
 */
final class Conditioning {
    private static final double EPSILON = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 100;

    private Conditioning() {}

    /** The largest condition number the rank rule accepts for n observations and p coefficients. */
    static double limit(int n, int p) {
        return 1 / (Math.max(n, p) * EPSILON);
    }

    /** κ of the first {@code k} columns of the design whose triangular factor is {@code r}. */
    static double leading(DoubleDouble[][] r, int k) {
        double[][] unit = new double[k][k];
        for (int j = 0; j < k; j++) {
            DoubleDouble normSq = DoubleDouble.ZERO;
            for (int i = 0; i <= j; i++) {
                normSq = normSq.add(r[i][j].multiply(r[i][j]));
            }
            DoubleDouble norm = normSq.sqrt();
            for (int i = 0; i <= j; i++) {
                unit[i][j] = r[i][j].divide(norm).doubleValue();
            }
        }
        double[] sigma = singularValues(unit);
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : sigma) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    /**
     * Singular values of the square matrix {@code a} (rows of columns), by one-sided Jacobi: rotate pairs of columns
     * until all are orthogonal to working precision; the column norms are then the singular values.
     */
    static double[] singularValues(double[][] a) {
        int m = a.length;
        double[][] col = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                col[j][i] = a[i][j];
            }
        }
        // each sweep rotates every non-orthogonal pair once; convergence is quadratic, so a few sweeps suffice
        boolean rotated = true;
        for (int sweep = 0; rotated && sweep < MAX_SWEEPS; sweep++) {
            rotated = rotateAllPairs(col);
        }
        double[] sigma = new double[m];
        for (int j = 0; j < m; j++) {
            sigma[j] = Math.sqrt(dot(col[j], col[j]));
        }
        return sigma;
    }

    /** One Jacobi sweep; whether any pair still needed a rotation. */
    private static boolean rotateAllPairs(double[][] col) {
        boolean rotated = false;
        for (int i = 0; i < col.length - 1; i++) {
            for (int j = i + 1; j < col.length; j++) {
                double alpha = dot(col[i], col[i]);
                double beta = dot(col[j], col[j]);
                double gamma = dot(col[i], col[j]);
                if (Math.abs(gamma) <= EPSILON * Math.sqrt(alpha) * Math.sqrt(beta)) {
                    continue;
                }
                rotated = true;
                double zeta = (beta - alpha) / (2 * gamma);
                double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
                double c = 1 / Math.hypot(1, t);
                double s = c * t;
                for (int k = 0; k < col[i].length; k++) {
                    double u = col[i][k];
                    double v = col[j][k];
                    col[i][k] = c * u - s * v;
                    col[j][k] = s * u + c * v;
                }
            }
        }
        return rotated;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int k = 0; k < u.length; k++) {
            s += u[k] * v[k];
        }
        return s;
    }
}
