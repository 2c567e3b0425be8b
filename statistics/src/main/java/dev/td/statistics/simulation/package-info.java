/**
 * Coverage and type-I error of every interval and test td reports, measured by simulation on iid
 * normal, skewed, heavy-tailed and AR(1) data (deterministic seeds). {@code CoverageSimulationTest}
 * runs a small grid in every build; {@code bin/bench coverage} runs the full one and prints the table
 * that {@link dev.td.statistics.SimulatedCoverage} quotes.
 *
 * <p>May use every capability package; none uses it.
 */
package dev.td.statistics.simulation;
