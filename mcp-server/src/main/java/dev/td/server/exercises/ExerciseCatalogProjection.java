package dev.td.server.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventStore;
import dev.td.server.events.EventTypes;
import dev.td.server.events.JsonFields;
import dev.td.server.events.StoredEvent;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a person's catalog rows in step with their {@code exercise.*} events, inside the append
 * transaction, so catalog reads are plain SQL. A correction or void of an {@code exercise.*} event
 * rebuilds the person's rows from their effective exercise events, so the catalog is always what it
 * would be had everything been logged right. Events naming an unknown exercise change nothing.
 */
final class ExerciseCatalogProjection implements EventStore.AppendListener {

    static final String CREATED = "exercise.created";
    static final String UPDATED = "exercise.updated";
    static final String ARCHIVED = "exercise.archived";
    private static final List<String> TYPES = List.of(CREATED, UPDATED, ARCHIVED);

    @Override
    public void appended(Connection tx, UUID user, List<StoredEvent> events) throws SQLException {
        boolean rebuild = false;
        for (StoredEvent e : events) {
            if (TYPES.contains(e.type())) {
                apply(tx, user, e.type(), e.data(), e.idempotencyKey());
            } else if (e.subject().isPresent()
                    && (e.type().equals(EventTypes.CORRECTED) || e.type().equals(EventTypes.VOIDED))) {
                rebuild |= isExerciseEvent(tx, user, e.subject().get());
            }
        }
        if (rebuild) {
            rebuild(tx, user);
        }
    }

    /** Replaces the person's catalog rows with the fold of their effective exercise events. */
    void rebuild(Connection tx, UUID user) throws SQLException {
        ExerciseRows.deleteAll(tx, user);
        try (PreparedStatement ps = tx.prepareStatement("""
                SELECT e.type, e.data, e.idempotency_key,
                       EXISTS (SELECT 1 FROM events v WHERE v.user_id = e.user_id AND v.subject_event_id = e.event_id
                               AND v.type = 'event.voided') AS voided,
                       (SELECT c.data -> 'data' FROM events c WHERE c.user_id = e.user_id AND c.subject_event_id = e.event_id
                               AND c.type = 'event.corrected' ORDER BY c.sequence DESC LIMIT 1) AS corrected
                FROM events e WHERE e.user_id = ? AND e.type = ANY (?) ORDER BY e.sequence""")) {
            ps.setObject(1, user);
            ps.setArray(2, tx.createArrayOf("text", TYPES.toArray()));
            List<Object[]> effective = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean("voided")) {
                        String data =
                                rs.getString("corrected") != null ? rs.getString("corrected") : rs.getString("data");
                        effective.add(new Object[] {rs.getString("type"), data, rs.getString("idempotency_key")});
                    }
                }
            }
            for (Object[] e : effective) {
                apply(tx, user, (String) e[0], (ObjectNode) readJson((String) e[1]), (String) e[2]);
            }
        }
    }

    private static void apply(Connection tx, UUID user, String type, ObjectNode data, String key) throws SQLException {
        String id = data.path("exercise_id").asText();
        switch (type) {
            case CREATED -> ExerciseRows.put(tx, user, created(data), Optional.of(key));
            case UPDATED -> {
                if (ExerciseRows.ensureOwnRow(tx, user, id)) {
                    applyUpdate(tx, user, id, data);
                }
            }
            case ARCHIVED -> {
                if (ExerciseRows.ensureOwnRow(tx, user, id)) {
                    ExerciseRows.set(tx, user, id, "archived", true);
                }
            }
            default -> throw new IllegalArgumentException(type);
        }
    }

    private static void applyUpdate(Connection tx, UUID user, String id, ObjectNode data) throws SQLException {
        if (data.has("primary_muscles")) {
            ExerciseRows.set(tx, user, id, "primary_muscles", JsonFields.texts(data.get("primary_muscles")));
        }
        if (data.has("secondary_muscles")) {
            ExerciseRows.set(tx, user, id, "secondary_muscles", JsonFields.texts(data.get("secondary_muscles")));
        }
        Map<String, String> columns = Map.of("pattern", "pattern", "equipment", "equipment", "type", "default_type");
        for (Map.Entry<String, String> c : columns.entrySet()) {
            if (data.hasNonNull(c.getKey())) {
                ExerciseRows.set(
                        tx, user, id, c.getValue(), data.get(c.getKey()).asText());
            }
        }
        if (data.has("archived")) {
            ExerciseRows.set(tx, user, id, "archived", data.get("archived").asBoolean());
        }
        if (data.has("remove_aliases")) {
            ExerciseRows.removeAliases(tx, user, id, JsonFields.texts(data.get("remove_aliases")));
        }
        if (data.has("add_aliases")) {
            ExerciseRows.addAliases(tx, user, id, JsonFields.texts(data.get("add_aliases")));
        }
    }

    /** The exercise an exercise.created event defines. */
    static Exercise created(JsonNode data) {
        Map<String, String> names = new LinkedHashMap<>();
        data.path("names")
                .properties()
                .forEach(f -> names.put(f.getKey(), f.getValue().asText()));
        return new Exercise(
                data.get("exercise_id").asText(),
                data.get("name").asText(),
                names,
                JsonFields.texts(data.get("aliases")),
                JsonFields.texts(data.get("primary_muscles")),
                JsonFields.texts(data.get("secondary_muscles")),
                JsonFields.text(data, "pattern"),
                JsonFields.text(data, "equipment"),
                JsonFields.text(data, "type"),
                true,
                false);
    }

    private static boolean isExerciseEvent(Connection tx, UUID user, UUID eventId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT type FROM events WHERE user_id = ? AND event_id = ?")) {
            ps.setObject(1, user);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && TYPES.contains(rs.getString(1));
            }
        }
    }

    private static JsonNode readJson(String text) throws SQLException {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored JSON is unreadable", e);
        }
    }
}
