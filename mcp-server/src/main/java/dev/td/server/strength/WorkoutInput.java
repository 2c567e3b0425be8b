package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.exercises.NameResolver;
import dev.td.tools.ToolException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the exercises and sets of a log_workout / log_sets call into set.logged events (plus
 * superset markers), checking what a schema cannot: a unit for every weight, something measured
 * in every set, not both RPE and RIR, values in human ranges (or confirmed). Each event's idempotency
 * key derives from the call's.
 */
final class WorkoutInput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WorkoutInput() {}

    /** Creates a personal exercise for a name nothing matched, when the call asked for it: returns its id. */
    @FunctionalInterface
    interface NewExercises {
        String freeId(UUID user, String name);
    }

    /** Decides whether a set may be stored as built: returns (possibly marking the data) or throws a tool error. */
    @FunctionalInterface
    interface Admission {
        void admit(UUID user, ObjectNode data, String setPath);
    }

    static List<NewEvent> sets(
            ObjectNode args,
            UUID user,
            String sessionId,
            Instant at,
            ZoneId zone,
            String key,
            ObjectNode metadata,
            NameResolver names,
            NewExercises newExercises,
            Admission admission) {
        List<NewEvent> events = new ArrayList<>();
        Optional<String> callUnit = JsonFields.text(args, "unit");
        JsonNode exercises = args.get("exercises");
        String openSuperset = null;
        int setIndex = 0;
        for (int i = 0; i < exercises.size(); i++) {
            JsonNode ex = exercises.get(i);
            String path = "$.exercises[" + i + "]";
            String name = ex.get("exercise").asText().strip();
            if (name.isEmpty()) {
                throw ToolException.invalid(
                        path + ".exercise", "the exercise name is empty; say which exercise (e.g. bench press)");
            }
            String exerciseId;
            try {
                exerciseId = names.resolveId(user, name, path + ".exercise");
            } catch (ToolException unresolved) {
                if (!ex.path("create_if_unknown").asBoolean(false)) {
                    throw unresolved;
                }
                exerciseId = newExercises.freeId(user, name);
                ObjectNode created =
                        JSON.objectNode().put("exercise_id", exerciseId).put("name", name);
                events.add(new NewEvent(
                        "exercise.created", at, zone, created, key + "/exercise/" + i, metadata, Optional.empty()));
            }
            Optional<String> superset = JsonFields.text(ex, "superset").map(s -> sessionId + "/" + s);
            String current = openSuperset;
            if (!superset.map(s -> s.equals(current)).orElse(current == null)) {
                if (openSuperset != null) {
                    events.add(marker(
                            "superset.ended",
                            sessionId,
                            openSuperset,
                            at,
                            zone,
                            key + "/superset/" + openSuperset + "/end",
                            metadata));
                }
                if (superset.isPresent()) {
                    events.add(marker(
                            "superset.started",
                            sessionId,
                            superset.get(),
                            at,
                            zone,
                            key + "/superset/" + superset.get() + "/start",
                            metadata));
                }
                openSuperset = superset.orElse(null);
            }
            Optional<String> exerciseUnit = JsonFields.text(ex, "unit").or(() -> callUnit);
            JsonNode sets = ex.get("sets");
            for (int j = 0; j < sets.size(); j++) {
                JsonNode set = sets.get(j);
                String setPath = path + ".sets[" + j + "]";
                ObjectNode data = setData(set, setPath, exerciseUnit, sessionId, name, exerciseId, superset);
                admission.admit(user, data, setPath);
                int count = set.path("count").asInt(1);
                for (int c = 0; c < count; c++) {
                    ObjectNode copy = data.deepCopy().put("set_index", setIndex++);
                    events.add(new NewEvent(
                            "set.logged",
                            at,
                            zone,
                            copy,
                            key + "/set/" + i + "/" + j + "/" + c,
                            metadata,
                            Optional.empty()));
                }
            }
        }
        if (openSuperset != null) {
            events.add(marker(
                    "superset.ended",
                    sessionId,
                    openSuperset,
                    at,
                    zone,
                    key + "/superset/" + openSuperset + "/end",
                    metadata));
        }
        return events;
    }

    private static ObjectNode setData(
            JsonNode set,
            String path,
            Optional<String> defaultUnit,
            String sessionId,
            String name,
            String exerciseId,
            Optional<String> superset) {
        ObjectNode d = JSON.objectNode();
        d.put("session_id", sessionId);
        d.put("exercise", name);
        d.put("exercise_id", exerciseId);
        if (set.has("weight")) {
            String unit = JsonFields.text(set, "unit")
                    .or(() -> defaultUnit)
                    .orElseThrow(
                            () -> ToolException.invalid(
                                    path + ".weight",
                                    "weight " + set.get("weight").asText()
                                            + " has no unit; add \"unit\": \"kg\" or \"lb\" to the set, the exercise or the call"));
            d.putObject("weight").put("unit", unit).set("value", set.get("weight"));
        } else if (set.has("unit")) {
            throw ToolException.invalid(
                    path + ".unit", "unit without weight; add the weight, or leave unit out for a bodyweight set");
        }
        if (!set.has("reps") && !set.has("duration_s") && !set.has("distance_m")) {
            throw ToolException.invalid(
                    path, "a set needs reps, duration_s or distance_m; say what was done (e.g. \"reps\": 5)");
        }
        if (set.has("rpe") && set.has("rir")) {
            throw ToolException.invalid(path + ".rir", "give rpe or rir, not both (RPE 8 means 2 reps in reserve)");
        }
        for (String f : List.of("reps", "duration_s", "distance_m", "rpe", "rir", "tempo", "side", "rest_s", "notes")) {
            if (set.has(f)) {
                d.set(f, set.get(f));
            }
        }
        d.put("set_type", set.path("type").asText("working"));
        superset.ifPresent(s -> d.put("superset_id", s));
        return d;
    }

    private static NewEvent marker(
            String type,
            String sessionId,
            String supersetId,
            Instant at,
            ZoneId zone,
            String key,
            ObjectNode metadata) {
        ObjectNode d = JSON.objectNode().put("session_id", sessionId).put("superset_id", supersetId);
        return new NewEvent(type, at, zone, d, key, metadata, Optional.empty());
    }
}
