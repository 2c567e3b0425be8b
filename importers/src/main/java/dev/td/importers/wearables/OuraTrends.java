package dev.td.importers.wearables;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The trends CSV of Oura's older web dashboard: one row per day ({@code date}, the day the app shows), sleep,
 * readiness and activity side by side. Durations are seconds. {@code Total Sleep Time} (or {@code Total Sleep
 * Duration}) → {@code sleep_duration} s; {@code Lowest Resting Heart Rate} → {@code resting_hr};
 * {@code Average Resting Heart Rate} (the night's average) → {@code avg_sleeping_hr}; {@code Average HRV} →
 * {@code hrv_rmssd}; {@code Respiratory Rate} → {@code respiration_rate}; {@code Temperature Deviation (°C)} →
 * {@code temperature_deviation} °C; {@code Sleep Score}, {@code Readiness Score} and {@code Steps} as they are named.
 * The offset of {@code Bedtime End} dates the day.
 */
final class OuraTrends {

    private static final Set<String> MARKERS = Set.of(
            "sleep score",
            "readiness score",
            "average hrv",
            "total sleep time",
            "total sleep duration",
            "lowest resting heart rate");

    private OuraTrends() {}

    /** Whether a file's first line is a trends CSV header: {@code date} first, then Oura's sleep or readiness. */
    static boolean recognizes(String head) {
        List<String> names = List.of(Table.firstLine(head)
                .replace("\uFEFF", "")
                .replace("\u00EF\u00BB\u00BF", "")
                .replace("\"", "")
                .toLowerCase(Locale.ROOT)
                .split(",", -1));
        return names.size() > 1
                && names.getFirst().strip().equals("date")
                && names.stream().map(String::strip).anyMatch(MARKERS::contains);
    }

    static void read(Table table, OuraDays days) {
        Column date = table.required("date", "an Oura trends CSV");
        Optional<Column> bedtimeEnd = table.column("Bedtime End");
        Optional<Column> asleep = table.column("Total Sleep Time", "Total Sleep Duration");
        Optional<Column> lowest = table.column("Lowest Resting Heart Rate");
        Optional<Column> average = table.column("Average Resting Heart Rate");
        Optional<Column> hrv = table.column("Average HRV");
        Optional<Column> breath = table.column("Respiratory Rate");
        Optional<Column> temperature = table.columnStarting("Temperature Deviation");
        Optional<Column> sleepScore = table.column("Sleep Score");
        Optional<Column> readiness = table.column("Readiness Score");
        Optional<Column> steps = table.column("Steps");
        for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
            Row row = next.get();
            days.record();
            LocalDate day = day(row, date);
            days.offset(day, offset(row, bedtimeEnd));
            String where = row.where();
            row.number(asleep).ifPresent(v -> days.put(day, Reading.of("sleep_duration", v, "s"), where));
            row.number(sleepScore).ifPresent(v -> days.put(day, Reading.score("sleep_score", v), where));
            row.number(lowest).ifPresent(v -> days.put(day, Reading.of("resting_hr", v, "bpm"), where));
            row.number(average).ifPresent(v -> days.put(day, Reading.of("avg_sleeping_hr", v, "bpm"), where));
            row.number(hrv).ifPresent(v -> days.put(day, Reading.of("hrv_rmssd", v, "ms"), where));
            row.number(breath).ifPresent(v -> days.put(day, Reading.of("respiration_rate", v, "brpm"), where));
            row.number(temperature).ifPresent(v -> days.put(day, Reading.of("temperature_deviation", v, "°C"), where));
            row.number(readiness).ifPresent(v -> days.put(day, Reading.score("readiness", v), where));
            row.number(steps).ifPresent(v -> days.put(day, Reading.of("steps", v, "steps"), where));
        }
    }

    private static LocalDate day(Row row, Column date) {
        String text = row.text(date).orElseThrow(() -> row.bad(date, "is empty", OuraImporter.HOW_TO_EXPORT));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw row.bad(date, "\"" + text + "\" is not a day like 2020-03-04", OuraImporter.HOW_TO_EXPORT);
        }
    }

    private static Optional<ZoneOffset> offset(Row row, Optional<Column> column) {
        return column.flatMap(c -> row.text(c).map(text -> {
            try {
                return OffsetDateTime.parse(text).getOffset();
            } catch (DateTimeException e) {
                throw row.bad(
                        c,
                        "\"" + text + "\" is not a time with an offset like 2020-03-04T05:49:42-08:00",
                        OuraImporter.HOW_TO_EXPORT);
            }
        }));
    }
}
