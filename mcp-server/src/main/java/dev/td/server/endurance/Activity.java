package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.JsonFields;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One activity as logged, lengths normalized to metres (and the distance also kept as logged), ready to be shown:
 * the state of {@link ActivitySummaryProjection}. Samples are summarized, never kept here.
 *
 * @param startedAt when it started, ISO 8601 at the offset of the zone it was logged in
 * @param date      the calendar day it started on, where it happened (the zone it was logged in)
 * @param week      the ISO week of {@code date} ({@code 2026-W40})
 */
record Activity(
        String activityId,
        String eventId,
        String sport,
        String startedAt,
        String date,
        String week,
        OptionalDouble elapsedS,
        OptionalDouble movingS,
        OptionalDouble distanceM,
        Optional<Quantity> distanceAsLogged,
        OptionalDouble elevationGainM,
        OptionalDouble elevationLossM,
        Optional<String> elevationUnit,
        OptionalDouble avgHr,
        OptionalDouble maxHr,
        List<HrZone> hrZones,
        OptionalDouble avgPowerW,
        OptionalDouble normalizedPowerW,
        OptionalDouble avgCadence,
        OptionalDouble calories,
        OptionalDouble rpe,
        Optional<String> name,
        Optional<String> notes,
        Optional<String> device,
        Optional<String> source,
        List<Lap> laps,
        Optional<SamplesSummary> samples,
        boolean unusualConfirmed) {

    /** A value with the unit it was logged in. */
    record Quantity(double value, String unit) {}

    /** Time in one heart-rate zone, with the zone's bounds where given. */
    record HrZone(int zone, OptionalDouble minBpm, OptionalDouble maxBpm, double seconds) {}

    /** One lap or split, lengths in metres. */
    record Lap(
            OptionalDouble distanceM,
            OptionalDouble elapsedS,
            OptionalDouble movingS,
            OptionalDouble avgHr,
            OptionalDouble maxHr,
            OptionalDouble avgPowerW,
            OptionalDouble avgCadence,
            OptionalDouble elevationGainM) {}

    /** What the sample streams hold, without the streams. */
    record SamplesSummary(
            int points,
            List<String> channels,
            double durationS,
            OptionalDouble maxHr,
            OptionalDouble maxPowerW,
            OptionalDouble minAltitudeM,
            OptionalDouble maxAltitudeM) {}

    /** The channels of {@code samples} besides {@code time_s}, in the order answers list them. */
    static final List<String> CHANNELS = List.of("distance_m", "hr", "power_w", "cadence", "altitude_m");

    /** The activity an activity.logged event records. */
    static Activity of(TrainingEvent.ActivityLogged e) {
        JsonNode d = e.data();
        Optional<Quantity> distance = quantity(d.get("distance"));
        return new Activity(
                e.activityId(),
                e.eventId().toString(),
                e.sport(),
                StoredEvent.iso(e.occurredAt()),
                e.date().toString(),
                e.isoWeek(),
                JsonFields.number(d, "elapsed_s"),
                JsonFields.number(d, "moving_s"),
                metres(d.get("distance")),
                distance,
                metres(d.get("elevation_gain")),
                metres(d.get("elevation_loss")),
                quantity(d.get("elevation_gain"))
                        .or(() -> quantity(d.get("elevation_loss")))
                        .map(Quantity::unit),
                JsonFields.number(d, "avg_hr"),
                JsonFields.number(d, "max_hr"),
                zones(d.get("hr_zones")),
                JsonFields.number(d, "avg_power_w"),
                JsonFields.number(d, "normalized_power_w"),
                JsonFields.number(d, "avg_cadence"),
                JsonFields.number(d, "calories"),
                JsonFields.number(d, "rpe"),
                JsonFields.text(d, "name"),
                JsonFields.text(d, "notes"),
                JsonFields.text(d, "device"),
                JsonFields.text(d, "source"),
                laps(d.get("laps")),
                samples(d.get("samples")),
                d.path("unusual_confirmed").asBoolean(false));
    }

    /** The moving time, else the elapsed time: what paces and speeds are computed from. */
    OptionalDouble time() {
        return movingS.isPresent() ? movingS : elapsedS;
    }

    /** The moving time, else the elapsed time, else nothing (0). */
    double movingOrElapsed() {
        return time().orElse(0);
    }

    /** The elapsed time, else the moving time, else nothing (0). */
    double elapsedOrMoving() {
        return elapsedS.isPresent() ? elapsedS.getAsDouble() : movingS.orElse(0);
    }

    /** {@code {value, unit}} as logged, if the field is one. */
    static Optional<Quantity> quantity(JsonNode n) {
        if (n == null
                || !n.path("value").isNumber()
                || !Lengths.known(n.path("unit").asText())) {
            return Optional.empty();
        }
        return Optional.of(
                new Quantity(n.get("value").doubleValue(), n.get("unit").asText()));
    }

    /** {@code {value, unit}} in metres, multiplied exactly in decimal. */
    static OptionalDouble metres(JsonNode n) {
        if (n == null
                || !n.path("value").isNumber()
                || !Lengths.known(n.path("unit").asText())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                Lengths.metres(n.get("value").decimalValue(), n.get("unit").asText()));
    }

    private static List<HrZone> zones(JsonNode zones) {
        List<HrZone> out = new ArrayList<>();
        if (zones != null) {
            for (JsonNode z : zones) {
                out.add(new HrZone(
                        z.path("zone").asInt(),
                        JsonFields.number(z, "min_bpm"),
                        JsonFields.number(z, "max_bpm"),
                        z.path("seconds").asDouble()));
            }
        }
        return List.copyOf(out);
    }

    private static List<Lap> laps(JsonNode laps) {
        List<Lap> out = new ArrayList<>();
        if (laps != null) {
            for (JsonNode l : laps) {
                out.add(new Lap(
                        metres(l.get("distance")),
                        JsonFields.number(l, "elapsed_s"),
                        JsonFields.number(l, "moving_s"),
                        JsonFields.number(l, "avg_hr"),
                        JsonFields.number(l, "max_hr"),
                        JsonFields.number(l, "avg_power_w"),
                        JsonFields.number(l, "avg_cadence"),
                        metres(l.get("elevation_gain"))));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<SamplesSummary> samples(JsonNode samples) {
        if (samples == null || !samples.path("time_s").isArray()) {
            return Optional.empty();
        }
        JsonNode time = samples.get("time_s");
        List<String> channels = new ArrayList<>();
        channels.add("time_s");
        CHANNELS.stream().filter(c -> samples.path(c).isArray()).forEach(channels::add);
        double duration = time.isEmpty()
                ? 0
                : time.get(time.size() - 1).asDouble() - time.get(0).asDouble();
        return Optional.of(new SamplesSummary(
                time.size(),
                List.copyOf(channels),
                duration,
                extreme(samples.get("hr"), true),
                extreme(samples.get("power_w"), true),
                extreme(samples.get("altitude_m"), false),
                extreme(samples.get("altitude_m"), true)));
    }

    /** The largest (or smallest) number of a stream, gaps (null) skipped. */
    private static OptionalDouble extreme(JsonNode stream, boolean max) {
        if (stream == null || !stream.isArray()) {
            return OptionalDouble.empty();
        }
        OptionalDouble best = OptionalDouble.empty();
        for (JsonNode v : stream) {
            if (v.isNumber()
                    && (best.isEmpty()
                            || (max ? v.doubleValue() > best.getAsDouble() : v.doubleValue() < best.getAsDouble()))) {
                best = OptionalDouble.of(v.doubleValue());
            }
        }
        return best;
    }
}
