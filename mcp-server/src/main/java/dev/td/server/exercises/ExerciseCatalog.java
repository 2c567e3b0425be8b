package dev.td.server.exercises;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.EventStore;
import dev.td.tools.ErrorCode;
import dev.td.tools.ToolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The exercises a person can log: the community taxonomy plus their own exercises and overrides.
 * Every tool that takes an exercise name goes through {@link #resolve} (or {@link #require}), so an
 * unknown or ambiguous name is never silently guessed: it comes back as candidates with confidence.
 */
final class ExerciseCatalog {

    private final DataSource db;
    private final ExerciseResolver resolver = new ExerciseResolver();
    private final ExerciseCatalogProjection projection = new ExerciseCatalogProjection();

    private ExerciseCatalog(DataSource db) {
        this.db = db;
    }

    /** The catalog on this database, loading the bundled community taxonomy if it changed since the last start. */
    public static ExerciseCatalog open(DataSource db) {
        ExerciseTaxonomy.bundled().install(db);
        return new ExerciseCatalog(db);
    }

    /** The inline projection that keeps per-person catalog rows in step with exercise.* events; add it to the event store. */
    public EventStore.AppendListener projection() {
        return projection;
    }

    /**
     * What a name means to this person.
     *
     * @param match      the exercise when the name is clear: an exact name (confidence 1.0), an exact alias (0.95),
     *                   or a close and unambiguous spelling (the trigram similarity)
     * @param confidence the match's confidence, 0 when there is no match
     * @param matchedBy  the name or alias that matched, and how ({@code name}, {@code alias}, {@code similarity})
     * @param candidates when there is no match: the nearest exercises, best first (at most 5; empty when nothing is near)
     */
    public record Resolution(
            String query,
            Optional<Exercise> match,
            double confidence,
            Optional<Candidate> matchedBy,
            List<Candidate> candidates) {
        public Resolution {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(matchedBy, "matchedBy");
            candidates = List.copyOf(candidates);
        }

        public boolean resolved() {
            return match.isPresent();
        }

        /** The resolution as tools return it. */
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("query", query);
            o.set(
                    "match",
                    match.<com.fasterxml.jackson.databind.JsonNode>map(Exercise::toJson)
                            .orElse(JsonNodeFactory.instance.nullNode()));
            if (matchedBy.isPresent()) {
                o.put("confidence", confidence);
                o.put("matched", matchedBy.get().matched());
                o.put("via", matchedBy.get().via());
            } else {
                o.putNull("confidence");
                o.putNull("matched");
                o.putNull("via");
            }
            ArrayNode list = o.putArray("candidates");
            candidates.forEach(c -> list.add(c.toJson()));
            return o;
        }
    }

    /** One exercise a name may mean, how sure, and which name or alias it matched how ({@code name}, {@code alias}, {@code similarity}). */
    public record Candidate(Exercise exercise, double confidence, String matched, String via) {
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("exercise_id", exercise.id());
            o.put("name", exercise.name());
            o.put("confidence", confidence);
            o.put("matched", matched);
            o.put("via", via);
            exercise.primaryMuscles().forEach(o.putArray("primary_muscles")::add);
            o.put("personal", exercise.personal());
            return o;
        }
    }

    /** A filter for {@link #list}; empty parts do not filter. Muscles match primary muscles (and secondary ones when asked). */
    public record Filter(
            Optional<Set<String>> muscles,
            boolean includeSecondary,
            Optional<String> pattern,
            Optional<String> equipment,
            Optional<String> type,
            Optional<String> query,
            boolean includeArchived) {
        /** Every exercise the person has that is not archived. */
        public static Filter all() {
            return new Filter(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false);
        }

        /** The same filter, archived exercises included too. */
        public Filter withArchived() {
            return new Filter(muscles, includeSecondary, pattern, equipment, type, query, true);
        }

        /** The same filter, narrowed to names matching {@code text} (no narrowing when blank). */
        public Filter matching(String text) {
            return new Filter(
                    muscles,
                    includeSecondary,
                    pattern,
                    equipment,
                    type,
                    text.isBlank() ? Optional.empty() : Optional.of(text),
                    includeArchived);
        }
    }

    /** Resolves a name among the person's exercises that are not archived. */
    public Resolution resolve(UUID user, String name) {
        return resolve(user, name, false);
    }

    public Resolution resolve(UUID user, String name, boolean includeArchived) {
        String normalized = ExerciseNames.normalize(name);
        if (normalized.isEmpty()) {
            return new Resolution(name, Optional.empty(), 0, Optional.empty(), List.of());
        }
        try (Connection c = db.getConnection()) {
            ExerciseResolver.Outcome outcome = resolver.resolve(c, user, normalized, includeArchived);
            List<ExerciseResolver.Hit> hits = outcome.match().map(List::of).orElse(outcome.candidates());
            Map<String, Exercise> byId = new java.util.HashMap<>();
            ExerciseRows.read(
                            c,
                            user,
                            hits.stream().map(ExerciseResolver.Hit::exerciseId).toList())
                    .forEach(e -> byId.put(e.id(), e));
            List<Candidate> candidates = hits.stream()
                    .flatMap(h -> Optional.ofNullable(byId.get(h.exerciseId()))
                            .map(e -> new Candidate(e, h.confidence(), h.matched(), h.via()))
                            .stream())
                    .toList();
            if (outcome.match().isPresent() && !candidates.isEmpty()) {
                Candidate m = candidates.getFirst();
                return new Resolution(name, Optional.of(m.exercise()), m.confidence(), Optional.of(m), List.of());
            }
            return new Resolution(name, Optional.empty(), 0, Optional.empty(), candidates);
        } catch (SQLException e) {
            throw new IllegalStateException("resolving exercise failed: " + e.getMessage(), e);
        }
    }

    /** The exercise with this id as the person sees it, archived ones included. */
    public Optional<Exercise> find(UUID user, String exerciseId) {
        try (Connection c = db.getConnection()) {
            return ExerciseRows.read(c, user, List.of(exerciseId)).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("reading exercise failed: " + e.getMessage(), e);
        }
    }

    /**
     * An exercise given by id or by name, as tools take it: an existing id wins, then the name is
     * resolved; anything unclear becomes {@link #unresolved}.
     *
     * @param path JSON path of the argument, for the error
     */
    public Exercise require(UUID user, String idOrName, String path) {
        Optional<Exercise> byId = find(user, idOrName);
        if (byId.isPresent()) {
            return byId.get();
        }
        Resolution r = resolve(user, idOrName);
        return r.match().orElseThrow(() -> unresolved(r, path));
    }

    /**
     * The error every tool gives for a name that did not resolve: {@code invalid_argument} at
     * {@code path}, with the candidates (id, name, confidence, what matched) in {@code details.candidates}.
     */
    public ToolException unresolved(Resolution r, String path) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        ArrayNode list = details.putArray("candidates");
        r.candidates().forEach(c -> list.add(c.toJson()));
        String message;
        if (r.candidates().isEmpty()) {
            message = "no exercise matches '" + r.query()
                    + "'. Check the spelling, look it up with list_exercises, or call create_exercise"
                    + " to add it as the person's own exercise";
        } else {
            StringBuilder names = new StringBuilder();
            for (Candidate c : r.candidates()) {
                names.append(names.isEmpty() ? "" : ", ")
                        .append(c.exercise().id())
                        .append(" (")
                        .append(c.exercise().name())
                        .append(", ")
                        .append(c.confidence())
                        .append(')');
            }
            message = "'" + r.query() + "' is not clear enough to pick an exercise; candidates: " + names
                    + ". Ask the person if unsure, then pass the chosen candidate's exercise_id, or call create_exercise if it is none of them";
        }
        return new ToolException(ErrorCode.INVALID_ARGUMENT, path, message, Optional.of(details));
    }

    /** The person's exercises matching a filter, by name. */
    public List<Exercise> list(UUID user, Filter f) {
        StringBuilder sql =
                new StringBuilder("SELECT * FROM (" + ExerciseRows.EFFECTIVE + ") ex WHERE (? OR NOT archived)");
        List<Object> params = new ArrayList<>();
        params.add(user);
        params.add(f.includeArchived());
        f.muscles().ifPresent(m -> {
            sql.append(
                    f.includeSecondary()
                            ? " AND (primary_muscles && ? OR secondary_muscles && ?)"
                            : " AND primary_muscles && ?");
            params.add(m.toArray(String[]::new));
            if (f.includeSecondary()) {
                params.add(m.toArray(String[]::new));
            }
        });
        f.pattern().ifPresent(p -> {
            sql.append(" AND pattern = ?");
            params.add(p);
        });
        f.equipment().ifPresent(p -> {
            sql.append(" AND equipment = ?");
            params.add(p);
        });
        f.type().ifPresent(p -> {
            sql.append(" AND default_type = ?");
            params.add(p);
        });
        f.query().map(ExerciseNames::normalize).filter(q -> !q.isEmpty()).ifPresent(q -> {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM exercise_aliases a WHERE a.user_id IN (?, ?) AND a.exercise_id = ex.exercise_id"
                            + " AND (a.normalized LIKE ? OR a.normalized % ? OR ? <% a.normalized))");
            params.add(user);
            params.add(ExerciseRows.COMMUNITY);
            params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.add(q);
            params.add(q);
        });
        sql.append(" ORDER BY name");
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<String> ids = new ArrayList<>();
            List<Exercise> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(ExerciseRows.exercise(rs, List.of()));
                    ids.add(rs.getString("exercise_id"));
                }
            }
            Map<String, List<String>> aliases = ExerciseRows.aliases(c, user, ids);
            return rows.stream()
                    .map(e -> new Exercise(
                            e.id(),
                            e.name(),
                            e.names(),
                            aliases.getOrDefault(e.id(), List.of()),
                            e.primaryMuscles(),
                            e.secondaryMuscles(),
                            e.pattern(),
                            e.equipment(),
                            e.type(),
                            e.personal(),
                            e.archived()))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("listing exercises failed: " + e.getMessage(), e);
        }
    }

    /** The person's own exercise created with this idempotency key, if any (to recognise a retried create_exercise). */
    Optional<String> createdWithKey(UUID user, String key) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT exercise_id FROM exercises WHERE user_id = ? AND personal AND created_key = ?")) {
            ps.setObject(1, user);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any exercise of the person or the community already has this id. */
    boolean idTaken(UUID user, String exerciseId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM exercises WHERE user_id IN (?, ?) AND exercise_id = ?")) {
            ps.setObject(1, user);
            ps.setObject(2, ExerciseRows.COMMUNITY);
            ps.setString(3, exerciseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's own aliases of an exercise (the ones update_exercise may remove). */
    Set<String> ownAliases(UUID user, String exerciseId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT normalized FROM exercise_aliases WHERE user_id = ? AND exercise_id = ? AND kind = 'alias'")) {
            ps.setObject(1, user);
            ps.setString(2, exerciseId);
            Set<String> out = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id for a new personal exercise: {@code my-<slug of the name>}, numbered when taken. */
    String freeId(UUID user, String name) {
        String base = "my-" + ExerciseNames.slug(name);
        String id = base;
        for (int n = 2; idTaken(user, id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
