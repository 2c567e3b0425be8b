package dev.td.importers.wearables;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of Oura's first cloud API (v1), which the older Oura Cloud export wrote: arrays {@code sleep},
 * {@code readiness} and {@code activity} of entries dated by {@code summary_date}. A v1 sleep's {@code summary_date}
 * is the day before the one the app shows it under (Oura's v1 documentation), so a night is dated by the local date
 * of its {@code bedtime_end} (the summary date + 1 without one), and a readiness by the night of the same summary date
 * and period. Sleep: {@code total} s, {@code hr_lowest}, {@code hr_average}, {@code rmssd}, {@code breath_average},
 * {@code temperature_delta} and {@code score}, mapped like v2's ({@link OuraRecords}); activity: {@code steps} on
 * its summary date.
 */
final class OuraV1 {

    /** A v1 readiness waiting for the nights of the file: it is dated by its night. */
    private record Readiness(int period, double score, String where) {}

    private final OuraDays days;
    private final Map<LocalDate, LocalDate> nightDays = new HashMap<>();
    private final Map<LocalDate, Integer> mainPeriods = new HashMap<>();
    private final Map<LocalDate, List<Readiness>> readiness = new LinkedHashMap<>();

    OuraV1(OuraDays days) {
        this.days = days;
    }

    /** Reads an entry of a v1 array; entries of other arrays are not td's and are passed over. */
    void read(String array, Fields f) {
        switch (array) {
            case "sleep" -> sleep(f);
            case "readiness" -> readiness(f);
            case "activity" -> {
                days.record();
                LocalDate day = f.day("summary_date");
                f.number("steps").ifPresent(v -> days.put(day, Reading.of("steps", v, "steps"), f.where()));
            }
            default -> {
                // workouts, tags, heart rate: not read
            }
        }
    }

    private void sleep(Fields f) {
        days.record();
        LocalDate summary = f.day("summary_date");
        Optional<OffsetDateTime> end = f.dateTime("bedtime_end");
        LocalDate day = end.map(OffsetDateTime::toLocalDate).orElse(summary.plusDays(1));
        boolean main = f.number("is_longest").map(v -> v == 1).orElse(true);
        if (main) {
            nightDays.put(summary, day);
            f.number("period_id").ifPresent(p -> mainPeriods.put(summary, p.intValue()));
        }
        List<Reading> readings = new ArrayList<>();
        f.number("total").ifPresent(v -> readings.add(Reading.of("sleep_duration", v, "s")));
        f.number("score").ifPresent(v -> readings.add(Reading.score("sleep_score", v)));
        f.number("hr_lowest").ifPresent(v -> readings.add(Reading.of("resting_hr", v, "bpm")));
        f.number("hr_average").ifPresent(v -> readings.add(Reading.of("avg_sleeping_hr", v, "bpm")));
        f.number("rmssd").ifPresent(v -> readings.add(Reading.of("hrv_rmssd", v, "ms")));
        f.number("breath_average").ifPresent(v -> readings.add(Reading.of("respiration_rate", v, "brpm")));
        f.number("temperature_delta").ifPresent(v -> readings.add(Reading.of("temperature_deviation", v, "°C")));
        double seconds = f.number("total").orElse(0.0);
        days.night(new OuraDays.Night(day, main, seconds, end.map(OffsetDateTime::getOffset), readings, f.where()));
    }

    private void readiness(Fields f) {
        days.record();
        LocalDate summary = f.day("summary_date");
        int period = f.number("period_id").map(Double::intValue).orElse(0);
        f.number("score")
                .ifPresent(v -> readiness
                        .computeIfAbsent(summary, d -> new ArrayList<>())
                        .add(new Readiness(period, v, f.where())));
    }

    /** Dates the readiness entries by their nights, once all nights are read. */
    void finish() {
        readiness.forEach((summary, entries) -> {
            Integer mainPeriod = mainPeriods.get(summary);
            Readiness chosen = entries.stream()
                    .filter(r -> mainPeriod != null && r.period() == mainPeriod)
                    .findFirst()
                    .orElse(entries.getLast());
            LocalDate day = nightDays.getOrDefault(summary, summary.plusDays(1));
            days.put(day, Reading.score("readiness", chosen.score()), chosen.where());
        });
    }
}
