package dev.td.server.strength;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.ChangeContext;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.Fact;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * void_session: voids every event of a session (its start and end, sets, superset markers) in one
 * append, all or none. The i-th void of a call is stored under {@code <idempotency_key>/<i>}: a retry
 * finds the first and answers with what the call voided; the same key for another session or reason is
 * a conflict.
 */
final class SessionVoiding {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventStore store;
    private final TrainingViews views;
    private final ChangeContext changes;

    SessionVoiding(EventStore store, TrainingViews views, ChangeContext changes) {
        this.store = store;
        this.views = views;
        this.changes = changes;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("void_session", this::voidSession);
    }

    private Envelope voidSession(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        String sessionId = a.get("session_id").asText();
        String reason = a.get("reason").asText();
        String key = a.get("idempotency_key").asText();
        Optional<StoredEvent> first = store.findByKey(user, voidKey(key, 0));
        if (first.isPresent()) {
            return replay(call, user, sessionId, reason, key, first.get());
        }
        List<Fact> facts = views.sessionFacts(user, sessionId);
        if (facts.isEmpty()) {
            throw ToolException.notFound(
                    "$.session_id",
                    "no session '" + sessionId + "' with events left to void; list_sessions shows the sessions and"
                            + " their ids");
        }
        ObjectNode metadata = EventMetadata.of(call, Optional.empty());
        List<NewEvent> voids = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            StoredEvent original = store.find(user, f.eventId()).orElseThrow();
            voids.add(new NewEvent(
                    EventTypes.VOIDED,
                    original.occurredAt().toInstant(),
                    ZoneId.of(original.timeZone()),
                    JSON.objectNode().put("event_id", f.eventId().toString()).put("reason", reason),
                    voidKey(key, i),
                    metadata,
                    Optional.of(f.eventId())));
        }
        ChangeContext.After after = changes.before(user, facts);
        List<StoredEvent> stored = store.append(user, voids, log -> {
            if (log.hasKey(voidKey(key, 0))) {
                return;
            }
            for (Fact f : facts) {
                for (StoredEvent earlier : log.compensationsOf(f.eventId())) {
                    if (earlier.type().equals(EventTypes.VOIDED)) {
                        throw ToolException.conflict(
                                "$.session_id",
                                "event " + f.eventId() + " of session " + sessionId + " was voided meanwhile (by event "
                                        + earlier.eventId() + "); call void_session again to void what is left");
                    }
                }
            }
        });
        boolean replayed = stored.stream().allMatch(StoredEvent::replayed);
        ObjectNode context = JSON.objectNode();
        if (!replayed) {
            after.addTo(context);
        }
        return new Envelope(
                answer(
                        sessionId,
                        stored.stream().map(e -> e.subject().orElseThrow()).toList(),
                        replayed),
                context,
                Meta.now(call.origin().requestId()));
    }

    /** A retry: the same session and reason as the call that stored the key, answered from what it voided. */
    private Envelope replay(ToolCall call, UUID user, String sessionId, String reason, String key, StoredEvent first) {
        String voidedSession = first.subject()
                .flatMap(id -> store.find(user, id))
                .map(e -> e.data().path("session_id").asText())
                .orElse("");
        if (!voidedSession.equals(sessionId)
                || !first.data().path("reason").asText().equals(reason)) {
            throw ToolException.conflict(
                    "$.idempotency_key",
                    "this idempotency_key was already used to void session '" + voidedSession + "' (reason \""
                            + first.data().path("reason").asText()
                            + "\"); a retry must send the same arguments. Use a new idempotency_key");
        }
        List<UUID> voided = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<StoredEvent> v = i == 0 ? Optional.of(first) : store.findByKey(user, voidKey(key, i));
            if (v.isEmpty()) {
                break;
            }
            voided.add(v.get().subject().orElseThrow());
        }
        return new Envelope(
                answer(sessionId, voided, true),
                JSON.objectNode(),
                Meta.now(call.origin().requestId()));
    }

    private static ObjectNode answer(String sessionId, List<UUID> voided, boolean replayed) {
        ObjectNode data = JSON.objectNode();
        data.put("session_id", sessionId);
        data.put("voided", voided.size());
        ArrayNode ids = data.putArray("voided_event_ids");
        voided.forEach(id -> ids.add(id.toString()));
        data.put("replayed", replayed);
        return data;
    }

    private static String voidKey(String key, int index) {
        return key + "/" + index;
    }
}
