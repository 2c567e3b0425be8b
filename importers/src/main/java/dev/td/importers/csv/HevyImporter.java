package dev.td.importers.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Hevy app's CSV export: one row per set, every cell quoted, workouts newest first. A workout is the rows sharing
 * {@code title} and {@code start_time} (local times, "15 Sep 2025, 07:48", read in {@link ImportOptions#zone()}); it is
 * held in memory until its last row, then written: {@code session.started} and its sets at the start,
 * {@code superset.started}/{@code superset.ended} around the rows of each {@code superset_id}, {@code session.ended}
 * at {@code end_time}.
 *
 * <p>Set types: warmup, normal → working, failure, dropset → drop. Weights are kg ({@code weight_kg}) or lb
 * ({@code weight_lbs}); an empty weight is bodyweight and left out. {@code exercise_notes} (with Hevy's literal
 * {@code \n} turned into a line break) go on the first set of each exercise only: Hevy repeats them on every row.
 * Record ids hold the workout's start, a hash of its title and the exercise with Hevy's set_index, never the row
 * number: a newer export puts newer workouts first.
 */
public final class HevyImporter implements Importer {

    private static final DateTimeFormatter START = formatter("d MMM uuuu, HH:mm");
    /** A US-locale export's dates, "May 15, 2026, 7:26 PM" (seen in third-party fixtures, not in the sample). */
    private static final DateTimeFormatter START_US = formatter("MMM d, uuuu, h:mm a");

    private static final DateTimeFormatter ID_TIME = formatter("uuuuMMdd'T'HHmm");

    @Override
    public Format format() {
        return Format.HEVY;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return HeaderLine.of(file).startsWith("title,start_time,");
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        try (CsvTable table = CsvTable.open(file, ',', "Hevy")) {
            Columns columns = new Columns(table.header());
            SessionIds sessionIds = new SessionIds();
            List<Row> workout = new ArrayList<>();
            String key = "";
            for (Optional<Row> next = table.next(); next.isPresent(); next = table.next()) {
                Row row = next.get();
                String rowKey = row.requiredText(columns.start()) + "\n"
                        + row.text(columns.title()).orElse("");
                if (!workout.isEmpty() && !rowKey.equals(key)) {
                    new WorkoutRows(workout, columns, options, sink).write(sessionIds);
                    workout.clear();
                }
                if (workout.isEmpty() && !sessionIds.firstTime(rowKey)) {
                    throw row.bad(
                            columns.start(),
                            "the workout \"" + row.text(columns.title()).orElse("") + "\" of "
                                    + row.requiredText(columns.start()) + " appears again after other workouts",
                            "Hevy lists a workout's sets together; export the file again from Hevy");
                }
                key = rowKey;
                workout.add(row);
            }
            if (table.dataRows() == 0) {
                throw table.noRows("sets");
            }
            new WorkoutRows(workout, columns, options, sink).write(sessionIds);
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Hevy's literal backslash-n (two characters) as the line break it stands for. */
    static String unescape(String text) {
        return text.replace("\\n", "\n");
    }

    /**
     * The columns of a Hevy export.
     *
     * @param weight           {@code weight_kg} or {@code weight_lbs}
     * @param weightUnit       td's unit of that column
     * @param distance         {@code distance_km} or {@code distance_miles}
     * @param metresPerUnit    metres in one unit of that column
     */
    private record Columns(
            Column title,
            Column start,
            Column end,
            Optional<Column> description,
            Column exercise,
            Optional<Column> superset,
            Optional<Column> exerciseNotes,
            Column setIndex,
            Column setType,
            Column weight,
            String weightUnit,
            Column reps,
            Optional<Column> distance,
            BigDecimal metresPerUnit,
            Optional<Column> duration,
            Optional<Column> rpe) {

        Columns(Header h) {
            this(
                    h.required("title"),
                    h.required("start_time"),
                    h.required("end_time"),
                    h.optional("description"),
                    h.required("exercise_title"),
                    h.optional("superset_id"),
                    h.optional("exercise_notes"),
                    h.required("set_index"),
                    h.required("set_type"),
                    h.optional("weight_kg").or(() -> h.optional("weight_lbs")).orElseGet(() -> h.required("weight_kg")),
                    h.optional("weight_kg").isPresent() ? "kg" : "lb",
                    h.required("reps"),
                    h.firstOf("distance_km", "distance_miles"),
                    h.optional("distance_km").isPresent() ? BigDecimal.valueOf(1000) : new BigDecimal("1609.344"),
                    h.optional("duration_seconds"),
                    h.optional("rpe"));
        }
    }

    /** The first and last row of a superset. */
    private record Span(int first, int last) {}

    /** The rows of one workout, written as td events. */
    private record WorkoutRows(List<Row> rows, Columns c, ImportOptions options, DraftSink sink) {

        void write(SessionIds sessionIds) {
            Row first = rows.getFirst();
            String title = first.text(c.title()).orElse("");
            LocalDateTime start = time(first, c.start());
            Instant startAt = start.atZone(options.zone()).toInstant();
            String time = ID_TIME.format(start);
            String titleHash = RecordKey.hash(title);
            String base = "hevy-" + time + "-" + titleHash;
            Workout workout =
                    new Workout(sessionIds.claim(base, base), startAt, "hevy:" + time + "|" + titleHash + "|", sink);
            workout.started(
                    Optional.of(title).filter(t -> !t.isBlank()),
                    c.description().flatMap(first::text).map(HevyImporter::unescape),
                    first.where());
            Map<String, Span> supersets = supersets();
            String previousExercise = "";
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Optional<String> superset = c.superset().flatMap(row::text);
                superset.filter(id -> Objects.requireNonNull(supersets.get(id)).first() == row.number())
                        .ifPresent(id -> workout.supersetStarted(supersetId(workout, id), id));
                String exercise = row.requiredText(c.exercise());
                set(row, workout, exercise, superset, !exercise.equals(previousExercise));
                superset.filter(id -> Objects.requireNonNull(supersets.get(id)).last() == row.number())
                        .ifPresent(id -> workout.supersetEnded(supersetId(workout, id), id));
                previousExercise = exercise;
            }
            Optional<LocalDateTime> end = first.text(c.end()).map(text -> time(first, c.end()));
            if (end.isEmpty()) {
                sink.skipped(first.where(), "the workout has no end_time, so its session.ended is not written");
            } else if (end.get().isBefore(start)) {
                sink.skipped(first.where(), "end_time is before start_time, so the session.ended is not written");
            } else {
                workout.ended(end.get().atZone(options.zone()).toInstant());
            }
        }

        /** Each superset_id's first and last row number. */
        private Map<String, Span> supersets() {
            Map<String, Span> spans = new LinkedHashMap<>();
            for (Row row : rows) {
                c.superset()
                        .flatMap(row::text)
                        .ifPresent(id -> spans.merge(
                                id,
                                new Span(row.number(), row.number()),
                                (was, now) -> new Span(was.first(), now.last())));
            }
            return spans;
        }

        /** td's superset id, scoped to the session: Hevy numbers a workout's supersets 0, 1… */
        private static String supersetId(Workout workout, String hevyId) {
            String id = hevyId.length() <= 20 ? hevyId : RecordKey.hash(hevyId, 16);
            return workout.sessionId() + "/ss" + id;
        }

        private void set(
                Row row, Workout workout, String exercise, Optional<String> superset, boolean firstOfExercise) {
            String where = row.where();
            ObjectNode set = workout.set(exercise, setType(row), where);
            row.number(c.weight()).ifPresent(w -> SetFields.weight(set, w, c.weightUnit(), sink, where));
            row.integer(c.reps()).ifPresent(r -> SetFields.reps(set, r, sink, where));
            c.distance()
                    .flatMap(row::decimal)
                    .ifPresent(d -> SetFields.distanceM(
                            set, d.multiply(c.metresPerUnit()).doubleValue(), sink, where));
            c.duration().flatMap(row::number).ifPresent(s -> SetFields.durationS(set, s, sink, where));
            c.rpe().flatMap(row::number).ifPresent(r -> SetFields.rpe(set, r, sink, where));
            superset.ifPresent(id -> set.put("superset_id", supersetId(workout, id)));
            if (firstOfExercise) {
                c.exerciseNotes()
                        .flatMap(row::text)
                        .ifPresent(n -> EventData.putText(set, "notes", unescape(n), 2000, sink, where));
            }
            int setIndex = row.integer(c.setIndex())
                    .orElseThrow(() -> row.bad(c.setIndex(), "is empty", "every row needs its set_index"));
            workout.log(set, exercise, Integer.toString(setIndex));
        }

        private String setType(Row row) {
            String type = row.requiredText(c.setType());
            return switch (type) {
                case "warmup" -> "warmup";
                case "normal" -> "working";
                case "failure" -> "failure";
                case "dropset" -> "drop";
                default ->
                    throw row.bad(
                            c.setType(),
                            "\"" + type + "\" is not a Hevy set type td knows",
                            "td reads warmup, normal, failure and dropset; tell td's maintainers about the new type");
            };
        }

        private static LocalDateTime time(Row row, Column column) {
            String text = row.requiredText(column).replace('\u202F', ' ').replace('\u00A0', ' ');
            try {
                return LocalDateTime.parse(text, START);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text, START_US);
                } catch (DateTimeParseException us) {
                    throw row.bad(
                            column, "\"" + text + "\" is not a time like 15 Sep 2025, 07:48", "export the file again");
                }
            }
        }
    }
}
