package dev.td.statistics;

/**
 * One fitted regression coefficient.
 *
 * @param name          {@code "intercept"}, {@code "x^k"} for polynomial terms, or {@code "x1"}, {@code "x2"}, …
 * @param value         least-squares estimate
 * @param standardError sqrt(s²·[(XᵀX)⁻¹]_kk) — NIST's "standard deviation of estimate"
 * @param ci            t-based confidence interval with the residual degrees of freedom
 */
public record Coefficient(String name, double value, double standardError, Interval ci) {
    public Coefficient {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("coefficient name must be non-blank");
        }
        if (!Double.isFinite(value) || !(standardError >= 0) || ci == null) {
            throw new IllegalArgumentException("coefficient " + name
                    + " must have a finite value, a non-negative standardError and a ci");
        }
    }
}
