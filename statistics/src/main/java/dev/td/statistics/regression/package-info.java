/**
 * Ordinary least squares: {@code LinearRegression} (lines, polynomials, several predictors) with
 * its {@code RegressionFit} and {@code Coefficient}s, and {@code UnrepresentableFitException} for
 * results beyond binary64's range; internally Householder QR in double-double arithmetic
 * ({@code HouseholderQr}, {@code DoubleDouble}), the column-scaled condition number and rank rule
 * ({@code Conditioning}) and the residual checks ({@code RegressionDiagnostics}).
 *
 * <p>May use the root package, {@code numeric} and {@code descriptive} (Shapiro–Wilk on the
 * residuals).
 */
package dev.td.statistics.regression;
