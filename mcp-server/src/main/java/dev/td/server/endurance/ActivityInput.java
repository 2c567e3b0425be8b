package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TimeInput;
import dev.td.tools.ToolException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns log_activity's arguments into activity.logged data: durations as written ({@link Durations}), ended_at as an
 * elapsed time, lengths with the unit said (else the person's: mi and ft when their profile weighs in lb, km and m
 * otherwise), then the rules of {@link ActivityRules}, confirmed or refused.
 */
final class ActivityInput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Fields copied from the arguments into the data as they are. */
    private static final List<String> AS_GIVEN = List.of(
            "avg_hr",
            "max_hr",
            "hr_zones",
            "avg_power_w",
            "normalized_power_w",
            "avg_cadence",
            "calories",
            "rpe",
            "name",
            "notes",
            "device",
            "source",
            "samples");

    private static final List<String> LAP_AS_GIVEN = List.of("avg_hr", "max_hr", "avg_power_w", "avg_cadence");

    /**
     * The data to store, when the activity started, and what td assumed (the unit of lengths logged without one).
     */
    record Built(ObjectNode data, TimeInput.Moment start, List<String> assumed) {}

    private ActivityInput() {}

    static Built from(ObjectNode a, String activityId, ZoneId personZone, boolean imperial, Instant now) {
        Optional<String> zoneArg = JsonFields.text(a, "time_zone");
        TimeInput.Moment start =
                TimeInput.occurredAt(a.get("started_at").asText(), zoneArg, personZone, "$.started_at", now);
        ObjectNode d = JSON.objectNode();
        d.put("activity_id", activityId);
        d.put("sport", a.get("sport").asText());
        Optional<Double> elapsed = duration(a, "elapsed", "$.elapsed");
        Optional<Double> byEnd = JsonFields.text(a, "ended_at")
                .map(v -> TimeInput.occurredAt(v, zoneArg, personZone, "$.ended_at", now))
                .map(end -> untilEnd(a, start, end));
        if (elapsed.isPresent() && byEnd.isPresent() && Math.abs(elapsed.get() - byEnd.get()) > 1) {
            throw ToolException.invalid(
                    "$.ended_at",
                    "ended_at says the activity took " + Durations.text(byEnd.get()) + ", elapsed says "
                            + Durations.text(elapsed.get()) + "; give one of them, or make them agree");
        }
        elapsed.or(() -> byEnd).ifPresent(s -> d.put("elapsed_s", Durations.round(s, 3)));
        duration(a, "moving", "$.moving").ifPresent(s -> d.put("moving_s", Durations.round(s, 3)));

        List<String> assumed = lengths(a, d, imperial);
        for (String f : AS_GIVEN) {
            if (a.hasNonNull(f)) {
                d.set(f, a.get(f).deepCopy());
            }
        }
        return new Built(d, start, assumed);
    }

    /**
     * Distance, elevations and laps with their units: as said, else the person's (mi and ft when the profile weighs
     * in lb, else km and m; elevations in ft when distances are in mi or yd). Returns what was assumed.
     */
    private static List<String> lengths(ObjectNode a, ObjectNode d, boolean imperial) {
        List<String> assumed = new ArrayList<>();
        String unit = JsonFields.text(a, "unit").orElse(imperial ? "mi" : "km");
        boolean imperialLengths = unit.equals("mi") || unit.equals("yd");
        String elevationUnit = JsonFields.text(a, "elevation_unit").orElse(imperialLengths ? "ft" : "m");
        if (!a.has("unit") && (a.has("distance") || hasInLaps(a, "distance"))) {
            assumed.add("no unit given: distances taken as " + unit + (imperial ? " (the profile uses lb)" : "")
                    + "; if the person meant another unit, fix distance.unit with correct_event");
        }
        if (!a.has("elevation_unit")
                && (a.has("elevation_gain") || a.has("elevation_loss") || hasInLaps(a, "elevation_gain"))) {
            assumed.add("no elevation_unit given: elevations taken as " + elevationUnit);
        }
        length(a, "distance", unit).ifPresent(q -> d.set("distance", q));
        length(a, "elevation_gain", elevationUnit).ifPresent(q -> d.set("elevation_gain", q));
        length(a, "elevation_loss", elevationUnit).ifPresent(q -> d.set("elevation_loss", q));
        if (a.has("laps")) {
            d.set("laps", laps(a.get("laps"), unit, elevationUnit));
        }
        return List.copyOf(assumed);
    }

    /** The seconds from start to end; refused when the end is not after the start. */
    private static double untilEnd(ObjectNode a, TimeInput.Moment start, TimeInput.Moment end) {
        if (!end.instant().isAfter(start.instant())) {
            throw ToolException.invalid(
                    "$.ended_at",
                    "the activity ends ("
                            + StoredEvent.iso(end.instant().atZone(end.zone()).toOffsetDateTime())
                            + ") before it starts ("
                            + StoredEvent.iso(
                                    start.instant().atZone(start.zone()).toOffsetDateTime())
                            + "); check both times and their time zone ("
                            + a.path("ended_at").asText() + ", "
                            + a.path("started_at").asText() + ")");
        }
        Duration took = Duration.between(start.instant(), end.instant());
        return took.getSeconds() + took.getNano() / 1e9;
    }

    private static Optional<Double> duration(JsonNode n, String field, String path) {
        return n.hasNonNull(field) ? Optional.of(Durations.parse(n.get(field), path)) : Optional.empty();
    }

    private static Optional<ObjectNode> length(JsonNode n, String field, String unit) {
        if (!n.hasNonNull(field)) {
            return Optional.empty();
        }
        ObjectNode q = JSON.objectNode();
        q.set("value", n.get(field).deepCopy());
        q.put("unit", unit);
        return Optional.of(q);
    }

    private static boolean hasInLaps(JsonNode a, String field) {
        for (JsonNode lap : a.path("laps")) {
            if (lap.hasNonNull(field)) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode laps(JsonNode laps, String unit, String elevationUnit) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < laps.size(); i++) {
            JsonNode lap = laps.get(i);
            String at = "$.laps[" + i + "]";
            ObjectNode l = out.addObject();
            length(lap, "distance", unit).ifPresent(q -> l.set("distance", q));
            duration(lap, "elapsed", at + ".elapsed").ifPresent(s -> l.put("elapsed_s", Durations.round(s, 3)));
            duration(lap, "moving", at + ".moving").ifPresent(s -> l.put("moving_s", Durations.round(s, 3)));
            for (String f : LAP_AS_GIVEN) {
                if (lap.hasNonNull(f)) {
                    l.set(f, lap.get(f).deepCopy());
                }
            }
            length(lap, "elevation_gain", elevationUnit).ifPresent(q -> l.set("elevation_gain", q));
        }
        return out;
    }

    /** Refuses what ActivityRules finds, or marks the data when the call confirms unusual values. */
    static void admit(ObjectNode data, boolean confirmed) {
        ActivityRules.check(data).ifPresent(p -> {
            if (!p.unusual() || !confirmed) {
                throw ToolException.invalid(
                        "$." + p.argField(), p.refusal("repeat the call with confirm_unusual: true"));
            }
            data.put(ActivityRules.MARKER, true);
        });
    }
}
