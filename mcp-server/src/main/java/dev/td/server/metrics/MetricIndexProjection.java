package dev.td.server.metrics;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Optional;

/**
 * The metrics a person has: one small entry per metric with its readings, first and last day, and, for a
 * metric td does not know, the unit its first value was logged in, which is that metric's unit for this
 * person from then on (the registry grows by use). Key: the metric's name.
 */
final class MetricIndexProjection extends NamedProjection<MetricIndexProjection.Entry> {

    static final String NAME = "metric_index";
    private static final int CODE_VERSION = 1;

    private final MetricRegistry registry;

    /**
     * One of the person's metrics.
     *
     * @param custom   whether td's registry does not know it
     * @param unit     a custom metric's unit: the symbol of the unit its first value was logged in ({@code ""}: none);
     *                 empty until it has a value, and for registry metrics
     * @param readings readings in the effective history
     * @param firstDay the first day with a reading ({@code 2026-11-24})
     * @param lastDay  the last day with a reading
     */
    record Entry(
            String metric,
            boolean custom,
            Optional<String> unit,
            int readings,
            Optional<String> firstDay,
            Optional<String> lastDay) {}

    MetricIndexProjection(MetricRegistry registry) {
        super(NAME, CODE_VERSION * 1000 + registry.version(), Entry.class);
        this.registry = registry;
    }

    @Override
    public Entry empty(String key) {
        return new Entry(key, registry.find(key).isEmpty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.MetricRecorded m ? List.of(registry.canonical(m.metric())) : List.of();
    }

    @Override
    public Entry apply(Entry e, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.MetricRecorded m)) {
            return e;
        }
        Optional<String> unit = e.unit();
        if (e.custom() && unit.isEmpty() && m.value().isPresent()) {
            unit = Optional.of(registry.customUnit(m.unit()));
        }
        String day = m.date().toString();
        return new Entry(
                e.metric(),
                e.custom(),
                unit,
                e.readings() + 1,
                Optional.of(e.firstDay().filter(f -> f.compareTo(day) <= 0).orElse(day)),
                Optional.of(e.lastDay().filter(l -> l.compareTo(day) >= 0).orElse(day)));
    }
}
