/**
 * Comparing two samples: Welch's and Student's t-test ({@code WelchTest}), the paired and one-sample
 * t-test ({@code PairedTTest}), Mann–Whitney U and Wilcoxon signed-rank, and the comparisons that
 * choose between them on normality ({@code TwoGroupComparison}, {@code PairedComparison}).
 *
 * <p>May use the root package, {@code numeric} and {@code descriptive} (Shapiro–Wilk for the
 * normality assumption).
 */
package dev.td.statistics.comparison;
