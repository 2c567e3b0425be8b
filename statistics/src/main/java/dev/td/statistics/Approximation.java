package dev.td.statistics;

import java.util.OptionalDouble;

/**
 * Why a result's interval or p-value is only approximate, with the coverage td measured for the
 * same method on simulated data like this (see {@code dev.td.statistics.simulation}).
 *
 * @param why               what makes the result approximate, in words an agent can pass on
 * @param simulatedCoverage coverage of the nominal interval measured by simulation under
 *                          {@code simulatedUnder}, when td has measured it
 * @param simulatedUnder    the simulated condition the coverage belongs to (e.g. "AR(1) φ = 0.6, n = 30")
 */
public record Approximation(String why, OptionalDouble simulatedCoverage, String simulatedUnder) {
    public Approximation {
        if (why == null || why.isBlank() || simulatedCoverage == null || simulatedUnder == null) {
            throw new IllegalArgumentException("approximation needs a reason, a coverage (or empty) and its condition");
        }
        if (simulatedCoverage.isPresent()
                && !(simulatedCoverage.getAsDouble() >= 0 && simulatedCoverage.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(
                    "approximation simulatedCoverage must be in [0, 1], was " + simulatedCoverage.getAsDouble());
        }
    }
}
