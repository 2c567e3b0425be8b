/**
 * Ordinary least squares: {@code LinearRegression} (lines, polynomials, several predictors) with
 * its {@code RegressionFit} and {@code Coefficient}s; internally Householder QR in double-double
 * arithmetic ({@code HouseholderQr}, {@code DoubleDouble}) and the residual checks
 * ({@code RegressionDiagnostics}).
 *
 * <p>May use the root package, {@code numeric} and {@code descriptive} (Shapiro–Wilk on the
 * residuals).
 */
package dev.td.statistics.regression;
