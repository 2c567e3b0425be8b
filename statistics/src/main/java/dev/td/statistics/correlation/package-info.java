/**
 * Correlation of two series: Pearson, Spearman and Kendall with their tests and intervals, lagged
 * correlation of time series, and the {@code Correlation} they return; Bartlett's effective sample
 * size for autocorrelated series ({@code EffectiveSampleSize}) is internal.
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.correlation;
