package dev.td.server.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.EventCheck;
import dev.td.server.profile.Profiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The exercise catalog: the community taxonomy plus each person's own exercises and aliases, name
 * resolution (aliases, languages, trigram similarity), the catalog tools, and the rule that a
 * {@code set.logged} event names an exercise of the person's catalog.
 */
public final class ExercisesCapability implements Capability, Exercises {

    private final Profiles profiles;
    private volatile Optional<Installed> installed = Optional.empty();

    private record Installed(ExerciseCatalog catalog, ExerciseDirectory directory, NameCompletion completion) {}

    public ExercisesCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public void install(Platform platform) {
        ExerciseCatalog catalog = ExerciseCatalog.open(platform.database());
        ExerciseDirectory directory = new ExerciseDirectory(catalog);
        platform.listen(catalog.projection());
        platform.listen(directory);
        NameCompletion completion = new NameCompletion(catalog, platform.database());
        platform.listen(completion);
        platform.checkEvents(knownExercise(catalog, directory));
        new ExerciseTools(catalog, platform.events(), profiles, platform.database()).register(platform.tools());
        installed = Optional.of(new Installed(catalog, directory, completion));
    }

    /**
     * A set written as a raw event (log_events, correct_event, what_if) must name an exercise of the person's catalog;
     * looked up in the person's directory (one catalog read for a workout's sets, not one per set).
     */
    private static EventCheck knownExercise(ExerciseCatalog catalog, ExerciseDirectory directory) {
        return (UUID user, String type, JsonNode data, String path) -> {
            if (type.equals("set.logged")
                    && directory.find(user, data.path("exercise_id").asText()).isEmpty()) {
                throw catalog.unresolved(
                        catalog.resolve(user, data.path("exercise").asText()), path + ".exercise_id");
            }
        };
    }

    @Override
    public String resolveId(UUID user, String name, String path) {
        return installed().directory().resolveId(user, name, path);
    }

    @Override
    public Optional<Exercise> find(UUID user, String exerciseId) {
        return installed().directory().find(user, exerciseId);
    }

    @Override
    public String freeId(UUID user, String name) {
        return installed().catalog().freeId(user, name);
    }

    @Override
    public List<String> names(UUID user, String typed) {
        return installed().completion().names(user, typed);
    }

    private Installed installed() {
        return installed.orElseThrow(
                () -> new IllegalStateException("the exercises capability is used before the wiring installed it"));
    }
}
