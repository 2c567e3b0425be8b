package dev.td.server.metrics;

import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
import dev.td.tools.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * A person's body metrics and health readings as other capabilities use them (resting and maximum heart
 * rate for training load, latest-versus-baseline for an overview). Metrics are named as the registry or the
 * person names them ({@code resting_hr}, {@code Ruhepuls}, a custom {@code grip_strength}); values are daily
 * values (the registry's daily rule) in the metric's canonical unit (bpm, kg, min; a custom metric's own unit),
 * read from projections.
 */
@Published
public interface Metrics {

    /** The scope that reads body metrics: weight, body fat, nutrition, steps and the person's own metrics. */
    String BODY_READ = "metrics:read";

    /** The scope that reads health metrics: heart (HRV, resting heart rate, blood pressure), sleep, wellness, cycle. */
    String HEALTH_READ = "health:read";

    /**
     * The scope that reads a metric ({@link #BODY_READ} or {@link #HEALTH_READ}); its write scope is the same family's
     * {@code :write}. A metric the registry does not know (the person's own) is a body metric.
     */
    String readScope(String metric);

    /**
     * A metric's value on one day of the person's calendar.
     *
     * @param value    the daily value; empty for a categorical metric
     * @param label    the day's label (categorical metrics)
     * @param unit     the value's unit ({@code ""}: none)
     * @param readings how many readings made the day
     */
    record DailyValue(LocalDate date, OptionalDouble value, Optional<String> label, String unit, int readings) {
        public DailyValue {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * The person's usual level of a metric: the median and a robust spread (1.4826 × the median absolute
     * deviation) of the daily values of the 28 days before a day.
     *
     * @param median the median, when there are enough days (7)
     * @param spread 1.4826 × MAD, a standard deviation robust to outliers, when there are enough days
     * @param days   how many days in the window had a value
     * @param from   the window's first day
     * @param to     the window's last day (the day before the one compared)
     */
    record Level(OptionalDouble median, OptionalDouble spread, int days, LocalDate from, LocalDate to) {
        public Level {
            Objects.requireNonNull(median, "median");
            Objects.requireNonNull(spread, "spread");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The latest daily value against the baseline before it.
     *
     * @param robustZ (latest − median) / spread; empty without a baseline or when the spread is zero
     */
    record Deviation(DailyValue latest, Level baseline, OptionalDouble robustZ) {
        public Deviation {
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(robustZ, "robustZ");
        }
    }

    /** The latest daily value of a metric on or before {@code asOf}; empty when there is none. */
    Optional<DailyValue> latest(UUID user, String metric, LocalDate asOf);

    /** The daily values of a metric in a range of days, oldest first; days without readings are left out. */
    List<DailyValue> series(UUID user, String metric, DayRange days);

    /**
     * As {@link #series}, in the unit get_metric_series shows the person (body weight in their profile's unit, a
     * custom metric in the unit it was first logged in).
     */
    List<DailyValue> seriesAsShown(UUID user, String metric, DayRange days);

    /**
     * A metric as a name resolved it.
     *
     * @param metric      the registry or snake_case name
     * @param categorical whether its days carry labels, not values (the menstrual phase)
     * @param additive    whether its days add up over a period (steps, calories: the registry's period rule sum)
     */
    record Named(String metric, boolean categorical, boolean additive) {
        public Named {
            Objects.requireNonNull(metric, "metric");
        }
    }

    /**
     * The metric a caller's name or alias stands for, as get_metric_series resolves it (registry names and aliases in
     * English and German, then the person's own metrics).
     *
     * @param reader who asks: candidates in a refusal name only the metrics their scopes let them read
     * @param path   the name's JSON path in the call, for the refusal
     * @throws dev.td.tools.ToolException not found (with near candidates) or ambiguous (with the metrics it may mean)
     */
    Named named(UUID user, String said, Principal reader, String path);

    /** A metric, by its registry or snake_case name, and its latest daily value against its baseline. */
    record Recent(String metric, Deviation deviation) {
        public Recent {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(deviation, "deviation");
        }
    }

    /**
     * Every metric whose latest reading on or before {@code asOf} falls on or after {@code since}: that latest daily
     * value against the baseline before it, the metrics with most readings first. Read in a few queries whatever
     * the number of metrics.
     */
    List<Recent> recentAgainstBaseline(UUID user, LocalDate since, LocalDate asOf);

    /** The latest daily value on or before {@code asOf} against the baseline of the days before it. */
    Optional<Deviation> latestAgainstBaseline(UUID user, String metric, LocalDate asOf);
}
