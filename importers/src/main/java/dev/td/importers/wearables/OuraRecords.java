package dev.td.importers.wearables;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Oura's API v2 records (the JSON export and the App Data CSVs) as readings of their day ({@code day}, the date Oura's
 * app shows them under: a night belongs to the day it ends):
 *
 * <ul>
 *   <li>sleep period ({@code long_sleep} only): {@code total_sleep_duration} → {@code sleep_duration} in s (as
 *       given); {@code lowest_heart_rate} → {@code resting_hr} (the night's lowest heart rate is what Oura calls
 *       resting heart rate); {@code average_heart_rate} → {@code avg_sleeping_hr}; {@code average_hrv} (RMSSD) →
 *       {@code hrv_rmssd} ms; {@code average_breath} → {@code respiration_rate} brpm; the offset of
 *       {@code bedtime_end} dates the day.
 *   <li>daily sleep: {@code score} → {@code sleep_score}. Daily readiness: {@code score} → {@code readiness};
 *       {@code temperature_deviation} → the person's own metric {@code temperature_deviation} °C (a deviation from
 *       the person's baseline, not a temperature). Daily activity: {@code steps} → {@code steps}. Daily SpO2:
 *       {@code spo2_percentage.average} → {@code spo2} %.
 * </ul>
 */
final class OuraRecords {

    private OuraRecords() {}

    static void read(Kind kind, Fields f, OuraDays days) {
        days.record();
        LocalDate day = f.day("day");
        String where = f.where();
        switch (kind) {
            case SLEEP_PERIOD -> days.night(night(day, f));
            case DAILY_SLEEP -> f.number("score").ifPresent(v -> days.put(day, Reading.score("sleep_score", v), where));
            case DAILY_READINESS -> {
                f.number("score").ifPresent(v -> days.put(day, Reading.score("readiness", v), where));
                f.number("temperature_deviation")
                        .ifPresent(v -> days.put(day, Reading.of("temperature_deviation", v, "°C"), where));
            }
            case DAILY_ACTIVITY ->
                f.number("steps").ifPresent(v -> days.put(day, Reading.of("steps", v, "steps"), where));
            case DAILY_SPO2 ->
                f.object("spo2_percentage")
                        .flatMap(spo2 -> spo2.number("average"))
                        .ifPresent(v -> days.put(day, Reading.of("spo2", v, "%"), where));
        }
    }

    private static OuraDays.Night night(LocalDate day, Fields f) {
        boolean main = f.text("type").map(type -> type.equals("long_sleep")).orElse(true);
        List<Reading> readings = new ArrayList<>();
        f.number("total_sleep_duration").ifPresent(v -> readings.add(Reading.of("sleep_duration", v, "s")));
        f.number("lowest_heart_rate").ifPresent(v -> readings.add(Reading.of("resting_hr", v, "bpm")));
        f.number("average_heart_rate").ifPresent(v -> readings.add(Reading.of("avg_sleeping_hr", v, "bpm")));
        f.number("average_hrv").ifPresent(v -> readings.add(Reading.of("hrv_rmssd", v, "ms")));
        f.number("average_breath").ifPresent(v -> readings.add(Reading.of("respiration_rate", v, "brpm")));
        double seconds = f.number("total_sleep_duration").orElse(0.0);
        return new OuraDays.Night(
                day, main, seconds, f.dateTime("bedtime_end").map(OffsetDateTime::getOffset), readings, f.where());
    }

    /**
     * The kinds of Oura record td reads, in the field names of Oura's API v2 that both the JSON export and the App Data
     * CSVs use: a sleep period ({@code sleepmodel.csv}, API {@code sleep}), the daily sleep score, readiness, activity and
     * SpO2. A record is known by its fields (an App Data CSV by its header); the name of a JSON array only decides when
     * fields would not ({@code "readiness"} entries without a temperature).
     */
    enum Kind {
        SLEEP_PERIOD,
        DAILY_SLEEP,
        DAILY_READINESS,
        DAILY_ACTIVITY,
        DAILY_SPO2;

        /** The kind of a record with these fields (lower case); empty for other records (workouts, tags, stress…). */
        static Optional<Kind> of(Set<String> fields) {
            if (!fields.contains("day")) {
                return Optional.empty();
            }
            if (fields.contains("total_sleep_duration") || fields.contains("bedtime_end")) {
                return Optional.of(SLEEP_PERIOD);
            }
            if (fields.contains("spo2_percentage")) {
                return Optional.of(DAILY_SPO2);
            }
            if (fields.contains("temperature_deviation")) {
                return Optional.of(DAILY_READINESS);
            }
            if (fields.contains("steps")) {
                return Optional.of(DAILY_ACTIVITY);
            }
            if (fields.contains("score") && fields.contains("contributors")) {
                return Optional.of(DAILY_SLEEP);
            }
            return Optional.empty();
        }

        /** The kind a JSON array of this name holds, when its name says it; {@code sleep} is either kind of sleep. */
        static Optional<Kind> ofArray(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "daily_sleep" -> Optional.of(DAILY_SLEEP);
                case "readiness", "daily_readiness" -> Optional.of(DAILY_READINESS);
                case "activity", "daily_activity" -> Optional.of(DAILY_ACTIVITY);
                case "spo2", "daily_spo2" -> Optional.of(DAILY_SPO2);
                case "sleep_periods", "sleepmodel", "sleep_model" -> Optional.of(SLEEP_PERIOD);
                default -> Optional.empty();
            };
        }
    }
}
