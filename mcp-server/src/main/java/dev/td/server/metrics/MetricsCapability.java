package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.EventCheck;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Body metrics and health readings: the metric registry (names and aliases in English and German, units
 * with exact conversions, plausible ranges, daily rules), log_metrics and get_metric_series, the projections
 * of every metric per day and of the metrics a person has, and the published {@link Metrics} other
 * capabilities read latest values, series and baselines from; which proposed readings would stand out (what_if).
 * Readings outside plausible ranges, in units that do not convert, or with labels a metric lacks are refused
 * whichever tool writes them.
 */
public final class MetricsCapability implements Capability, Metrics {

    private final Profiles profiles;
    private final MetricRegistry registry = MetricRegistry.bundled();
    private volatile Optional<MetricViews> views = Optional.empty();

    public MetricsCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(new MetricDaysProjection(registry), new MetricIndexProjection(registry));
    }

    @Override
    public void install(Platform platform) {
        MetricViews installed = new MetricViews(platform.projections(), registry, profiles);
        MetricCheck check = new MetricCheck(registry);
        platform.checkEvents(readingsChecked(check, installed));
        new MetricTools(platform.events(), installed, new MetricReadings(registry, check, platform.eventTypes()))
                .register(platform.tools());
        new MetricSeriesQuery(installed).register(platform.tools());
        platform.foresee(new MetricForesight(installed));
        views = Optional.of(installed);
    }

    /** A reading written as a raw event (log_events, correct_event) passes the same checks as log_metrics'. */
    private static EventCheck readingsChecked(MetricCheck check, MetricViews views) {
        return (UUID user, String type, JsonNode data, String path) -> {
            if (type.equals("metric.recorded")) {
                String metric = data.path("metric").asText();
                Optional<String> soFar = views.registry().find(metric).isPresent()
                        ? Optional.empty()
                        : views.entry(user, metric).flatMap(MetricIndexProjection.Entry::unit);
                check.check(data, path, soFar, "add \"" + MetricCheck.MARKER + "\": true to the data");
            }
        };
    }

    @Override
    public String readScope(String metric) {
        return registry.readScope(metric);
    }

    @Override
    public Optional<DailyValue> latest(UUID user, String metric, LocalDate asOf) {
        return installed().latest(user, metric, asOf);
    }

    @Override
    public List<DailyValue> series(UUID user, String metric, DayRange days) {
        return installed().series(user, metric, days);
    }

    @Override
    public List<DailyValue> seriesAsShown(UUID user, String metric, DayRange days) {
        return installed().seriesAsShown(user, metric, days);
    }

    @Override
    public Named named(UUID user, String said, dev.td.tools.Principal reader, String path) {
        return installed().named(user, said, reader, path);
    }

    @Override
    public List<Recent> recentAgainstBaseline(UUID user, LocalDate since, LocalDate asOf) {
        return installed().recentAgainstBaseline(user, since, asOf);
    }

    @Override
    public Optional<Deviation> latestAgainstBaseline(UUID user, String metric, LocalDate asOf) {
        return installed().latestAgainstBaseline(user, metric, asOf);
    }

    private MetricViews installed() {
        return views.orElseThrow(
                () -> new IllegalStateException("the metrics capability is used before the wiring installed it"));
    }
}
