package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.MuscleGroups;
import dev.td.server.exercises.NameResolver;
import dev.td.server.profile.Aggregate;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.profile.DayRange;
import dev.td.server.projections.AsOf;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * get_volume: volume per ISO week or calendar month over exactly the days asked for. A bucket the
 * range cuts (a week half in the range, a month begun mid-range) counts only the days inside and says
 * so ({@code partial}); every bucket in the range is listed, empty ones too, so "this month vs last
 * month" is one call that always has both months (ranges over two years start at the first bucket with
 * training). A bucket has its totals and the hard sets per muscle group ({@code detail: summary}, the
 * default); {@code detail: full} adds each exercise's and each muscle group's sets, reps and tonnage.
 */
final class VolumeQuery {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int DEFAULT_WEEKS = 12;
    /** Ranges longer than this (two years) list buckets only from the first to the last with training. */
    private static final long LONG_DAYS = 731;

    private final ProjectionEngine engine;
    private final TrainingViews views;
    private final NameResolver names;
    private final BiFunction<UUID, String, Optional<Exercise>> exercises;
    private final WeeklyVolumeProjection volume = new WeeklyVolumeProjection();

    VolumeQuery(
            ProjectionEngine engine,
            TrainingViews views,
            NameResolver names,
            BiFunction<UUID, String, Optional<Exercise>> exercises) {
        this.engine = engine;
        this.views = views;
        this.names = names;
        this.exercises = exercises;
    }

    /** How buckets are cut: ISO weeks (Monday to Sunday) or calendar months. */
    private enum Grouping {
        WEEK,
        MONTH;

        LocalDate start(LocalDate day) {
            return this == WEEK ? day.with(DayOfWeek.MONDAY) : day.withDayOfMonth(1);
        }

        LocalDate end(LocalDate start) {
            return this == WEEK ? start.plusDays(6) : YearMonth.from(start).atEndOfMonth();
        }

        String label(LocalDate start) {
            return this == WEEK
                    ? Aggregate.isoWeek(start)
                    : YearMonth.from(start).toString();
        }
    }

    Envelope answer(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode a = call.arguments();
        AskedPeriod asked = AskedPeriod.of(a, views.zone(user), AsOf.now());
        Grouping grouping = "month".equals(a.path("group_by").asText("week")) ? Grouping.MONTH : Grouping.WEEK;
        boolean full = "full".equals(a.path("detail").asText("summary"));
        Optional<String> onlyExercise = JsonFields.text(a, "exercise").map(n -> names.resolveId(user, n, "$.exercise"));
        Optional<Set<String>> onlyMuscles = JsonFields.text(a, "muscle_group")
                .map(m -> MuscleGroups.bundled().bodyPart(m, "$.muscle_group"));
        Map<String, WeeklyVolumeProjection.Week> weeks = weeks(user, asked);
        Optional<DayRange> range =
                range(asked, weeks.values()).flatMap(r -> trimmed(r, grouping, weeks.values(), asked.today()));
        Units units = views.units(user);
        ArrayNode buckets = JSON.arrayNode();
        Function<String, Optional<Exercise>> lookup = memo(user);
        if (range.isPresent()) {
            for (LocalDate start = grouping.start(range.get().from());
                    !start.isAfter(range.get().to());
                    start = grouping.end(start).plusDays(1)) {
                LocalDate end = grouping.end(start);
                DayRange covered = new DayRange(
                        start.isBefore(range.get().from()) ? range.get().from() : start,
                        end.isAfter(range.get().to()) ? range.get().to() : end);
                ObjectNode b = buckets.addObject();
                b.put(grouping == Grouping.WEEK ? "week" : "month", grouping.label(start));
                b.put("from", covered.from().toString());
                b.put("to", covered.to().toString());
                b.put("partial", !covered.from().equals(start) || !covered.to().equals(end));
                b.put("in_progress", new DayRange(start, end).contains(asked.today()));
                totals(b, sum(weeks, covered), lookup, onlyExercise, onlyMuscles, units, full);
            }
        }
        ObjectNode data = JSON.objectNode();
        data.put("group_by", grouping == Grouping.WEEK ? "week" : "month");
        data.set(grouping == Grouping.WEEK ? "weeks" : "months", buckets);
        onlyMuscles.ifPresent(m -> m.forEach(data.putArray("muscles")::add));
        ObjectNode context = JSON.objectNode();
        asked.zone().hint().ifPresent(h -> context.put("time_zone", h));
        AskedPeriod answered = asked.withBounds(range.map(DayRange::from), range.map(DayRange::to));
        return new Envelope(
                data,
                context,
                Meta.now(call.origin().requestId())
                        .withProjectionVersion(volume.version())
                        .withPeriod(answered.toJson()));
    }

