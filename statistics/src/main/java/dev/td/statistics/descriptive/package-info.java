/**
 * Describing one series: {@code Descriptive} (mean, SD, median, MAD, quartiles, lag-1
 * autocorrelation, interval of the mean) with its {@code Description}, the distribution's
 * {@code Shape} (skewness, excess kurtosis, normality), and the Shapiro–Wilk normality test
 * ({@code ShapiroWilkTest}), whose {@code check} other capabilities use to report normality as an
 * assumption.
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.descriptive;
