package dev.td.server.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.ErrorCode;
import dev.td.tools.Principal;
import dev.td.tools.ToolException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.DoubleUnaryOperator;

/**
 * Reads the metric projections as daily values in a unit: the metric's canonical one (the published {@link
 * Metrics}), or the one the person sees (body weight in their profile's unit, a custom metric in the unit it
 * was first logged in).
 */
final class MetricViews implements Metrics {

    private final ProjectionEngine engine;
    private final MetricRegistry registry;
    private final Profiles profiles;
    private final MetricDaysProjection days;
    private final MetricIndexProjection index;

    MetricViews(ProjectionEngine engine, MetricRegistry registry, Profiles profiles) {
        this.engine = engine;
        this.registry = registry;
        this.profiles = profiles;
        this.days = new MetricDaysProjection(registry);
        this.index = new MetricIndexProjection(registry);
    }

    MetricDaysProjection daysProjection() {
        return days;
    }

    MetricRegistry registry() {
        return registry;
    }

    Profiles profiles() {
        return profiles;
    }

    /** The person's metrics, by name. */
    Map<String, MetricIndexProjection.Entry> index(UUID user) {
        return engine.readAll(user, index);
    }

    Optional<MetricIndexProjection.Entry> entry(UUID user, String metric) {
        return engine.read(user, index, metric);
    }

    /**
     * How a metric's kept values read in a unit.
     *
     * @param unit       the unit shown ({@code ""}: none)
     * @param storedUnit the unit the projection keeps values in
     * @param fromStored a kept value in {@code unit}
     */
    record Shown(String unit, String storedUnit, DoubleUnaryOperator fromStored) {}

    /** A metric's values in its canonical unit, or (personsUnit) in the one the person sees. */
    Shown shown(UUID user, String metric, boolean personsUnit) {
        return shown(user, metric, personsUnit, () -> entry(user, metric));
    }

    /** As {@link #shown(UUID, String, boolean)}, the metric's index entry (read for custom metrics) given. */
    private Shown shown(
            UUID user,
            String metric,
            boolean personsUnit,
            java.util.function.Supplier<Optional<MetricIndexProjection.Entry>> entry) {
        Optional<MetricDefinition> known = registry.find(metric);
        if (known.isPresent()) {
            MetricDefinition d = known.get();
            MetricUnits.Unit target = d.unit().orElse(MetricUnits.Unit.own(""));
            if (personsUnit
                    && d.unit().filter(u -> u.dimension().equals("mass")).isPresent()) {
                target = profiles.profile(user)
                        .weightUnit()
                        .flatMap(u -> registry.units().find(u))
                        .filter(d::accepts)
                        .orElse(target);
            }
            MetricUnits.Unit to = target;
            return new Shown(
                    to.symbol(),
                    d.unitSymbol(),
                    v -> d.fromCanonical(BigDecimal.valueOf(v), to)
                            .orElseThrow()
                            .doubleValue());
        }
        String unit = entry.get().flatMap(MetricIndexProjection.Entry::unit).orElse("");
        Optional<MetricUnits.Unit> u =
                unit.isEmpty() ? Optional.empty() : registry.units().find(unit);
        if (u.isEmpty()) {
            return new Shown(unit, unit, v -> v);
        }
        MetricUnits.Unit base = registry.units().base(u.get().dimension());
        MetricUnits.Unit to = u.get();
        return new Shown(
                to.symbol(),
                base.symbol(),
                v -> to.fromBase(BigDecimal.valueOf(v)).doubleValue());
    }

    /**
     * One day of a metric as shown.
     *
     * @param value    the daily value by the metric's rule, in the shown unit; empty for labels
     * @param readings how many readings the day has
     */
    record Day(LocalDate date, OptionalDouble value, Optional<String> label, int readings) {}

    /** What a range of days holds: the days with readings, and how many readings were left out (unconverted). */
    record Days(List<Day> days, int leftOut) {}

    /** The days of a range with readings, oldest first, in {@code shown}'s unit. */
    Days days(UUID user, String metric, Shown shown, DayRange range) {
        Map<String, MetricDaysProjection.Month> months = engine.readRange(
                user,
                days,
                MetricDaysProjection.key(metric, YearMonth.from(range.from())),
                MetricDaysProjection.key(metric, YearMonth.from(range.to())));
        return days(metric, shown, range, months);
    }

