/**
 * Training load: the daily series a training-load view shows ({@code LoadModel} → {@code LoadSeries} of
 * {@code LoadDay}: performance management chart, coupled, uncoupled and EWMA acute:chronic workload ratios,
 * Foster's monotony and strain), and the load of one session from power ({@code CogganPower}:
 * {@code NormalizedPower}, {@code TrainingStress}). A value that cannot be computed is an
 * {@code Indicator.Undefined} that says why, never a NaN.
 *
 * <p>May use the root package and {@code numeric}.
 */
package dev.td.statistics.load;
