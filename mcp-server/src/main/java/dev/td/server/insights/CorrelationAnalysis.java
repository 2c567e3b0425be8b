package dev.td.server.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.load.TrainedSession;
import dev.td.server.load.TrainingLoad;
import dev.td.server.profile.DayRange;
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

    /** A series with its role, the scope that reads it and how it is said. */
    record Named(CorrelationScreen.Series series, String scope, String unit) {
        Named {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(unit, "unit");
        }
    }

    private final PersonSeries series;
    private final TrainingLoad load;
    private final CorrelationScreen screen = CorrelationScreen.withDefaults();

    CorrelationAnalysis(PersonSeries series, TrainingLoad load) {
        this.series = series;
        this.load = load;
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
        for (PersonSeries.Daily metric : series.metrics(user, window, window.from())) {
            if (metric.size() >= screen.minPairs()) {
                out.add(named(metric));
            }
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
            out.add(new Named(new CorrelationScreen.Series("training_load", d, v), PersonSeries.TRAINING_READ, "au"));
        }
        return out;
    }

    /**
     * The best e1RM per session of the {@link #LIFTS} exercises trained most often in the window (at least
     * {@code minPairs} session days with an estimate), then the pace or speed of each sport and the effort rated for
     * activities, each with at least {@code minPairs} days.
     */
    private List<Named> outcomes(UUID user, DayRange window) {
        List<Named> out = new ArrayList<>();
        series.lifts(user, window).stream()
                .filter(l -> l.size() >= screen.minPairs())
                .limit(LIFTS)
                .forEach(l -> out.add(named(l)));
        for (PersonSeries.Daily activity : series.activities(user, window)) {
            if (activity.size() >= screen.minPairs()) {
                out.add(named(activity));
            }
        }
        return out;
    }

    private static Named named(PersonSeries.Daily s) {
        return new Named(new CorrelationScreen.Series(s.name(), s.epochDays(), s.values()), s.scope(), s.unit());
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