    /** The days of a range with readings from month states read before (other metrics' months are skipped). */
    private Days days(String metric, Shown shown, DayRange range, Map<String, MetricDaysProjection.Month> months) {
        MetricDefinition.DailyRule rule =
                registry.find(metric).map(MetricDefinition::daily).orElse(MetricDefinition.DailyRule.MEAN);
        List<Day> out = new ArrayList<>();
        int leftOut = 0;
        String prefix = metric + "/";
        String first = range.from().toString();
        String last = range.to().toString();
        for (Map.Entry<String, MetricDaysProjection.Month> e : new java.util.TreeMap<>(months).entrySet()) {
            if (!e.getKey().startsWith(prefix) || e.getKey().indexOf('/', prefix.length()) >= 0) {
                continue;
            }
            MetricDaysProjection.Month month = e.getValue();
            boolean foreign =
                    month.unit().map(u -> !u.equals(shown.storedUnit())).orElse(false);
            for (Map.Entry<String, MetricDaysProjection.Day> d : new java.util.TreeMap<>(month.days()).entrySet()) {
                if (d.getKey().compareTo(first) < 0 || d.getKey().compareTo(last) > 0) {
                    continue; // ISO days compare as text: parse only the days in the range
                }
                LocalDate date = LocalDate.parse(d.getKey());
                MetricDaysProjection.Day day = d.getValue();
                if (foreign && day.valued()) {
                    leftOut += day.n();
                    continue;
                }
                OptionalDouble value = day.valued()
                        ? OptionalDouble.of(shown.fromStored().applyAsDouble(daily(rule, day)))
                        : OptionalDouble.empty();
                out.add(new Day(date, value, day.label(), day.n()));
            }
            leftOut += month.unconverted();
        }
        return new Days(out, leftOut);
    }

    /** One day of a metric, in the unit the person sees, and the baseline of the days before it. */
    record Against(Shown shown, Day day, Baseline baseline) {}

    /** The day of a metric (named as stored) against its baseline, if the day has readings. */
    Optional<Against> againstBaseline(UUID user, String metric, LocalDate day) {
        Shown shown = shown(user, metric, true);
        List<Day> days = days(
                        user, metric, shown, new DayRange(Baseline.window(day).from(), day))
                .days();
        return days.stream()
                .filter(x -> x.date().equals(day))
                .findFirst()
                .map(today -> new Against(shown, today, Baseline.of(days, day)));
    }

    static double daily(MetricDefinition.DailyRule rule, MetricDaysProjection.Day day) {
        return switch (rule) {
            case LAST -> day.last();
            case MEAN -> day.mean();
            case SUM -> day.sum();
            case MIN -> day.min();
            case MAX -> day.max();
        };
    }

    /** The name a caller's word stands for: a registry name for a name or alias, else the snake_case name. */
    private String name(String said) {
        return registry.find(said).map(MetricDefinition::name).orElseGet(() -> MetricNames.snake(said));
    }

    @Override
    public String readScope(String metric) {
        return registry.readScope(metric);
    }

    /** The person's metrics the reader's scopes let them see: through a grant, body or health metrics or both. */
    Map<String, MetricIndexProjection.Entry> readable(Map<String, MetricIndexProjection.Entry> own, Principal reader) {
        if (reader.may(Metrics.BODY_READ) && reader.may(Metrics.HEALTH_READ)) {
            return own;
        }
        Map<String, MetricIndexProjection.Entry> shown = new java.util.LinkedHashMap<>();
        own.forEach((name, entry) -> {
            if (reader.may(readScope(name))) {
                shown.put(name, entry);
            }
        });
        return shown;
    }

