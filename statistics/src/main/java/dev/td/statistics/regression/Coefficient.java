package dev.td.statistics.regression;

import dev.td.statistics.Interval;

/**
 * One fitted regression coefficient.
 *
 * @param name          {@code "intercept"}, {@code "x^k"} for polynomial terms, or {@code "x1"}, {@code "x2"}, …
 * @param value         least-squares estimate
 * @param standardError sqrt(s²·[(XᵀX)⁻¹]_kk) — NIST's "standard deviation of estimate"
 * @param ci            t-based confidence interval with the residual degrees of freedom
 * @param tStatistic    value / standardError; empty for an exact fit (standard error 0)
 * @param pValue        two-sided p-value of H0: coefficient = 0, from Student's t with the residual degrees of freedom;
 *                      empty for an exact fit
 */
public record Coefficient(
        String name,
        double value,
        double standardError,
        Interval ci,
        java.util.OptionalDouble tStatistic,
        java.util.OptionalDouble pValue) {
    public Coefficient {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("coefficient name must be non-blank");
        }
        if (!Double.isFinite(value) || !(standardError >= 0) || ci == null || tStatistic == null || pValue == null) {
            throw new IllegalArgumentException(
                    "coefficient " + name + " must have a finite value, a non-negative standardError and a ci");
        }
    }
}
