package dev.td.importers.wearables;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The readings of WHOOP's physiological_cycles.csv and sleeps.csv. A cycle runs from falling asleep to falling asleep
 * the next night; its recovery, resting heart rate, HRV, SpO2, skin temperature and respiratory rate are measured
 * during the sleep that opens it and its strain over the waking day after, so all are dated at the wake onset (the
 * cycle's start when it has no sleep), in the cycle's time zone. Columns are found by name without regard to case.
 */
final class CycleReadings {

    private CycleReadings() {}

    static void cycles(Table table, WhoopExport export) {
        Column start = table.required("Cycle start time", "WHOOP's physiological_cycles.csv");
        Optional<Column> zone = table.column("Cycle timezone");
        Optional<Column> wake = table.column("Wake onset");
        Optional<Column> recovery = table.column("Recovery score %");
        Optional<Column> restingHr = table.column("Resting heart rate (bpm)");
        Optional<Column> hrv = table.column("Heart rate variability (ms)");
        Optional<Column> skinTemp = table.column("Skin temp (celsius)");
        Optional<Column> spo2 = table.column("Blood oxygen %");
        Optional<Column> strain = table.column("Day Strain");
        Optional<Column> respiratory = table.column("Respiratory rate (rpm)");
        Sleep sleep = new Sleep(table);
        for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
            Row row = next.get();
            export.countRow();
            Optional<ZoneOffset> offset = WhoopClock.offset(row, zone);
            ZoneId in = export.zone(offset);
            Instant cycleStart = cycleStart(row, start, in);
            export.cycle(row.text(start).orElseThrow(), offset);
            Instant at = WhoopClock.time(row, wake, in).orElse(cycleStart);
            List<Reading> readings = new ArrayList<>();
            row.number(recovery).ifPresent(v -> readings.add(Reading.score("readiness", v)));
            row.number(restingHr).ifPresent(v -> readings.add(Reading.of("resting_hr", v, "bpm")));
            row.number(hrv).ifPresent(v -> readings.add(Reading.of("hrv_rmssd", v, "ms")));
            row.number(spo2).ifPresent(v -> readings.add(Reading.of("spo2", v, "%")));
            row.number(skinTemp).ifPresent(v -> readings.add(Reading.of("skin_temperature", v, "°C")));
            row.number(respiratory).ifPresent(v -> readings.add(Reading.of("respiration_rate", v, "brpm")));
            sleep.readings(row, readings);
            row.number(strain).ifPresent(v -> readings.add(Reading.score("whoop_strain", v)));
            export.readings(row, cycleStart, at, offset, readings);
        }
    }

    /** The night's sleep of each cycle; naps are reported and left out (td's sleep_duration is the night's). */
    static void sleeps(Table table, WhoopExport export) {
        Column start = table.required("Cycle start time", "WHOOP's sleeps.csv");
        Optional<Column> zone = table.column("Cycle timezone");
        Optional<Column> onset = table.column("Sleep onset");
        Optional<Column> wake = table.column("Wake onset");
        Optional<Column> nap = table.column("Nap");
        Optional<Column> respiratory = table.column("Respiratory rate (rpm)");
        Sleep sleep = new Sleep(table);
        for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
            Row row = next.get();
            export.countRow();
            if (isNap(row, nap)) {
                export.sink()
                        .skipped(row.where(), "a nap: td's sleep_duration is the night's sleep, so naps are left out");
                continue;
            }
            Optional<ZoneOffset> offset = WhoopClock.offset(row, zone);
            ZoneId in = export.zone(offset);
            Instant cycleStart = cycleStart(row, start, in);
            Instant at = WhoopClock.time(row, wake, in)
                    .or(() -> WhoopClock.time(row, onset, in))
                    .orElse(cycleStart);
            List<Reading> readings = new ArrayList<>();
            row.number(respiratory).ifPresent(v -> readings.add(Reading.of("respiration_rate", v, "brpm")));
            sleep.readings(row, readings);
            export.readings(row, cycleStart, at, offset, readings);
        }
    }

    private static Instant cycleStart(Row row, Column start, ZoneId in) {
        return WhoopClock.time(row, Optional.of(start), in)
                .orElseThrow(() ->
                        row.bad(start, "is empty", "every WHOOP cycle has a start; " + WhoopImporter.HOW_TO_EXPORT));
    }

    private static boolean isNap(Row row, Optional<Column> nap) {
        return nap.flatMap(c -> row.text(c).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw row.bad(c, "\"" + text + "\" is neither true nor false", WhoopImporter.HOW_TO_EXPORT);
                }))
                .orElse(false);
    }

    /**
     * The sleep columns both files have: minutes asleep (not in bed) as sleep_duration, and WHOOP's sleep performance
     * (sleep had against sleep needed, 0-100 %) as sleep_score, the score WHOOP gives a night.
     */
    private record Sleep(Optional<Column> asleep, Optional<Column> performance) {

        Sleep(Table table) {
            this(table.column("Asleep duration (min)"), table.column("Sleep performance %"));
        }

        void readings(Row row, List<Reading> readings) {
            row.number(asleep).ifPresent(v -> readings.add(Reading.of("sleep_duration", v, "min")));
            row.number(performance).ifPresent(v -> readings.add(Reading.score("sleep_score", v)));
        }
    }
}