    /** The person's metric a name stands for, or not found (or ambiguous) with the candidates the reader may see. */
    String resolve(UUID user, String said, Principal reader, String path) {
        Optional<MetricDefinition> known = registry.find(said);
        if (known.isPresent()) {
            return known.get().name();
        }
        Map<String, MetricIndexProjection.Entry> own = readable(index(user), reader);
        String compact = MetricNames.compact(said);
        for (String name : own.keySet()) {
            if (MetricNames.compact(name).equals(compact)) {
                return name;
            }
        }
        List<String> several = registry.ambiguous(said);
        List<String> near = several.isEmpty()
                ? registry.near(said, own.keySet()).stream()
                        .map(MetricRegistry.Candidate::metric)
                        .toList()
                : several;
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        near.forEach(details.putArray("metric_candidates")::add);
        String message = several.isEmpty()
                ? "no metric '" + said + "'"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
                        + " The person has " + (own.isEmpty() ? "no metrics yet" : String.join(", ", own.keySet()))
                : "'" + said + "' may mean " + String.join(" or ", several) + "; ask for one of them";
        throw new ToolException(
                several.isEmpty() ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_ARGUMENT,
                path,
                message,
                near.isEmpty() ? Optional.empty() : Optional.of(details));
    }

    @Override
    public Named named(UUID user, String said, Principal reader, String path) {
        String name = resolve(user, said, reader, path);
        Optional<MetricDefinition> known = registry.find(name);
        return new Named(
                name,
                known.map(MetricDefinition::categorical).orElse(false),
                known.map(d -> d.period() == MetricDefinition.PeriodRule.SUM).orElse(false));
    }

    @Override
    public List<DailyValue> seriesAsShown(UUID user, String metric, DayRange range) {
        String name = name(metric);
        Shown shown = shown(user, name, true);
        return days(user, name, shown, range).days().stream()
                .map(d -> published(d, shown))
                .toList();
    }

    @Override
    public Optional<DailyValue> latest(UUID user, String metric, LocalDate asOf) {
        String name = name(metric);
        Shown shown = shown(user, name, false);
        return latestDay(user, name, shown, asOf).map(d -> published(d, shown));
    }

