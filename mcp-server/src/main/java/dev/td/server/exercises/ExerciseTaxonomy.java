package dev.td.server.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.JsonFields;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The community exercise taxonomy kept as data in the repository ({@code td/exercises/community.json}
 * in the schema module) and its loading into the catalog: an idempotent upsert under the nil user,
 * done again only when the file changed (its SHA-256 is recorded in {@code catalog_sources}).
 *
 * @param version   the file's version number
 * @param sha256    hash of the file's bytes
 * @param exercises the exercises, in file order
 */
record ExerciseTaxonomy(int version, String sha256, List<Exercise> exercises) {

    public static final String SOURCE = "td/exercises/community.json";

    public ExerciseTaxonomy {
        exercises = List.copyOf(exercises);
    }

    /** The taxonomy shipped with td. */
    public static ExerciseTaxonomy bundled() {
        try (InputStream in = ExerciseTaxonomy.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(SOURCE, e);
        }
    }

    static ExerciseTaxonomy parse(byte[] bytes) throws IOException {
        JsonNode root = Json.mapper().readTree(bytes);
        List<Exercise> list = new ArrayList<>();
        for (JsonNode x : root.get("exercises")) {
            Map<String, String> names = new LinkedHashMap<>();
            x.get("names")
                    .properties()
                    .forEach(f -> names.put(f.getKey(), f.getValue().asText()));
            list.add(new Exercise(
                    x.get("id").asText(),
                    names.getOrDefault("en", x.get("id").asText()),
                    names,
                    JsonFields.texts(x.get("aliases")),
                    JsonFields.texts(x.get("primary_muscles")),
                    JsonFields.texts(x.get("secondary_muscles")),
                    JsonFields.text(x, "pattern"),
                    JsonFields.text(x, "equipment"),
                    JsonFields.text(x, "type"),
                    false,
                    false));
        }
        return new ExerciseTaxonomy(root.path("version").asInt(1), sha256(bytes), list);
    }

    /**
     * Loads the taxonomy into the catalog unless this exact file is already loaded; safe when
     * several servers start at once (an advisory lock serialises them). Returns whether it loaded.
     */
    public boolean install(DataSource db) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean loaded = installLocked(c);
                c.commit();
                return loaded;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading the exercise taxonomy failed: " + e.getMessage(), e);
        }
    }

    private boolean installLocked(Connection c) throws SQLException {
        try (PreparedStatement lock =
                c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('td.exercise_taxonomy'))")) {
            lock.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM catalog_sources WHERE source = ?")) {
            ps.setString(1, SOURCE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(sha256)) {
                    return false;
                }
            }
        }
        for (Exercise e : exercises) {
            ExerciseRows.put(c, ExerciseRows.COMMUNITY, e, Optional.empty());
        }
        String[] ids = exercises.stream().map(Exercise::id).toArray(String[]::new);
        for (String table : List.of("exercise_aliases", "exercises")) {
            try (PreparedStatement del =
                    c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND NOT (exercise_id = ANY (?))")) {
                del.setObject(1, ExerciseRows.COMMUNITY);
                del.setArray(2, c.createArrayOf("text", ids));
                del.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO catalog_sources (source, version, sha256) VALUES (?, ?, ?)"
                        + " ON CONFLICT (source) DO UPDATE SET version = excluded.version, sha256 = excluded.sha256, loaded_at = now()")) {
            ps.setString(1, SOURCE);
            ps.setInt(2, version);
            ps.setString(3, sha256);
            ps.executeUpdate();
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
