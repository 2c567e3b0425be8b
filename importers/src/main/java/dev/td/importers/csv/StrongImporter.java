package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Strong app's CSV export: one row per set ({@code Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,
 * Distance,Seconds,RPE}, or the {@code ;}-separated export with {@code Weight Unit}, {@code Notes} and
 * {@code Workout Notes}; columns are found by name). A workout is the rows sharing Date and Workout Name: its
 * {@code session.started} and sets at Date (local time, in {@link ImportOptions#zone()}), its {@code session.ended} at
 * Date + Duration.
 *
 * <p>The file does not say whether weights are kg or lb (unless it has a {@code Weight Unit} column): the caller gives
 * {@link ImportOptions#weightUnit()}, or the import stops with {@link ImportException#needsOption} at the first row
 * with a weight. A weight of 0 is left out: Strong writes 0 for a machine's or the body's unrecorded load (9 Leg
 * Press/Extension rows of the sample). Distance and Seconds of 0 are Strong's "none" and left out too. A Set Order
 * of "W", "D" or "F" is read as a warm-up, drop or failure set (no sample has them); any other non-number is reported
 * and its row skipped.
 */
public final class StrongImporter implements Importer {

    private static final DateTimeFormatter DATE = formatter("uuuu-MM-dd HH:mm:ss");
    /** Newer exports print 12-hour times, "2024-11-28 5:36:08 PM" (with a narrow no-break space before PM). */
    private static final DateTimeFormatter DATE_12H = formatter("uuuu-MM-dd h:mm:ss a");

    private static final DateTimeFormatter ID_TIME = formatter("uuuuMMdd'T'HHmmss");
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,4})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?\\s*(?:(\\d{1,8})\\s*s)?");

    @Override
    public Format format() {
        return Format.STRONG;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        String header = HeaderLine.of(file);
        return header.startsWith("Date,Workout Name") || header.startsWith("Date;Workout Name");
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        char separator = HeaderLine.of(file).startsWith("Date;") ? ';' : ',';
        try (CsvTable table = CsvTable.open(file, separator, "Strong")) {
            new Pass(file.name(), new Columns(table.header()), options, sink).readAll(table);
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The columns a Strong export has; the optional ones by name, in whichever variant has them. */
    private record Columns(
            Column date,
            Column workoutName,
            Optional<Column> duration,
            Column exercise,
            Column setOrder,
            Column weight,
            Optional<Column> weightUnit,
            Column reps,
            Optional<Column> distance,
            Optional<Column> distanceUnit,
            Optional<Column> seconds,
            Optional<Column> rpe,
            Optional<Column> notes,
            Optional<Column> workoutNotes) {

        Columns(Header h) {
            this(
                    h.required("Date"),
                    h.required("Workout Name"),
                    h.optional("Duration"),
                    h.required("Exercise Name"),
                    h.required("Set Order"),
                    h.required("Weight"),
                    h.optional("Weight Unit"),
                    h.required("Reps"),
                    h.optional("Distance"),
                    h.optional("Distance Unit"),
                    h.optional("Seconds"),
                    h.optional("RPE"),
                    h.optional("Notes"),
                    h.optional("Workout Notes"));
        }
    }

    /** One reading of a file: the workout being written and the ids used so far. */
    private static final class Pass {

        private final String file;
        private final Columns c;
        private final ImportOptions options;
        private final DraftSink sink;
        private final SessionIds sessionIds = new SessionIds();
        private @Nullable String workoutKey;
        private @Nullable Workout workout;
        private @Nullable Instant workoutEnd;

        Pass(String file, Columns columns, ImportOptions options, DraftSink sink) {
            this.file = file;
            this.c = columns;
            this.options = options;
            this.sink = sink;
        }

        void readAll(CsvTable table) {
            for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
                Row row = next.get();
                Workout current = workoutOf(row);
                set(row, current);
            }
            if (table.dataRows() == 0) {
                throw table.noRows("sets");
            }
            endWorkout();
        }

        /** The row's workout: the current one, or a new one started when Date or Workout Name change. */
        private Workout workoutOf(Row row) {
            String date = row.requiredText(c.date());
            String name = row.text(c.workoutName()).orElse("");
            String key = date + "\n" + name;
            if (workout != null && key.equals(workoutKey)) {
                return workout;
            }
            endWorkout();
            if (!sessionIds.firstTime(key)) {
                throw row.bad(
                        c.date(),
                        "workout \"" + name + "\" of " + date + " appears again after other workouts",
                        "Strong lists a workout's sets together; export the file again from Strong");
            }
            LocalDateTime start = date(row);
            Instant startAt = start.atZone(options.zone()).toInstant();
            String time = ID_TIME.format(start);
            String nameHash = RecordKey.hash(name);
            String sessionId = sessionIds.claim("strong-" + time, "strong-" + time + "-" + nameHash);
            Workout next = new Workout(sessionId, startAt, "strong:" + time + "|" + nameHash + "|", sink);
            next.started(
                    Optional.of(name).filter(n -> !n.isBlank()),
                    c.workoutNotes().flatMap(row::text),
                    row.where());
            workoutKey = key;
            workout = next;
            workoutEnd = c.duration()
                    .flatMap(col -> row.text(col).map(text -> startAt.plus(duration(row, col, text))))
                    .orElse(null);
            if (workoutEnd == null) {
                sink.skipped(row.where(), "the workout has no Duration, so its session.ended is not written");
            }
            return next;
        }

        private void endWorkout() {
            if (workout != null && workoutEnd != null) {
                workout.ended(workoutEnd);
            }
            workout = null;
            workoutEnd = null;
        }

        private void set(Row row, Workout current) {
            String exercise = row.requiredText(c.exercise());
            String order = row.requiredText(c.setOrder());
            Optional<String> setType = setType(order);
            if (setType.isEmpty()) {
                sink.skipped(row.where(), "Set Order \"" + order + "\" is not a set number, so the row is not a set");
                return;
            }
            ObjectNode set = current.set(exercise, setType.get(), row.where());
            String where = row.where();
            row.number(c.weight()).filter(w -> w != 0).ifPresent(w -> SetFields.weight(set, w, unit(row), sink, where));
            row.integer(c.reps()).ifPresent(r -> SetFields.reps(set, r, sink, where));
            c.distance().flatMap(row::decimal).filter(d -> d.signum() != 0).ifPresent(d -> distance(row, set, d));
            c.seconds().flatMap(row::number).ifPresent(s -> SetFields.durationS(set, s, sink, where));
            c.rpe().flatMap(row::number).ifPresent(r -> SetFields.rpe(set, r, sink, where));
            c.notes().flatMap(row::text).ifPresent(n -> EventData.putText(set, "notes", n, 2000, sink, where));
            current.log(set, exercise, order);
        }

        /** Strong numbers sets 1, 2…; "W", "D", "F" are read as warm-up, drop and failure sets. */
        private static Optional<String> setType(String order) {
            if (order.chars().allMatch(Character::isDigit)) {
                return Optional.of("working");
            }
            return switch (order.toUpperCase(Locale.ROOT)) {
                case "W" -> Optional.of("warmup");
                case "D" -> Optional.of("drop");
                case "F" -> Optional.of("failure");
                default -> Optional.empty();
            };
        }

        private String unit(Row row) {
            Optional<String> stated =
                    c.weightUnit().flatMap(col -> row.text(col).map(u -> weightUnit(row, col, u)));
            return stated.or(options::weightUnit)
                    .orElseThrow(() -> ImportException.needsOption(file + " (row " + row.number() + " has a weight):"
                            + " Strong exports do not say whether weights are kg or lb; give weight_unit \"kg\" or"
                            + " \"lb\", the unit the Strong app was set to"));
        }

        private static String weightUnit(Row row, Column column, String unit) {
            return switch (unit.toLowerCase(Locale.ROOT)) {
                case "kg", "kgs" -> "kg";
                case "lb", "lbs" -> "lb";
                default -> throw row.bad(column, "\"" + unit + "\" is not a weight unit", "write kg or lbs");
            };
        }

        /** A distance, in metres when the file names its unit; without a unit it cannot be read and is reported. */
        private void distance(Row row, ObjectNode set, BigDecimal value) {
            Optional<String> unit = c.distanceUnit().flatMap(row::text).map(u -> u.toLowerCase(Locale.ROOT));
            Optional<BigDecimal> metresPerUnit = unit.flatMap(u -> switch (u) {
                case "m", "meters", "metres" -> Optional.of(BigDecimal.ONE);
                case "km" -> Optional.of(BigDecimal.valueOf(1000));
                case "mi", "miles" -> Optional.of(new BigDecimal("1609.344"));
                case "ft", "feet" -> Optional.of(new BigDecimal("0.3048"));
                case "yd", "yards" -> Optional.of(new BigDecimal("0.9144"));
                default -> Optional.empty();
            });
            if (metresPerUnit.isEmpty()) {
                sink.skipped(
                        row.where(),
                        "Distance " + value.toPlainString()
                                + " is left out: the file does not say whether it is in km, mi or m");
                return;
            }
            double metres = value.multiply(metresPerUnit.get()).doubleValue();
            SetFields.distanceM(set, metres, sink, row.where());
        }

        private LocalDateTime date(Row row) {
            String text = row.requiredText(c.date()).replace('\u202F', ' ').replace('\u00A0', ' ');
            try {
                return LocalDateTime.parse(text, DATE);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text, DATE_12H);
                } catch (DateTimeParseException e12) {
                    throw row.bad(
                            c.date(),
                            "\"" + text + "\" is not a date like 2024-11-28 17:36:08",
                            "export the file again from Strong");
                }
            }
        }

        private static Duration duration(Row row, Column column, String text) {
            Matcher m = DURATION.matcher(text);
            if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
                throw row.bad(
                        column,
                        "\"" + text + "\" is not a duration like 35m or 1h 19m",
                        "export the file again from Strong");
            }
            return Duration.ofHours(part(m.group(1)))
                    .plusMinutes(part(m.group(2)))
                    .plusSeconds(part(m.group(3)));
        }

        private static long part(@Nullable String digits) {
            return digits == null ? 0 : Long.parseLong(digits);
        }
    }
}
