package dev.td.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.profile.Aggregate;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.ZoneInUse;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

/**
 * get_metric_series. With a metric: its rows per day, ISO week or month over the days asked (default the last
 * 12 weeks), in the unit the person sees; the latest day against the person's baseline (the 28 days before it,
 * {@link Baseline}); the trend over the range ({@link MetricTrend}). Without: one row per metric the person
 * has, with its latest day and baseline median. Rows are arrays under named columns, so daily data of the
 * default range stays near 2,000 characters.
 */
final class MetricSeriesQuery {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int DEFAULT_DAYS = 12 * 7;

    private final MetricViews views;

    MetricSeriesQuery(MetricViews views) {
        this.views = views;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_metric_series", this::answer);
    }

    private Envelope answer(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode a = call.arguments();
        ZoneInUse zone = views.profiles().zoneInUse(user);
        AskedPeriod period = resolved(AskedPeriod.of(a, zone, AsOf.now()));
        ObjectNode context = JSON.objectNode();
        zone.hint().ifPresent(h -> context.put("time_zone", h));
        Meta meta = Meta.now(call.origin().requestId())
                .withProjectionVersion(views.daysProjection().version())
                .withPeriod(period.toJson());
        Optional<String> metric = JsonFields.text(a, "metric");
        if (metric.isEmpty()) {
            if (a.has("aggregate")) {
                throw ToolException.invalid(
                        "$.aggregate", "aggregate needs a metric; name one, or leave aggregate out for the overview");
            }
            return new Envelope(overview(user, period.to().orElseThrow(), call.principal()), context, meta);
        }
        String name = views.resolve(user, metric.get(), call.principal(), "$.metric");
        String scope = views.readScope(name);
        if (!call.principal().may(scope)) {
            // a grant gives body metrics and health metrics apart: a coach with metrics:read asking for sleep
            throw ToolRegistry.forbidden("get_metric_series", scope, call.principal());
        }
        DayRange range = new DayRange(period.from().orElseThrow(), period.to().orElseThrow());
        Series series = series(user, name, range, JsonFields.text(a, "aggregate"));
        series.anomaly().ifPresent(text -> context.putArray("anomalies").add(text));
        if (series.quality().isPresent()) {
            meta = meta.withStatisticalQuality(series.quality().get());
        }
        return new Envelope(series.data(), context, meta);
    }

    /** The days asked for with both ends: by default the last 12 weeks up to today. */
    static AskedPeriod resolved(AskedPeriod asked) {
        LocalDate today = asked.today();
        if (!asked.bounded()) {
            return new AskedPeriod(
                    Optional.of(today.minusDays(DEFAULT_DAYS - 1L)),
                    Optional.of(today),
                    Optional.of("default: the last 12 weeks"),
                    asked.zone(),
                    today);
        }
        LocalDate to = asked.to()
                .orElseGet(
                        () -> asked.from().get().isAfter(today) ? asked.from().get() : today);
        LocalDate from = asked.from().orElseGet(() -> to.minusDays(DEFAULT_DAYS - 1L));
        return asked.withBounds(Optional.of(from), Optional.of(to));
    }

    /** What a series answer holds beside its data. */
    private record Series(ObjectNode data, Optional<String> anomaly, Optional<ObjectNode> quality) {}

