package dev.td.server.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL over the catalog tables ({@code exercises}, {@code exercise_aliases}), on a connection the
 * caller owns. A person's effective catalog is their own rows plus the community rows they have
 * not overridden ({@link #EFFECTIVE}).
 */
final class ExerciseRows {

    /** The nil UUID, owner of the community taxonomy. */
    static final UUID COMMUNITY = new UUID(0L, 0L);

    /** The person's effective exercises (parameter 1: the person): their row wins over the community row. */
    static final String EFFECTIVE =
            "SELECT DISTINCT ON (exercise_id) * FROM exercises WHERE user_id IN (?, '00000000-0000-0000-0000-000000000000')"
                    + " ORDER BY exercise_id, user_id = '00000000-0000-0000-0000-000000000000'";

    private ExerciseRows() {}

    /** Inserts or replaces an exercise row and its name and alias rows (community load, exercise.created). */
    static void put(Connection c, UUID user, Exercise e, Optional<String> createdKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exercises (user_id, exercise_id, name, names, primary_muscles, secondary_muscles, pattern, equipment,
                                       default_type, personal, archived, created_key)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, exercise_id) DO UPDATE SET name = excluded.name, names = excluded.names,
                    primary_muscles = excluded.primary_muscles, secondary_muscles = excluded.secondary_muscles, pattern = excluded.pattern,
                    equipment = excluded.equipment, default_type = excluded.default_type, personal = excluded.personal,
                    archived = excluded.archived, created_key = excluded.created_key""")) {
            ps.setObject(1, user);
            ps.setString(2, e.id());
            ps.setString(3, e.name());
            ps.setString(4, Json.mapper().valueToTree(e.names()).toString());
            ps.setArray(5, c.createArrayOf("text", e.primaryMuscles().toArray()));
            ps.setArray(6, c.createArrayOf("text", e.secondaryMuscles().toArray()));
            ps.setString(7, e.pattern().orElse(null));
            ps.setString(8, e.equipment().orElse(null));
            ps.setString(9, e.type().orElse(null));
            ps.setBoolean(10, e.personal());
            ps.setBoolean(11, e.archived());
            ps.setString(12, createdKey.orElse(null));
            ps.executeUpdate();
        }
        try (PreparedStatement del =
                c.prepareStatement("DELETE FROM exercise_aliases WHERE user_id = ? AND exercise_id = ?")) {
            del.setObject(1, user);
            del.setString(2, e.id());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO exercise_aliases (user_id, exercise_id, normalized, alias, kind, language)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            addAlias(ins, user, e.id(), e.name(), "name", Optional.empty());
            for (Map.Entry<String, String> n : new java.util.TreeMap<>(e.names()).entrySet()) {
                addAlias(ins, user, e.id(), n.getValue(), "name", Optional.of(n.getKey()));
            }
            for (String alias : e.aliases()) {
                addAlias(ins, user, e.id(), alias, "alias", Optional.empty());
            }
            ins.executeBatch();
        }
    }

    private static void addAlias(
            PreparedStatement ins, UUID user, String id, String text, String kind, Optional<String> language)
            throws SQLException {
        String normalized = ExerciseNames.normalize(text);
        if (normalized.isEmpty()) {
            return;
        }
        ins.setObject(1, user);
        ins.setString(2, id);
        ins.setString(3, normalized);
        ins.setString(4, text);
        ins.setString(5, kind);
        ins.setString(6, language.orElse(null));
        ins.addBatch();
    }

    /** Adds aliases under the person (their own additions, also to community exercises). */
    static void addAliases(Connection c, UUID user, String id, Collection<String> aliases) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO exercise_aliases (user_id, exercise_id, normalized, alias, kind, language)"
                        + " VALUES (?, ?, ?, ?, 'alias', NULL) ON CONFLICT DO NOTHING")) {
            for (String alias : aliases) {
                String normalized = ExerciseNames.normalize(alias);
                if (!normalized.isEmpty()) {
                    ins.setObject(1, user);
                    ins.setString(2, id);
                    ins.setString(3, normalized);
                    ins.setString(4, alias);
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
    }

    static void removeAliases(Connection c, UUID user, String id, Collection<String> aliases) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM exercise_aliases WHERE user_id = ? AND exercise_id = ? AND kind = 'alias' AND normalized = ANY (?)")) {
            del.setObject(1, user);
            del.setString(2, id);
            del.setArray(
                    3,
                    c.createArrayOf(
                            "text",
                            aliases.stream().map(ExerciseNames::normalize).toArray()));
            del.executeUpdate();
        }
    }

    /**
     * Makes sure the person has a row of their own for this exercise, copying the community row
     * into an override when needed. False when the exercise exists neither way.
     */
    static boolean ensureOwnRow(Connection c, UUID user, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exercises (user_id, exercise_id, name, names, primary_muscles, secondary_muscles, pattern, equipment,
                                       default_type, personal, archived)
                SELECT ?, exercise_id, name, names, primary_muscles, secondary_muscles, pattern, equipment, default_type, false, false
                FROM exercises WHERE user_id = ? AND exercise_id = ?
                ON CONFLICT (user_id, exercise_id) DO NOTHING""")) {
            ps.setObject(1, user);
            ps.setObject(2, COMMUNITY);
            ps.setString(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM exercises WHERE user_id = ? AND exercise_id = ?")) {
            ps.setObject(1, user);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sets one column of the person's own row ({@code column} is one of td's own names, never input). */
    static void set(Connection c, UUID user, String id, String column, Object value) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE exercises SET " + column + " = ? WHERE user_id = ? AND exercise_id = ?")) {
            if (value instanceof List<?> list) {
                ps.setArray(1, c.createArrayOf("text", list.toArray()));
            } else {
                ps.setObject(1, value);
            }
            ps.setObject(2, user);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Removes every row the person owns (before a rebuild from their events). */
    static void deleteAll(Connection c, UUID user) throws SQLException {
        for (String table : List.of("exercise_aliases", "exercises")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                ps.setObject(1, user);
                ps.executeUpdate();
            }
        }
    }

    /** Effective exercises of the person with these ids, with their aliases, in the order of the ids given. */
    static List<Exercise> read(Connection c, UUID user, List<String> ids) throws SQLException {
        Map<String, Exercise> found = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM (" + EFFECTIVE + ") ex WHERE exercise_id = ANY (?)")) {
            ps.setObject(1, user);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, List<String>> aliases = aliases(c, user, ids);
                while (rs.next()) {
                    Exercise e = exercise(rs, aliases.getOrDefault(rs.getString("exercise_id"), List.of()));
                    found.put(e.id(), e);
                }
            }
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The aliases (not names) of these exercises as the person sees them: community ones and their own. */
    static Map<String, List<String>> aliases(Connection c, UUID user, List<String> ids) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT exercise_id, alias FROM exercise_aliases WHERE user_id IN (?, ?)"
                        + " AND exercise_id = ANY (?) AND kind = 'alias' ORDER BY user_id = ? DESC, exercise_id, alias")) {
            ps.setObject(1, user);
            ps.setObject(2, COMMUNITY);
            ps.setArray(3, c.createArrayOf("text", ids.toArray()));
            ps.setObject(4, COMMUNITY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** An exercise from a row of {@code exercises}. */
    static Exercise exercise(ResultSet rs, List<String> aliases) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            JsonNode n = Json.mapper().readTree(rs.getString("names"));
            n.properties().forEach(f -> names.put(f.getKey(), f.getValue().asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored names are unreadable", e);
        }
        return new Exercise(
                rs.getString("exercise_id"),
                rs.getString("name"),
                names,
                aliases,
                strings(rs.getArray("primary_muscles")),
                strings(rs.getArray("secondary_muscles")),
                Optional.ofNullable(rs.getString("pattern")),
                Optional.ofNullable(rs.getString("equipment")),
                Optional.ofNullable(rs.getString("default_type")),
                rs.getBoolean("personal"),
                rs.getBoolean("archived"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
