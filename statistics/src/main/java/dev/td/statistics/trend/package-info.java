/**
 * Monotonic trends in a series: the Mann–Kendall test and the Theil–Sen line with its
 * {@code TrendEstimate}; internally slope selection ({@code SlopeSelection}) and inversion counting
 * ({@code Inversions}).
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.trend;
