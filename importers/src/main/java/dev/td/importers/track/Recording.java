package dev.td.importers.track;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.DraftSink;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The points of one recorded activity as parallel columns in time order (time, cumulative distance, heart rate,
 * cadence, power, altitude; NaN where a point lacks a value), and td's {@code samples} object made from them.
 *
 * <p>A value outside the range td's schema allows for its stream (heart rate 0-400 bpm, cadence 0-300, power 0-3000 W,
 * altitude −1000 to 10,000 m, distance 0-5,000 km) is a sensor glitch and kept as "no value". A point earlier than the
 * one before it is left out and counted. Over {@value #MAX_SAMPLES} points, the samples keep every n-th point (the
 * summaries still use all).
 */
final class Recording {

    /** The most points td keeps in an activity's samples. */
    static final int MAX_SAMPLES = 100_000;

    private final Column millis = new Column();
    private final Column distance = new Column();
    private final Column hr = new Column();
    private final Column cadence = new Column();
    private final Column power = new Column();
    private final Column altitude = new Column();
    private int outOfOrder;

    /**
     * Adds a point (NaN for what it lacks). A point earlier than the last one added is left out: false.
     *
     * @param distanceM cumulative metres from the start
     */
    boolean add(
            Instant time, double distanceM, double heartRate, double cadenceValue, double powerW, double altitudeM) {
        long at = time.toEpochMilli();
        if (millis.size() > 0 && at < millis.get(millis.size() - 1)) {
            outOfOrder++;
            return false;
        }
        millis.add((double) at); // exact: epoch millis stay far below 2^53
        distance.add(within(distanceM, 0, 5_000_000));
        hr.add(within(heartRate, 0, 400));
        cadence.add(within(cadenceValue, 0, 300));
        power.add(within(powerW, 0, 3000));
        altitude.add(within(altitudeM, -1000, 10_000));
        return true;
    }

    private static double within(double value, double min, double max) {
        return value >= min && value <= max ? value : Double.NaN;
    }

    int size() {
        return millis.size();
    }

    /** What {@link DraftSink#skipped} says about the points left out, when there are any. */
    Optional<String> outOfOrderReason(String point) {
        if (outOfOrder == 0) {
            return Optional.empty();
        }
        return Optional.of(outOfOrder + " " + point + (outOfOrder == 1 ? " was" : "s were")
                + " left out for being earlier than the " + point + " before");
    }

    /** The time of the first point; the recording must not be empty. */
    Instant firstTime() {
        return Instant.ofEpochMilli((long) millis.get(0));
    }

    /** The time of the last point; the recording must not be empty. */
    Instant lastTime() {
        return Instant.ofEpochMilli((long) millis.get(millis.size() - 1));
    }

    /** The mean of the points' heart rates (unrounded), when any has one. */
    OptionalDouble meanHr() {
        return hr.mean();
    }

    OptionalDouble maxHr() {
        return hr.max();
    }

    /** The last cumulative distance a point gives. */
    OptionalDouble lastDistance() {
        return distance.last();
    }

    /**
     * td's samples object: {@code time_s} from {@code start} and each stream with at least one value (null where a
     * point has none). {@code start} must not be after the first point.
     */
    ObjectNode samples(Instant start) {
        int stride = Math.max(1, (size() + MAX_SAMPLES - 1) / MAX_SAMPLES);
        double base = start.toEpochMilli();
        ObjectNode samples = JsonNodeFactory.instance.objectNode();
        ArrayNode time = samples.putArray("time_s");
        for (int i = 0; i < size(); i += stride) {
            time.add(ActivityData.number((millis.get(i) - base) / 1000));
        }
        stream(samples, "distance_m", distance, stride);
        stream(samples, "hr", hr, stride);
        stream(samples, "cadence", cadence, stride);
        stream(samples, "power_w", power, stride);
        stream(samples, "altitude_m", altitude, stride);
        return samples;
    }

    private static void stream(ObjectNode samples, String name, Column column, int stride) {
        if (column.absentAt(stride)) {
            return;
        }
        ArrayNode values = samples.putArray(name);
        for (int i = 0; i < column.size(); i += stride) {
            double value = column.get(i);
            if (Double.isNaN(value)) {
                values.addNull();
            } else {
                values.add(ActivityData.number(value));
            }
        }
    }
}
