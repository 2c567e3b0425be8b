package dev.td.server.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.EventTypes;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The community taxonomy and vocabulary as shipped: complete, consistent, and agreeing with the tool schemas. */
class ExerciseTaxonomyTest {

    private final ExerciseTaxonomy taxonomy = ExerciseTaxonomy.bundled();
    private final MuscleGroups vocabulary = MuscleGroups.bundled();

    @Test
    void theTaxonomyHasAtLeastEightyExercisesWithUniqueIds() {
        assertThat(taxonomy.exercises()).hasSizeGreaterThanOrEqualTo(80);
        List<String> ids = taxonomy.exercises().stream().map(Exercise::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids)
                .allMatch(id -> id.matches("[a-z0-9][a-z0-9-]+"), "ids are slugs")
                .noneMatch(id -> id.startsWith("my-"), "my- is reserved for personal exercises");
    }

    @Test
    void everyExerciseHasEnglishAndGermanNamesAndTagsFromTheVocabulary() {
        for (Exercise e : taxonomy.exercises()) {
            assertThat(e.names()).as(e.id()).containsKeys("en", "de");
            assertThat(e.primaryMuscles()).as(e.id() + " primary").isNotEmpty().allMatch(vocabulary::isMuscle);
            assertThat(e.secondaryMuscles())
                    .as(e.id() + " secondary")
                    .allMatch(vocabulary::isMuscle)
                    .doesNotContainAnyElementsOf(e.primaryMuscles());
            assertThat(e.pattern()).as(e.id() + " pattern").isPresent().get().isIn(vocabulary.patterns());
            assertThat(e.equipment())
                    .as(e.id() + " equipment")
                    .isPresent()
                    .get()
                    .isIn(vocabulary.equipment());
            assertThat(e.type()).as(e.id() + " type").isPresent().get().isIn(vocabulary.types());
        }
    }

    @Test
    void noNameOrAliasBelongsToTwoExercises() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Exercise e : taxonomy.exercises()) {
            List<String> all = new ArrayList<>(e.names().values());
            all.addAll(e.aliases());
            for (String name : all) {
                String previous = owner.putIfAbsent(ExerciseNames.normalize(name), e.id());
                if (previous != null && !previous.equals(e.id())) {
                    clashes.add(name + ": " + previous + " / " + e.id());
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void thereAreTimedHoldsAndBodyweightExercises() {
        assertThat(taxonomy.exercises())
                .filteredOn(e -> e.type().orElseThrow().equals("timed"))
                .extracting(Exercise::id)
                .contains("plank");
        assertThat(taxonomy.exercises())
                .filteredOn(e -> e.type().orElseThrow().equals("bodyweight"))
                .extracting(Exercise::id)
                .contains("pull-up");
    }

    @Test
    void toolAndEventSchemasOfferExactlyTheVocabularysMuscleGroups() {
        ToolManifest create = ToolCatalog.load().find("create_exercise").orElseThrow();
        assertThat(texts(create.inputSchema().at("/properties/primary_muscles/items/enum")))
                .containsExactlyElementsOf(vocabulary.all());
        assertThat(texts(create.inputSchema().at("/properties/pattern/enum")))
                .containsExactlyElementsOf(vocabulary.patterns());
        JsonNode event =
                EventTypes.load().find("exercise.updated").orElseThrow().schema();
        assertThat(texts(event.at("/properties/secondary_muscles/items/enum")))
                .containsExactlyElementsOf(vocabulary.all());
        assertThat(texts(event.at("/properties/equipment/enum"))).containsExactlyElementsOf(vocabulary.equipment());
    }

    @Test
    void regionTermsInEnglishAndGermanExpandToMuscleGroups() {
        Set<String> upper = vocabulary.region("Oberkörper").orElseThrow();
        assertThat(upper).contains("chest", "lats", "biceps").doesNotContain("quads", "glutes");
        assertThat(vocabulary.region("upper body")).contains(upper);
        assertThat(vocabulary.region("oberkorper")).as("accents folded").contains(upper);
        assertThat(vocabulary.region("Beine").orElseThrow()).contains("quads", "hamstrings", "calves");
        assertThat(vocabulary.region("push").orElseThrow())
                .contains("chest", "triceps")
                .doesNotContain("biceps");
        assertThat(vocabulary.region("Rumpf").orElseThrow()).contains("abs", "obliques");
        assertThat(vocabulary.region("quads")).contains(Set.of("quads"));
        assertThat(vocabulary.region("elbows")).isEmpty();
    }

    @Test
    void namesAreComparedInOneNormalForm() {
        assertThat(ExerciseNames.normalize("Bench Press (Barbell)")).isEqualTo("bench press barbell");
        assertThat(ExerciseNames.normalize("  Bankdrücken ")).isEqualTo("bankdrucken");
        assertThat(ExerciseNames.normalize("Gesäßbrücke")).isEqualTo("gesassbrucke");
        assertThat(ExerciseNames.slug("Sled Push (heavy!)")).isEqualTo("sled-push-heavy");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        assertThat(new HashSet<>(out)).hasSameSizeAs(out);
        return out;
    }
}