    /** The stored weeks the answer may need: those the asked range touches, or the default's. */
    private Map<String, WeeklyVolumeProjection.Week> weeks(UUID user, AskedPeriod asked) {
        if (!asked.bounded()) {
            return engine.lastKey(user, volume)
                    .map(last -> engine.readRange(
                            user, volume, Aggregate.isoWeek(mondayOf(last).minusWeeks(DEFAULT_WEEKS - 1L)), last))
                    .orElse(Map.of());
        }
        return engine.readRange(
                user,
                volume,
                asked.from().map(Aggregate::isoWeek).orElse(""),
                asked.to().map(Aggregate::isoWeek).orElse("\uffff"));
    }

    /**
     * The days answered for: as asked, an open start from the first day with training, an open end to today
     * (or a later day with training); without bounds, the {@value #DEFAULT_WEEKS} weeks up to the latest week
     * with training. Empty when nothing bounds it and nothing was logged.
     */
    private static Optional<DayRange> range(AskedPeriod asked, Collection<WeeklyVolumeProjection.Week> weeks) {
        Optional<LocalDate> first = weeks.stream()
                .flatMap(w -> w.days().keySet().stream())
                .map(LocalDate::parse)
                .min(LocalDate::compareTo);
        Optional<LocalDate> last = weeks.stream()
                .flatMap(w -> w.days().keySet().stream())
                .map(LocalDate::parse)
                .max(LocalDate::compareTo);
        if (!asked.bounded()) {
            return last.map(l ->
                    new DayRange(l.with(DayOfWeek.MONDAY).minusWeeks(DEFAULT_WEEKS - 1L), l.with(DayOfWeek.SUNDAY)));
        }
        LocalDate from = asked.from().or(() -> first).orElse(asked.today());
        LocalDate to = asked.to()
                .orElseGet(() -> last.filter(l -> l.isAfter(asked.today())).orElse(asked.today()));
        return to.isBefore(from) ? Optional.empty() : Optional.of(new DayRange(from, to));
    }

    /**
     * A range of more than {@value #LONG_DAYS} days without the empty buckets before the first day with
     * training and after today (or the last day with training): "from 1900" should not list 6000 empty weeks.
     */
    private static Optional<DayRange> trimmed(
            DayRange r, Grouping grouping, Collection<WeeklyVolumeProjection.Week> weeks, LocalDate today) {
        if (ChronoUnit.DAYS.between(r.from(), r.to()) <= LONG_DAYS) {
            return Optional.of(r);
        }
        List<LocalDate> days = weeks.stream()
                .flatMap(w -> w.days().keySet().stream())
                .map(LocalDate::parse)
                .filter(r::contains)
                .sorted()
                .toList();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = grouping.start(days.getFirst());
        LocalDate lastShown = days.getLast().isAfter(today) ? days.getLast() : today;
        LocalDate to = grouping.end(grouping.start(lastShown));
        return Optional.of(new DayRange(from.isBefore(r.from()) ? r.from() : from, to.isAfter(r.to()) ? r.to() : to));
    }

    /** The volume per exercise of the covered days, from the weeks they fall in. */
    private static Map<String, WeeklyVolumeProjection.Volume> sum(
            Map<String, WeeklyVolumeProjection.Week> weeks, DayRange covered) {
        Map<String, WeeklyVolumeProjection.Volume> total = new TreeMap<>();
        for (LocalDate monday = covered.from().with(DayOfWeek.MONDAY);
                !monday.isAfter(covered.to());
                monday = monday.plusWeeks(1)) {
            WeeklyVolumeProjection.Week w = weeks.get(Aggregate.isoWeek(monday));
            if (w != null) {
                w.byExercise(covered::contains)
                        .forEach((id, v) -> total.merge(id, v, WeeklyVolumeProjection.Volume::plus));
            }
        }
        return total;
    }

