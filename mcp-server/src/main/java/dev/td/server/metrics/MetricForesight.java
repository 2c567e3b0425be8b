package dev.td.server.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Foresight;
import dev.td.server.events.Fact;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * What proposed readings would stand out ({@code changes.anomalies}): each day a proposed numeric reading falls on,
 * its daily value with the proposal (the metric's daily rule over the day's readings) against the person's 28-day
 * baseline before it, listed when the robust z lies beyond ±{@value Baseline#UNUSUAL_Z}, as log_metrics flags
 * anomalies; with the day's value before the proposal. A day without a baseline is named in the context.
 */
final class MetricForesight implements Foresight {

    private final MetricViews views;

    MetricForesight(MetricViews views) {
        this.views = views;
    }

    /** A metric on a day, as stored (registry name or the person's own). */
    private record MetricDay(String metric, LocalDate day) {}

    @Override
    public After before(UUID user, List<Fact> proposed) {
        Map<MetricDay, OptionalDouble> before = new LinkedHashMap<>();
        for (Fact f : proposed) {
            if (f.type().equals("metric.recorded")
                    && f.data().path("value").isNumber()
                    && !f.data().has("label")) {
                MetricDay d = new MetricDay(
                        views.registry().canonical(f.data().path("metric").asText()),
                        f.occurredAt().toLocalDate());
                if (!before.containsKey(d)) {
                    before.put(
                            d,
                            views.againstBaseline(user, d.metric(), d.day())
                                    .map(a -> a.day().value())
                                    .orElse(OptionalDouble.empty()));
                }
            }
        }
        return (changes, context) -> before.forEach((d, was) -> views.againstBaseline(user, d.metric(), d.day())
                .ifPresent(now -> addTo(changes, context, d, was, now)));
    }

    private static void addTo(
            ObjectNode changes, ObjectNode context, MetricDay d, OptionalDouble was, MetricViews.Against now) {
        OptionalDouble value = now.day().value();
        OptionalDouble z = now.baseline().robustZ(value);
        if (z.isEmpty()) {
            context.withArray("notes")
                    .add(d.metric() + " on " + d.day() + ": no robust z, "
                            + now.baseline().missingReason(value));
            return;
        }
        if (Math.abs(z.getAsDouble()) <= Baseline.UNUSUAL_Z) {
            return;
        }
        ObjectNode n = changes.withArray("anomalies").addObject();
        n.put("metric", d.metric());
        n.put("date", d.day().toString());
        n.set("value", MetricAnswers.value(value));
        n.set("unit", MetricAnswers.unit(now.shown().unit()));
        n.set("before", MetricAnswers.value(was));
        n.set("median", MetricAnswers.value(now.baseline().level().median()));
        n.put("robust_z", MetricAnswers.round(z.getAsDouble(), 1));
        n.put(
                "note",
                "far " + (z.getAsDouble() > 0 ? "above" : "below") + " the 28-day baseline (|robust z| > "
                        + Baseline.UNUSUAL_Z + ")");
    }
}
