package dev.td.server.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.Format;
import dev.td.server.events.EventCheck;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.NewEvent;
import dev.td.server.exercises.Exercises;
import dev.td.tools.Progress;
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
 * exercise for a name nothing matches), and checks every event like a logged one. A draft that fails a check is
 * rejected with the reason and the rest go on; nothing here writes except the exercises created.
 */
final class DraftEvents {

    /** Types whose data carries {@code unusual_confirmed}. */
    private static final Set<String> CONFIRMABLE = Set.of("set.logged", "activity.logged", "metric.recorded");

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

    /**
     * The drafts' events that are new and pass every check, in file order; the report counts the rest. Exercises the
     * sets name and the catalog lacks are created first (their own append, so that the sets' checks find them).
     */
    List<NewEvent> prepare(UUID user, Format format, List<Draft> drafts, Plan plan, ImportReport report) {
        List<Draft> fresh = fresh(user, format, drafts, report);
        if (plan.linkRepeats()) {
            fresh = unrepeated(user, fresh, report);
        }
        Map<String, String> exerciseIds = exerciseIds(user, format, fresh, plan, report);
        List<NewEvent> events = new ArrayList<>(fresh.size());
        int checked = 0;
        for (Draft d : fresh) {
            if (++checked % ImportTools.PROGRESS_EVERY == 0) {
                Progress.report(40 + 50.0 * checked / fresh.size(), 100, "checked " + checked + " of " + fresh.size());
            }
            ObjectNode data = d.data().deepCopy();
            if (d.type().equals("set.logged")) {
                data.put(
                        "exercise_id",
                        exerciseIds.get(nameKey(data.path("exercise").asText())));
            }
            if (plan.confirmUnusual() && CONFIRMABLE.contains(d.type())) {
                data.put("unusual_confirmed", true);
            }
            try {
                types.validateLoggable(d.type(), data, "$.data");
                checks.check(user, d.type(), data, "$.data");
            } catch (ToolException e) {
                report.rejected(d.recordId(), String.valueOf(e.getMessage()), Optional.of(e.path()));
                continue;
            }
            ObjectNode metadata = plan.metadata().deepCopy();
            ((ObjectNode) metadata.get("import")).put("record", d.recordId());
            events.add(new NewEvent(
                    d.type(),
                    d.occurredAt(),
                    d.timeZone().orElse(plan.personZone()),
                    data,
                    key(format, d.recordId()),
                    metadata,
                    Optional.empty()));
        }
        return events;
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
    private List<Draft> fresh(UUID user, Format format, List<Draft> drafts, ImportReport report) {
        Set<String> seen = new HashSet<>();
        List<Draft> distinct = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            if (seen.add(d.recordId())) {
                distinct.add(d);
            } else {
                report.skipped(d.recordId(), "the file holds this record twice; the first is imported");
            }
        }
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < distinct.size(); i += KEY_BATCH) {
            List<String> keys = distinct.subList(i, Math.min(distinct.size(), i + KEY_BATCH)).stream()
                    .map(d -> key(format, d.recordId()))
                    .toList();
            stored.addAll(store.storedKeys(user, keys));
        }
        List<Draft> fresh = new ArrayList<>(distinct.size() - stored.size());
        for (Draft d : distinct) {
            if (stored.contains(key(format, d.recordId()))) {
                report.alreadyImported();
            } else {
                fresh.add(d);
            }
        }
        return fresh;
    }

    /**
     * The catalog id of every exercise name the new sets use, by {@link #nameKey}; names nothing in the catalog
     * matches (or several things do) become personal exercises, created here in one append.
     */
    private Map<String, String> exerciseIds(
            UUID user, Format format, List<Draft> fresh, Plan plan, ImportReport report) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<NewEvent> created = new ArrayList<>();
        for (Draft d : fresh) {
            if (!d.type().equals("set.logged")) {
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
                created.add(new NewEvent(
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
        if (!created.isEmpty()) {
            store.append(user, created);
        }
        return ids;
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
