/**
 * Period comparisons: {@code compare_periods}, "January vs February" in one call. Two periods (dates, words, or the
 * current and the previous program block) and one subject (an exercise, a sport, a metric, or a daily total), each
 * side's values read through other capabilities' published interfaces, summarized, and compared by the statistics
 * module with its assumption gating (Welch's t-test when both sides pass Shapiro–Wilk, else Mann–Whitney U; each side
 * a series in time order). Rendered as {@code stats_compare} renders its results.
 *
 * <p>A capability: may use {@code capability}, {@code dev.td.statistics}, and the published types of {@code profile},
 * {@code exercises}, {@code strength}, {@code endurance}, {@code metrics}, {@code load}, {@code health} and
 * {@code analysis}. Keeps no projection of its own.
 */
package dev.td.server.compare;
