package dev.td.server.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.analysis.StatisticsJson;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.trend.MannKendallTest;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The trend of a metric's daily values over a range: a Theil–Sen slope per week with its confidence interval
 * (Sen 1968) and a Mann–Kendall test (Mann 1945; Kendall 1975). Rising or falling when the slope's interval
 * excludes zero, flat when it does not; fewer than {@value #MIN_DAYS} days are insufficient data. Whether
 * that is an improvement depends on the metric ({@code higher_is_better}).
 */
final class MetricTrend {

    static final int MIN_DAYS = 7;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The trend JSON and the statistical quality behind it. */
    record Result(ObjectNode json, Optional<ObjectNode> quality) {}

    private MetricTrend() {}

    /** Daily values (oldest first) in {@code unit}. */
    static Result of(List<LocalDate> dates, double[] values, String unit, Optional<Boolean> higherIsBetter) {
        ObjectNode t = JSON.objectNode();
        t.put("n", values.length);
        t.put("since", dates.isEmpty() ? null : dates.getFirst().toString());
        if (values.length < MIN_DAYS) {
            t.put("direction", "insufficient_data");
            t.putNull("assessment");
            t.putNull("slope_per_week");
            t.putNull("mann_kendall_p");
            t.put("note", "a trend needs at least " + MIN_DAYS + " days with a value; there are " + values.length);
            return new Result(t, Optional.empty());
        }
        double[] weeks = new double[dates.size()];
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = ChronoUnit.DAYS.between(dates.getFirst(), dates.get(i)) / 7.0;
        }
        TrendEstimate slope = TheilSen.withDefaults().fit(weeks, values);
        String direction =
                slope.slopeCi().lower() > 0 ? "rising" : slope.slopeCi().upper() < 0 ? "falling" : "flat";
        t.put("direction", direction);
        t.put(
                "assessment",
                higherIsBetter.map(better -> assessment(direction, better)).orElse(null));
        ObjectNode s = t.putObject("slope_per_week");
        s.put("value", MetricAnswers.round(slope.slope(), 3));
        s.put("unit", unit.isEmpty() ? null : unit);
        s.putArray("ci")
                .add(MetricAnswers.round(slope.slopeCi().lower(), 3))
                .add(MetricAnswers.round(slope.slopeCi().upper(), 3));
        s.put("confidence_level", slope.slopeCi().level());
        s.put("method", "theil_sen");
        t.set("mann_kendall_p", mannKendall(values));
        return new Result(t, Optional.of(StatisticsJson.quality(slope.quality())));
    }

    private static String assessment(String direction, boolean higherIsBetter) {
        return switch (direction) {
            case "rising" -> higherIsBetter ? "improving" : "worsening";
            case "falling" -> higherIsBetter ? "worsening" : "improving";
            default -> "stable";
        };
    }

    /** The two-sided p of Mann–Kendall; null for a constant series, where the test is undefined. */
    private static com.fasterxml.jackson.databind.JsonNode mannKendall(double[] values) {
        double first = values[0];
        for (double v : values) {
            if (v != first) {
                HypothesisTest mk = MannKendallTest.withDefaults().test(values);
                return StatisticsJson.number(mk.pValue());
            }
        }
        return JSON.nullNode();
    }
}
