package dev.td.server.capability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an answer (or a call) is about, for the context hooks' relevance rule: the values of its exercise id,
 * exercise, sport and metric fields, wherever they are in its JSON. Context concerns an answer when
 * it names one of these (an injury that affects the squat, an anomaly of resting_hr); an answer that names none (a
 * profile, a load total) is about the whole person.
 *
 * @param exerciseIds catalog ids
 * @param exercises exercise names as shown
 * @param sports sports
 * @param metrics metric names
 */
public record Subjects(Set<String> exerciseIds, Set<String> exercises, Set<String> sports, Set<String> metrics) {

    /** At most this many JSON nodes of an answer are searched. */
    private static final int SEARCHED_NODES = 20_000;

    public Subjects {
        exerciseIds = Set.copyOf(exerciseIds);
        exercises = Set.copyOf(exercises);
        sports = Set.copyOf(sports);
        metrics = Set.copyOf(metrics);
    }

    /** Whether the answer names no exercise, sport or metric. */
    public boolean none() {
        return exerciseIds.isEmpty() && exercises.isEmpty() && sports.isEmpty() && metrics.isEmpty();
    }

    /** The subjects named in an answer's data. */
    public static Subjects of(JsonNode data) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> sports = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(data);
        int seen = 0;
        while (!todo.isEmpty() && seen++ < SEARCHED_NODES) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                text(n, "exercise_id", ids);
                text(n, "exercise", names);
                text(n, "sport", sports);
                text(n, "metric", metrics);
            }
            if (n.isContainerNode()) {
                n.forEach(todo::push);
            }
        }
        return new Subjects(ids, names, sports, metrics);
    }

    private static void text(JsonNode n, String field, Set<String> into) {
        JsonNode v = n.get(field);
        if (v != null && v.isTextual()) {
            into.add(v.asText());
        }
    }
}
