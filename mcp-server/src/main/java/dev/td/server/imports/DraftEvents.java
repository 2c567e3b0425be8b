package dev.td.server.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.Format;
import dev.td.server.events.EventCheck;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.NewEvent;
import dev.td.server.events.StoredEvent;
import dev.td.server.exercises.Exercises;
import dev.td.tools.ToolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an importer's drafts into events to store: keys each by its record id ({@code import:<format>:<record>}),
 * leaves out what the log already holds, resolves exercise names in the person's catalog (creating a personal
 * exercise for a name nothing matches; a td export's sets keep their {@code exercise_id}), and checks every event like
 * a logged one. A draft that fails a check is rejected with the reason and the rest go on; nothing here writes except
 * the exercises, stored first.
 */
final class DraftEvents {

    /** Types whose data carries {@code unusual_confirmed}. */
    private static final Set<String> CONFIRMABLE = Set.of("set.logged", "activity.logged", "metric.recorded");
    /** The catalog's events, stored before the events that use them. */
    private static final String EXERCISE_EVENTS = "exercise.";

    private static final int KEY_BATCH = 10_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventStore store;
    private final EventTypes types;
    private final EventCheck checks;
    private final Exercises exercises;
    private final ActivityLinks links;

    DraftEvents(EventStore store, EventTypes types, EventCheck checks, Exercises exercises, ActivityLinks links) {
        this.links = links;
        this.store = store;
        this.types = types;
        this.checks = checks;
        this.exercises = exercises;
    }

    /** How one import's drafts are to be written. */
    record Plan(ZoneId personZone, ObjectNode metadata, boolean confirmUnusual, boolean linkRepeats) {}

    /** The idempotency key of a draft of this format. */
    static String key(Format format, String recordId) {
        return "import:" + format.id() + ":" + recordId;
    }

    /** Formats whose sets name exercises, or that carry exercise events: read once for those before the rest. */
    static boolean namesExercises(Format format) {
        return format == Format.STRONG || format == Format.HEVY || format == Format.TD;
    }

    /** Whether the first pass keeps this draft: an exercise event, or a set naming its exercise without an id. */
    static boolean aboutExercises(Draft d) {
        return d.type().startsWith(EXERCISE_EVENTS)
                || (d.type().equals("set.logged") && !d.data().hasNonNull("exercise_id"));
    }

    /**
     * Stores the exercises a file needs, before its other events and in an append of their own so that the sets'
     * checks find them: those its sets name and the catalog lacks (created here), and a td export's own {@code
     * exercise.*} events. Answers the catalog id of every name, by {@link #nameKey}.
     *
     * @param drafts the file's drafts {@link #aboutExercises about exercises}
     */
    Map<String, String> exercises(UUID user, Format format, List<Draft> drafts, Plan plan, ImportReport report) {
        List<Draft> events = drafts.stream()
                .filter(d -> d.type().startsWith(EXERCISE_EVENTS))
                .toList();
        List<Draft> fresh = new ArrayList<>(fresh(user, format, events, report, new HashSet<>()));
        drafts.stream().filter(d -> d.type().equals("set.logged")).forEach(fresh::add);
        return exercisesFirst(user, format, fresh, plan, report);
    }

    /**
     * One batch's events that are new and pass every check, in file order; the report counts the rest. Exercise events
     * are left out: {@link #exercises} stored them.
     *
     * @param exerciseIds the catalog ids of the names the sets use, from {@link #exercises}
     * @param seen        the record ids of the batches before, to keep a record the file holds twice once
     */
    List<NewEvent> prepare(
            UUID user,
            Format format,
            List<Draft> drafts,
            Plan plan,
            ImportReport report,
            Map<String, String> exerciseIds,
            Set<String> seen) {
        List<Draft> others = drafts.stream()
                .filter(d -> !d.type().startsWith(EXERCISE_EVENTS))
                .toList();
        List<Draft> fresh = fresh(user, format, others, report, seen);
        if (plan.linkRepeats()) {
            fresh = unrepeated(user, fresh, report);
        }
        List<NewEvent> events = new ArrayList<>(fresh.size());
        for (Draft d : fresh) {
            ObjectNode data = d.data().deepCopy();
            if (d.type().equals("set.logged") && !data.hasNonNull("exercise_id")) {
                String id = exerciseIds.get(nameKey(data.path("exercise").asText()));
                if (id != null) {
                    data.put("exercise_id", id);
                }
            }
            if (plan.confirmUnusual() && CONFIRMABLE.contains(d.type())) {
                data.put("unusual_confirmed", true);
            }
            try {
                validate(format, d.type(), data);
                checks.check(user, d.type(), data, "$.data");
            } catch (ToolException e) {
                report.rejected(d.recordId(), String.valueOf(e.getMessage()), Optional.of(e.path()));
                continue;
            }
            events.add(event(d, data, format, plan));
        }
        return events;
    }

