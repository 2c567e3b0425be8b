package dev.td.statistics.load;

import java.util.List;

/**
 * The daily training-load series {@link LoadModel#series(double[])} computes: one {@link LoadDay} per input day,
 * in order, with the model (constants and starting values) and a description of the method.
 *
 * @param days   one entry per daily load, in input order (copied)
 * @param model  the constants and starting values used
 * @param method what was computed and from which sources
 */
public record LoadSeries(List<LoadDay> days, LoadModel model, String method) {
    public LoadSeries {
        if (days == null || days.isEmpty() || model == null || method == null || method.isBlank()) {
            throw new IllegalArgumentException("a load series needs at least one day, its model and its method");
        }
        days = List.copyOf(days);
    }

    /** The last day: today's values when the series ends today. */
    public LoadDay last() {
        return days.getLast();
    }
}
