package dev.td.server.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.endurance.Activities;
import dev.td.server.endurance.LoggedActivity;
import dev.td.server.load.TrainedSession;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.DayRange;
import dev.td.server.strength.Strength;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.screening.CorrelationScreen;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The correlation screen over a person's last year: what may drive performance (every numeric metric's daily value,
 * the day's training load) against performance (the best e1RM per session of the four most trained lifts, pace of
 * runs, walks, hikes, swims and rows, speed of rides and other sports, the effort rated for an activity), at lags 0 to 3 days, detrended, with the false discovery rate held at 5 % over every pair and lag
 * tested (see {@link CorrelationScreen}). Each series carries the scope that reads it, so an answer through a grant
 * shows only pairs whose both sides the grant gives.
 */
final class CorrelationAnalysis {

    static final String KIND = "correlations";
    static final int WINDOW_DAYS = 365;
    /** The lifts screened as outcomes: the person's most trained, so the family (and the FDR's cost) stays small. */
    static final int LIFTS = 4;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Sports told by pace, with the distance their pace is per (as td's endurance answers give it). */
    private static final Map<String, Double> PACE_PER_M =
            Map.of("run", 1000.0, "walk", 1000.0, "hike", 1000.0, "swim", 100.0, "row", 500.0);

    /** A series with its role, the scope that reads it and how it is said. */
    record Named(CorrelationScreen.Series series, String scope, String unit) {
        Named {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(unit, "unit");
        }
    }

    private final Metrics metrics;
    private final Activities activities;
    private final TrainingLoad load;
    private final Strength strength;
    private final CorrelationScreen screen = CorrelationScreen.withDefaults();

    CorrelationAnalysis(Metrics metrics, Activities activities, TrainingLoad load, Strength strength) {
        this.metrics = metrics;
        this.activities = activities;
        this.load = load;
        this.strength = strength;
    }

    /** The screen's result as stored: the series, every pair and lag tested, and what was not. */
    ObjectNode compute(UUID user, LocalDate today) {
        DayRange window = new DayRange(today.minusDays(WINDOW_DAYS - 1L), today);
        List<Named> predictors = predictors(user, window);
        List<Named> outcomes = outcomes(user, window);
        CorrelationScreen.Screen result = screen.screen(
                predictors.stream().map(Named::series).toList(),
                outcomes.stream().map(Named::series).toList());
        Map<String, Named> byName = new TreeMap<>();
        predictors.forEach(n -> byName.put(n.series().name(), n));
        outcomes.forEach(n -> byName.put(n.series().name(), n));
        ObjectNode data = JSON.objectNode();
        data.put("fdr", result.fdr());
        data.put("tested", result.family());
        data.putObject("window")
                .put("from", window.from().toString())
                .put("to", window.to().toString());
        ArrayNode series = data.putArray("series");
        for (Named n : predictors) {
            series.add(describe(n, "predictor"));
        }
        for (Named n : outcomes) {
            series.add(describe(n, "outcome"));
        }
        ArrayNode found = data.putArray("correlations");
        result.findings().stream()
                .sorted(Comparator.comparingDouble(CorrelationScreen.Finding::adjustedP))
                .forEach(f -> found.add(finding(f, byName)));
        data.put("not_tested", result.notTested().size());
        return data;
    }

    private static ObjectNode describe(Named n, String role) {
        return JSON.objectNode()
                .put("name", n.series().name())
                .put("role", role)
                .put("unit", n.unit())
                .put("days", n.series().size())
                .put("scope", n.scope());
    }

    private static ObjectNode finding(CorrelationScreen.Finding f, Map<String, Named> byName) {
        Correlation c = f.correlation();
        ObjectNode n = JSON.objectNode()
                .put("predictor", f.predictor())
                .put("outcome", f.outcome())
                .put("lag_days", f.lag())
                .put("r", round(c.coefficient(), 1e4));
        n.putObject("interval")
                .put("lower", round(c.ci().lower(), 1e4))
                .put("upper", round(c.ci().upper(), 1e4))
                .put("level", c.ci().level());
        n.put("n", c.n());
        n.put("effective_n", round(c.effectiveN(), 10));
        n.put("p_value", c.pValue());
        n.put("adjusted_p", f.adjustedP());
        n.put("discovery", f.discovery());
        n.putArray("scopes").add(scope(byName, f.predictor())).add(scope(byName, f.outcome()));
        return n;
    }

    private static String scope(Map<String, Named> byName, String series) {
        Named n = byName.get(series);
        if (n == null) {
            throw new IllegalStateException("the screen reported a series it was not given: " + series);
        }
        return n.scope();
    }

    /** Every numeric metric with readings in the window, and the daily training load (zero on days without). */
    private List<Named> predictors(UUID user, DayRange window) {
        List<Named> out = new ArrayList<>();
        for (Metrics.Recent recent : metrics.recentAgainstBaseline(user, window.from(), window.to())) {
            String metric = recent.metric();
            List<Metrics.DailyValue> days = metrics.series(user, metric, window).stream()
                    .filter(d -> d.value().isPresent())
                    .toList();
            if (days.size() < screen.minPairs()) {
                continue;
            }
            int[] d = new int[days.size()];
            double[] v = new double[days.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (int) days.get(i).date().toEpochDay();
                v[i] = days.get(i).value().getAsDouble();
            }
            out.add(new Named(
                    new CorrelationScreen.Series(metric, d, v),
                    metrics.readScope(metric),
                    days.getFirst().unit()));
        }
        TreeMap<LocalDate, Double> daily = new TreeMap<>();
        for (TrainedSession s : load.recent(user, window).sessions()) {
            if (s.load().isPresent()) {
                daily.merge(s.date(), s.load().getAsDouble(), Double::sum);
            }
        }
        if (daily.size() >= screen.minPairs()) {
            LocalDate first = daily.firstKey();
            int length = (int) (window.to().toEpochDay() - first.toEpochDay() + 1);
            int[] d = new int[length];
            double[] v = new double[length];
            for (int i = 0; i < length; i++) {
                LocalDate day = first.plusDays(i);
                d[i] = (int) day.toEpochDay();
                v[i] = daily.getOrDefault(day, 0.0);
            }
            out.add(new Named(new CorrelationScreen.Series("training_load", d, v), "training:read", "au"));
        }
        return out;
    }

    /** Pace of runs, walks and hikes, speed of rides (mean per day, per sport), and the effort rated for activities. */
    private List<Named> outcomes(UUID user, DayRange window) {
        Map<String, java.util.SortedMap<LocalDate, double[]>> bySeries = new TreeMap<>();
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
                add(bySeries, "activity_rpe", a.date(), a.rpe().getAsDouble());
                units.put("activity_rpe", "");
            }
        }
        List<Named> out = new ArrayList<>(lifts(user, window));
        bySeries.forEach((name, days) -> {
            if (days.size() < screen.minPairs()) {
                return;
            }
            int[] d = new int[days.size()];
            double[] v = new double[days.size()];
            int i = 0;
            for (Map.Entry<LocalDate, double[]> e : days.entrySet()) {
                d[i] = (int) e.getKey().toEpochDay();
                v[i] = e.getValue()[0] / e.getValue()[1];
                i++;
            }
            out.add(new Named(
                    new CorrelationScreen.Series(name, d, v), "endurance:read", units.getOrDefault(name, "")));
        });
        return out;
    }

    /**
     * The best e1RM per session of the {@link #LIFTS} exercises trained most often in the window (at least
     * {@code minPairs} sessions with an estimate; the day's best when a day has two sessions), in kg.
     */
    private List<Named> lifts(UUID user, DayRange window) {
        record Lift(String name, java.util.SortedMap<LocalDate, Double> best) {}
        List<Lift> lifts = new ArrayList<>();
        strength.sessionsByExercise(user, window).forEach((exercise, sessions) -> {
            java.util.SortedMap<LocalDate, Double> best = new TreeMap<>();
            for (Strength.SessionPoint s : sessions) {
                if (s.e1rmKg().isPresent()) {
                    best.merge(s.date(), s.e1rmKg().getAsDouble(), Math::max);
                }
            }
            if (best.size() >= screen.minPairs()) {
                lifts.add(new Lift(InsightTools.key(exercise) + "_e1rm", best));
            }
        });
        return lifts.stream()
                .sorted(Comparator.comparingInt((Lift l) -> -l.best().size()).thenComparing(Lift::name))
                .limit(LIFTS)
                .map(l -> {
                    int[] d = l.best().keySet().stream()
                            .mapToInt(day -> (int) day.toEpochDay())
                            .toArray();
                    double[] v = l.best().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                    return new Named(new CorrelationScreen.Series(l.name(), d, v), "training:read", "kg");
                })
                .toList();
    }

    /** Adds a value to a day's running sum and count. */
    private static void add(
            Map<String, java.util.SortedMap<LocalDate, double[]>> series, String name, LocalDate day, double v) {
        double[] sumCount = series.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(day, k -> new double[2]);
        sumCount[0] += v;
        sumCount[1] += 1;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
