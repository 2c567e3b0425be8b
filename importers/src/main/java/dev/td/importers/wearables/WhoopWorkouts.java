package dev.td.importers.wearables;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * WHOOP's workouts.csv, one {@code activity.logged} per row: the sport from {@code Activity name}, the elapsed time
 * from the start and end (whole seconds; {@code Duration (min)} only when the end is missing), average and maximum
 * heart rate, {@code Energy burned (cal)} as calories (WHOOP's "cal" are kilocalories: a 21-minute run burns about
 * 270), and distance and altitude gain in metres when the workout had GPS. Strain and heart-rate zone percentages have
 * no place in td's activity and are left out. A value outside td's schema is left out and reported.
 */
final class WhoopWorkouts {

    private static final double MAX_SECONDS = 1_209_600;

    private WhoopWorkouts() {}

    static void read(Table table, WhoopExport export) {
        Columns c = new Columns(table);
        for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
            Row row = next.get();
            export.countRow();
            export.accept(workout(row, c, export));
        }
    }

    private record Columns(
            Column start,
            Optional<Column> cycleStart,
            Optional<Column> zone,
            Optional<Column> end,
            Optional<Column> duration,
            Optional<Column> name,
            Optional<Column> energy,
            Optional<Column> maxHr,
            Optional<Column> avgHr,
            Optional<Column> distance,
            Optional<Column> altitudeGain) {

        Columns(Table t) {
            this(
                    t.required("Workout start time", "WHOOP's workouts.csv"),
                    t.column("Cycle start time"),
                    t.column("Cycle timezone"),
                    t.column("Workout end time"),
                    t.column("Duration (min)"),
                    t.column("Activity name"),
                    t.column("Energy burned (cal)"),
                    t.column("Max HR (bpm)"),
                    t.column("Average HR (bpm)"),
                    t.column("Distance (meters)"),
                    t.column("Altitude gain (meters)"));
        }
    }

    private static Draft workout(Row row, Columns c, WhoopExport export) {
        DraftSink sink = export.sink();
        Optional<ZoneOffset> offset = WhoopClock.offset(row, c.zone())
                .or(() -> row.text(c.cycleStart()).flatMap(export::cycleOffset));
        ZoneId in = export.zone(offset);
        Instant start = WhoopClock.time(row, Optional.of(c.start()), in)
                .orElseThrow(() ->
                        row.bad(c.start(), "is empty", "every workout has a start; " + WhoopImporter.HOW_TO_EXPORT));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("activity_id", "whoop-" + start);
        data.put("sport", row.text(c.name()).map(WhoopSports::of).orElse("other"));
        elapsed(row, c, start, in, sink).ifPresent(s -> within(data, "elapsed_s", s, MAX_SECONDS, row, sink));
        row.number(c.avgHr()).ifPresent(v -> within(data, "avg_hr", v, 400, row, sink));
        row.number(c.maxHr()).ifPresent(v -> within(data, "max_hr", v, 400, row, sink));
        row.number(c.energy()).ifPresent(v -> within(data, "calories", v, 50_000, row, sink));
        row.number(c.distance()).filter(m -> m != 0).ifPresent(m -> metres(data, "distance", m, 5_000_000, row, sink));
        row.number(c.altitudeGain()).ifPresent(m -> metres(data, "elevation_gain", m, 100_000, row, sink));
        data.put("source", WhoopExport.SOURCE);
        return new Draft("activity.logged", start, offset.map(ZoneId.class::cast), data, "whoop:workout:" + start);
    }

    /** Seconds from start to end; the rounded {@code Duration (min)} only when the row has no end. */
    private static Optional<Double> elapsed(Row row, Columns c, Instant start, ZoneId in, DraftSink sink) {
        Optional<Instant> end = WhoopClock.time(row, c.end(), in);
        if (end.isPresent()) {
            double seconds = Duration.between(start, end.get()).toMillis() / 1000.0;
            if (seconds > 0) {
                return Optional.of(seconds);
            }
            sink.skipped(row.where(), "the workout ends when or before it starts, so it has no elapsed time");
            return Optional.empty();
        }
        return row.number(c.duration()).filter(min -> min > 0).map(min -> min * 60);
    }

    private static void within(ObjectNode data, String field, double value, double max, Row row, DraftSink sink) {
        boolean inRange = field.equals("elapsed_s") ? value > 0 && value <= max : value >= 0 && value <= max;
        if (inRange) {
            data.put(field, value);
        } else {
            sink.skipped(row.where(), outside(field, value, max));
        }
    }

    private static void metres(ObjectNode data, String field, double value, double max, Row row, DraftSink sink) {
        if (value >= 0 && value <= max) {
            data.putObject(field).put("value", value).put("unit", "m");
        } else {
            sink.skipped(row.where(), outside(field, value, max));
        }
    }

    private static String outside(String field, double value, double max) {
        return field + " " + value + " is outside td's range 0-" + max + ", so it is left out";
    }
}
