package dev.td.server.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.ChangeContext;
import dev.td.server.events.EventCheck;
import dev.td.server.events.EventMetadata;
import dev.td.server.events.EventQuery;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.Fact;
import dev.td.server.events.JsonFields;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TimeInput;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.PeriodWords;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The tools over the raw event log: log_events, get_events, correct_event, void_event, get_event_types. */
final class EventTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Events per page when no limit is given: an answer under ~2,000 tokens (an event is ~170), next_cursor for more. */
    static final int DEFAULT_PAGE = 10;

    private final EventStore store;
    private final EventQuery query;
    private final EventTypes types;
    private final Profiles profiles;
    private final EventCheck check;
    private final ChangeContext changes;

    EventTools(
            EventStore store,
            EventQuery query,
            EventTypes types,
            Profiles profiles,
            EventCheck check,
            ChangeContext changes) {
        this.check = check;
        this.changes = changes;
        this.store = store;
        this.query = query;
        this.types = types;
        this.profiles = profiles;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("log_events", this::logEvents)
                .handle("get_events", this::getEvents)
                .handle("correct_event", this::correctEvent)
                .handle("void_event", this::voidEvent)
                .handle("get_event_types", this::getEventTypes);
    }

    private Envelope logEvents(ToolCall call) {
        UUID user = call.principal().userId();
        ZoneId personZone = profiles.timeZoneOf(user);
        Instant now = Instant.now();
        JsonNode items = call.arguments().get("events");
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "$.events[" + i + "]";
            String type = item.get("type").asText();
            types.validateLoggable(type, item.get("data"), path);
            TimeInput.Moment at = TimeInput.occurredAt(
                    item.get("occurred_at").asText(),
                    JsonFields.text(item, "time_zone"),
                    personZone,
                    path + ".occurred_at",
                    now);
            check.check(user, type, item.get("data"), path + ".data");
            ObjectNode metadata = EventMetadata.of(call, JsonFields.text(item, "device"));
            events.add(new NewEvent(
                    type,
                    at.instant(),
                    at.zone(),
                    (ObjectNode) item.get("data"),
                    item.get("idempotency_key").asText(),
                    metadata,
                    Optional.empty()));
        }
        List<StoredEvent> stored = store.append(user, events);
        ArrayNode out = JSON.arrayNode();
        int replayed = 0;
        for (StoredEvent e : stored) {
            out.add(e.toJson().put("replayed", e.replayed()));
            replayed += e.replayed() ? 1 : 0;
        }
        ObjectNode data = JSON.objectNode();
        data.set("events", out);
        data.put("stored", stored.size() - replayed);
        data.put("replayed", replayed);
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    private Envelope getEvents(ToolCall call) {
        ObjectNode a = call.arguments();
        ZoneInUse zoneInUse = profiles.zoneInUse(call.principal().userId());
        ZoneId zone = zoneInUse.zone();
        List<String> typeFilter = new ArrayList<>();
        a.path("types").forEach(t -> typeFilter.add(t.asText()));
        Optional<String> words = JsonFields.text(a, "period");
        Optional<DayRange> days = words.map(w -> {
            AskedPeriod.requireAlone(a);
            return PeriodWords.resolve(w, AsOf.today(zone), "$.period");
        });
        // as of a past moment: only what had happened by then; as known at one: only the log recorded by then
        Optional<AsOf.Cut> then = AsOf.of(call.principal().userId());
        Optional<Instant> to = days.map(d -> d.end(zone))
                .or(() -> JsonFields.text(a, "to").map(v -> TimeInput.bound(v, zone, "$.to")));
        Optional<Instant> before = then.flatMap(AsOf.Cut::occurredBefore);
        if (before.isPresent() && (to.isEmpty() || before.get().isBefore(to.get()))) {
            to = before;
        }
        EventQuery.Filter filter = new EventQuery.Filter(
                typeFilter,
                days.map(d -> d.start(zone))
                        .or(() -> JsonFields.text(a, "from").map(v -> TimeInput.bound(v, zone, "$.from"))),
                to,
                !"log".equals(a.path("view").asText("effective")),
                a.path("limit").asInt(DEFAULT_PAGE),
                JsonFields.text(a, "cursor").map(v -> EventQuery.Cursor.decode(v, "$.cursor")),
                then.map(AsOf.Cut::knownUpTo).orElse(Long.MAX_VALUE));
        if (before.isPresent()
                && filter.from().isPresent()
                && !filter.from().get().isBefore(before.get())) {
            throw ToolException.invalid(
                    "$.as_of",
                    "as_of is before from: nothing had happened in the range by then; ask from an earlier day");
        }
        if (filter.from().isPresent()
                && filter.to().isPresent()
                && !filter.from().get().isBefore(filter.to().get())) {
            throw ToolException.invalid("$.to", "to must be after from; the range is [from, to)");
        }
        EventQuery.Page page = query.page(call.principal().userId(), filter);
        ObjectNode data = JSON.objectNode();
        data.set("events", page.events());
        data.set(
                "next_cursor",
                page.next().<JsonNode>map(c -> JSON.textNode(c.encode())).orElse(JSON.nullNode()));
        data.put("user_id", call.principal().userId().toString());
        ObjectNode context = JSON.objectNode();
        Meta meta = Meta.now(call.origin().requestId());
        if (days.isPresent() || a.hasNonNull("from") || a.hasNonNull("to")) {
            zoneInUse.hint().ifPresent(h -> context.put("time_zone", h));
        }
        if (days.isPresent()) {
            meta = meta.withPeriod(
                    AskedPeriod.json(days.map(DayRange::from), days.map(DayRange::to), words, zoneInUse));
        }
        return new Envelope(data, context, meta);
    }

    private Envelope correctEvent(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        UUID target = UUID.fromString(a.get("event_id").asText());
        String key = a.get("idempotency_key").asText();
        StoredEvent original = requireCompensable(user, target, "correct");
        Current current = current(user, original);
        boolean replace = a.path("replace").asBoolean(false);
        JsonNode corrected = replace ? a.get("data") : MergePatch.apply(current.data(), a.get("data"));
        EventTypes.EventType type = types.find(original.type()).orElse(null);
        if (type != null) {
            types.validateData(type, corrected, "$.data");
            check.check(user, original.type(), corrected, "$.data");
        }
        ZoneId originalZone = ZoneId.of(original.timeZone());
        TimeInput.Moment at = a.has("occurred_at")
                ? TimeInput.occurredAt(
                        a.get("occurred_at").asText(),
                        JsonFields.text(a, "time_zone"),
                        originalZone,
                        "$.occurred_at",
                        Instant.now())
                : new TimeInput.Moment(original.occurredAt().toInstant(), originalZone);
        ObjectNode data = JSON.objectNode();
        data.put("event_id", target.toString());
        data.set("data", corrected);
        if (a.has("occurred_at")) {
            data.put(
                    "occurred_at",
                    StoredEvent.iso(at.instant().atZone(at.zone()).toOffsetDateTime()));
            data.put("time_zone", at.zone().getId());
        }
        JsonFields.text(a, "reason").ifPresent(r -> data.put("reason", r));
        NewEvent correction = new NewEvent(
                EventTypes.CORRECTED,
                at.instant(),
                at.zone(),
                data,
                key,
                EventMetadata.of(call, Optional.empty()),
                Optional.of(target));
        ChangeContext.After after =
                changes.before(user, List.of(fact(original, current.data()), fact(original, (ObjectNode) corrected)));
        StoredEvent stored = appendCompensation(
                user, correction, target, "correct", replace ? Optional.empty() : Optional.of(current));
        ObjectNode out = JSON.objectNode();
        out.set("correction", stored.toJson());
        out.set("corrected", correctedView(original, stored, user));
        return new Envelope(out, context(after, stored), Meta.now(call.origin().requestId()));
    }

    /** An event's data as it reads now, and the correction it comes from (none: the event's own data). */
    private record Current(ObjectNode data, Optional<UUID> correction) {}

    private Current current(UUID user, StoredEvent original) {
        return store.compensationsOf(user, original.eventId()).stream()
                .filter(e -> e.type().equals(EventTypes.CORRECTED))
                .reduce((earlier, later) -> later)
                .map(c -> new Current((ObjectNode) c.data().get("data"), Optional.of(c.eventId())))
                .orElseGet(() -> new Current(original.data(), Optional.empty()));
    }

    /** The event as it reads (or will read) in the effective history with {@code data}. */
    private static Fact fact(StoredEvent original, ObjectNode data) {
        return new Fact(original.eventId(), original.sequence(), original.type(), original.occurredAt(), data);
    }

    /** What the capabilities say the change did; nothing for a retry, which changed nothing. */
    private static ObjectNode context(ChangeContext.After after, StoredEvent stored) {
        ObjectNode context = JSON.objectNode();
        if (!stored.replayed()) {
            after.addTo(context);
        }
        return context;
    }

    private ObjectNode correctedView(StoredEvent original, StoredEvent latest, UUID user) {
        ObjectNode view = original.toJson();
        List<UUID> ids = store.compensationsOf(user, original.eventId()).stream()
                .filter(e -> e.type().equals(EventTypes.CORRECTED))
                .map(StoredEvent::eventId)
                .toList();
        view.set("original_data", original.data());
        view.set("data", latest.data().get("data"));
        view.put("occurred_at", StoredEvent.iso(latest.occurredAt()));
        view.put("time_zone", latest.timeZone());
        ArrayNode by = view.putArray("corrected_by");
        ids.forEach(id -> by.add(id.toString()));
        return view;
    }

    private Envelope voidEvent(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        UUID target = UUID.fromString(a.get("event_id").asText());
        String key = a.get("idempotency_key").asText();
        StoredEvent original = requireCompensable(user, target, "void");
        ChangeContext.After after = changes.before(
                user, List.of(fact(original, current(user, original).data())));
        ObjectNode data = JSON.objectNode();
        data.put("event_id", target.toString());
        data.put("reason", a.get("reason").asText());
        NewEvent voiding = new NewEvent(
                EventTypes.VOIDED,
                original.occurredAt().toInstant(),
                ZoneId.of(original.timeZone()),
                data,
                key,
                EventMetadata.of(call, Optional.empty()),
                Optional.of(target));
        StoredEvent stored = appendCompensation(user, voiding, target, "void", Optional.empty());
        ObjectNode out = JSON.objectNode();
        out.set("voiding", stored.toJson());
        return new Envelope(out, context(after, stored), Meta.now(call.origin().requestId()));
    }

    /** The target must exist and be an original event; checked again under the append lock. */
    private StoredEvent requireCompensable(UUID user, UUID target, String verb) {
        StoredEvent original = store.find(user, target)
                .orElseThrow(() -> ToolException.notFound(
                        "$.event_id", "no event " + target + " in this person's log; get_events lists the event ids"));
        if (original.subject().isPresent()) {
            throw ToolException.invalid(
                    "$.event_id",
                    "event " + target + " is itself a " + original.type() + "; " + verb + " the original event "
                            + original.subject().get() + " instead");
        }
        return original;
    }

    /**
     * Appends a correction or void; under the lock the target must not be voided and, for a correction merged
     * into the data read before ({@code mergedInto}), no other correction may have come since.
     */
    private StoredEvent appendCompensation(
            UUID user, NewEvent compensation, UUID target, String verb, Optional<Current> mergedInto) {
        List<StoredEvent> stored = store.append(user, List.of(compensation), log -> {
            if (log.hasKey(compensation.idempotencyKey())) {
                return;
            }
            List<StoredEvent> compensations = log.compensationsOf(target);
            for (StoredEvent earlier : compensations) {
                if (earlier.type().equals(EventTypes.VOIDED)) {
                    throw ToolException.conflict(
                            "$.event_id",
                            "event " + target + " was voided ("
                                    + earlier.data().path("reason").asText()
                                    + ", by event " + earlier.eventId() + ") and cannot be "
                                    + (verb.equals("void") ? "voided again" : "corrected")
                                    + "; log a new event instead");
                }
            }
            Optional<UUID> latest =
                    compensations.stream().map(StoredEvent::eventId).reduce((earlier, later) -> later);
            if (mergedInto.isPresent() && !mergedInto.get().correction().equals(latest)) {
                throw ToolException.conflict(
                        "$.event_id",
                        "event " + target + " was corrected by another call meanwhile (by event "
                                + latest.map(UUID::toString).orElse("?")
                                + "); read it again and repeat the correction with a new idempotency_key");
            }
        });
        return stored.getFirst();
    }

    private Envelope getEventTypes(ToolCall call) {
        Optional<String> only = JsonFields.text(call.arguments(), "type");
        ArrayNode list = JSON.arrayNode();
        for (EventTypes.EventType t : types.all()) {
            if (only.isEmpty()) {
                list.add(fields(t));
            } else if (only.get().equals(t.type())) {
                ObjectNode node = list.addObject();
                node.put("type", t.type());
                node.put("description", t.description());
                node.set("schema", t.schema());
                node.put("loggable", t.loggable());
            }
        }
        if (only.isPresent() && list.isEmpty() && !only.get().startsWith(EventTypes.CUSTOM_PREFIX)) {
            throw ToolException.notFound(
                    "$.type", "no event type '" + only.get() + "'; call get_event_types without arguments to list all");
        }
        ObjectNode data = JSON.objectNode();
        data.set("event_types", list);
        data.put("custom_prefix", EventTypes.CUSTOM_PREFIX);
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    /**
     * A type as the list without {@code type} shows it: the names of its data's required and optional fields
     * instead of the schema (every type with its schema is ~11,000 characters; naming the type gives it).
     */
    private static ObjectNode fields(EventTypes.EventType t) {
        ObjectNode node = JSON.objectNode();
        node.put("type", t.type());
        node.put("description", t.description());
        node.put("loggable", t.loggable());
        Set<String> required = new LinkedHashSet<>();
        t.schema().path("required").forEach(f -> required.add(f.asText()));
        required.forEach(node.putArray("required")::add);
        ArrayNode optional = node.putArray("optional");
        t.schema().path("properties").fieldNames().forEachRemaining(f -> {
            if (!required.contains(f)) {
                optional.add(f);
            }
        });
        return node;
    }
}