    private Series series(UUID user, String name, DayRange range, Optional<String> asked) {
        Optional<MetricDefinition> known = views.registry().find(name);
        boolean labels = known.map(MetricDefinition::categorical).orElse(false);
        MetricViews.Shown shown = views.shown(user, name, true);
        MetricViews.Days all =
                views.days(user, name, shown, new DayRange(range.from().minusDays(Baseline.WINDOW_DAYS), range.to()));
        List<MetricViews.Day> days =
                all.days().stream().filter(d -> range.contains(d.date())).toList();
        labels = labels
                || (!days.isEmpty() && days.stream().allMatch(d -> d.value().isEmpty()));
        String aggregate = asked.orElseGet(() -> Aggregate.forRange(range).wire());
        MetricDefinition.PeriodRule periodRule = known.map(MetricDefinition::period)
                .orElse(labels ? MetricDefinition.PeriodRule.MODE : MetricDefinition.PeriodRule.MEAN);
        ArrayNode rows = rows(days, aggregate, periodRule, labels);
        if (rows.size() > Aggregate.MAX_ROWS) {
            throw ToolException.invalid(
                    asked.isPresent() ? "$.aggregate" : "$.from",
                    rows.size() + " " + aggregate + " rows are more than one answer holds (" + Aggregate.MAX_ROWS
                            + "); ask for a coarser aggregate (week, month) or fewer days");
        }
        ObjectNode data = header(name, known, labels ? "" : shown.unit(), labels, aggregate, periodRule);
        data.set("rows", rows);
        if (all.leftOut() > 0) {
            data.put("left_out", all.leftOut());
        }
        Optional<MetricViews.Day> latest = days.isEmpty() ? Optional.empty() : Optional.of(days.getLast());
        if (labels || latest.isEmpty()) {
            data.set(
                    "latest",
                    latest.<JsonNode>map(l -> JSON.objectNode()
                                    .put("date", l.date().toString())
                                    .put("label", l.label().orElse(null)))
                            .orElse(JSON.nullNode()));
            data.putNull("baseline");
            data.set(
                    "trend",
                    labels ? JSON.nullNode() : trend(days, shown, known).json());
            return new Series(data, Optional.empty(), Optional.empty());
        }
        Optional<String> anomaly = latestAgainstBaseline(data, name, all.days(), latest.get());
        MetricTrend.Result trend = trend(days, shown, known);
        data.set("trend", trend.json());
        return new Series(data, anomaly, trend.quality());
    }

    /** What a series is: the metric, its unit and rules, and the columns of its rows. */
    private static ObjectNode header(
            String name,
            Optional<MetricDefinition> known,
            String unit,
            boolean labels,
            String aggregate,
            MetricDefinition.PeriodRule periodRule) {
        ObjectNode data = JSON.objectNode();
        data.put("metric", name);
        data.put("custom", known.isEmpty());
        data.set("unit", MetricAnswers.unit(unit));
        known.flatMap(MetricDefinition::scale)
                .ifPresent(
                        s -> data.put("scale", s.min() + " (" + s.low() + ") to " + s.max() + " (" + s.high() + ")"));
        data.put("daily_rule", known.map(d -> d.daily().wire()).orElse(labels ? "last" : "mean"));
        data.put("period_rule", periodRule.wire());
        data.put("aggregate", aggregate);
        data.putArray("columns")
                .add(aggregate.equals("day") ? "date" : aggregate)
                .add(labels ? "label" : "value")
                .add(aggregate.equals("day") ? "readings" : "days");
        return data;
    }

    /** Puts the latest day and its baseline into {@code data}; returns the anomaly to tell, if it is one. */
    private static Optional<String> latestAgainstBaseline(
            ObjectNode data, String name, List<MetricViews.Day> days, MetricViews.Day latest) {
        Baseline baseline = Baseline.of(days, latest.date());
        OptionalDouble z = baseline.robustZ(latest.value());
        ObjectNode l = data.putObject("latest");
        l.put("date", latest.date().toString());
        l.set("value", MetricAnswers.value(latest.value()));
        l.set("z", MetricAnswers.value(z));
        if (z.isEmpty()) {
            l.put("note", baseline.missingReason(latest.value()));
        }
        data.set("baseline", MetricAnswers.baseline(baseline.level()));
        if (z.isEmpty() || Math.abs(z.getAsDouble()) <= Baseline.UNUSUAL_Z) {
            return Optional.empty();
        }
        return Optional.of(name + " on " + latest.date() + " is far " + (z.getAsDouble() > 0 ? "above" : "below")
                + " the person's 28-day baseline (robust z " + MetricAnswers.round(z.getAsDouble(), 1) + ")");
    }

