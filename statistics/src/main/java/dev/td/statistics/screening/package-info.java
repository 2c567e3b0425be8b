/**
 * Screening many hypotheses at once with the false discovery rate under control: Benjamini–Hochberg adjusted
 * p-values ({@code BenjaminiHochberg}) and the screen of every predictor against every outcome at lags 0..k that
 * td's background analyses run ({@code CorrelationScreen}).
 *
 * <p>May use the root package, {@code numeric} and {@code correlation}.
 */
package dev.td.statistics.screening;
