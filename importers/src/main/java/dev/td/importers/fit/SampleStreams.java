package dev.td.importers.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A session's record messages as {@code activity.logged} samples: parallel arrays keyed by {@code time_s} (seconds
 * since the session's start), {@code distance_m} counted from the session's start, {@code null} where a record lacks a value, a stream left out when no record has it.
 * Records with none of the streams' values are left out; beyond {@link #MAX_POINTS} the records are thinned evenly
 * (first and last kept) and the sink is told.
 */
final class SampleStreams {

    /** td's limit on points per activity ({@code activity.logged} samples, maxItems). */
    static final int MAX_POINTS = 100_000;

    /** td's limit on time_s (14 days). */
    static final long MAX_TIME_S = 1_209_600;

    private record Stream(String name, ToDoubleFunction<Point> value, double min, double max) {}

    private SampleStreams() {}

    /**
     * The samples of the records from {@code start} (inclusive) to {@code end} (exclusive), in FIT time.
     *
     * @param where names the session for the sink ({@code session 2})
     */
    static Optional<ObjectNode> of(
            List<Point> points, long start, long end, String sport, DraftSink sink, String where) {
        List<Point> inSession = new ArrayList<>();
        double distanceBefore = 0;
        for (Point p : points) {
            if (p.time() < start && !Double.isNaN(p.distanceM())) {
                distanceBefore = p.distanceM();
            } else if (p.time() >= start && p.time() < end && p.time() - start <= MAX_TIME_S && !p.empty()) {
                inSession.add(p);
            }
        }
        if (inSession.isEmpty()) {
            return Optional.empty();
        }
        List<Point> kept = evenly(inSession, MAX_POINTS);
        if (kept.size() < inSession.size()) {
            sink.skipped(
                    where + " records",
                    "thinned evenly from " + inSession.size() + " to " + kept.size() + " points: td keeps at most "
                            + MAX_POINTS + " per activity");
        }
        ObjectNode samples = DataFields.object();
        ArrayNode time = samples.putArray("time_s");
        kept.forEach(p -> time.add(p.time() - start));
        for (Stream stream : streams(sport, distanceBefore)) {
            values(stream, kept, samples.arrayNode(kept.size())).ifPresent(v -> samples.set(stream.name(), v));
        }
        return Optional.of(samples);
    }

    /** One stream's values, null where a record lacks it or is outside td's range; empty when none has it. */
    private static Optional<ArrayNode> values(Stream stream, List<Point> points, ArrayNode values) {
        boolean any = false;
        for (Point p : points) {
            double v = stream.value().applyAsDouble(p);
            if (Double.isNaN(v) || v < stream.min() || v > stream.max()) {
                values.addNull();
            } else {
                values.add(DataFields.number(v));
                any = true;
            }
        }
        return any ? Optional.of(values) : Optional.empty();
    }

    /**
     * The streams td keeps. FIT's record distance runs on across the sessions of a multisport file (the run's starts
     * at the swim, transitions and ride's total), so {@code distance_m} counts from the session's start: the distance
     * of the last record before it is taken off, in decimal so that 1645.2 − 1644.71 stays 0.49.
     */
    private static List<Stream> streams(String sport, double distanceBefore) {
        BigDecimal before = BigDecimal.valueOf(distanceBefore);
        ToDoubleFunction<Point> distance = distanceBefore == 0
                ? Point::distanceM
                : p -> Double.isNaN(p.distanceM())
                        ? Double.NaN
                        : BigDecimal.valueOf(p.distanceM()).subtract(before).doubleValue();
        return List.of(
                new Stream("distance_m", distance, 0, 5_000_000),
                new Stream("hr", Point::hr, 0, 400),
                new Stream("power_w", Point::powerW, 0, 3000),
                new Stream("cadence", p -> Sports.cadence(sport, p.cadenceRpm()), 0, 300),
                new Stream("altitude_m", Point::altitudeM, -1000, 10_000));
    }

    /** At most {@code max} of {@code points}, evenly spaced by index, the first and the last kept. */
    static List<Point> evenly(List<Point> points, int max) {
        int n = points.size();
        if (n <= max) {
            return points;
        }
        List<Point> kept = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            kept.add(points.get((int) Math.round((double) k * (n - 1) / (max - 1))));
        }
        return kept;
    }
}
