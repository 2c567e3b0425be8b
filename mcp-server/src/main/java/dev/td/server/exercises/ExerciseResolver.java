package dev.td.server.exercises;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a name into exercise ids with a confidence, over the community taxonomy and the person's
 * own exercises: an exact name in any language (1.0), then an exact alias (0.95), then trigram
 * similarity (pg_trgm; the similarity itself). A fuzzy hit is a match only when it is clearly
 * good ({@link #MATCH_THRESHOLD}) and clearly ahead of the next ({@link #MARGIN}); otherwise the
 * caller gets candidates. The person's own names win over community ones.
 */
final class ExerciseResolver {

    static final double NAME = 1.0;
    static final double ALIAS = 0.95;
    /** Below this a fuzzy hit is only a candidate. */
    static final double MATCH_THRESHOLD = 0.6;
    /** A fuzzy hit must lead the runner-up by this much to be a match. */
    static final double MARGIN = 0.1;
    /** A query found as a whole word inside a longer name ("curl" in "barbell curl") scores this times its word similarity. */
    static final double WORD_WEIGHT = 0.8;

    static final int CANDIDATES = 5;

    /** One exercise id a name may mean: how sure, and which name or alias it matched how (name, alias, similarity). */
    record Hit(String exerciseId, double confidence, String matched, String via, boolean own) {}

    /** Either one clear hit, or the ranked hits (empty when nothing is near). */
    record Outcome(java.util.Optional<Hit> match, List<Hit> candidates) {}

    private static final String SCOPE = "WITH ex AS (" + ExerciseRows.EFFECTIVE + ") ";

    Outcome resolve(Connection c, UUID user, String normalized, boolean includeArchived) throws SQLException {
        List<Hit> exact = exact(c, user, normalized, includeArchived);
        if (!exact.isEmpty()) {
            List<Hit> own = exact.stream().filter(Hit::own).toList();
            List<Hit> best = own.isEmpty() ? exact : own;
            return best.size() == 1
                    ? new Outcome(java.util.Optional.of(best.getFirst()), List.of())
                    : new Outcome(java.util.Optional.empty(), best);
        }
        List<Hit> fuzzy = fuzzy(c, user, normalized, includeArchived);
        if (!fuzzy.isEmpty()) {
            Hit top = fuzzy.getFirst();
            double second = fuzzy.size() > 1 ? fuzzy.get(1).confidence() : 0;
            if (top.confidence() >= MATCH_THRESHOLD && top.confidence() - second >= MARGIN) {
                return new Outcome(java.util.Optional.of(top), List.of());
            }
        }
        return new Outcome(java.util.Optional.empty(), fuzzy.subList(0, Math.min(CANDIDATES, fuzzy.size())));
    }

    private List<Hit> exact(Connection c, UUID user, String normalized, boolean includeArchived) throws SQLException {
        Map<String, Hit> byExercise = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SCOPE + """
                SELECT a.exercise_id, a.alias, a.kind, a.user_id = ? AS own FROM exercise_aliases a JOIN ex USING (exercise_id)
                WHERE a.user_id IN (?, ?) AND a.normalized = ? AND (? OR NOT ex.archived)
                ORDER BY a.kind = 'name' DESC, a.exercise_id""")) {
            int i = bindScope(ps, user);
            ps.setObject(i++, user);
            ps.setObject(i++, user);
            ps.setObject(i++, ExerciseRows.COMMUNITY);
            ps.setString(i++, normalized);
            ps.setBoolean(i, includeArchived);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean name = rs.getString("kind").equals("name");
                    byExercise.putIfAbsent(
                            rs.getString("exercise_id"),
                            new Hit(
                                    rs.getString("exercise_id"),
                                    name ? NAME : ALIAS,
                                    rs.getString("alias"),
                                    name ? "name" : "alias",
                                    rs.getBoolean("own")));
                }
            }
        }
        return new ArrayList<>(byExercise.values());
    }

    private List<Hit> fuzzy(Connection c, UUID user, String normalized, boolean includeArchived) throws SQLException {
        Map<String, Hit> best = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SCOPE + """
                SELECT a.exercise_id, a.alias, a.user_id = ? AS own,
                       GREATEST(similarity(a.normalized, ?), ? * word_similarity(?, a.normalized)) AS score
                FROM exercise_aliases a JOIN ex USING (exercise_id)
                WHERE a.user_id IN (?, ?) AND (a.normalized % ? OR ? <% a.normalized) AND (? OR NOT ex.archived)""")) {
            int i = bindScope(ps, user);
            ps.setObject(i++, user);
            ps.setString(i++, normalized);
            ps.setDouble(i++, WORD_WEIGHT);
            ps.setString(i++, normalized);
            ps.setObject(i++, user);
            ps.setObject(i++, ExerciseRows.COMMUNITY);
            ps.setString(i++, normalized);
            ps.setString(i++, normalized);
            ps.setBoolean(i, includeArchived);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = Math.round(rs.getDouble("score") * 1000) / 1000.0;
                    Hit hit = new Hit(
                            rs.getString("exercise_id"),
                            score,
                            rs.getString("alias"),
                            "similarity",
                            rs.getBoolean("own"));
                    best.merge(hit.exerciseId(), hit, (a, b) -> b.confidence() > a.confidence() ? b : a);
                }
            }
        }
        List<Hit> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Hit::confidence).reversed().thenComparing(Hit::exerciseId));
        return ranked;
    }

    private static int bindScope(PreparedStatement ps, UUID user) throws SQLException {
        ps.setObject(1, user);
        return 2;
    }
}
