package dev.td.server.endurance;

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
 * The trend of a series of activities (pace, speed, heart rate): a Theil–Sen slope per week with its confidence
 * interval and a Mann–Kendall test (Sen 1968; Mann 1945, Kendall 1975), the same method as strength trends. The
 * verdict reads the interval: for a pace, faster (a falling slope) is {@code improving}; for a speed, a rising one;
 * for heart rate only the direction is said ({@code rising}, {@code falling}, {@code flat}). At least
 * {@value #MIN_ACTIVITIES} activities on two or more days, else {@code insufficient_data}.
 */
final class EnduranceTrend {

    static final int MIN_ACTIVITIES = 6;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a rising slope means. */
    enum Reading {
        /** Smaller is better (a pace): falling → improving. */
        PACE,
        /** Larger is better (a speed): rising → improving. */
        SPEED,
        /** No better or worse (heart rate on its own): rising, falling or flat. */
        DIRECTION
    }

    /** The trend JSON and the statistical quality behind it. */
    record Result(ObjectNode trend, Optional<ObjectNode> quality) {}

    private EnduranceTrend() {}

    /**
     * @param dates  the day of each value, oldest first
     * @param values the values, in {@code unit}
     * @param unit   the slope's unit per week ({@code s/km}, {@code km/h}, {@code bpm})
     */
    static Result of(List<LocalDate> dates, double[] values, String unit, Reading reading) {
        ObjectNode t = JSON.objectNode();
        t.put("n", values.length);
        t.put("since", dates.isEmpty() ? null : dates.getFirst().toString());
        if (values.length < MIN_ACTIVITIES || dates.getFirst().equals(dates.getLast())) {
            t.put("direction", "insufficient_data");
            t.putNull("slope_per_week");
            t.putNull("mann_kendall_p");
            t.put(
                    "note",
                    "a trend needs at least " + MIN_ACTIVITIES + " activities on different days; there are "
                            + values.length);
            return new Result(t, Optional.empty());
        }
        double[] weeks = new double[dates.size()];
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = ChronoUnit.DAYS.between(dates.getFirst(), dates.get(i)) / 7.0;
        }
        TrendEstimate slope = TheilSen.withDefaults().fit(weeks, values);
        HypothesisTest mk = MannKendallTest.withDefaults().test(values);
        boolean rising = slope.slopeCi().lower() > 0;
        boolean falling = slope.slopeCi().upper() < 0;
        String direction = switch (reading) {
            case PACE -> falling ? "improving" : rising ? "declining" : "stalled";
            case SPEED -> rising ? "improving" : falling ? "declining" : "stalled";
            case DIRECTION -> rising ? "rising" : falling ? "falling" : "flat";
        };
        ObjectNode s = t.putObject("slope_per_week");
        s.put("value", Durations.round(slope.slope(), 2));
        s.put("unit", unit);
        s.putArray("ci")
                .add(Durations.round(slope.slopeCi().lower(), 2))
                .add(Durations.round(slope.slopeCi().upper(), 2));
        s.put("confidence_level", slope.slopeCi().level());
        s.put("method", "theil_sen");
        t.set("mann_kendall_p", StatisticsJson.number(mk.pValue()));
        t.put("direction", direction);
        return new Result(t, Optional.of(StatisticsJson.quality(slope.quality())));
    }
}
