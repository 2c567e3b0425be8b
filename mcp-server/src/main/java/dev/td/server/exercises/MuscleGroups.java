package dev.td.server.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Published;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed vocabularies of the exercise catalog (muscle groups, movement patterns, equipment,
 * types) and the body-region terms people use ("upper body", "Oberkörper", "push", "Beine") as
 * sets of muscle groups. Read from {@code td/exercises/vocabulary.json} in the schema module.
 */
@Published
public final class MuscleGroups {

    private static final MuscleGroups BUNDLED = load();

    private final Set<String> muscles;
    private final Set<String> patterns;
    private final Set<String> equipment;
    private final Set<String> types;
    private final Map<String, Set<String>> regionsByTerm;
    private final List<String> terms;

    private MuscleGroups(JsonNode vocabulary) {
        this.muscles = strings(vocabulary.get("muscle_groups"));
        this.patterns = strings(vocabulary.get("patterns"));
        this.equipment = strings(vocabulary.get("equipment"));
        this.types = strings(vocabulary.get("types"));
        Map<String, Set<String>> byTerm = new LinkedHashMap<>();
        List<String> allTerms = new java.util.ArrayList<>();
        for (JsonNode region : vocabulary.get("regions")) {
            Set<String> set = strings(region.get("muscles"));
            if (!muscles.containsAll(set)) {
                throw new IllegalStateException(
                        "region " + region.path("region").asText() + " names muscles outside the vocabulary");
            }
            byTerm.put(ExerciseNames.normalize(region.get("region").asText()), set);
            for (JsonNode term : region.get("terms")) {
                byTerm.put(ExerciseNames.normalize(term.asText()), set);
                allTerms.add(term.asText());
            }
        }
        for (String muscle : muscles) {
            byTerm.putIfAbsent(ExerciseNames.normalize(muscle), Set.of(muscle));
        }
        this.regionsByTerm = Map.copyOf(byTerm);
        this.terms = List.copyOf(allTerms);
    }

    /** The vocabulary shipped with td. */
    public static MuscleGroups bundled() {
        return BUNDLED;
    }

    /** All muscle groups, in the vocabulary's order (chest, front_delts, …, neck). */
    public Set<String> all() {
        return muscles;
    }

    public boolean isMuscle(String name) {
        return muscles.contains(name);
    }

    public Set<String> patterns() {
        return patterns;
    }

    public Set<String> equipment() {
        return equipment;
    }

    public Set<String> types() {
        return types;
    }

    /**
     * The muscle groups a body-region term stands for, in English or German, case and accents
     * ignored: {@code region("Oberkörper")} is the upper-body muscles, {@code region("quads")} is {quads}.
     */
    public Optional<Set<String>> region(String term) {
        return Optional.ofNullable(regionsByTerm.get(ExerciseNames.normalize(term)));
    }

    /**
     * The muscle groups a body-part word from a tool's arguments stands for: a muscle group, or a region
     * term in English or German ("legs", "Beine", "upper body", "posterior chain"). The one vocabulary every
     * tool that takes a body part uses.
     *
     * @throws ToolException naming {@code path} and the words that work, when the word is none of them
     */
    public Set<String> bodyPart(String term, String path) {
        return region(term)
                .orElseThrow(() -> ToolException.invalid(
                        path,
                        "unknown body part '" + term + "'; use a muscle group (" + String.join(", ", muscles)
                                + ") or a region in English or German (" + String.join(", ", terms) + ")"));
    }

    /** The region terms as written in the vocabulary, for error messages and documentation. */
    public List<String> regionTerms() {
        return terms;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return java.util.Collections.unmodifiableSet(out);
    }

    private static MuscleGroups load() {
        try (InputStream in = MuscleGroups.class.getClassLoader().getResourceAsStream("td/exercises/vocabulary.json")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource td/exercises/vocabulary.json");
            }
            return new MuscleGroups(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("td/exercises/vocabulary.json", e);
        }
    }
}
