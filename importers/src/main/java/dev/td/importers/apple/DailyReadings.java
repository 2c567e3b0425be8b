package dev.td.importers.apple;

import dev.td.importers.DraftSink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The dense streams, one reading per local day, emitted once the whole file has been read (a decade is a few thousand
 * small day entries).
 *
 * <ul>
 *   <li>Heart rate and respiratory rate: the mean of the day's readings, with count, min and max in the notes.
 *   <li>Steps: the largest single source's day total. An iPhone and a watch count the same steps, so their sum would
 *       double them; the largest source is what Apple's own day total is closest to.
 *   <li>Sleep: minutes asleep (every {@code Asleep*} value; not {@code InBed}, not {@code Awake}), on the local date a
 *       segment ends; overlapping segments of one source count once, and of several sources the one with the most
 *       sleep is taken (two sources record the same night). A night with no asleep segment at all uses time in bed.
 *   <li>Activity summaries (the rings): active energy (kcal) and exercise minutes, as Apple computed them.
 * </ul>
 *
 * <p>A day's reading is dated at the start of that local day, in the offset its first record was written with (the
 * person's zone when only an activity summary names the day). Its record id is the metric and the date, so a later
 * export of the same day replaces nothing and adds nothing; the export's own day is left out because it is not over.
 */
final class DailyReadings {

    private static final double KJ_PER_KCAL = 4.184;
    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<Long, Day> days = new HashMap<>();
    private @Nullable Day last;

    /** Remembers the offset of a day's first record, to date the day's readings. */
    Day day(HealthDate date) {
        long epochDay = date.localEpochDay();
        Day current = last;
        if (current == null || current.epochDay != epochDay) {
            current = days.computeIfAbsent(epochDay, Day::new);
            last = current;
        }
        if (current.offsetSeconds == null) {
            current.offsetSeconds = date.offsetSeconds();
        }
        return current;
    }

    void heartRate(HealthDate start, double bpm) {
        day(start).heartRate.add(bpm);
    }

    void respiration(HealthDate start, double brpm) {
        day(start).respiration.add(brpm);
    }

    void steps(HealthDate start, String source, double count) {
        double[] total = day(start).steps.computeIfAbsent(source, s -> new double[2]);
        total[0] += count;
        total[1]++;
    }

    /** A sleep segment, counted on the day it ends. */
    void sleep(HealthDate start, HealthDate end, String source, boolean asleep) {
        Day day = day(end);
        Map<String, Intervals> bySource = asleep ? day.asleep : day.inBed;
        bySource.computeIfAbsent(source, s -> new Intervals()).add(start.epochSecond(), end.epochSecond());
    }

    /**
     * One day's activity summary.
     *
     * @param energy     active energy burned, in {@code energyUnit}
     * @param energyUnit kcal, Cal (the same) or kJ
     */
    void summary(LocalDate date, @Nullable Double energy, String energyUnit, @Nullable Double exerciseMinutes) {
        Day day = days.computeIfAbsent(date.toEpochDay(), Day::new);
        if (energy != null) {
            day.activeEnergyKcal = energyUnit.equals("kJ") ? energy / KJ_PER_KCAL : energy;
        }
        day.exerciseMinutes = exerciseMinutes;
    }

    /**
     * Hands every day's readings to {@code sink}, oldest first.
     *
     * @param zone      dates a day known only from its activity summary
     * @param exportDay the local day the export was made (its readings are left out), when the file says
     */
    void emit(DraftSink sink, ZoneId zone, OptionalLong exportDay) {
        List<Day> ordered = new ArrayList<>(days.values());
        ordered.sort((a, b) -> Long.compare(a.epochDay, b.epochDay));
        for (Day day : ordered) {
            boolean incomplete = exportDay.isPresent() && day.epochDay >= exportDay.getAsLong();
            Emitter out = new Emitter(sink, day, day.start(zone), incomplete);
            out.mean("heart_rate", day.heartRate, "bpm");
            out.mean("respiration_rate", day.respiration, "brpm");
            out.steps();
            out.sleep();
            if (day.activeEnergyKcal != null) {
                out.emit("active_energy", day.activeEnergyKcal, "kcal", "active energy of the Activity summary (Move)");
            }
            if (day.exerciseMinutes != null) {
                out.emit("exercise_minutes", day.exerciseMinutes, "min", "exercise minutes of the Activity summary");
            }
        }
    }

