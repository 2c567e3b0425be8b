package dev.td.server.compare;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.endurance.Activities;
import dev.td.server.endurance.LoggedActivity;
import dev.td.server.events.TrainingEvent;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.load.TrainedSession;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.DayRange;
import dev.td.server.strength.Strength;
import dev.td.tools.Principal;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the values of a subject on the days of each side, in time order, through the other capabilities' published
 * interfaces: an exercise's sessions (strength), a sport's activities (endurance), a metric's days (metrics), the
 * daily totals of training (load, strength). Checks the scope of the part asked for (a grant may give metrics and
 * not health) before reading; names are resolved as the tools that show them resolve them.
 */
final class SubjectReader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String TOOL = "compare_periods";
    private static final double METRES_PER_MILE = 1609.344;
    private static final double METRES_PER_YARD = 0.9144;

    private final Exercises exercises;
    private final Strength strength;
    private final Activities activities;
    private final Metrics metrics;
    private final TrainingLoad load;

    SubjectReader(Exercises exercises, Strength strength, Activities activities, Metrics metrics, TrainingLoad load) {
        this.exercises = exercises;
        this.strength = strength;
        this.activities = activities;
        this.metrics = metrics;
        this.load = load;
    }

    /**
     * The values of one side, in time order.
     *
     * @param leftOut observations in the period without a value of the measure (a session without an e1RM, a run
     *     without a distance, a session without an RPE for load)
     */
    record Sample(List<Double> values, int leftOut) {
        Sample {
            values = List.copyOf(values);
        }

        double[] array() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * What was read.
     *
     * @param subject  the subject as answers show it ({@code {"exercise": "Bench Press", "exercise_id": …}})
     * @param unit     the unit of every value ({@code ""}: none)
     * @param per      the unit of observation: session, activity or day
     * @param additive whether the values add up to a meaningful total (volume, distance, a daily total)
     * @param notes    what an agent should know about the observations left out
     */
    record Reading(
            ObjectNode subject, String unit, String per, boolean additive, Sample a, Sample b, List<String> notes) {
        Reading {
            notes = List.copyOf(notes);
        }
    }

    Reading read(Subject s, PeriodPair periods, UUID user, Principal reader, LocalDate today) {
        return switch (s.kind()) {
            case Subject.EXERCISE -> exercise(s, periods, user, reader);
            case Subject.SPORT -> sport(s, periods, user, reader);
            case Subject.METRIC -> metric(s, periods, user, reader);
            default -> total(s, periods, user, reader, today);
        };
    }

    private static void requireScope(Principal reader, String scope, String path) {
        if (!reader.may(scope)) {
            throw ToolRegistry.forbidden(TOOL, scope, reader, path);
        }
    }

    private Reading exercise(Subject s, PeriodPair periods, UUID user, Principal reader) {
        requireScope(reader, Strength.READ, "$.exercise");
        String id = exercises.resolveId(user, s.said(), "$.exercise");
        ObjectNode subject = JSON.objectNode()
                .put("exercise", exercises.find(user, id).map(Exercise::name).orElse(id))
                .put("exercise_id", id);
        String unit = strength.units(user).unit();
        double perKg = unit.equals("lb") ? 1 / TrainingEvent.KG_PER_LB : 1;
        Function<Strength.SessionPoint, OptionalDouble> value = switch (s.measure()) {
            case "e1rm" -> p -> scaled(p.e1rmKg(), perKg);
            case "top_weight" -> p -> scaled(p.topWeightKg(), perKg);
            case "volume" ->
                p -> p.workingSets() == 0 ? OptionalDouble.empty() : OptionalDouble.of(p.volumeKg() * perKg);
            default -> p -> p.workingSets() == 0 ? OptionalDouble.empty() : OptionalDouble.of(p.hardSets());
        };
        Sample a = sample(strength.sessions(user, id, periods.a().days()), value);
        Sample b = sample(strength.sessions(user, id, periods.b().days()), value);
        String why = s.measure().equals("e1rm")
                ? "no set that gives an e1RM (warm-ups only, no load, or more than 12 reps)"
                : s.measure().equals("top_weight") ? "no loaded working set" : "warm-up sets only";
        return new Reading(
                subject,
                s.measure().equals("hard_sets") ? "sets" : unit,
                "session",
                s.measure().equals("volume") || s.measure().equals("hard_sets"),
                a,
                b,
                leftOut(a, b, "session", why));
    }

    private Reading sport(Subject s, PeriodPair periods, UUID user, Principal reader) {
        requireScope(reader, Activities.READ, "$.sport");
        Measured measured = measured(s, strength.units(user).unit().equals("lb"));
        Function<DayRange, List<LoggedActivity>> of = days -> activities.in(user, days).stream()
                .filter(x -> x.sport().equals(s.said()))
                .toList();
        Sample a = sample(of.apply(periods.a().days()), measured.value());
        Sample b = sample(of.apply(periods.b().days()), measured.value());
        String why = s.measure().equals("duration") ? "no time" : "no distance or no time";
        return new Reading(
                JSON.objectNode().put("sport", s.said()),
                measured.unit(),
                "activity",
                s.measure().equals("distance") || s.measure().equals("duration"),
                a,
                b,
                leftOut(a, b, s.said(), why));
    }

    /** An activity's value of a measure, in a unit. */
    private record Measured(String unit, Function<LoggedActivity, OptionalDouble> value) {}

    /**
     * A sport's measure in the person's units (mi when their profile weighs in lb, as td shows activities): distance,
     * duration (moving time, else elapsed), pace (decimal minutes; a swim's per 100 m or yd, as td shows swims, other
     * pace sports per km or mi) or speed.
     */
    private static Measured measured(Subject s, boolean imperial) {
        double metresPerUnit = imperial ? METRES_PER_MILE : 1000;
        return switch (s.measure()) {
            case "distance" -> new Measured(imperial ? "mi" : "km", x -> scaled(x.distanceM(), 1 / metresPerUnit));
            case "duration" -> new Measured("min", x -> scaled(time(x), 1 / 60.0));
            case "pace" -> {
                boolean swim = s.said().equals("swim");
                double per = swim ? (imperial ? 100 * METRES_PER_YARD : 100) : metresPerUnit;
                yield new Measured(
                        swim ? (imperial ? "min/100yd" : "min/100m") : imperial ? "min/mi" : "min/km",
                        x -> time(x).isPresent() && x.distanceM().orElse(0) > 0
                                ? OptionalDouble.of(time(x).getAsDouble()
                                        / 60
                                        / (x.distanceM().getAsDouble() / per))
                                : OptionalDouble.empty());
            }
            default ->
                new Measured(
                        imperial ? "mph" : "km/h",
                        x -> time(x).orElse(0) > 0 && x.distanceM().isPresent()
                                ? OptionalDouble.of(
                                        x.distanceM().getAsDouble() / metresPerUnit / (time(x).getAsDouble() / 3600))
                                : OptionalDouble.empty());
        };
    }

    /** The moving time, else the elapsed time (what paces are computed from). */
    private static OptionalDouble time(LoggedActivity x) {
        return x.movingS().isPresent() ? x.movingS() : x.elapsedS();
    }

    private Reading metric(Subject s, PeriodPair periods, UUID user, Principal reader) {
        Metrics.Named named = metrics.named(user, s.said(), reader, "$.metric");
        requireScope(reader, metrics.readScope(named.metric()), "$.metric");
        if (named.categorical()) {
            throw categorical(named.metric());
        }
        List<Metrics.DailyValue> a =
                metrics.seriesAsShown(user, named.metric(), periods.a().days());
        List<Metrics.DailyValue> b =
                metrics.seriesAsShown(user, named.metric(), periods.b().days());
        Sample sa = sample(a, Metrics.DailyValue::value);
        Sample sb = sample(b, Metrics.DailyValue::value);
        if (sa.values().isEmpty() && sb.values().isEmpty() && sa.leftOut() + sb.leftOut() > 0) {
            throw categorical(named.metric()); // a metric of the person's own that carries labels only
        }
        // no day in either period: no unit to tell (null in the answer)
        String unit = a.isEmpty()
                ? (b.isEmpty() ? "" : b.getFirst().unit())
                : a.getFirst().unit();
        return new Reading(
                JSON.objectNode().put("metric", named.metric()),
                unit,
                "day",
                named.additive(),
                sa,
                sb,
                leftOut(sa, sb, "day", "a label and no value"));
    }

    private static ToolException categorical(String metric) {
        return ToolException.invalid(
                "$.metric",
                metric + " is categorical (its days carry labels, not numbers), so there is no mean to compare;"
                        + " get_metric_series shows its days and the most frequent label per week or month");
    }

    /**
     * How a daily total is read.
     *
     * @param perDay     the total of each day of a range with training
     * @param unmeasured sessions of a range that count 0 for lack of what the total needs (an RPE for load)
     */
    private record Daily(
            String unit, Function<DayRange, Map<LocalDate, Double>> perDay, Function<DayRange, Long> unmeasured) {}

    private Reading total(Subject s, PeriodPair periods, UUID user, Principal reader, LocalDate today) {
        requireScope(reader, Strength.READ, "$.total");
        Optional<DayRange> a = upTo(periods.a().days(), today);
        Optional<DayRange> b = upTo(periods.b().days(), today);
        Daily daily = s.measure().equals("volume") ? volume(user) : sessions(user, s.measure(), span(a, b));
        Sample sa = a.map(days -> everyDay(daily.perDay().apply(days), days)).orElse(new Sample(List.of(), 0));
        Sample sb = b.map(days -> everyDay(daily.perDay().apply(days), days)).orElse(new Sample(List.of(), 0));
        List<String> notes = new ArrayList<>();
        for (PeriodPair.Side side : List.of(periods.a(), periods.b())) {
            if (side.days().to().isAfter(today)) {
                notes.add("'" + side.label() + "' runs to " + side.days().to() + "; its days after today (" + today
                        + ") are left out, not counted as days without training");
            }
        }
        long na = a.map(daily.unmeasured()).orElse(0L);
        long nb = b.map(daily.unmeasured()).orElse(0L);
        if (na + nb > 0) {
            notes.add(na + " session(s) in a and " + nb + " in b have no "
                    + (s.measure().equals("minutes") ? "duration" : "RPE (session-RPE load needs one)")
                    + " and count 0 on their day");
        }
        return new Reading(JSON.objectNode().put("total", s.measure()), daily.unit(), "day", true, sa, sb, notes);
    }

    /** Strength volume load per day (every exercise's working sets), in the person's unit. */
    private Daily volume(UUID user) {
        String unit = strength.units(user).unit();
        double perKg = unit.equals("lb") ? 1 / TrainingEvent.KG_PER_LB : 1;
        return new Daily(
                unit,
                days -> {
                    Map<LocalDate, Double> out = new HashMap<>();
                    strength.dailyVolumeKg(user, days).forEach((day, kg) -> out.put(day, kg * perKg));
                    return out;
                },
                days -> 0L);
    }

    /** Session-RPE load (AU) or minutes per day, strength sessions and activities alike, read once for both sides. */
    private Daily sessions(UUID user, String measure, Optional<DayRange> span) {
        boolean minutes = measure.equals("minutes");
        List<TrainedSession> sessions =
                span.map(days -> load.recent(user, days).sessions()).orElse(List.of());
        Function<TrainedSession, OptionalDouble> value = t -> minutes ? t.minutes() : t.load();
        return new Daily(
                minutes ? "min" : "AU",
                days -> {
                    Map<LocalDate, Double> out = new HashMap<>();
                    for (TrainedSession t : sessions) {
                        OptionalDouble v = value.apply(t);
                        if (days.contains(t.date()) && v.isPresent()) {
                            out.merge(t.date(), v.getAsDouble(), Double::sum);
                        }
                    }
                    return out;
                },
                days -> sessions.stream()
                        .filter(t -> days.contains(t.date()) && value.apply(t).isEmpty())
                        .count());
    }

    /** The days of a side up to today: days to come are not days without training. */
    private static Optional<DayRange> upTo(DayRange days, LocalDate today) {
        if (days.from().isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(days.to().isAfter(today) ? new DayRange(days.from(), today) : days);
    }

    private static Optional<DayRange> span(Optional<DayRange> a, Optional<DayRange> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        LocalDate from = a.get().from().isBefore(b.get().from())
                ? a.get().from()
                : b.get().from();
        LocalDate to =
                a.get().to().isAfter(b.get().to()) ? a.get().to() : b.get().to();
        return Optional.of(new DayRange(from, to));
    }

    /** One value per day of the range, 0 for a day without any. */
    private static Sample everyDay(Map<LocalDate, Double> byDay, DayRange days) {
        List<Double> values = new ArrayList<>();
        for (LocalDate day = days.from(); !day.isAfter(days.to()); day = day.plusDays(1)) {
            values.add(byDay.getOrDefault(day, 0.0));
        }
        return new Sample(values, 0);
    }

    private static <T> Sample sample(List<T> observations, Function<T, OptionalDouble> value) {
        List<Double> values = new ArrayList<>();
        int leftOut = 0;
        for (T o : observations) {
            OptionalDouble v = value.apply(o);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                values.add(v.getAsDouble());
            } else {
                leftOut++;
            }
        }
        return new Sample(values, leftOut);
    }

    private static OptionalDouble scaled(OptionalDouble v, double factor) {
        return v.isPresent() ? OptionalDouble.of(v.getAsDouble() * factor) : OptionalDouble.empty();
    }

    private static List<String> leftOut(Sample a, Sample b, String what, String why) {
        if (a.leftOut() + b.leftOut() == 0) {
            return List.of();
        }
        return List.of(a.leftOut() + " " + what + "(s) in a and " + b.leftOut() + " in b are left out: " + why);
    }
}