    /** The trend of the days' values. */
    private static MetricTrend.Result trend(
            List<MetricViews.Day> days, MetricViews.Shown shown, Optional<MetricDefinition> known) {
        List<MetricViews.Day> valued =
                days.stream().filter(d -> d.value().isPresent()).toList();
        return MetricTrend.of(
                valued.stream().map(MetricViews.Day::date).toList(),
                valued.stream().mapToDouble(d -> d.value().getAsDouble()).toArray(),
                shown.unit(),
                known.flatMap(MetricDefinition::higherIsBetter));
    }

    /** The rows: per day, or per ISO week or month by the period rule, with how many readings or days made each. */
    private static ArrayNode rows(
            List<MetricViews.Day> days, String aggregate, MetricDefinition.PeriodRule rule, boolean labels) {
        ArrayNode rows = JSON.arrayNode();
        if (aggregate.equals("day")) {
            for (MetricViews.Day d : days) {
                ArrayNode row = rows.addArray().add(d.date().toString());
                if (labels) {
                    row.add(d.label().orElse(null));
                } else {
                    row.add(MetricAnswers.value(d.value()));
                }
                row.add(d.readings());
            }
            return rows;
        }
        Function<LocalDate, String> bucket = Aggregate.of(aggregate)::label;
        Map<String, List<MetricViews.Day>> buckets = new LinkedHashMap<>();
        days.forEach(d -> buckets.computeIfAbsent(bucket.apply(d.date()), k -> new ArrayList<>())
                .add(d));
        buckets.forEach((label, members) -> {
            ArrayNode row = rows.addArray().add(label);
            if (labels) {
                row.add(mode(members).orElse(null));
            } else {
                double[] values = members.stream()
                        .filter(d -> d.value().isPresent())
                        .mapToDouble(d -> d.value().getAsDouble())
                        .toArray();
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                OptionalDouble value = values.length == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(rule == MetricDefinition.PeriodRule.SUM ? sum : sum / values.length);
                row.add(MetricAnswers.value(value));
            }
            row.add(members.size());
        });
        return rows;
    }

    /** The most frequent label of some days; ties go to the one seen last. */
    private static Optional<String> mode(List<MetricViews.Day> days) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, LocalDate> last = new LinkedHashMap<>();
        for (MetricViews.Day d : days) {
            d.label().ifPresent(l -> {
                counts.merge(l, 1, Integer::sum);
                last.put(l, d.date());
            });
        }
        return counts.keySet().stream()
                .max(Comparator.<String>comparingInt(counts::get).thenComparing(last::get));
    }

    /** One row per metric the person has: unit, latest value or label and its day, baseline median and days. */
    private ObjectNode overview(UUID user, LocalDate upTo, Principal reader) {
        ObjectNode data = JSON.objectNode();
        data.putArray("columns")
                .add("metric")
                .add("unit")
                .add("latest")
                .add("date")
                .add("baseline_median")
                .add("baseline_days");
        ArrayNode rows = data.putArray("metrics");
        for (MetricViews.LatestWindow w : views.latestWindows(
                user, new java.util.TreeMap<>(views.readable(views.index(user), reader)).values(), upTo, true)) {
            MetricViews.Day latest = w.latest();
            ArrayNode row = rows.addArray().add(w.metric());
            boolean labels = latest.value().isEmpty();
            row.add(MetricAnswers.unit(labels ? "" : w.shown().unit()));
            if (labels) {
                row.add(latest.label().orElse(null));
            } else {
                row.add(MetricAnswers.value(latest.value()));
            }
            row.add(latest.date().toString());
            Metrics.Level level = Baseline.of(w.days(), latest.date()).level();
            row.add(MetricAnswers.value(level.median()));
            row.add(level.days());
        }
        return data;
    }
}
