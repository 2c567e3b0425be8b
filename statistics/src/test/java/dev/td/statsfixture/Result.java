package dev.td.statsfixture;

import dev.td.statsfixture.trend.Trend;

/** Breaks the root rule: a result type that calls a capability. */
public record Result(double value) {

    public static Result of(double[] values) {
        return new Result(Trend.slope(values));
    }
}