    private static void totals(
            ObjectNode bucket,
            Map<String, WeeklyVolumeProjection.Volume> byExerciseId,
            Function<String, Optional<Exercise>> lookup,
            Optional<String> onlyExercise,
            Optional<Set<String>> onlyMuscles,
            Units units,
            boolean full) {
        int sets = 0;
        int hard = 0;
        double tonnage = 0;
        ObjectNode byExercise = JSON.objectNode();
        Map<String, double[]> byMuscle = new TreeMap<>();
        for (Map.Entry<String, WeeklyVolumeProjection.Volume> e : byExerciseId.entrySet()) {
            Optional<Exercise> ex = lookup.apply(e.getKey());
            List<String> primary = ex.map(Exercise::primaryMuscles).orElse(List.of());
            List<String> secondary = ex.map(Exercise::secondaryMuscles).orElse(List.of());
            if ((onlyExercise.isPresent() && !onlyExercise.get().equals(e.getKey()))
                    || (onlyMuscles.isPresent()
                            && primary.stream().noneMatch(onlyMuscles.get()::contains)
                            && secondary.stream().noneMatch(onlyMuscles.get()::contains))) {
                continue;
            }
            WeeklyVolumeProjection.Volume v = e.getValue();
            sets += v.workingSets();
            hard += v.hardSets();
            tonnage += v.tonnageKg();
            ObjectNode x = byExercise.putObject(e.getKey());
            x.put("working_sets", v.workingSets());
            x.put("hard_sets", v.hardSets());
            x.put("reps", v.reps());
            x.set("tonnage", units.load(v.tonnageKg()));
            primary.forEach(m -> add(byMuscle, m, v, 1.0));
            secondary.forEach(m -> add(byMuscle, m, v, 0.5));
        }
        bucket.put("working_sets", sets);
        bucket.put("hard_sets", hard);
        bucket.set("tonnage", units.load(tonnage));
        byMuscle.keySet()
                .removeIf(m -> onlyMuscles.isPresent() && !onlyMuscles.get().contains(m));
        if (full) {
            bucket.set("by_exercise", byExercise);
            ObjectNode muscles = bucket.putObject("by_muscle_group");
            byMuscle.forEach((m, v) ->
                    muscles.putObject(m).put("sets", Units.round(v[0])).put("hard_sets", Units.round(v[1])));
        } else {
            hardSetsByMuscle(bucket, byMuscle);
        }
    }

    /**
     * detail summary: one number per muscle trained hard (secondary muscles count half, as in by_muscle_group)
     * instead of an object per exercise and per muscle; 12 weeks of a full answer are ~29,000 characters.
     */
    private static void hardSetsByMuscle(ObjectNode bucket, Map<String, double[]> byMuscle) {
        ObjectNode hardSets = bucket.putObject("hard_sets_by_muscle_group");
        byMuscle.forEach((m, v) -> {
            if (v[1] > 0) {
                hardSets.put(m, Units.round(v[1]));
            }
        });
    }

    private static void add(
            Map<String, double[]> byMuscle, String muscle, WeeklyVolumeProjection.Volume v, double weight) {
        double[] t = byMuscle.computeIfAbsent(muscle, k -> new double[2]);
        t[0] += weight * v.workingSets();
        t[1] += weight * v.hardSets();
    }

    /** Looks each exercise up once per answer, not once per bucket it appears in. */
    private Function<String, Optional<Exercise>> memo(UUID user) {
        Map<String, Optional<Exercise>> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, x -> exercises.apply(user, x));
    }

    private static LocalDate mondayOf(String isoWeek) {
        String[] parts = isoWeek.split("-W", -1);
        return LocalDate.of(Integer.parseInt(parts[0]), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(parts[1]))
                .with(DayOfWeek.MONDAY);
    }
}
