/**
 * Body metrics and health readings: body weight, body fat, resting and maximum heart rate, HRV, sleep,
 * blood pressure, SpO2, nutrition, subjective scores (soreness, fatigue, stress, mood, motivation), the
 * menstrual phase, and any metric of a person's own. The registry ({@code td/metrics/registry.json}: names,
 * English and German aliases, units and exact conversions, plausible ranges, daily and period rules, scales,
 * labels) and its name resolution; {@code log_metrics} and {@code get_metric_series}; the projections of
 * every metric per day and month and of the metrics a person has; baselines (median and MAD of the 28 days
 * before) and trends (Theil–Sen, Mann–Kendall); which proposed readings would stand out (what_if). Published:
 * {@code Metrics}.
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code capability}, {@code dev.td.statistics}
 * and the published types of {@code profile} and {@code analysis}.
 */
package dev.td.server.metrics;
