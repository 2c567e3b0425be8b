package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.analysis.StatisticsJson;
import dev.td.server.events.TrainingEvent;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.trend.MannKendallTest;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on an e1RM series: a Theil–Sen slope per week with its confidence interval and a
 * Mann–Kendall test (Sen 1968; Mann 1945, Kendall 1975). Improving or declining when the slope's
 * interval excludes zero, stalled when it does not over at least {@value #MIN_SESSIONS} sessions.
 */
final class StrengthTrend {

    static final int MIN_SESSIONS = 6;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The trend JSON and the statistical quality behind it. */
    record Result(ObjectNode trend, Optional<ObjectNode> quality, String direction) {}

    private StrengthTrend() {}

    /**
     * The trend get_exercise_progression shows when no period is asked: the sessions with an e1RM in the 365 days up to
     * the exercise's last session.
     */
    static Result ofLastYear(ExerciseProgressionProjection.Progression p, Units units) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (!p.sessions().isEmpty()) {
            LocalDate from = LocalDate.parse(p.sessions().getLast().date()).minusDays(364);
            for (ExerciseProgressionProjection.Point point : p.sessions()) {
                LocalDate day = LocalDate.parse(point.date());
                if (!day.isBefore(from) && point.bestE1rm().isPresent()) {
                    dates.add(day);
                    values.add(point.bestE1rm().get().kg());
                }
            }
        }
        return of(dates, values.stream().mapToDouble(Double::doubleValue).toArray(), units);
    }

    /** Dated e1RM values (kg), oldest first. */
    static Result of(List<LocalDate> dates, double[] e1rmKg, Units units) {
        ObjectNode t = JSON.objectNode();
        t.put("n", e1rmKg.length);
        t.put("since", dates.isEmpty() ? null : dates.getFirst().toString());
        if (e1rmKg.length < MIN_SESSIONS || dates.getFirst().equals(dates.getLast())) {
            t.put("direction", "insufficient_data");
            t.putNull("slope_per_week");
            t.putNull("mann_kendall_p");
            t.put(
                    "note",
                    "a trend needs at least " + MIN_SESSIONS + " sessions with an e1RM on different days; there are "
                            + e1rmKg.length);
            return new Result(t, Optional.empty(), "insufficient_data");
        }
        double[] weeks = new double[dates.size()];
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = ChronoUnit.DAYS.between(dates.getFirst(), dates.get(i)) / 7.0;
        }
        TrendEstimate slope = TheilSen.withDefaults().fit(weeks, e1rmKg);
        HypothesisTest mk = MannKendallTest.withDefaults().test(e1rmKg);
        String direction =
                slope.slopeCi().lower() > 0 ? "improving" : slope.slopeCi().upper() < 0 ? "declining" : "stalled";
        ObjectNode s = t.putObject("slope_per_week");
        double factor = units.unit().equals("lb") ? 1 / TrainingEvent.KG_PER_LB : 1;
        s.put("value", Units.round(slope.slope() * factor));
        s.put("unit", units.unit());
        s.putArray("ci")
                .add(Units.round(slope.slopeCi().lower() * factor))
                .add(Units.round(slope.slopeCi().upper() * factor));
        s.put("confidence_level", slope.slopeCi().level());
        s.put("method", "theil_sen");
        t.set("mann_kendall_p", StatisticsJson.number(mk.pValue()));
        t.put("direction", direction);
        return new Result(t, Optional.of(StatisticsJson.quality(slope.quality())), direction);
    }
}