    /** What one local day gathered. */
    static final class Day {
        final long epochDay;

        @Nullable
        Integer offsetSeconds;

        final Mean heartRate = new Mean();
        final Mean respiration = new Mean();
        /** Per raw source name: {sum, samples}. */
        final Map<String, double[]> steps = new LinkedHashMap<>();

        final Map<String, Intervals> asleep = new LinkedHashMap<>();
        final Map<String, Intervals> inBed = new LinkedHashMap<>();

        @Nullable
        Double activeEnergyKcal;

        @Nullable
        Double exerciseMinutes;

        Day(long epochDay) {
            this.epochDay = epochDay;
        }

        Instant start(ZoneId zone) {
            Integer offset = offsetSeconds;
            return offset != null
                    ? Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY - offset)
                    : LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
        }
    }

    /** Count, sum, min and max of readings. */
    static final class Mean {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }

    /** Time spans of one source; overlaps count once. */
    static final class Intervals {
        private long[] spans = new long[8];
        private int size;

        void add(long from, long to) {
            if (to <= from) {
                return;
            }
            if (size + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[size++] = from;
            spans[size++] = to;
        }

        /** Seconds covered by the union of the spans. */
        long seconds() {
            int n = size / 2;
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new long[] {spans[2 * i], spans[2 * i + 1]};
            }
            Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
            long total = 0;
            long end = Long.MIN_VALUE;
            for (long[] pair : pairs) {
                long from = Math.max(pair[0], end);
                if (pair[1] > from) {
                    total += pair[1] - from;
                }
                end = Math.max(end, pair[1]);
            }
            return total;
        }
    }

    /** Writes one day's drafts. */
    private record Emitter(DraftSink sink, Day day, Instant at, boolean incomplete) {

        void mean(String metric, Mean mean, String unit) {
            if (mean.count > 0) {
                emit(
                        metric,
                        mean.sum / mean.count,
                        unit,
                        "mean of " + mean.count + (mean.count == 1 ? " reading" : " readings") + ", min "
                                + MetricDrafts.plain(mean.min) + ", max " + MetricDrafts.plain(mean.max) + " " + unit);
            }
        }

        void steps() {
            day.steps.entrySet().stream()
                    .max((a, b) -> Double.compare(a.getValue()[0], b.getValue()[0]))
                    .ifPresent(top -> emit(
                            "steps",
                            top.getValue()[0],
                            "steps",
                            "sum of " + MetricDrafts.plain(top.getValue()[1]) + " samples "
                                    + sources(day.steps.size(), top.getKey())
                                    + (day.steps.size() > 1
                                            ? "' totals, not their sum (they count the same steps)"
                                            : "")));
        }

        void sleep() {
            Optional<Map.Entry<String, Long>> asleep = longest(day.asleep);
            if (asleep.isPresent() && asleep.get().getValue() > 0) {
                Map.Entry<String, Long> top = asleep.get();
                emit(
                        "sleep_duration",
                        top.getValue() / 60.0,
                        "min",
                        "time asleep, " + sources(day.asleep.size(), top.getKey()));
                return;
            }
            longest(day.inBed)
                    .filter(top -> top.getValue() > 0)
                    .ifPresent(top -> emit(
                            "sleep_duration",
                            top.getValue() / 60.0,
                            "min",
                            "time in bed (no asleep segments that night), " + sources(day.inBed.size(), top.getKey())));
        }

        private static Optional<Map.Entry<String, Long>> longest(Map<String, Intervals> bySource) {
            return bySource.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue().seconds()))
                    .max(Map.Entry.comparingByValue());
        }

        private static String sources(int count, String source) {
            String name = MetricDrafts.display(source);
            return count == 1 ? "from " + name : "from " + name + ", the largest of " + count + " sources";
        }

        void emit(String metric, double value, String unit, String notes) {
            LocalDate date = LocalDate.ofEpochDay(day.epochDay);
            if (incomplete) {
                sink.skipped(
                        metric + " " + date,
                        "the export was made that day, so the day is not over; a later export brings it whole");
                return;
            }
            sink.accept(MetricDrafts.metric(
                    metric,
                    value,
                    Optional.of(unit),
                    Optional.of(notes),
                    at,
                    MetricDrafts.SOURCE + ":" + metric + ":" + date));
        }
    }
}
