package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.CanonicalJson;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TimeInput;
import dev.td.server.exercises.NameResolver;
import dev.td.server.profile.Profiles;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Logging strength training: log_workout, log_sets.
 *
 * <p>One idempotency_key covers a whole call. Every event a call stores carries the SHA-256 of the
 * call ({@link #FINGERPRINT} in its metadata: the tool and its arguments in canonical JSON, so key
 * order and number spelling do not matter; confirm_unusual is left out, being consent rather than
 * content). A call whose key is stored is answered from the stored session when its fingerprint
 * matches, and refused as a conflict when it differs, before anything is written: the check runs
 * once before the events are built (a retry replays even when "now" or the recent session has moved
 * on) and again under the person's append lock (two racing calls with one key store once).
 */
final class WorkoutTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration RECENT_SESSION = Duration.ofHours(12);
    /** Metadata field holding the SHA-256 of the call that stored the event. */
    static final String FINGERPRINT = "request_sha256";

    private final EventStore store;
    private final Profiles profiles;
    private final NameResolver names;
    private final TrainingViews views;
    private final WorkoutInput.NewExercises newExercises;
    private final Plausibility plausibility;

    WorkoutTools(
            EventStore store,
            Profiles profiles,
            NameResolver names,
            TrainingViews views,
            WorkoutInput.NewExercises newExercises,
            Plausibility plausibility) {
        this.newExercises = newExercises;
        this.plausibility = plausibility;
        this.store = store;
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
        String fingerprint = fingerprint("log_workout", a);
        Optional<String> stored = storedSession(store.findByKey(user, anchorKey(key)), fingerprint);
        if (stored.isPresent()) {
            return replay(call, user, stored.get());
        }
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
        ObjectNode metadata = EventMetadata.of(call, Optional.empty()).put(FINGERPRINT, fingerprint);
        List<NewEvent> events = new ArrayList<>();
        ObjectNode started = JSON.objectNode().put("session_id", sessionId);
        copy(a, started, "name", "notes");
        events.add(new NewEvent(
                "session.started", start.instant(), start.zone(), started, key + "/start", metadata, Optional.empty()));
        events.addAll(WorkoutInput.sets(
                a, user, sessionId, start.instant(), start.zone(), key, metadata, names, newExercises, admission(a)));
        if (end.isPresent() || a.has("session_rpe")) {
            TimeInput.Moment at = end.orElse(start);
            ObjectNode ended = JSON.objectNode().put("session_id", sessionId);
            copy(a, ended, "session_rpe");
            events.add(new NewEvent(
                    "session.ended", at.instant(), at.zone(), ended, key + "/end", metadata, Optional.empty()));
        }
        return appendSession(call, user, sessionId, events, key, fingerprint);
    }

    private Envelope logSets(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String key = a.get("idempotency_key").asText();
        String fingerprint = fingerprint("log_sets", a);
        Optional<String> stored = storedSession(store.findByKey(user, anchorKey(key)), fingerprint);
        if (stored.isPresent()) {
            return replay(call, user, stored.get());
        }
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
        ObjectNode metadata = EventMetadata.of(call, Optional.empty()).put(FINGERPRINT, fingerprint);
        List<NewEvent> events = WorkoutInput.sets(
                a, user, sessionId, at.instant(), at.zone(), key, metadata, names, newExercises, admission(a));
        return appendSession(call, user, sessionId, events, key, fingerprint);
    }

    /** Unusual values refused, or kept and marked when the call says confirm_unusual. */
    private WorkoutInput.Admission admission(ObjectNode args) {
        boolean confirmed = args.path("confirm_unusual").asBoolean(false);
        return (user, data, setPath) -> plausibility.unusual(user, data).ifPresent(odd -> {
            if (!confirmed) {
                throw ToolException.invalid(
                        setPath + "." + odd.field(), odd.refusal("repeat the call with confirm_unusual: true"));
            }
            data.put(Plausibility.MARKER, true);
        });
    }

    private Envelope appendSession(
            ToolCall call, UUID user, String sessionId, List<NewEvent> events, String key, String fingerprint) {
        Map<String, PersonalRecordsProjection.Records> before = new LinkedHashMap<>();
        events.stream()
                .filter(e -> e.type().equals("set.logged"))
                .map(e -> e.data().get("exercise_id").asText())
                .distinct()
                .forEach(id -> before.put(id, records(user, id)));
        List<StoredEvent> stored;
        try {
            stored = store.append(user, events, log -> requireNewRequest(log, key, fingerprint, events));
        } catch (AlreadyStored e) {
            return replay(call, user, e.sessionId);
        } catch (ToolException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                throw differentRequest();
            }
            throw e;
        }
        boolean replayed = stored.stream().allMatch(StoredEvent::replayed);
        long logged = stored.stream()
                .filter(e -> !e.replayed() && e.type().equals("set.logged"))
                .count();
        return answer(call, user, sessionId, logged, replayed, replayed ? Map.of() : before);
    }

    /** Under the append lock: nothing of this key stored yet, else a replay or a conflict instead of a write. */
    private static void requireNewRequest(EventStore.Locked log, String key, String fingerprint, List<NewEvent> events)
            throws SQLException {
        Optional<StoredEvent> anchor = log.findByKey(anchorKey(key));
        Optional<String> earlier = storedSession(anchor, fingerprint);
        if (earlier.isPresent()) {
            throw new AlreadyStored(earlier.get());
        }
        if (anchor.isPresent()) {
            // stored before fingerprints existed: a retry may replay those events but add none
            for (NewEvent e : events) {
                if (!log.hasKey(e.idempotencyKey())) {
                    throw differentRequest();
                }
            }
        }
    }

    /** The answer to a retry: the stored session as it is now; nothing stored, no records announced. */
    private Envelope replay(ToolCall call, UUID user, String sessionId) {
        return answer(call, user, sessionId, 0, true, Map.of());
    }

    /** The session summary, and in context the records the call's sets beat ({@code before}: each exercise's records before). */
    private Envelope answer(
            ToolCall call,
            UUID user,
            String sessionId,
            long logged,
            boolean replayed,
            Map<String, PersonalRecordsProjection.Records> before) {
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
        before.forEach((id, records) ->
                views.newRecords(records, records(user, id), units).forEach(prs::add));
        views.zone(user).hint().ifPresent(h -> context.put("time_zone", h));
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    private PersonalRecordsProjection.Records records(UUID user, String exerciseId) {
        return views.recordsOf(user, exerciseId);
    }

    /**
     * The session of the call that stored this key, when it sent the same request; a conflict when it sent
     * another; empty when the key is new. Events stored before fingerprints existed are left to the
     * per-event comparison of the store.
     */
    private static Optional<String> storedSession(Optional<StoredEvent> anchor, String fingerprint) {
        if (anchor.isEmpty() || !anchor.get().metadata().has(FINGERPRINT)) {
            return Optional.empty();
        }
        if (!anchor.get().metadata().get(FINGERPRINT).asText().equals(fingerprint)) {
            throw differentRequest();
        }
        return Optional.of(anchor.get().data().path("session_id").asText());
    }

    private static ToolException differentRequest() {
        return ToolException.conflict(
                "$.idempotency_key",
                "this idempotency_key was already used, and the earlier request differed from this one (a retry must"
                        + " send the same arguments). Nothing was stored. Use a new idempotency_key for new sets or a new"
                        + " workout; to change what is stored, use correct_event or void_event");
    }

    /** The key of the first set every log_workout and log_sets call stores: present once the call is stored. */
    private static String anchorKey(String key) {
        return key + "/set/0/0/0";
    }

    /** SHA-256 of the tool and its arguments in canonical JSON, confirm_unusual aside. */
    static String fingerprint(String tool, ObjectNode args) {
        ObjectNode request = JSON.objectNode().put("tool", tool);
        ObjectNode content = args.deepCopy();
        content.remove("confirm_unusual");
        request.set("arguments", content);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(CanonicalJson.of(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Thrown under the append lock when the call is already stored: rolls the append back, answered as a replay. */
    private static final class AlreadyStored extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String sessionId;

        AlreadyStored(String sessionId) {
            super(null, null, false, false);
            this.sessionId = sessionId;
        }
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