    /**
     * Checks a draft's data against its type's schema. An app's drafts must be of types agents may log; a td export
     * also carries the types td's own tools write ({@code exercise.*}, {@code injury.*}, {@code program.*}), never a
     * correction or void (its importer applies those).
     */
    private void validate(Format format, String type, ObjectNode data) {
        if (format != Format.TD || type.startsWith(EventTypes.CUSTOM_PREFIX)) {
            types.validateLoggable(type, data, "$.data");
            return;
        }
        EventTypes.EventType known = types.find(type)
                .filter(t -> !t.type().equals(EventTypes.CORRECTED) && !t.type().equals(EventTypes.VOIDED))
                .orElseThrow(() -> ToolException.invalid(
                        "$.type",
                        "td does not know the event type " + type + " (the td that exported it may be newer); "
                                + "import it into a td of that version or later"));
        types.validateData(known, data, "$.data");
    }

    private static NewEvent event(Draft d, ObjectNode data, Format format, Plan plan) {
        ObjectNode metadata = plan.metadata().deepCopy();
        ((ObjectNode) metadata.get("import")).put("record", d.recordId());
        return new NewEvent(
                d.type(),
                d.occurredAt(),
                d.timeZone().orElse(plan.personZone()),
                data,
                key(format, d.recordId()),
                metadata,
                Optional.empty());
    }

    /** The drafts less the activities another source already logged (linked to those instead, in the report). */
    private List<Draft> unrepeated(UUID user, List<Draft> fresh, ImportReport report) {
        List<Draft> activities =
                fresh.stream().filter(d -> d.type().equals("activity.logged")).toList();
        List<ActivityLinks.Stored> near = links.near(user, activities);
        if (near.isEmpty()) {
            return fresh;
        }
        List<Draft> kept = new ArrayList<>(fresh.size());
        for (Draft d : fresh) {
            Optional<ActivityLinks.Stored> same =
                    d.type().equals("activity.logged") ? ActivityLinks.repeated(d, near) : Optional.empty();
            if (same.isPresent()) {
                ActivityLinks.Stored s = same.get();
                report.linked(
                        d.recordId(),
                        "the same " + s.sport() + " as the activity from " + s.from() + " started " + s.start()
                                + ": not stored twice; import again with duplicates \"keep\" to store it as well",
                        s.eventId());
            } else {
                kept.add(d);
            }
        }
        return kept;
    }

