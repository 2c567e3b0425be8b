package dev.td.server.health;

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
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The health and plan tools: report_injury, resolve_injury, get_injuries, start_program, change_program_phase,
 * get_program, add_note. Each write is one event under the call's idempotency key; a retry carries the first
 * attempt's moment, so it replays instead of conflicting.
 */
final class HealthTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How long after it ended get_injuries still lists an injury by default. */
    static final int RECENTLY_RESOLVED_DAYS = 90;

    private final EventStore store;
    private final Profiles profiles;
    private final NameResolver exercises;
    private final BodyParts parts;
    private final HealthViews views;

    HealthTools(EventStore store, Profiles profiles, NameResolver exercises, BodyParts parts, HealthViews views) {
        this.store = store;
        this.profiles = profiles;
        this.exercises = exercises;
        this.parts = parts;
        this.views = views;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("report_injury", this::reportInjury)
                .handle("resolve_injury", this::resolveInjury)
                .handle("get_injuries", this::getInjuries)
                .handle("start_program", this::startProgram)
                .handle("change_program_phase", this::changeProgramPhase)
                .handle("get_program", this::getProgram)
                .handle("add_note", this::addNote);
    }

    private Envelope reportInjury(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        LocalDate today = AsOf.today(zone);
        String said = a.get("body_part").asText();
        Optional<BodyParts.BodyPart> known = parts.find(said);
        String bodyPart = known.map(BodyParts.BodyPart::id).orElseGet(() -> slug(said));
        if (bodyPart.isEmpty()) {
            throw ToolException.invalid(
                    "$.body_part",
                    "name the body part in words (knee, lower back, Schulter); td knows "
                            + String.join(", ", parts.ids()));
        }
        String side =
                JsonFields.text(a, "side").or(() -> BodyParts.sideIn(said)).orElse("none");
        Optional<LocalDate> since = JsonFields.text(a, "since").map(s -> day(s, "$.since", today));
        ObjectNode data = JSON.objectNode();
        String injuryId = JsonFields.text(a, "injury_id")
                .or(() -> storedField(user, a, "injury_id"))
                .orElseGet(() -> "inj-" + bodyPart.replace('_', '-') + (side.equals("none") ? "" : "-" + side) + "-"
                        + since.orElse(today));
        data.put("injury_id", injuryId);
        data.put("body_part", bodyPart);
        if (!said.equals(bodyPart)) {
            data.put("said", said);
        }
        data.put("side", side);
        data.put("severity", a.get("severity").asText());
        copy(a, data, "pain");
        since.ifPresent(d -> data.put("since", d.toString()));
        ArrayNode ids = JSON.arrayNode();
        JsonNode named = a.path("exercises");
        Set<String> resolved = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            resolved.add(exercises.resolveId(user, named.get(i).asText(), "$.exercises[" + i + "]"));
        }
        resolved.forEach(ids::add);
        if (!ids.isEmpty()) {
            data.set("exercises", ids);
        }
        copy(a, data, "patterns", "sports", "notes");
        StoredEvent stored = append(call, "injury.reported", data, Optional.empty());
        Injury now = views.injury(user, injuryId).orElseThrow();
        ObjectNode out = JSON.objectNode();
        out.set("injury", views.full(now, today));
        out.put("event_id", stored.eventId().toString());
        out.put("replayed", stored.replayed());
        ObjectNode context = JSON.objectNode();
        if (known.isEmpty()) {
            context.put(
                    "body_part",
                    "td does not know '" + said + "' as a body part, so the injury affects only the exercises, patterns"
                            + " and sports named; known body parts: " + String.join(", ", parts.ids()));
        }
        return new Envelope(out, context, meta(call, InjuryProjection.VERSION));
    }

    private Envelope resolveInjury(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        LocalDate today = AsOf.today(zone);
        String injuryId = a.get("injury_id").asText();
        Optional<StoredEvent> retry =
                store.findByKey(user, a.get("idempotency_key").asText());
        Injury injury = views.injury(user, injuryId)
                .filter(i -> retry.isPresent() || i.resolved().isEmpty())
                .orElseThrow(() -> ToolException.notFound(
                        "$.injury_id",
                        "no active injury '" + injuryId + "'; active ones: "
                                + String.join(
                                        ", ",
                                        views.activeOn(user, today).stream()
                                                .map(Injury::injuryId)
                                                .toList())
                                + " (get_injuries lists them)"));
        Optional<LocalDate> on = JsonFields.text(a, "on").map(s -> day(s, "$.on", today));
        if (on.isPresent() && on.get().isBefore(LocalDate.parse(injury.since()))) {
            throw ToolException.invalid(
                    "$.on",
                    "the injury began on " + injury.since() + ", so it cannot have ended on " + on.get()
                            + "; check the date");
        }
        ObjectNode data = JSON.objectNode().put("injury_id", injuryId);
        copy(a, data, "notes");
        StoredEvent stored = append(
                call, "injury.resolved", data, on.map(d -> d.atStartOfDay(zone).toInstant()));
        ObjectNode out = JSON.objectNode();
        out.set("injury", views.full(views.injury(user, injuryId).orElseThrow(), today));
        out.put("event_id", stored.eventId().toString());
        out.put("replayed", stored.replayed());
        return Envelope.of(out, meta(call, InjuryProjection.VERSION));
    }

    private Envelope getInjuries(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        boolean all = a.path("include_resolved").asBoolean(false);
        ArrayNode list = JSON.arrayNode();
        int older = 0;
        for (Injury i : views.injuries(user)) {
            boolean recent = i.resolved()
                    .map(r -> !LocalDate.parse(r).isBefore(today.minusDays(RECENTLY_RESOLVED_DAYS)))
                    .orElse(true);
            if (all || recent) {
                list.add(views.full(i, today));
            } else {
                older++;
            }
        }
        ObjectNode out = JSON.objectNode();
        out.set("injuries", list);
        out.put("active", (int)
                views.injuries(user).stream().filter(i -> i.activeOn(today)).count());
        out.put("older_resolved", older);
        ObjectNode context = JSON.objectNode();
        if (older > 0) {
            context.put(
                    "older_resolved",
                    older + " injur" + (older == 1 ? "y" : "ies") + " resolved more than " + RECENTLY_RESOLVED_DAYS
                            + " days ago not shown; include_resolved: true lists them");
        }
        return new Envelope(out, context, meta(call, InjuryProjection.VERSION));
    }

    private Envelope startProgram(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        LocalDate today = AsOf.today(zone);
        Optional<LocalDate> start = JsonFields.text(a, "start").map(s -> day(s, "$.start", today));
        String name = a.get("name").asText().strip();
        String programId = JsonFields.text(a, "program_id")
                .or(() -> storedField(user, a, "program_id"))
                .orElseGet(() -> "prog-" + slug(name).replace('_', '-') + "-" + start.orElse(today));
        ObjectNode data = JSON.objectNode().put("program_id", programId).put("name", name);
        copy(a, data, "goal", "phase", "week", "weeks", "sessions_per_week", "sessions", "notes");
        StoredEvent stored = append(
                call,
                "program.started",
                data,
                start.map(d -> d.atStartOfDay(zone).toInstant()));
        return programAnswer(call, user, programId, today, stored);
    }

    private Envelope changeProgramPhase(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        LocalDate today = AsOf.today(zone);
        Program program = JsonFields.text(a, "program_id")
                .map(id -> views.programs(user).stream()
                        .filter(p -> p.programId().equals(id))
                        .findFirst()
                        .orElseThrow(() -> ToolException.notFound(
                                "$.program_id", "no program '" + id + "'; get_program shows the current one")))
                .or(() -> views.current(user))
                .orElseThrow(() -> ToolException.notFound(
                        "$.program_id", "the person follows no program yet; start_program sets one up"));
        Optional<LocalDate> on = JsonFields.text(a, "on").map(s -> day(s, "$.on", today));
        if (on.isPresent() && on.get().isBefore(LocalDate.parse(program.started()))) {
            throw ToolException.invalid(
                    "$.on",
                    "program " + program.programId() + " started on " + program.started()
                            + "; a phase cannot begin before that. Check the date");
        }
        ObjectNode data = JSON.objectNode().put("program_id", program.programId());
        copy(a, data, "phase", "week", "sessions_per_week", "sessions", "notes");
        StoredEvent stored = append(
                call,
                "program.phase_changed",
                data,
                on.map(d -> d.atStartOfDay(zone).toInstant()));
        return programAnswer(call, user, program.programId(), today, stored);
    }

    private Envelope programAnswer(ToolCall call, UUID user, String programId, LocalDate today, StoredEvent stored) {
        Program program = views.programs(user).stream()
                .filter(p -> p.programId().equals(programId))
                .findFirst()
                .orElseThrow();
        ObjectNode out = JSON.objectNode();
        out.set("program", views.full(program, today));
        out.put("event_id", stored.eventId().toString());
        out.put("replayed", stored.replayed());
        return Envelope.of(out, meta(call, ProgramProjection.VERSION));
    }

    private Envelope getProgram(ToolCall call) {
        UUID user = call.principal().userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        List<Program> all = views.programs(user);
        ObjectNode out = JSON.objectNode();
        ObjectNode context = JSON.objectNode();
        if (all.isEmpty()) {
            out.putNull("program");
            context.put("program", "no program logged; when the person follows one, start_program records it");
        } else {
            out.set("program", views.full(all.getFirst(), today));
        }
        ArrayNode earlier = out.putArray("earlier");
        for (Program p : all.subList(Math.min(1, all.size()), all.size())) {
            earlier.addObject()
                    .put("program_id", p.programId())
                    .put("name", p.name())
                    .put("started", p.started());
        }
        return new Envelope(out, context, meta(call, ProgramProjection.VERSION));
    }

    private Envelope addNote(ToolCall call) {
        ObjectNode a = call.arguments();
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        Optional<TimeInput.Moment> at = JsonFields.text(a, "occurred_at")
                .map(v ->
                        TimeInput.occurredAt(v, JsonFields.text(a, "time_zone"), zone, "$.occurred_at", Instant.now()));
        ObjectNode data = JSON.objectNode().put("text", a.get("text").asText());
        copy(a, data, "tags");
        StoredEvent stored =
                append(call, "note.recorded", data, at.map(TimeInput.Moment::instant), at.map(TimeInput.Moment::zone));
        ObjectNode out = JSON.objectNode();
        out.set("event", stored.toJson());
        out.put("replayed", stored.replayed());
        return Envelope.of(out, Meta.now(call.origin().requestId()));
    }

    private StoredEvent append(ToolCall call, String type, ObjectNode data, Optional<Instant> at) {
        return append(call, type, data, at, Optional.empty());
    }

    /**
     * Appends one event under the call's idempotency key at {@code at}, or, without one, at the moment a first
     * attempt with this key was stored (a retry replays), else now.
     */
    private StoredEvent append(
            ToolCall call, String type, ObjectNode data, Optional<Instant> at, Optional<ZoneId> zoneArg) {
        UUID user = call.principal().userId();
        String key = call.arguments().get("idempotency_key").asText();
        Instant moment = at.or(
                        () -> store.findByKey(user, key).map(e -> e.occurredAt().toInstant()))
                .orElseGet(Instant::now);
        ZoneId zone = zoneArg.orElseGet(() -> profiles.timeZoneOf(user));
        return store.append(
                        user,
                        List.of(new NewEvent(
                                type,
                                moment,
                                zone,
                                data,
                                key,
                                EventMetadata.of(call, Optional.empty()),
                                Optional.empty())))
                .getFirst();
    }

    /** A field of the event a first attempt with this call's key stored: a retry derives no new id. */
    private Optional<String> storedField(UUID user, JsonNode args, String field) {
        return store.findByKey(user, args.get("idempotency_key").asText())
                .flatMap(e -> JsonFields.text(e.data(), field));
    }

    /** A date argument: ISO, not in the future, not before 1900. */
    private static LocalDate day(String value, String path, LocalDate today) {
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(path, "'" + value + "' is not a date; write it as 2026-11-24");
        }
        if (d.isAfter(today)) {
            throw ToolException.invalid(
                    path, "'" + value + "' is after today (" + today + " in the person's time zone); name a past date");
        }
        if (d.getYear() < 1900) {
            throw ToolException.invalid(path, "'" + value + "' is before 1900; check the year");
        }
        return d;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f).deepCopy());
            }
        }
    }

    /** Lower-case words joined by '_' ("Left Jaw!" → "left_jaw"), accents dropped. */
    static String slug(String text) {
        return BodyParts.normalize(text).replace(' ', '_');
    }

    private static Meta meta(ToolCall call, int version) {
        return Meta.now(call.origin().requestId()).withProjectionVersion(version);
    }
}
