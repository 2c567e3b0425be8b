package dev.td.server.metrics;

import dev.td.server.profile.DayRange;
import dev.td.statistics.descriptive.Description;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A person's usual level of a metric before a day, robust to the odd bad night: the median of the daily
 * values of the {@value #WINDOW_DAYS} days before it, and 1.4826 × their median absolute deviation as the
 * spread (a consistent estimate of the standard deviation for normal data, Hampel 1974). A day is compared
 * with it by its robust z, (value − median) / spread, and stands out beyond ±{@value #UNUSUAL_Z} (Iglewicz
 * &amp; Hoaglin 1993, the threshold td's anomaly detector uses). Fewer than {@value #MIN_DAYS} days make no
 * baseline.
 */
record Baseline(Metrics.Level level) {

    static final int WINDOW_DAYS = 28;
    static final int MIN_DAYS = 7;
    static final double UNUSUAL_Z = 3.5;
    static final String METHOD = "median and 1.4826 × MAD of the daily values of the 28 days before the latest";

    /** The days a baseline for {@code day} looks at: the {@value #WINDOW_DAYS} days before it. */
    static DayRange window(LocalDate day) {
        return new DayRange(day.minusDays(WINDOW_DAYS), day.minusDays(1));
    }

    /** The baseline for {@code day} from days (any range; those outside the window are left out). */
    static Baseline of(List<MetricViews.Day> days, LocalDate day) {
        DayRange window = window(day);
        double[] values = days.stream()
                .filter(d -> window.contains(d.date()) && d.value().isPresent())
                .mapToDouble(d -> d.value().getAsDouble())
                .sorted()
                .toArray();
        if (values.length < MIN_DAYS) {
            return new Baseline(new Metrics.Level(
                    OptionalDouble.empty(), OptionalDouble.empty(), values.length, window.from(), window.to()));
        }
        double median = median(values);
        double[] deviations =
                Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
        double spread = Description.MAD_NORMAL_SCALE * median(deviations);
        return new Baseline(new Metrics.Level(
                OptionalDouble.of(median), OptionalDouble.of(spread), values.length, window.from(), window.to()));
    }

    /** The robust z of a value; empty without a baseline, without a value, or when the spread is zero. */
    OptionalDouble robustZ(OptionalDouble value) {
        if (value.isEmpty() || level.median().isEmpty() || level.spread().orElse(0) == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value.getAsDouble() - level.median().getAsDouble())
                / level.spread().getAsDouble());
    }

    /** Why there is no z, for an answer: empty when there is one. */
    String missingReason(OptionalDouble value) {
        if (value.isEmpty()) {
            return "the latest day has no value";
        }
        if (level.median().isEmpty()) {
            return "a baseline needs " + MIN_DAYS + " days with a value in the " + WINDOW_DAYS
                    + " days before the latest; there are " + level.days();
        }
        return level.spread().orElse(0) == 0 ? "the baseline days all have the same value (no spread)" : "";
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
