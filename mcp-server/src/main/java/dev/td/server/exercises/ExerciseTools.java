package dev.td.server.exercises;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.profile.Profiles;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The catalog tools: list_exercises, resolve_exercise, create_exercise, update_exercise, archive_exercise. */
final class ExerciseTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ExerciseCatalog catalog;
    private final EventStore store;
    private final Profiles profiles;
    private final DataSource db;
    private final MuscleGroups vocabulary = MuscleGroups.bundled();

    ExerciseTools(ExerciseCatalog catalog, EventStore store, Profiles profiles, DataSource db) {
        this.catalog = catalog;
        this.store = store;
        this.profiles = profiles;
        this.db = db;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("list_exercises", this::listExercises)
                .handle("resolve_exercise", this::resolveExercise)
                .handle("create_exercise", this::createExercise)
                .handle("update_exercise", this::updateExercise)
                .handle("archive_exercise", this::archiveExercise);
    }

    private Envelope listExercises(ToolCall call) {
        ObjectNode a = call.arguments();
        Optional<Set<String>> muscles = Optional.empty();
        if (a.hasNonNull("muscle")) {
            muscles = Optional.of(Set.of(a.get("muscle").asText()));
        }
        if (a.hasNonNull("region")) {
            Set<String> region = vocabulary.bodyPart(a.get("region").asText(), "$.region");
            muscles = Optional.of(muscles.map(m -> intersect(m, region)).orElse(region));
        }
        ExerciseCatalog.Filter filter = new ExerciseCatalog.Filter(
                muscles,
                a.path("include_secondary").asBoolean(false),
                JsonFields.text(a, "pattern"),
                JsonFields.text(a, "equipment"),
                JsonFields.text(a, "type"),
                JsonFields.text(a, "query"),
                a.path("include_archived").asBoolean(false));
        List<Exercise> found = catalog.list(call.principal().userId(), filter);
        ObjectNode data = JSON.objectNode();
        ArrayNode list = data.putArray("exercises");
        boolean full = "full".equals(a.path("detail").asText("summary"));
        // the summary lists ids and names only: the whole catalog in full is ~44,000 characters, this ~7,000
        found.forEach(e -> list.add(
                full ? e.toJson() : JSON.objectNode().put("exercise_id", e.id()).put("name", e.name())));
        data.put("count", found.size());
        muscles.ifPresent(m -> m.forEach(data.putArray("muscles")::add));
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private Envelope resolveExercise(ToolCall call) {
        String name = call.arguments().get("name").asText();
        requireName(name, "$.name");
        ExerciseCatalog.Resolution r = catalog.resolve(
                call.principal().userId(),
                name,
                call.arguments().path("include_archived").asBoolean(false));
        ObjectNode context = JSON.objectNode();
        if (!r.resolved()) {
            context.put(
                    "hint",
                    r.candidates().isEmpty()
                            ? "Nothing is near this name. If the person means a new exercise, call create_exercise."
                            : "Not clear enough to pick one. Ask the person or use the candidate that fits, passing its exercise_id; if none fits, call create_exercise.");
        }
        return new Envelope(r.toJson(), context, Meta.now(call.origin().requestId()));
    }

    private Envelope createExercise(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        String name = a.get("name").asText().strip();
        requireName(name, "$.name");
        Optional<String> retried = catalog.createdWithKey(user, key);
        refuseExisting(user, name, "$.name", retried);
        a.path("names")
                .properties()
                .forEach(f -> refuseExisting(user, f.getValue().asText(), "$.names." + f.getKey(), retried));
        for (int i = 0; i < a.path("aliases").size(); i++) {
            refuseExisting(user, a.get("aliases").get(i).asText(), "$.aliases[" + i + "]", retried);
        }
        String id = retried.orElseGet(() -> catalog.freeId(user, name));
        ObjectNode data = JSON.objectNode();
        data.put("exercise_id", id);
        data.put("name", name);
        for (String field :
                List.of("names", "aliases", "primary_muscles", "secondary_muscles", "pattern", "equipment", "type")) {
            if (a.hasNonNull(field)) {
                data.set(field, a.get(field));
            }
        }
        // checked again under the person's append lock: a concurrent create of the same name has committed by then
        return appendAndAnswer(call, ExerciseCatalogProjection.CREATED, data, id, log -> {
            if (!log.hasKey(key)) {
                refuseExisting(user, name, "$.name", Optional.empty());
            }
        });
    }

    private Envelope updateExercise(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        Exercise current = existing(user, a.get("exercise_id").asText());
        ObjectNode data = JSON.objectNode();
        data.put("exercise_id", current.id());
        for (String field : List.of(
                "primary_muscles",
                "secondary_muscles",
                "pattern",
                "equipment",
                "type",
                "add_aliases",
                "remove_aliases",
                "archived")) {
            if (a.hasNonNull(field)) {
                data.set(field, a.get(field));
            }
        }
        if (data.size() == 1) {
            throw ToolException.invalid(
                    "$",
                    "nothing to change: give at least one of primary_muscles, secondary_muscles, pattern, equipment, type,"
                            + " add_aliases, remove_aliases or archived");
        }
        String key = a.get("idempotency_key").asText();
        Optional<String> self = Optional.of(current.id());
        for (int i = 0; i < a.path("add_aliases").size(); i++) {
            String alias = a.get("add_aliases").get(i).asText();
            requireName(alias, "$.add_aliases[" + i + "]");
            refuseExisting(user, alias, "$.add_aliases[" + i + "]", self);
        }
        Set<String> own = catalog.ownAliases(user, current.id());
        for (int i = 0; i < a.path("remove_aliases").size(); i++) {
            String alias = a.get("remove_aliases").get(i).asText();
            if (!own.contains(ExerciseNames.normalize(alias))
                    && storedMoment(user, key).isEmpty()) {
                throw ToolException.invalid(
                        "$.remove_aliases[" + i + "]",
                        "'" + alias + "' is not an alias the person added to " + current.id()
                                + "; only those can be removed (the person's aliases: " + String.join(", ", own) + ")");
            }
        }
        return appendAndAnswer(call, ExerciseCatalogProjection.UPDATED, data, current.id());
    }

    private Envelope archiveExercise(ToolCall call) {
        ObjectNode a = call.arguments();
        Exercise current =
                existing(call.principal().userId(), a.get("exercise_id").asText());
        ObjectNode data = JSON.objectNode();
        data.put("exercise_id", current.id());
        JsonFields.text(a, "reason").ifPresent(r -> data.put("reason", r));
        return appendAndAnswer(call, ExerciseCatalogProjection.ARCHIVED, data, current.id());
    }

    /** Appends one exercise event (a retry with the same key replays it) and answers with the exercise as it now is. */
    private Envelope appendAndAnswer(ToolCall call, String type, ObjectNode data, String exerciseId) {
        return appendAndAnswer(call, type, data, exerciseId, log -> {});
    }

    /** Appends the exercise event; {@code underLock} runs again once the person's log is locked (races). */
    private Envelope appendAndAnswer(
            ToolCall call, String type, ObjectNode data, String exerciseId, EventStore.Precondition underLock) {
        UUID user = call.principal().userId();
        String key = call.arguments().get("idempotency_key").asText();
        ZoneId zone = profiles.timeZoneOf(user);
        // A retry must carry the first attempt's time, or the event store would see different content.
        Instant at = storedMoment(user, key).orElse(Instant.now());
        ObjectNode metadata = EventMetadata.of(call, Optional.empty());
        StoredEvent stored = store.append(
                        user, List.of(new NewEvent(type, at, zone, data, key, metadata, Optional.empty())), underLock)
                .getFirst();
        ObjectNode out = JSON.objectNode();
        out.set("exercise", catalog.find(user, exerciseId).map(Exercise::toJson).orElseThrow());
        out.set("event", stored.toJson());
        out.put("replayed", stored.replayed());
        return Envelope.of(out, Meta.now(call.origin().requestId()));
    }

    private Exercise existing(UUID user, String exerciseId) {
        return catalog.find(user, exerciseId).orElseThrow(() -> {
            ExerciseCatalog.Resolution r = catalog.resolve(user, exerciseId, true);
            String hint = r.match()
                    .map(e -> "; did you mean " + e.id() + " (" + e.name() + ")?")
                    .orElse(
                            r.candidates().isEmpty()
                                    ? "; list_exercises or resolve_exercise give the ids"
                                    : "; candidates: "
                                            + String.join(
                                                    ", ",
                                                    r.candidates().stream()
                                                            .map(c ->
                                                                    c.exercise().id())
                                                            .toList()));
            return new ToolException(
                    ErrorCode.NOT_FOUND, "$.exercise_id", "no exercise with id '" + exerciseId + "'" + hint);
        });
    }

    /** Refuses a name that is already an exercise's name or alias (other than {@code self}), pointing at that exercise. */
    private void refuseExisting(UUID user, String name, String path, Optional<String> self) {
        ExerciseCatalog.Resolution r = catalog.resolve(user, name);
        List<ExerciseCatalog.Candidate> exact =
                new ArrayList<>(r.matchedBy().stream().toList());
        exact.addAll(r.candidates());
        for (ExerciseCatalog.Candidate c : exact) {
            if (!c.via().equals("similarity")
                    && self.map(s -> !s.equals(c.exercise().id())).orElse(true)) {
                ObjectNode details = JSON.objectNode();
                details.set("existing", c.exercise().toJson());
                throw new ToolException(
                        ErrorCode.INVALID_ARGUMENT,
                        path,
                        "'" + name + "' is already " + (c.via().equals("name") ? "the name" : "an alias")
                                + " of exercise " + c.exercise().id() + " ("
                                + c.exercise().name()
                                + "). Use that exercise_id; to add tags or aliases to it call update_exercise",
                        Optional.of(details));
            }
        }
    }

    private Optional<Instant> storedMoment(UUID user, String key) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT occurred_at FROM events WHERE user_id = ? AND idempotency_key = ?")) {
            ps.setObject(1, user);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireName(String name, String path) {
        if (ExerciseNames.normalize(name).isEmpty()) {
            throw ToolException.invalid(path, "the name must contain letters or digits, got '" + name + "'");
        }
    }
}
