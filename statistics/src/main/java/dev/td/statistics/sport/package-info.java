/**
 * Sports-science formulas: estimated one-repetition maximum ({@code OneRepMax}), bodyweight-adjusted
 * strength scores ({@code StrengthScore}), per-session and last-day training-load formulas
 * ({@code TrainingLoad}, {@code PmcDay}; the daily series with every indicator is in {@code load}),
 * best efforts over a distance from a stream or laps ({@code BestEfforts}, {@code BestEffort},
 * {@code Lap}) and the {@code Sex} the coefficients depend on.
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.sport;
