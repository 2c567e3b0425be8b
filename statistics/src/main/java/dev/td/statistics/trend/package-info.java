/**
 * Monotonic trends in a series: the Mann–Kendall test, the Theil–Sen line with its
 * {@code TrendEstimate}, and the least-squares slope with a serial-correlation-aware interval
 * ({@code LeastSquaresTrend}); internally slope selection ({@code SlopeSelection}) and inversion counting
 * ({@code Inversions}).
 *
 * <p>May use the root package, {@code numeric} and {@code regression}.
 */
package dev.td.statistics.trend;
