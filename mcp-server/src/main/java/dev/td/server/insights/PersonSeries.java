package dev.td.server.insights;

import dev.td.server.endurance.Activities;
import dev.td.server.endurance.LoggedActivity;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.DayRange;
import dev.td.server.strength.Strength;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A person's series by day as the background analyses read them, each with its unit and the scope that reads it:
 * every numeric metric's daily value, the best e1RM per session day of each lift, the pace (or speed) of each sport
 * and the effort rated for activities. Read through the capabilities' published interfaces, once for the
 * correlation screen and the anomaly detection alike, so both see the same numbers and an answer through a grant
 * shows only the series whose scope the grant gives.
 */
final class PersonSeries {

    /** The scope that reads lifts (and the training load). */
    static final String TRAINING_READ = Strength.READ;
    /** The scope that reads activities. */
    static final String ENDURANCE_READ = Activities.READ;
    /** The series of the effort rated for activities (RPE), every sport together. */
    static final String EFFORT = "activity_rpe";

    /** Sports told by pace, with the distance their pace is per (as td's endurance answers give it). */
    private static final Map<String, Double> PACE_PER_M =
            Map.of("run", 1000.0, "walk", 1000.0, "hike", 1000.0, "swim", 100.0, "row", 500.0);

    /**
     * One series: a value per day, oldest first.
     *
     * @param name  the metric's name, {@code <exercise>_e1rm}, {@code <sport>_pace}, {@code <sport>_speed} or
     *              {@link #EFFORT}
     * @param unit  the values' unit ({@code ""}: none)
     * @param scope the scope that reads the series
     */
    record Daily(String name, String unit, String scope, SortedMap<LocalDate, Double> days) {
        Daily {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(scope, "scope");
            days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
        }

        int size() {
            return days.size();
        }

        int[] epochDays() {
            return days.keySet().stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
        }

        double[] values() {
            return days.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private final Metrics metrics;
    private final Activities activities;
    private final Strength strength;

    PersonSeries(Metrics metrics, Activities activities, Strength strength) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.activities = Objects.requireNonNull(activities, "activities");
        this.strength = Objects.requireNonNull(strength, "strength");
    }

    /**
     * Every numeric metric whose latest reading on or before the window's last day falls on or after {@code since}:
     * its daily values in the window, in the metric's canonical unit; the metrics with most readings first.
     */
    List<Daily> metrics(UUID user, DayRange window, LocalDate since) {
        List<Daily> out = new ArrayList<>();
        for (Metrics.Recent recent : metrics.recentAgainstBaseline(user, since, window.to())) {
            String metric = recent.metric();
            SortedMap<LocalDate, Double> days = new TreeMap<>();
            String unit = "";
            for (Metrics.DailyValue d : metrics.series(user, metric, window)) {
                if (d.value().isPresent()) {
                    days.put(d.date(), d.value().getAsDouble());
                    unit = days.size() == 1 ? d.unit() : unit;
                }
            }
            if (!days.isEmpty()) {
                out.add(new Daily(metric, unit, metrics.readScope(metric), days));
            }
        }
        return out;
    }

    /**
     * The best e1RM per session day (the day's best when it had two sessions) of every exercise with an estimate in
     * the window, in kg, named {@code <exercise key>_e1rm}: the exercises with most session days first, then by name.
     */
    List<Daily> lifts(UUID user, DayRange window) {
        List<Daily> lifts = new ArrayList<>();
        strength.sessionsByExercise(user, window).forEach((exercise, sessions) -> {
            SortedMap<LocalDate, Double> best = new TreeMap<>();
            for (Strength.SessionPoint s : sessions) {
                if (s.e1rmKg().isPresent()) {
                    best.merge(s.date(), s.e1rmKg().getAsDouble(), Math::max);
                }
            }
            if (!best.isEmpty()) {
                lifts.add(new Daily(InsightTools.key(exercise) + "_e1rm", "kg", TRAINING_READ, best));
            }
        });
        lifts.sort(Comparator.comparingInt((Daily l) -> -l.size()).thenComparing(Daily::name));
        return lifts;
    }

    /**
     * The pace of runs, walks, hikes, swims and rows and the speed of other sports (the mean per day, per sport), and
     * the effort rated for activities ({@link #EFFORT}, the mean per day), by name.
     */
    List<Daily> activities(UUID user, DayRange window) {
        Map<String, SortedMap<LocalDate, double[]>> bySeries = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (LoggedActivity a : activities.in(user, window)) {
            double seconds = a.movingS().orElse(a.elapsedS().orElse(0));
            if (a.distanceM().isPresent() && a.distanceM().getAsDouble() > 0 && seconds > 0) {
                double metres = a.distanceM().getAsDouble();
                Double per = PACE_PER_M.get(a.sport());
                if (per != null) {
                    add(bySeries, a.sport() + "_pace", a.date(), seconds / (metres / per));
                    units.put(a.sport() + "_pace", per == 1000.0 ? "s/km" : "s/" + per.intValue() + "m");
                } else {
                    add(bySeries, a.sport() + "_speed", a.date(), metres / 1000 / (seconds / 3600));
                    units.put(a.sport() + "_speed", "km/h");
                }
            }
            if (a.rpe().isPresent()) {
                add(bySeries, EFFORT, a.date(), a.rpe().getAsDouble());
                units.put(EFFORT, "");
            }
        }
        List<Daily> out = new ArrayList<>();
        bySeries.forEach((name, days) -> {
            SortedMap<LocalDate, Double> means = new TreeMap<>();
            days.forEach((day, sumCount) -> means.put(day, sumCount[0] / sumCount[1]));
            out.add(new Daily(name, units.getOrDefault(name, ""), ENDURANCE_READ, means));
        });
        return out;
    }

    /** Adds a value to a day's running sum and count. */
    private static void add(Map<String, SortedMap<LocalDate, double[]>> series, String name, LocalDate day, double v) {
        double[] sumCount = series.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(day, k -> new double[2]);
        sumCount[0] += v;
        sumCount[1] += 1;
    }
}