    /** The drafts whose keys the log does not hold yet; a record the file holds twice is kept once. */
    private List<Draft> fresh(UUID user, Format format, List<Draft> drafts, ImportReport report, Set<String> seen) {
        List<Draft> distinct = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            if (seen.add(d.recordId())) {
                distinct.add(d);
            } else {
                report.skipped(d.recordId(), "the file holds this record twice; the first is imported");
            }
        }
        Set<String> stored = new HashSet<>();
        Set<UUID> own = new HashSet<>();
        for (int i = 0; i < distinct.size(); i += KEY_BATCH) {
            List<Draft> batch = distinct.subList(i, Math.min(distinct.size(), i + KEY_BATCH));
            stored.addAll(store.storedKeys(
                    user, batch.stream().map(d -> key(format, d.recordId())).toList()));
            if (format == Format.TD) {
                // a td export's record ids are event ids: imported into the log it came from, it holds nothing new
                own.addAll(store.storedIds(
                        user,
                        batch.stream()
                                .flatMap(d -> eventId(d.recordId()).stream())
                                .toList()));
            }
        }
        List<Draft> fresh = new ArrayList<>(distinct.size() - stored.size());
        for (Draft d : distinct) {
            if (stored.contains(key(format, d.recordId()))
                    || (format == Format.TD
                            && eventId(d.recordId()).filter(own::contains).isPresent())) {
                report.alreadyImported();
            } else {
                fresh.add(d);
            }
        }
        return fresh;
    }

    /**
     * Stores the exercises the other drafts need, in one append, and answers the catalog id of every exercise name the
     * new sets use without an id, by {@link #nameKey}. Names nothing in the catalog matches (or several things do)
     * become personal exercises. A td export's {@code exercise.*} events are stored as they are (checked like the
     * rest), except the creation of an id the person already has: their sets then use the person's exercise.
     */
    private Map<String, String> exercisesFirst(
            UUID user, Format format, List<Draft> fresh, Plan plan, ImportReport report) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<NewEvent> first = new ArrayList<>();
        Set<String> ownKeys = new HashSet<>();
        for (Draft d : fresh) {
            if (d.type().startsWith(EXERCISE_EVENTS)) {
                exerciseEvent(user, format, d, plan, report).ifPresent(e -> {
                    first.add(e);
                    ownKeys.add(e.idempotencyKey());
                });
                continue;
            }
            if (!d.type().equals("set.logged") || d.data().hasNonNull("exercise_id")) {
                continue;
            }
            String name = d.data().path("exercise").asText().strip();
            String k = nameKey(name);
            if (ids.containsKey(k) || name.isEmpty()) {
                continue;
            }
            String id;
            try {
                id = exercises.resolveId(user, name, "$.data.exercise");
            } catch (ToolException unresolved) {
                id = exercises.freeId(user, name);
                for (int n = 2; !taken.add(id); n++) {
                    id = exercises.freeId(user, name) + "-" + n;
                }
                ObjectNode data = JSON.objectNode().put("exercise_id", id).put("name", name);
                ObjectNode metadata = plan.metadata().deepCopy();
                ((ObjectNode) metadata.get("import")).put("record", "exercise " + name);
                first.add(new NewEvent(
                        "exercise.created",
                        d.occurredAt(),
                        d.timeZone().orElse(plan.personZone()),
                        data,
                        "import:" + format.id() + ":exercise:" + hash(k),
                        metadata,
                        Optional.empty()));
                report.exerciseCreated(name);
            }
            ids.put(k, id);
        }
        if (!first.isEmpty()) {
            for (StoredEvent e : store.append(user, first)) {
                if (!ownKeys.contains(e.idempotencyKey())) {
                    continue;
                }
                if (e.replayed()) {
                    report.alreadyImported();
                } else {
                    report.stored(e.type());
                }
            }
        }
        return ids;
    }

    /** A file's own exercise event, checked; empty when it is rejected or the person already has that exercise. */
    private Optional<NewEvent> exerciseEvent(UUID user, Format format, Draft d, Plan plan, ImportReport report) {
        ObjectNode data = d.data().deepCopy();
        String id = data.path("exercise_id").asText();
        if (d.type().equals("exercise.created") && exercises.find(user, id).isPresent()) {
            report.skipped(
                    d.recordId(),
                    "the person already has the exercise " + id + "; the imported sets of " + id + " count for it");
            return Optional.empty();
        }
        try {
            validate(format, d.type(), data);
            checks.check(user, d.type(), data, "$.data");
        } catch (ToolException e) {
            report.rejected(d.recordId(), String.valueOf(e.getMessage()), Optional.of(e.path()));
            return Optional.empty();
        }
        return Optional.of(event(d, data, format, plan));
    }

    /** A record id that is an event id (a td export's), as one. */
    private static Optional<UUID> eventId(String recordId) {
        try {
            return Optional.of(UUID.fromString(recordId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
