package dev.td.server.metrics;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every metric's readings per day of the person's calendar (the day in the time zone the reading was
 * logged in), kept as what any daily rule needs: count, sum, min, max, the first and the last value by the
 * time they happened (ties: the later in the log), and the last label. Values are kept where {@link
 * MetricRegistry#stored} puts them (a registry metric's canonical unit; a custom metric's base unit);
 * readings that do not convert into the month's unit are counted, not folded. Key: metric and calendar
 * month ({@code hrv_rmssd/2026-11}), so five years of daily readings are sixty small states and an append
 * rewrites one of them.
 *
 * <p>The fold reads the bundled registry (aliases, units, labels): its version is part of this projection's,
 * so a registry change that alters stored values rebuilds it.
 */
final class MetricDaysProjection extends NamedProjection<MetricDaysProjection.Month> {

    static final String NAME = "metric_days";
    private static final int CODE_VERSION = 1;

    private final MetricRegistry registry;

    /**
     * One metric's month.
     *
     * @param unit        the unit the values are kept in; empty until a custom metric's first value
     * @param days        by date ({@code 2026-11-24})
     * @param unconverted readings left out: in a unit that does not convert, or a label where a number belongs
     */
    record Month(String metric, String month, Optional<String> unit, Map<String, Day> days, int unconverted) {}

    /**
     * One day's readings.
     *
     * @param n       readings
     * @param firstAt when the first value happened (epoch microseconds)
     * @param lastAt  when the last value or label happened (epoch microseconds)
     * @param label   the last label (categorical metrics)
     */
    record Day(
            int n,
            double sum,
            double min,
            double max,
            double first,
            long firstAt,
            double last,
            long lastAt,
            Optional<String> label) {

        static final Day NONE = new Day(0, 0, 0, 0, 0, Long.MAX_VALUE, 0, Long.MIN_VALUE, Optional.empty());

        /** Whether a value (not only labels) was folded in. */
        boolean valued() {
            return firstAt != Long.MAX_VALUE;
        }

        Day plus(double v, long at) {
            boolean earliest = !valued() || at < firstAt;
            boolean latest = at >= lastAt;
            return new Day(
                    n + 1,
                    sum + v,
                    valued() ? Math.min(min, v) : v,
                    valued() ? Math.max(max, v) : v,
                    earliest ? v : first,
                    earliest ? at : firstAt,
                    latest ? v : last,
                    latest ? at : lastAt,
                    label);
        }

        Day plusLabel(String l, long at) {
            boolean latest = at >= lastAt;
            return new Day(
                    n + 1, sum, min, max, first, firstAt, last, latest ? at : lastAt, latest ? Optional.of(l) : label);
        }

        double mean() {
            return sum / n;
        }
    }

    MetricDaysProjection(MetricRegistry registry) {
        super(NAME, CODE_VERSION * 1000 + registry.version(), Month.class);
        this.registry = registry;
    }

    /** The key of a metric's month. */
    static String key(String metric, YearMonth month) {
        return metric + "/" + month;
    }

    @Override
    public Month empty(String key) {
        int slash = key.lastIndexOf('/');
        String metric = key.substring(0, slash);
        Optional<String> unit = registry.find(metric).map(MetricDefinition::unitSymbol);
        return new Month(metric, key.substring(slash + 1), unit, Map.of(), 0);
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.MetricRecorded m
                ? List.of(key(registry.canonical(m.metric()), YearMonth.from(m.date())))
                : List.of();
    }

    @Override
    public Month apply(Month month, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.MetricRecorded m)) {
            return month;
        }
        Optional<MetricDefinition> known = registry.find(month.metric());
        boolean categorical = known.map(MetricDefinition::categorical).orElse(false);
        String date = m.date().toString();
        Day day = month.days().getOrDefault(date, Day.NONE);
        long at = micros(m);
        if (m.label().isPresent() && m.value().isEmpty() && (categorical || known.isEmpty())) {
            String label = known.flatMap(d -> d.label(m.label().get()))
                    .orElse(m.label().get());
            return with(month, date, day.plusLabel(label, at), month.unit());
        }
        if (m.value().isEmpty() || categorical) {
            return skipped(month);
        }
        Optional<MetricRegistry.Stored> stored =
                registry.stored(month.metric(), m.value().get(), m.unit());
        if (stored.isEmpty()
                || month.unit().map(u -> !u.equals(stored.get().unit())).orElse(false)) {
            return skipped(month);
        }
        double v = stored.get().value().doubleValue();
        Day next = day.plus(v, at);
        if (!Double.isFinite(v) || !Double.isFinite(next.sum())) {
            return skipped(month);
        }
        return with(month, date, next, Optional.of(stored.get().unit()));
    }

    private static Month with(Month month, String date, Day day, Optional<String> unit) {
        Map<String, Day> days = new TreeMap<>(month.days());
        days.put(date, day);
        return new Month(month.metric(), month.month(), unit, days, month.unconverted());
    }

    private static Month skipped(Month month) {
        return new Month(month.metric(), month.month(), month.unit(), month.days(), month.unconverted() + 1);
    }

    private static long micros(TrainingEvent.MetricRecorded m) {
        java.time.Instant i = m.occurredAt().toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
