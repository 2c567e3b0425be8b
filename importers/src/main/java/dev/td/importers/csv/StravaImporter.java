package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code activities.csv} of a Strava bulk export: one {@code activity.logged} per row, with no samples (those are in
 * the export's activity files, which this importer does not read).
 *
 * <p>Columns are found by header name; the names Strava writes twice by their occurrence: {@code Distance} is km
 * rounded to 2 decimals first and metres second (td takes the metres), {@code Elapsed Time} and
 * {@code Max Heart Rate} are taken from whichever occurrence has a value. {@code Activity Date}
 * ("Jan 27, 2021, 1:57:47 PM") carries no zone and is read as UTC: in the sample the {@code Weather Observation Time}
 * epoch falls 0-60 minutes before it in every row, summer and winter alike (docs/design/import-survey.md §4). Zero
 * distances, times, heart rates, power and calories are Strava's "none" and left out.
 */
public final class StravaImporter implements Importer {

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d, uuuu, h:mm:ss a")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ACTIVITY_ID = Pattern.compile("[0-9A-Za-z_-]{1,90}");
    private static final Map<String, String> SPORTS = Map.of(
            "Run", "run",
            "Ride", "ride",
            "Walk", "walk",
            "Hike", "hike",
            "Swim", "swim",
            "Yoga", "yoga",
            "Workout", "workout",
            "WeightTraining", "strength",
            "VirtualRide", "ride",
            "VirtualRun", "run");

    private static final double MAX_SECONDS = 1_209_600;
    private static final double MAX_LENGTH = 5_000_000;
    private static final double MAX_HEIGHT = 100_000;
    private static final double MAX_BPM = 400;

    @Override
    public Format format() {
        return Format.STRAVA;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip()) {
            return StravaArchive.holdsActivities(file);
        }
        return HeaderLine.of(file).startsWith("Activity ID,Activity Date,Activity Name");
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        if (file.isZip()) {
            try (StravaArchive archive = StravaArchive.open(file)) {
                read(archive.activities(), options, sink, Optional.of(archive));
            }
            return;
        }
        read(file, options, sink, Optional.empty());
    }

    private void read(SourceFile file, ImportOptions options, DraftSink sink, Optional<StravaArchive> archive) {
        try (CsvTable table = CsvTable.open(file, ',', "Strava")) {
            Columns columns = new Columns(table.header());
            if (columns.distance().isEmpty()) {
                sink.skipped(
                        "header",
                        "the file has no second Distance column (metres), so no distance is imported: the first is"
                                + " km rounded to 10 m");
            }
            Optional<Column> filename = table.header().optional("Filename");
            for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
                Draft row = activity(next.get(), columns, sink);
                Optional<String> recorded = filename.flatMap(next.get()::text);
                if (archive.isPresent() && recorded.isPresent()) {
                    row = archive.get().withRecording(row, recorded.get(), options, sink);
                }
                sink.accept(row);
            }
            if (table.dataRows() == 0) {
                throw table.noRows("activities");
            }
        }
    }

    /**
     * The columns td reads, by name and occurrence (the sample's positions in comments).
     *
     * @param distance the second {@code Distance} (17, metres); the first (6) is km rounded to 2 decimals
     */
    private record Columns(
            Column id, // 0
            Column date, // 1
            Optional<Column> name, // 2
            Column type, // 3
            Optional<Column> description, // 4
            Optional<Column> elapsed, // 15, else 5
            Optional<Column> elapsedFirst,
            Optional<Column> moving, // 16
            Optional<Column> distance, // 17
            Optional<Column> elevationGain, // 20
            Optional<Column> elevationLoss, // 21
            Optional<Column> maxHr, // 7, else 30
            Optional<Column> maxHrSecond,
            Optional<Column> avgHr, // 31
            Optional<Column> avgWatts, // 33
            Optional<Column> calories, // 34
            Optional<Column> perceivedExertion) { // 43

        Columns(Header h) {
            this(
                    h.required("Activity ID"),
                    h.required("Activity Date"),
                    h.optional("Activity Name"),
                    h.required("Activity Type"),
                    h.optional("Activity Description"),
                    h.nth("Elapsed Time", 2),
                    h.nth("Elapsed Time", 1),
                    h.optional("Moving Time"),
                    h.nth("Distance", 2),
                    h.optional("Elevation Gain"),
                    h.optional("Elevation Loss"),
                    h.nth("Max Heart Rate", 1),
                    h.nth("Max Heart Rate", 2),
                    h.optional("Average Heart Rate"),
                    h.optional("Average Watts"),
                    h.optional("Calories"),
                    h.optional("Perceived Exertion"));
        }
    }

    private static Draft activity(Row row, Columns c, DraftSink sink) {
        String id = row.requiredText(c.id());
        if (!ACTIVITY_ID.matcher(id).matches()) {
            throw row.bad(c.id(), "\"" + id + "\" is not a Strava activity id", "export the file again from Strava");
        }
        String where = row.where();
        ObjectNode data = EventData.object().put("activity_id", "strava-" + id).put("sport", sport(row, c.type()));
        c.name().flatMap(row::text).ifPresent(n -> EventData.putText(data, "name", n, 200, sink, where));
        c.description().flatMap(row::text).ifPresent(n -> EventData.putText(data, "notes", n, 5000, sink, where));
        positive(row, data, "elapsed_s", first(row, c.elapsed(), c.elapsedFirst()), MAX_SECONDS, sink);
        positive(row, data, "moving_s", c.moving(), MAX_SECONDS, sink);
        c.distance()
                .flatMap(row::number)
                .filter(m -> m != 0)
                .ifPresent(m -> length(data, "distance", m, MAX_LENGTH, sink, where));
        c.elevationGain()
                .flatMap(row::number)
                .ifPresent(m -> length(data, "elevation_gain", m, MAX_HEIGHT, sink, where));
        c.elevationLoss()
                .flatMap(row::number)
                .ifPresent(m -> length(data, "elevation_loss", m, MAX_HEIGHT, sink, where));
        positive(row, data, "max_hr", first(row, c.maxHr(), c.maxHrSecond()), MAX_BPM, sink);
        positive(row, data, "avg_hr", c.avgHr(), MAX_BPM, sink);
        positive(row, data, "avg_power_w", c.avgWatts(), 3000, sink);
        positive(row, data, "calories", c.calories(), 50_000, sink);
        c.perceivedExertion()
                .flatMap(row::number)
                .ifPresent(rpe -> EventData.putWithin(data, "rpe", rpe, 0, 10, sink, where));
        data.put("source", Format.STRAVA.id());
        return new Draft("activity.logged", date(row, c.date()), Optional.empty(), data, "strava:" + id);
    }

    /** The first of two columns of the same name with a value in this row. */
    private static Optional<Column> first(Row row, Optional<Column> preferred, Optional<Column> other) {
        return preferred.filter(col -> row.text(col).isPresent()).or(() -> other);
    }

    /** A number td keeps only above 0; 0 (Strava's "none") is left out silently. */
    private static void positive(
            Row row, ObjectNode data, String field, Optional<Column> column, double max, DraftSink sink) {
        column.flatMap(row::number)
                .filter(v -> v != 0)
                .ifPresent(v -> EventData.putWithin(data, field, v, 0, max, sink, row.where()));
    }

    /** A length in metres, {@code {"value": v, "unit": "m"}}. */
    private static void length(ObjectNode data, String field, double metres, double max, DraftSink sink, String where) {
        if (metres >= 0 && metres <= max) {
            data.set(field, EventData.quantity(metres, "m"));
        } else {
            sink.skipped(where, EventData.outside(field, metres, 0, max));
        }
    }

    /** td's sport for Strava's Activity Type: the common ones by name, others in snake_case ("TrailRun" → trail_run). */
    static String sport(Row row, Column column) {
        String type = row.requiredText(column);
        String known = SPORTS.get(type);
        if (known != null) {
            return known;
        }
        String snake = type.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^[^a-z]+|_+$", "");
        if (snake.isEmpty()) {
            return "other";
        }
        return snake.length() <= 40 ? snake : snake.substring(0, 40).replaceAll("_+$", "");
    }

    private static Instant date(Row row, Column column) {
        String text = row.requiredText(column).replace('\u202F', ' ').replace('\u00A0', ' ');
        try {
            return LocalDateTime.parse(text, DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw row.bad(
                    column,
                    "\"" + text + "\" is not a date like Jan 27, 2021, 1:57:47 PM",
                    "export the file again from Strava with the English language setting");
        }
    }
}
