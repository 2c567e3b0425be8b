package dev.td.importers.fit;

import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads FIT activity and weight-scale files (Garmin, Coros, Wahoo…) with Garmin's FIT SDK.
 *
 * <p>Mapping:
 *
 * <ul>
 *   <li>Each session message → one {@code activity.logged}, in file order (a triathlon: swim, transition, ride,
 *       transition, run). {@code occurred_at} = the session's start_time; FIT times are UTC, so the draft names no
 *       zone. A start in system time (below {@code 0x10000000}, counted from the device's power-on) is placed through
 *       the activity message's local_timestamp, read in the caller's zone ({@link FitClock}).
 *   <li>sport/sub_sport → sport: running → run, cycling → ride, walking → walk, swimming → swim, rowing and
 *       fitness_equipment/indoor_rowing → row, hiking → hike, cross_country_skiing and alpine_skiing → ski,
 *       transition → transition, generic → other, any other sport → the SDK's name in lower case ({@link Sports}).
 *   <li>total_elapsed_time → elapsed_s, total_timer_time → moving_s, total_distance → distance (m),
 *       total_ascent/descent → elevation_gain/loss (m), avg/max_heart_rate → avg/max_hr, avg_power → avg_power_w,
 *       normalized_power → normalized_power_w, total_calories → calories, file_id maker and product → device
 *       ("garmin fenix5"), source "fit". Heart rate, power, cadence and distance of 0 mean "no sensor" in FIT
 *       (an indoor row has distance 0.0) and are left out; calories and ascent of 0 are kept.
 *   <li>Cadence: FIT counts revolutions per minute, and strides (one foot) for running. td keeps rpm, except for
 *       run, walk and hike, where it stores steps per minute: 2 × (cadence + fractional_cadence), as watches and
 *       Garmin Connect show it. This holds for the activity, its laps and its samples.
 *   <li>Lap messages whose start falls in the session → laps (at most 1,000). Record messages from the session's
 *       start up to the next session's start → samples: time_s (seconds since the start), distance_m, hr, power_w,
 *       cadence, altitude_m (enhanced_altitude, else altitude); distance_m counts from the session's start (in a
 *       multisport file FIT's runs on from the previous sessions); null where a record lacks a value, a stream left out
 *       when no record has it, records with none of them left out; over 100,000 points thinned evenly (reported as
 *       skipped). Compressed speed/distance is accumulated here in 1/16 m, exactly as the file stores it.
 *   <li>Each weight_scale message → {@code metric.recorded} body_weight (kg), body_fat (%), muscle_mass (kg) when
 *       present, source "fit". On a scale shared by several people only user 0 is imported ({@link WeighIns}).
 *   <li>Record ids: {@code fit:<serial>:<time_created>} (the first file_id; the file's SHA-256, 16 hex digits, when it
 *       has no serial number; "-" without time_created) + {@code :s<session index>} for activities (also their
 *       activity_id) or {@code :w<timestamp>:<metric>} for readings.
 *   <li>Monitoring, settings, workout and course files have nothing td imports and are refused, as are files with
 *       records but no session. Developer fields are not read.
 * </ul>
 *
 * <p>The SDK delivers messages before it detects a bad CRC or a cut-off end, so the whole file is decoded before any
 * draft reaches the sink: a file that throws has handed over nothing.
 */
public final class FitImporter implements Importer {

    @Override
    public Format format() {
        return Format.FIT;
    }

    /** A FIT header (size 12 or 14, ".FIT" at bytes 8-11), or a name ending in .fit on a file that is not text. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip() || file.isGzip()) {
            return false;
        }
        byte[] head = file.head();
        return hasFitHeader(head)
                || (file.lowerName().endsWith(".fit") && (head.length == 0 || head[0] == 12 || head[0] == 14));
    }

    static boolean hasFitHeader(byte[] head) {
        return head.length >= 12
                && (head[0] == 12 || head[0] == 14)
                && head[8] == '.'
                && head[9] == 'F'
                && head[10] == 'I'
                && head[11] == 'T';
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        FitContents contents = FitContents.decode(file);
        if (contents.sessions().isEmpty() && contents.weights().isEmpty()) {
            throw nothingToImport(file.name(), contents);
        }
        FitClock clock = FitClock.of(file.name(), options.zone(), contents.activity());
        String idBase = recordIdBase(contents);
        Buffer buffer = new Buffer();
        new ActivityDrafts(contents, clock, idBase).emit(buffer);
        WeighIns.emit(contents.weights(), clock, idBase, buffer);
        buffer.replayTo(sink);
    }

    private static ImportException nothingToImport(String name, FitContents contents) {
        if (!contents.points().isEmpty()) {
            return ImportException.badFile(
                    name + " has track records but no session summary (was the recording saved"
                            + " on the device?); td imports a FIT activity by its sessions — save or export the activity again");
        }
        String kind = contents.fileId()
                .flatMap(f -> Optional.ofNullable(f.getType()))
                .map(t -> t == File.ACTIVITY
                        ? " (an activity file without sessions or timed records)"
                        : " (it is a FIT " + t.name().toLowerCase(Locale.ROOT) + " file)")
                .orElse("");
        return ImportException.badFile(name + " has no activity or weight-scale data" + kind
                + "; td imports activities and weigh-ins from FIT");
    }

    private static String recordIdBase(FitContents contents) {
        Optional<FileIdMesg> fileId = contents.fileId();
        String source = fileId.flatMap(f -> Optional.ofNullable(f.getSerialNumber()))
                .map(String::valueOf)
                .orElseGet(() -> contents.sha256().substring(0, 16));
        String created = fileId.flatMap(f -> Optional.ofNullable(f.getFieldLongValue(FileIdMesg.TimeCreatedFieldNum)))
                .map(String::valueOf)
                .orElse("-");
        return "fit:" + source + ":" + created;
    }

    /** Holds what a read produced until all of it was produced: a file that throws half-way hands over nothing. */
    private static final class Buffer implements DraftSink {

        private final List<Consumer<DraftSink>> entries = new ArrayList<>();

        @Override
        public void accept(Draft draft) {
            entries.add(sink -> sink.accept(draft));
        }

        @Override
        public void skipped(String where, String reason) {
            entries.add(sink -> sink.skipped(where, reason));
        }

        void replayTo(DraftSink sink) {
            entries.forEach(entry -> entry.accept(sink));
        }
    }
}
