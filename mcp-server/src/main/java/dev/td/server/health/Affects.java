package dev.td.server.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an injury limits: the exercises, movement patterns and sports the person named, plus the muscles,
 * patterns and sports its body part usually limits ({@link BodyParts}). Being ill or hurt all over
 * ({@code general}) limits everything.
 */
record Affects(
        boolean everything, Set<String> exercises, Set<String> muscles, Set<String> patterns, Set<String> sports) {

    Affects {
        exercises = Set.copyOf(exercises);
        muscles = Set.copyOf(muscles);
        patterns = Set.copyOf(patterns);
        sports = Set.copyOf(sports);
    }

    static Affects of(Injury injury, BodyParts parts) {
        Set<String> muscles = new TreeSet<>();
        Set<String> patterns = new TreeSet<>(injury.patterns());
        Set<String> sports = new TreeSet<>(injury.sports());
        parts.byId(injury.bodyPart()).ifPresent(p -> {
            muscles.addAll(p.muscles());
            patterns.addAll(p.patterns());
            sports.addAll(p.sports());
        });
        return new Affects(
                injury.bodyPart().equals(BodyParts.GENERAL),
                new TreeSet<>(injury.exercises()),
                muscles,
                patterns,
                sports);
    }

    /** Whether a strength exercise with these primary muscles and pattern is limited. */
    boolean exercise(String exerciseId, Collection<String> primaryMuscles, java.util.Optional<String> pattern) {
        return everything
                || exercises.contains(exerciseId)
                || primaryMuscles.stream().anyMatch(muscles::contains)
                || pattern.map(patterns::contains).orElse(false);
    }

    boolean sport(String sport) {
        return everything || sports.contains(sport);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (everything) {
            n.put("everything", true);
        }
        put(n, "exercises", exercises);
        put(n, "muscles", muscles);
        put(n, "patterns", patterns);
        put(n, "sports", sports);
        return n;
    }

    private static void put(ObjectNode n, String field, Set<String> values) {
        List<String> sorted = List.copyOf(new TreeSet<>(values));
        sorted.forEach(n.putArray(field)::add);
    }
}
