package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TimeInput;
import dev.td.server.exercises.NameResolver;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Logging strength training: log_workout, log_sets. */
final class WorkoutTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration RECENT_SESSION = Duration.ofHours(12);

    private final EventStore store;
    private final ProjectionEngine projections;
    private final Profiles profiles;
    private final NameResolver names;
    private final TrainingViews views;
    private final WorkoutInput.NewExercises newExercises;

    WorkoutTools(
            EventStore store,
            ProjectionEngine projections,
            Profiles profiles,
            NameResolver names,
            TrainingViews views,
            WorkoutInput.NewExercises newExercises) {
        this.newExercises = newExercises;
        this.store = store;
        this.projections = projections;
        this.profiles = profiles;
        this.names = names;
        this.views = views;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("log_workout", this::logWorkout).handle("log_sets", this::logSets);
    }

    private Envelope logWorkout(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        ZoneId personZone = profiles.timeZoneOf(user);
        Instant now = Instant.now();
        TimeInput.Moment start = TimeInput.occurredAt(
                a.get("started_at").asText(), JsonFields.text(a, "time_zone"), personZone, "$.started_at", now);
        Optional<TimeInput.Moment> end = JsonFields.text(a, "ended_at")
                .map(v -> TimeInput.occurredAt(v, JsonFields.text(a, "time_zone"), personZone, "$.ended_at", now));
        if (end.isPresent() && !end.get().instant().isAfter(start.instant())) {
            throw ToolException.invalid(
                    "$.ended_at",
                    "the session ends (" + a.get("ended_at").asText() + ") before it starts ("
                            + a.get("started_at").asText() + "); check both times and their time zone");
        }
        String sessionId = JsonFields.text(a, "session_id").orElseGet(() -> derivedSessionId(user, key));
        ObjectNode metadata = EventMetadata.of(call, Optional.empty());
        List<NewEvent> events = new ArrayList<>();
        ObjectNode started = JSON.objectNode().put("session_id", sessionId);
        copy(a, started, "name", "notes");
        events.add(new NewEvent(
                "session.started", start.instant(), start.zone(), started, key + "/start", metadata, Optional.empty()));
        events.addAll(WorkoutInput.sets(
                a, user, sessionId, start.instant(), start.zone(), key, metadata, names, newExercises));
        if (end.isPresent() || a.has("session_rpe")) {
            TimeInput.Moment at = end.orElse(start);
            ObjectNode ended = JSON.objectNode().put("session_id", sessionId);
            copy(a, ended, "session_rpe");
            events.add(new NewEvent(
                    "session.ended", at.instant(), at.zone(), ended, key + "/end", metadata, Optional.empty()));
        }
        return appendSession(call, user, sessionId, events);
    }

    private Envelope logSets(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        ZoneId personZone = profiles.timeZoneOf(user);
        Instant now = Instant.now();
        TimeInput.Moment at = JsonFields.text(a, "at")
                .map(v -> TimeInput.occurredAt(v, JsonFields.text(a, "time_zone"), personZone, "$.at", now))
                .orElse(new TimeInput.Moment(now, personZone));
        String sessionId = JsonFields.text(a, "session_id")
                .map(id -> {
                    if (views.session(user, id).isEmpty()) {
                        throw ToolException.notFound(
                                "$.session_id",
                                "no session '" + id
                                        + "'; list_sessions shows the ids, or log_workout starts a new one");
                    }
                    return id;
                })
                .orElseGet(() -> views.recentSession(user, at.instant(), RECENT_SESSION)
                        .orElseThrow(() -> ToolException.invalid(
                                "$.session_id",
                                "no session started in the 12 hours before "
                                        + StoredEvent.iso(
                                                at.instant().atZone(at.zone()).toOffsetDateTime())
                                        + "; pass session_id, or use log_workout to log a new session")));
        ObjectNode metadata = EventMetadata.of(call, Optional.empty());
        List<NewEvent> events =
                WorkoutInput.sets(a, user, sessionId, at.instant(), at.zone(), key, metadata, names, newExercises);
        return appendSession(call, user, sessionId, events);
    }

    private Envelope appendSession(ToolCall call, UUID user, String sessionId, List<NewEvent> events) {
        List<String> exercises = events.stream()
                .filter(e -> e.type().equals("set.logged"))
                .map(e -> e.data().get("exercise_id").asText())
                .distinct()
                .toList();
        Map<String, PersonalRecordsProjection.Records> before = new LinkedHashMap<>();
        exercises.forEach(id -> before.put(
                id,
                projections
                        .read(user, views.records(), id)
                        .orElseGet(() -> views.records().empty(id))));
        List<StoredEvent> stored;
        try {
            stored = store.append(user, events);
        } catch (ToolException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                throw ToolException.conflict(
                        "$.idempotency_key",
                        "this idempotency_key was already used for a different workout; "
                                + "a retry must send the same content. Use a new key for a new workout, or correct_event to change a stored set");
            }
            throw e;
        }
        boolean replayed = stored.stream().allMatch(StoredEvent::replayed);
        long logged = stored.stream()
                .filter(e -> !e.replayed() && e.type().equals("set.logged"))
                .count();
        Units units = views.units(user);
        ObjectNode data = JSON.objectNode();
        data.set(
                "session",
                views.session(user, sessionId)
                        .map(s -> views.summaryJson(s, units))
                        .orElseGet(JSON::objectNode));
        data.put("sets_logged", logged);
        data.put("replayed", replayed);
        ObjectNode context = JSON.objectNode();
        ArrayNode prs = context.putArray("new_personal_records");
        if (!replayed) {
            for (Map.Entry<String, PersonalRecordsProjection.Records> b : before.entrySet()) {
                String id = b.getKey();
                views.newRecords(
                                b.getValue(),
                                projections
                                        .read(user, views.records(), id)
                                        .orElseGet(() -> views.records().empty(id)),
                                units)
                        .forEach(prs::add);
            }
        }
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    private static String derivedSessionId(UUID user, String key) {
        return "s-"
                + UUID.nameUUIDFromBytes((user + "/" + key).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .substring(0, 13);
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }
}
