package dev.td.statsfixture.numeric;

import dev.td.statsfixture.trend.Trend;

/** Breaks the numeric rule and closes a cycle: shared numerics that use a capability which uses them. */
public final class Sums {

    private Sums() {}

    public static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    public static double trendOf(double[] values) {
        return Trend.slope(values);
    }
}
