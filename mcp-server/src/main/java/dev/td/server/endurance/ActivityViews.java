package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.StoredEvent;
import java.time.OffsetDateTime;
import java.util.OptionalDouble;

/**
 * Activities as answers show them, in the person's units: metric (km, m) unless their profile weighs in lb (then mi,
 * ft). Every length carries its metres too; durations come as seconds and as {@code h:mm:ss}; a pace sport gets its
 * pace, any other its speed, from the moving time (else the elapsed time).
 *
 * @param imperial whether the person's lengths are shown in mi and ft
 */
record ActivityViews(boolean imperial) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    String distanceUnit() {
        return imperial ? "mi" : "km";
    }

    String elevationUnit() {
        return imperial ? "ft" : "m";
    }

    /** {@code {"m": 9977.9, "value": 6.2, "unit": "mi"}}: metres to 0.1, the value to 0.01. */
    ObjectNode distance(double metres) {
        return length(metres, distanceUnit());
    }

    ObjectNode elevation(double metres) {
        return length(metres, elevationUnit());
    }

    private static ObjectNode length(double metres, String unit) {
        ObjectNode n = JSON.objectNode();
        n.put("m", Durations.round(metres, 1));
        n.put("value", Durations.round(Lengths.in(metres, unit), 2));
        n.put("unit", unit);
        return n;
    }

    /** A distance in the person's unit as a bare number (weekly rows). */
    java.math.BigDecimal distanceValue(double metres) {
        return Durations.round(Lengths.in(metres, distanceUnit()), 2);
    }

    /** One activity in full: every field logged, laps with their paces, the samples summarized. */
    ObjectNode full(Activity a) {
        ObjectNode n = JSON.objectNode();
        n.put("activity_id", a.activityId());
        n.put("event_id", a.eventId());
        n.put("sport", a.sport());
        a.name().ifPresent(v -> n.put("name", v));
        n.put("date", a.date());
        n.put("week", a.week());
        n.put("started_at", a.startedAt());
        n.put(
                "ended_at",
                a.elapsedS().isPresent()
                        ? StoredEvent.iso(OffsetDateTime.parse(a.startedAt())
                                .plusNanos(Math.round(a.elapsedS().getAsDouble() * 1e9)))
                        : null);
        seconds(n, "elapsed", a.elapsedS());
        seconds(n, "moving", a.movingS());
        n.set("distance", a.distanceM().isPresent() ? distance(a.distanceM().getAsDouble()) : JSON.nullNode());
        a.distanceAsLogged()
                .filter(q -> !q.unit().equals(distanceUnit()))
                .ifPresent(q -> n.putObject("distance_as_logged")
                        .put("value", q.value())
                        .put("unit", q.unit()));
        speed(n, Sport.of(a.sport()), a.distanceM(), a.time());
        optional(n, "elevation_gain", a.elevationGainM());
        optional(n, "elevation_loss", a.elevationLossM());
        effort(n, a);
        a.notes().ifPresent(v -> n.put("notes", v));
        a.device().ifPresent(v -> n.put("device", v));
        a.source().ifPresent(v -> n.put("source", v));
        if (!a.laps().isEmpty()) {
            ArrayNode laps = n.putArray("laps");
            for (int i = 0; i < a.laps().size(); i++) {
                laps.add(lap(i + 1, a.laps().get(i), Sport.of(a.sport())));
            }
        }
        a.samples().ifPresent(s -> n.set("samples", samples(s)));
        if (a.unusualConfirmed()) {
            n.put("unusual_confirmed", true);
        }
        return n;
    }

    /** Heart rate and its zones, power, cadence, energy and effort, where logged. */
    private static void effort(ObjectNode n, Activity a) {
        number(n, "avg_hr", a.avgHr());
        number(n, "max_hr", a.maxHr());
        if (!a.hrZones().isEmpty()) {
            ArrayNode zones = n.putArray("hr_zones");
            for (Activity.HrZone z : a.hrZones()) {
                ObjectNode zn = zones.addObject().put("zone", z.zone());
                number(zn, "min_bpm", z.minBpm());
                number(zn, "max_bpm", z.maxBpm());
                zn.put("seconds", Durations.round(z.seconds(), 3));
                zn.put("time", Durations.text(z.seconds()));
            }
        }
        number(n, "avg_power_w", a.avgPowerW());
        number(n, "normalized_power_w", a.normalizedPowerW());
        number(n, "avg_cadence", a.avgCadence());
        number(n, "calories", a.calories());
        number(n, "rpe", a.rpe());
    }

    private static ObjectNode samples(Activity.SamplesSummary s) {
        ObjectNode sn = JSON.objectNode();
        sn.put("points", s.points());
        ArrayNode channels = sn.putArray("channels");
        s.channels().forEach(channels::add);
        sn.put("duration_s", Durations.round(s.durationS(), 3));
        number(sn, "max_hr", s.maxHr());
        number(sn, "max_power_w", s.maxPowerW());
        number(sn, "min_altitude_m", s.minAltitudeM());
        number(sn, "max_altitude_m", s.maxAltitudeM());
        return sn;
    }

    private ObjectNode lap(int index, Activity.Lap l, Sport sport) {
        ObjectNode n = JSON.objectNode().put("lap", index);
        if (l.distanceM().isPresent()) {
            n.set("distance", distance(l.distanceM().getAsDouble()));
        }
        if (l.elapsedS().isPresent()) {
            seconds(n, "elapsed", l.elapsedS());
        }
        if (l.movingS().isPresent()) {
            seconds(n, "moving", l.movingS());
        }
        speed(n, sport, l.distanceM(), l.movingS().isPresent() ? l.movingS() : l.elapsedS());
        number(n, "avg_hr", l.avgHr());
        number(n, "max_hr", l.maxHr());
        number(n, "avg_power_w", l.avgPowerW());
        number(n, "avg_cadence", l.avgCadence());
        optional(n, "elevation_gain", l.elevationGainM());
        return n;
    }

    /** One compact line of list_activities. */
    ObjectNode row(ActivityPointsProjection.Point p) {
        ObjectNode n = JSON.objectNode();
        n.put("activity_id", p.activityId());
        n.put("event_id", p.eventId());
        n.put("date", p.date());
        n.put("started_at", p.startedAt());
        n.put("sport", p.sport());
        p.name().ifPresent(v -> n.put("name", v));
        n.set("distance", p.distanceM().isPresent() ? distance(p.distanceM().getAsDouble()) : JSON.nullNode());
        putSeconds(n, "moving_s", p.movingS());
        putSeconds(n, "elapsed_s", p.elapsedS());
        n.put("time", p.time().isPresent() ? Durations.text(p.time().getAsDouble()) : null);
        speed(n, Sport.of(p.sport()), p.distanceM(), p.time());
        if (p.avgHr().isPresent()) {
            n.put("avg_hr", p.avgHr().getAsDouble());
        } else {
            n.putNull("avg_hr");
        }
        return n;
    }

    /** {@code pace} for a pace sport, {@code speed} for the others, when both distance and time are known. */
    private static void speed(ObjectNode n, Sport sport, OptionalDouble distanceM, OptionalDouble seconds) {
        if (distanceM.isPresent() && seconds.isPresent() && distanceM.getAsDouble() > 0 && seconds.getAsDouble() > 0) {
            n.set(
                    sport.measure().pace() ? "pace" : "speed",
                    sport.speedJson(distanceM.getAsDouble(), seconds.getAsDouble()));
        }
    }

    /** {@code <name>_s} (seconds) and {@code <name>} ({@code h:mm:ss}), both null when unknown. */
    private static void seconds(ObjectNode n, String name, OptionalDouble s) {
        putSeconds(n, name + "_s", s);
        n.put(name, s.isPresent() ? Durations.text(s.getAsDouble()) : null);
    }

    private static void putSeconds(ObjectNode n, String field, OptionalDouble s) {
        if (s.isPresent()) {
            n.put(field, Durations.round(s.getAsDouble(), 3));
        } else {
            n.putNull(field);
        }
    }

    private void optional(ObjectNode n, String field, OptionalDouble metres) {
        if (metres.isPresent()) {
            n.set(field, elevation(metres.getAsDouble()));
        }
    }

    private static void number(ObjectNode n, String field, OptionalDouble v) {
        if (v.isPresent()) {
            n.set(field, JSON.numberNode(Durations.round(v.getAsDouble(), 3)));
        }
    }

    /** A JSON number or null. */
    static JsonNode numberOrNull(OptionalDouble v) {
        return v.isPresent() ? JSON.numberNode(Durations.round(v.getAsDouble(), 3)) : JSON.nullNode();
    }
}