    /** The latest day with a reading on or before {@code asOf}, in {@code shown}'s unit. */
    Optional<Day> latestDay(UUID user, String metric, Shown shown, LocalDate asOf) {
        Optional<MetricIndexProjection.Entry> entry = entry(user, metric);
        if (entry.isEmpty() || entry.get().firstDay().isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.parse(entry.get().firstDay().get());
        LocalDate last = LocalDate.parse(entry.get().lastDay().orElseThrow());
        LocalDate upTo = last.isBefore(asOf) ? last : asOf;
        for (YearMonth m = YearMonth.from(upTo); !m.isBefore(YearMonth.from(first)); m = m.minusMonths(1)) {
            LocalDate from = m.atDay(1).isBefore(first) ? first : m.atDay(1);
            LocalDate to = m.atEndOfMonth().isAfter(upTo) ? upTo : m.atEndOfMonth();
            if (to.isBefore(from)) {
                continue;
            }
            List<Day> found = days(user, metric, shown, new DayRange(from, to)).days();
            if (!found.isEmpty()) {
                return Optional.of(found.getLast());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DailyValue> series(UUID user, String metric, DayRange range) {
        String name = name(metric);
        Shown shown = shown(user, name, false);
        return days(user, name, shown, range).days().stream()
                .map(d -> published(d, shown))
                .toList();
    }

    @Override
    public List<Recent> recentAgainstBaseline(UUID user, LocalDate since, LocalDate asOf) {
        List<MetricIndexProjection.Entry> entries = index(user).values().stream()
                .filter(e -> e.lastDay()
                        .map(LocalDate::parse)
                        .filter(last -> !last.isBefore(since) && !last.isAfter(asOf))
                        .isPresent())
                .sorted(java.util.Comparator.comparingInt(MetricIndexProjection.Entry::readings)
                        .reversed()
                        .thenComparing(MetricIndexProjection.Entry::metric))
                .toList();
        List<Recent> recent = new ArrayList<>();
        for (LatestWindow w : latestWindows(user, entries, asOf, false)) {
            if (!w.latest().date().isBefore(since)) {
                Baseline baseline = Baseline.of(w.days(), w.latest().date());
                recent.add(new Recent(
                        w.metric(),
                        new Deviation(
                                published(w.latest(), w.shown()),
                                baseline.level(),
                                baseline.robustZ(w.latest().value()))));
            }
        }
        return recent;
    }

    /**
     * A metric's latest day with a reading and the days of the baseline window before it, in {@code shown}'s unit.
     *
     * @param days the window's days and the latest, oldest first (the latest last)
     */
    record LatestWindow(String metric, Shown shown, List<Day> days) {
        Day latest() {
            return days.getLast();
        }
    }

    /**
     * For each metric of {@code entries}, in their order: its latest day with a reading on or before {@code asOf}
     * and the baseline window before it. The usual case is one read of every month those windows touch, for all
     * metrics together; a metric whose last day lies after {@code asOf}, or whose last day's readings are not in its
     * unit, is read the long way ({@link #latestDay}). Metrics without a day up to {@code asOf} are left out.
     */
    List<LatestWindow> latestWindows(
            UUID user, java.util.Collection<MetricIndexProjection.Entry> entries, LocalDate asOf, boolean personsUnit) {
        Map<String, DayRange> ranges = new java.util.LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (MetricIndexProjection.Entry e : entries) {
            Optional<LocalDate> last = e.lastDay().map(LocalDate::parse).filter(d -> !d.isAfter(asOf));
            if (last.isPresent()) {
                DayRange range = new DayRange(Baseline.window(last.get()).from(), last.get());
                ranges.put(e.metric(), range);
                for (YearMonth m = YearMonth.from(range.from());
                        !m.isAfter(YearMonth.from(range.to()));
                        m = m.plusMonths(1)) {
                    keys.add(MetricDaysProjection.key(e.metric(), m));
                }
            }
        }
        Map<String, MetricDaysProjection.Month> months = engine.readKeys(user, days, keys);
        List<LatestWindow> found = new ArrayList<>();
        for (MetricIndexProjection.Entry e : entries) {
            Shown shown = shown(user, e.metric(), personsUnit, () -> Optional.of(e));
            DayRange range = ranges.get(e.metric());
            List<Day> read = range == null
                    ? List.of()
                    : days(e.metric(), shown, range, months).days();
            if (range != null && !read.isEmpty() && read.getLast().date().equals(range.to())) {
                found.add(new LatestWindow(e.metric(), shown, read));
            } else {
                latestDay(user, e.metric(), shown, asOf)
                        .map(l -> days(
                                        user,
                                        e.metric(),
                                        shown,
                                        new DayRange(Baseline.window(l.date()).from(), l.date()))
                                .days())
                        .filter(window -> !window.isEmpty())
                        .ifPresent(window -> found.add(new LatestWindow(e.metric(), shown, window)));
            }
        }
        return found;
    }

    @Override
    public Optional<Deviation> latestAgainstBaseline(UUID user, String metric, LocalDate asOf) {
        String name = name(metric);
        Optional<LocalDate> lastDay = entry(user, name)
                .flatMap(MetricIndexProjection.Entry::lastDay)
                .map(LocalDate::parse)
                .filter(d -> !d.isAfter(asOf));
        if (lastDay.isPresent()) {
            // the usual case, in one read: the last day with readings and the baseline window before it
            Shown shown = shown(user, name, false);
            List<Day> read = days(
                            user,
                            name,
                            shown,
                            new DayRange(Baseline.window(lastDay.get()).from(), lastDay.get()))
                    .days();
            if (!read.isEmpty() && read.getLast().date().equals(lastDay.get())) {
                Day latest = read.getLast();
                Baseline baseline = Baseline.of(read, latest.date());
                return Optional.of(
                        new Deviation(published(latest, shown), baseline.level(), baseline.robustZ(latest.value())));
            }
        }
        return latest(user, name, asOf).map(latest -> {
            Shown shown = shown(user, name, false);
            List<Day> window =
                    days(user, name, shown, Baseline.window(latest.date())).days();
            Baseline baseline = Baseline.of(window, latest.date());
            return new Deviation(latest, baseline.level(), baseline.robustZ(latest.value()));
        });
    }

    private static DailyValue published(Day d, Shown shown) {
        return new DailyValue(d.date(), d.value(), d.label(), shown.unit(), d.readings());
    }
}
