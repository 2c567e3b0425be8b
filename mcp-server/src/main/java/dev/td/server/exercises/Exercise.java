package dev.td.server.exercises;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exercise as a person sees it: a community exercise (possibly with the person's own tags),
 * or one the person created.
 *
 * @param id               stable id ({@code barbell-bench-press}, {@code my-sled-push})
 * @param name             canonical name (English for community exercises)
 * @param names            names per language ({@code en}, {@code de})
 * @param aliases          other names and abbreviations, all languages
 * @param primaryMuscles   muscle groups mainly trained ({@link MuscleGroups} vocabulary)
 * @param secondaryMuscles synergists
 * @param pattern          movement pattern (horizontal_push, hinge, …), where known
 * @param equipment        equipment (barbell, cable, …), where known
 * @param type             default kind of set: strength, bodyweight or timed, where known
 * @param personal         created by the person rather than taken from the community taxonomy
 * @param archived         archived by the person: it no longer resolves by default
 */
@Published
public record Exercise(
        String id,
        String name,
        Map<String, String> names,
        List<String> aliases,
        List<String> primaryMuscles,
        List<String> secondaryMuscles,
        Optional<String> pattern,
        Optional<String> equipment,
        Optional<String> type,
        boolean personal,
        boolean archived) {

    public Exercise {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("exercise " + id + " needs a name");
        }
        names = Map.copyOf(names);
        aliases = List.copyOf(aliases);
        primaryMuscles = List.copyOf(primaryMuscles);
        secondaryMuscles = List.copyOf(secondaryMuscles);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(type, "type");
    }

    /** The exercise as tools return it. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("exercise_id", id);
        o.put("name", name);
        ObjectNode n = o.putObject("names");
        new java.util.TreeMap<>(names).forEach(n::put);
        aliases.forEach(o.putArray("aliases")::add);
        primaryMuscles.forEach(o.putArray("primary_muscles")::add);
        secondaryMuscles.forEach(o.putArray("secondary_muscles")::add);
        o.set(
                "pattern",
                pattern.<com.fasterxml.jackson.databind.JsonNode>map(f::textNode)
                        .orElse(f.nullNode()));
        o.set(
                "equipment",
                equipment
                        .<com.fasterxml.jackson.databind.JsonNode>map(f::textNode)
                        .orElse(f.nullNode()));
        o.set(
                "type",
                type.<com.fasterxml.jackson.databind.JsonNode>map(f::textNode).orElse(f.nullNode()));
        o.put("personal", personal);
        o.put("archived", archived);
        return o;
    }
}
