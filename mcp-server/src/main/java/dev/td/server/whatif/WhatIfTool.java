package dev.td.server.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Foresight;
import dev.td.server.endurance.Activities;
import dev.td.server.events.EventCheck;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.Fact;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TimeInput;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import dev.td.server.strength.Strength;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * what_if: the proposed events are checked as log_events checks them (type, data schema, the capabilities' rules),
 * each against the read scope of its kind, then appended for the person in a transaction that is always rolled
 * back ({@link EventStore#hypothetically}); every capability's {@link Foresight} reads before (as things stand, the
 * normal way) and after (inside that transaction) and writes the difference into {@code changes}.
 *
 * <p>The transaction holds the person's append lock from the append until the rollback, so their real writes wait
 * for the "after" reads; the "before" reads run first, outside it. When a real write lands in between, the locked
 * log is ahead of what "before" saw, and "before" is read again inside the transaction, ahead of the proposal.
 */
final class WhatIfTool {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String TOOL = "what_if";

    private final EventStore store;
    private final EventTypes types;
    private final EventCheck check;
    private final Foresight foresight;
    private final Profiles profiles;
    private final Metrics metrics;

    WhatIfTool(
            EventStore store,
            EventTypes types,
            EventCheck check,
            Foresight foresight,
            Profiles profiles,
            Metrics metrics) {
        this.store = store;
        this.types = types;
        this.check = check;
        this.foresight = foresight;
        this.profiles = profiles;
        this.metrics = metrics;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle(TOOL, this::whatIf);
    }

    /** The proposal as the log would take it, and as the capabilities fold it. */
    private record Proposal(List<NewEvent> events, List<Fact> facts) {}

    private Envelope whatIf(ToolCall call) {
        UUID user = call.principal().userId();
        Proposal proposal = proposal(call);
        long seen = store.lastSequence(user);
        AtomicReference<Foresight.After> after = new AtomicReference<>(foresight.before(user, proposal.facts()));
        ObjectNode changes = JSON.objectNode();
        changes.putArray("records");
        changes.putArray("exercises");
        changes.putNull("load");
        changes.putArray("anomalies");
        ObjectNode context = JSON.objectNode();
        List<StoredEvent> applied = store.hypothetically(
                user,
                proposal.events(),
                log -> {
                    if (log.lastSequence() != seen) {
                        after.set(foresight.before(user, proposal.facts()));
                    }
                },
                stored -> {
                    after.get().addTo(changes, context);
                    return stored;
                });
        profiles.zoneInUse(user).hint().ifPresent(h -> context.put("time_zone", h));
        ObjectNode data = JSON.objectNode();
        data.put("stored", false);
        data.put("proposed", applied.size());
        data.set("changes", changes);
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    /** The call's events, checked like log_events' and each against its kind's read scope, in order. */
    private Proposal proposal(ToolCall call) {
        UUID user = call.principal().userId();
        ZoneId personZone = profiles.timeZoneOf(user);
        Instant now = Instant.now();
        String batch = "what-if/" + UUID.randomUUID();
        JsonNode items = call.arguments().get("events");
        List<NewEvent> events = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "$.events[" + i + "]";
            String type = item.get("type").asText();
            types.validateLoggable(type, item.get("data"), path);
            String scope = readScope(type, item.get("data"));
            if (!call.principal().may(scope)) {
                throw ToolRegistry.forbidden(TOOL, scope, call.principal(), path + ".type");
            }
            TimeInput.Moment at = TimeInput.plannedAt(
                    item.get("occurred_at").asText(),
                    JsonFields.text(item, "time_zone"),
                    personZone,
                    path + ".occurred_at",
                    now);
            check.check(user, type, item.get("data"), path + ".data");
            ObjectNode data = (ObjectNode) item.get("data");
            events.add(new NewEvent(
                    type,
                    at.instant(),
                    at.zone(),
                    data,
                    batch + "/" + i,
                    EventMetadata.of(call, Optional.empty()),
                    Optional.empty()));
            // ids and sequences are the log's to give; "before" reads need only what happened, when and to what
            facts.add(new Fact(
                    new UUID(0, i + 1L),
                    i + 1L,
                    type,
                    at.instant().atZone(at.zone()).toOffsetDateTime(),
                    data));
        }
        return new Proposal(events, facts);
    }

    /**
     * What reading an answer about this kind of event needs: sets, sessions and the profile are training, an activity
     * endurance, a reading its metric's scope (body or health); notes and custom events the raw log's.
     */
    private String readScope(String type, JsonNode data) {
        if (type.equals("activity.logged")) {
            return Activities.READ;
        }
        if (type.equals("metric.recorded")) {
            return metrics.readScope(data.path("metric").asText());
        }
        if (type.startsWith("set.")
                || type.startsWith("session.")
                || type.startsWith("superset.")
                || type.equals("profile.updated")) {
            return Strength.READ;
        }
        return "events:read";
    }
}
