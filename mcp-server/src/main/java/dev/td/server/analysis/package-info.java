/**
 * The statistics tools ({@code stats_describe}, {@code stats_compare}, {@code stats_correlate},
 * {@code stats_trend}, {@code stats_regression}): argument parsing and JSON rendering around the
 * pure {@code dev.td.statistics} module, which does the arithmetic. Published: {@code StatisticsJson}.
 *
 * <p>A capability: may use {@code capability} and {@code dev.td.statistics}; no other domain.
 */
package dev.td.server.analysis;
