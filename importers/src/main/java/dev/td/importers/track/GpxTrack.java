package dev.td.importers.track;

import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <trk>} of a GPX file, built point by point, and the {@code activity.logged} draft it becomes.
 *
 * <p>Derived values (GPX carries positions and times only):
 *
 * <ul>
 *   <li>distance: the {@link Haversine} sum between consecutive points of each segment (a gap between segments is not
 *       travelled);
 *   <li>elapsed_s: last point time − first point time; moving_s: the sum of the time steps within segments, leaving
 *       out a step longer than {@value #PAUSE_S} s at under {@value #PAUSE_SPEED} m/s (a pause) and every gap between
 *       segments; written only when it differs from elapsed_s;
 *   <li>elevation_gain/loss: {@link Climb} over {@code <ele>} within segments;
 *   <li>avg_hr/max_hr: mean and maximum of the points' heart rates.
 * </ul>
 */
final class GpxTrack {

    /** A time step longer than this (seconds) at a speed under {@link #PAUSE_SPEED} is a pause. */
    static final double PAUSE_S = 30;

    /** Metres per second under which a long time step is a pause, not slow motion. */
    static final double PAUSE_SPEED = 0.5;

    private final int number;
    private final Recording recording = new Recording();
    private final Climb climb = new Climb();
    private @Nullable String name;
    private @Nullable String type;
    private boolean inSegment;
    private double distance;
    private long movingMillis;
    private double lastLat;
    private double lastLon;
    private double firstLat;
    private double firstLon;
    private int points;
    private int untimed;
    private int firstUntimedLine;

    /** @param number the track's position in the file, from 1 */
    GpxTrack(int number) {
        this.number = number;
    }

    void name(String text) {
        name = text.isBlank() ? null : text;
    }

    void type(String text) {
        type = text;
    }

    /** A new {@code <trkseg>}: the next point does not continue from the last. */
    void startSegment() {
        inSegment = false;
        climb.breakSegment();
    }

    /** A {@code <trkpt>}; NaN for what it lacks, a null time when it has none. */
    void point(
            double lat, double lon, @Nullable Instant time, double ele, double hr, double cad, double power, int line) {
        points++;
        if (time == null) {
            if (untimed++ == 0) {
                firstUntimedLine = line;
            }
            return;
        }
        double step = 0;
        long millis = 0;
        if (inSegment && recording.size() > 0) {
            step = Haversine.metres(lastLat, lastLon, lat, lon);
            millis = time.toEpochMilli() - recording.lastTime().toEpochMilli();
        }
        if (!recording.add(time, distance + step, hr, cad, power, ele)) {
            return;
        }
        if (recording.size() == 1) {
            firstLat = lat;
            firstLon = lon;
        }
        distance += step;
        double seconds = millis / 1000.0;
        if (!(seconds > PAUSE_S && step / seconds < PAUSE_SPEED)) {
            movingMillis += millis;
        }
        climb.next(ele);
        lastLat = lat;
        lastLon = lon;
        inSegment = true;
    }

    /** How many {@code <trkpt>} the track has, with or without a time. */
    int points() {
        return points;
    }

    /** How many points have no {@code <time>}, and the line of the first. */
    int untimed() {
        return untimed;
    }

    int firstUntimedLine() {
        return firstUntimedLine;
    }

    /**
     * The draft of a track whose points all have times and at least one of them (the caller checks).
     *
     * @param fileName     the metadata's (or GPX 1.0 root's) name, for a track without its own
     * @param creator      the {@code gpx@creator} attribute: the device or app that wrote the file
     */
    Draft draft(Optional<String> fileName, Optional<String> creator, DraftSink sink) {
        recording.outOfOrderReason("point").ifPresent(reason -> sink.skipped("track " + number, reason));
        Instant start = recording.firstTime();
        long elapsedMillis = recording.lastTime().toEpochMilli() - start.toEpochMilli();
        double elapsed = elapsedMillis / 1000.0;
        String recordId =
                "gpx:" + start + ":" + fiveDecimals(firstLat) + "," + fiveDecimals(firstLon) + ":" + recording.size();
        ActivityData data = new ActivityData(recordId, sport(type), "gpx").seconds("elapsed_s", elapsed);
        if (movingMillis < elapsedMillis) {
            data.seconds("moving_s", movingMillis / 1000.0);
        }
        data.metres("distance", distance);
        if (climb.seen()) {
            data.heightMetres("elevation_gain", climb.gain()).heightMetres("elevation_loss", climb.loss());
        }
        data.bpm("avg_hr", recording.meanHr()).bpm("max_hr", recording.maxHr());
        Optional.ofNullable(name).or(() -> fileName).ifPresent(n -> data.text("name", n, 200));
        creator.ifPresent(c -> data.text("device", c, 200));
        data.json().set("samples", recording.samples(start));
        return new Draft("activity.logged", start, Optional.empty(), data.json(), recordId);
    }

    /**
     * td's sport for a {@code <trk><type>}: the common words apps write (Garmin Connect's {@code running},
     * {@code cycling}…); anything else, or no type, is {@code other}, which the person can correct.
     */
    static String sport(@Nullable String type) {
        if (type == null) {
            return "other";
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "running", "run", "trail_running" -> "run";
            case "cycling", "biking", "ride", "road_biking", "mountain_biking" -> "ride";
            case "walking", "walk" -> "walk";
            case "hiking", "hike" -> "hike";
            case "swimming", "swim", "open_water_swimming" -> "swim";
            default -> "other";
        };
    }

    /** A coordinate rounded half-up to 5 decimals (about 1 m), so that re-exports with other precision match. */
    private static String fiveDecimals(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }
}
