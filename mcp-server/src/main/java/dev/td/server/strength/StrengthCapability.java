package dev.td.server.strength;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import java.util.List;
import java.util.Objects;

/**
 * Strength training: logging workouts and sets, and the answers kept ready for them (session
 * summaries, exercise progression by estimated 1RM, personal records, weekly volume).
 * Uses the person's exercises to resolve names and their profile for time zone and unit.
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
        new WorkoutTools(platform.events(), platform.projections(), profiles, exercises, views, exercises::freeId)
                .register(platform.tools());
        new TrainingQueries(platform.projections(), views, exercises, exercises::find).register(platform.tools());
    }
}
