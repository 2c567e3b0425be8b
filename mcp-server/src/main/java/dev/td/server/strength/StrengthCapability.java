package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.EventCheck;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import dev.td.tools.ToolException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Strength training: logging workouts and sets, voiding whole sessions, and the answers kept ready for
 * them (session summaries, exercise progression by estimated 1RM, personal records, weekly volume); the
 * context corrections and voids of sets get (records gained or taken back, sessions left empty), and what proposed
 * sets would do to records, e1RM and trend (what_if).
 * Uses the person's exercises to resolve names and their profile for time zone and unit. Refuses sets
 * outside human ranges unless confirmed ({@link Plausibility}), whichever tool writes them.
 */
public final class StrengthCapability implements Capability {

    private final Profiles profiles;
    private final Exercises exercises;

    public StrengthCapability(Profiles profiles, Exercises exercises) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(
                new SessionSummaryProjection(),
                new ExerciseProgressionProjection(),
                new PersonalRecordsProjection(),
                new WeeklyVolumeProjection());
    }

    @Override
    public void install(Platform platform) {
        TrainingViews views = new TrainingViews(platform.database(), platform.projections(), profiles);
        Plausibility plausibility =
                new Plausibility((user, id) -> exercises.find(user, id).flatMap(Exercise::equipment));
        platform.checkEvents(unusualSetsConfirmed(plausibility));
        new WorkoutTools(platform.events(), profiles, exercises, views, exercises::freeId, plausibility)
                .register(platform.tools());
        new TrainingQueries(platform.projections(), views, exercises, exercises::find).register(platform.tools());
        StrengthChanges changes = new StrengthChanges(views);
        platform.describeChanges(changes);
        new SessionVoiding(platform.events(), views, changes).register(platform.tools());
        platform.foresee(new StrengthForesight(platform.projections(), views, exercises::find));
    }

    /** A set written as a raw event (log_events, correct_event) with unusual values must say they were confirmed. */
    private static EventCheck unusualSetsConfirmed(Plausibility plausibility) {
        return (UUID user, String type, JsonNode data, String path) -> {
            if (type.equals("set.logged") && !data.path(Plausibility.MARKER).asBoolean(false)) {
                plausibility.unusual(user, data).ifPresent(odd -> {
                    throw ToolException.invalid(
                            path + "." + odd.dataField(),
                            odd.refusal("add \"" + Plausibility.MARKER + "\": true to the set's data"));
                });
            }
        };
    }
}
