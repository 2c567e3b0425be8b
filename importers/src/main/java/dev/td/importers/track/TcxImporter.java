package dev.td.importers.track;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Garmin Training Center XML: each {@code <Activity>} becomes one {@code activity.logged}, with the definitions
 * python-tcxparser uses (and its tests assert): elapsed_s is the sum of the laps' {@code TotalTimeSeconds}, distance
 * the last trackpoint's {@code DistanceMeters} (else the sum of the laps'), calories the sum of the laps', avg_hr and
 * max_hr the unrounded mean and the maximum of the trackpoints' heart rates, elevation gain and loss the raw sums of the
 * rises and falls of {@code AltitudeMeters}. Sport: {@code Running} → run, {@code Biking} → ride, anything else
 * ({@code Other}) → other. Each lap keeps its time, distance, average and maximum heart rate, cadence and power; the
 * samples' time_s counts from the activity's start ({@code <Id>}, else the first lap's {@code StartTime}). The record
 * id is {@code tcx:} and the {@code <Id>} (normalised when it is a time, as it should be).
 */
public final class TcxImporter implements Importer {

    /** The most laps td keeps in an activity (schema {@code laps.maxItems}). */
    private static final int MAX_LAPS = 1000;

    @Override
    public Format format() {
        return Format.TCX;
    }

    /** A root element {@code <TrainingCenterDatabase>}; or, when the head does not show the root, the name {@code .tcx}. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip() || file.isGzip()) {
            return false;
        }
        return XmlHead.rootName(file)
                .map("TrainingCenterDatabase"::equals)
                .orElseGet(() -> file.lowerName().endsWith(".tcx") && XmlHead.mayBeXml(file));
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        int activities = TcxReader.read(file, activity -> sink.accept(draft(file, activity, sink)));
        if (activities == 0) {
            throw ImportException.badFile(file.name() + " has no <Activity>: it holds no recorded activity (courses"
                    + " and workouts are plans). Export the activity itself as TCX");
        }
    }

    private static Draft draft(SourceFile file, TcxReader.Activity activity, DraftSink sink) {
        Recording recording = activity.recording();
        Optional<Instant> idTime = activity.id().flatMap(XmlCursor::parseTime);
        Instant start = idTime.or(() -> activity.laps().stream()
                        .flatMap(lap -> lap.start().stream())
                        .findFirst())
                .or(() -> recording.size() > 0 ? Optional.of(recording.firstTime()) : Optional.empty())
                .orElseThrow(() -> ImportException.badFile(file.name() + ": activity " + activity.number()
                        + " has no start time (its <Id> is not a date and time and no lap or trackpoint has one)."
                        + " Export it again from the app or device"));
        if (recording.size() > 0 && recording.firstTime().isBefore(start)) {
            start = recording.firstTime();
        }
        String recordId =
                recordId(idTime.map(Instant::toString).or(activity::id).orElse(start.toString()));
        ActivityData data = new ActivityData(recordId, sport(activity.sport()), "tcx");
        List<TcxReader.Lap> laps = activity.laps();
        data.seconds(
                "elapsed_s",
                sum(laps, TcxReader.Lap::totalTimeS)
                        .orElse(recording.size() > 0 ? seconds(start, recording.lastTime()) : 0));
        data.metres(
                "distance",
                recording
                        .lastDistance()
                        .orElse(sum(laps, TcxReader.Lap::distanceM).orElse(0.0)));
        sum(laps, TcxReader.Lap::calories).ifPresent(kcal -> data.number("calories", kcal, 0, 50_000));
        data.bpm("avg_hr", recording.meanHr()).bpm("max_hr", recording.maxHr());
        if (activity.climb().seen()) {
            data.heightMetres("elevation_gain", activity.climb().gain())
                    .heightMetres("elevation_loss", activity.climb().loss());
        }
        activity.notes().ifPresent(notes -> data.text("notes", notes, 5000));
        activity.device().ifPresent(device -> data.text("device", device, 200));
        laps(data, laps, activity.number(), sink);
        if (recording.size() > 0) {
            data.json().set("samples", recording.samples(start));
        }
        recording
                .outOfOrderReason("trackpoint")
                .ifPresent(reason -> sink.skipped("activity " + activity.number(), reason));
        return new Draft("activity.logged", start, Optional.empty(), data.json(), recordId);
    }

    private static void laps(ActivityData data, List<TcxReader.Lap> laps, int activity, DraftSink sink) {
        if (laps.isEmpty()) {
            return;
        }
        if (laps.size() > MAX_LAPS) {
            sink.skipped(
                    "activity " + activity + ", laps " + (MAX_LAPS + 1) + "-" + laps.size(),
                    "td keeps at most " + MAX_LAPS + " laps of an activity");
        }
        ArrayNode array = data.json().putArray("laps");
        for (TcxReader.Lap lap : laps.subList(0, Math.min(laps.size(), MAX_LAPS))) {
            ActivityData json = new ActivityData()
                    .seconds("elapsed_s", lap.totalTimeS())
                    .metres("distance", lap.distanceM())
                    .number("avg_hr", lap.avgHr(), 0, 400)
                    .number("max_hr", lap.maxHr(), 0, 400)
                    .number("avg_cadence", lap.avgCadence(), 0, 300)
                    .number("avg_power_w", lap.avgPowerW(), 0, 3000);
            array.add(json.json());
        }
    }

    /** td's sport for the {@code Sport} attribute (the schema allows Running, Biking and Other). */
    static String sport(String attribute) {
        return switch (attribute) {
            case "Running" -> "run";
            case "Biking" -> "ride";
            default -> "other";
        };
    }

    /** {@code tcx:} and the id; an id too long for td's activity_id (100) is replaced by its SHA-256. */
    private static String recordId(String id) {
        String recordId = "tcx:" + id.strip();
        if (recordId.length() <= 100) {
            return recordId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "tcx:sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The sum of a lap value over the laps that give it. */
    private static Optional<Double> sum(List<TcxReader.Lap> laps, ToDoubleFunction<TcxReader.Lap> value) {
        return laps.stream().map(value::applyAsDouble).filter(v -> !v.isNaN()).reduce(Double::sum);
    }

    private static double seconds(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
    }
}
