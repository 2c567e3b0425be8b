package dev.td.server.compare;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.endurance.Activities;
import dev.td.server.exercises.Exercises;
import dev.td.server.health.Health;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import dev.td.server.strength.Strength;
import java.util.Objects;

/**
 * Period comparisons ("January vs February"): compare_periods over the published data of strength, endurance,
 * metrics and training load, with the program blocks of health for "this block vs last block". Keeps no projection:
 * every answer is computed from the projections the other capabilities keep.
 */
public final class CompareCapability implements Capability {

    private final Profiles profiles;
    private final Exercises exercises;
    private final Strength strength;
    private final Activities activities;
    private final Metrics metrics;
    private final TrainingLoad load;
    private final Health health;

    public CompareCapability(
            Profiles profiles,
            Exercises exercises,
            Strength strength,
            Activities activities,
            Metrics metrics,
            TrainingLoad load,
            Health health) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
        this.strength = Objects.requireNonNull(strength, "strength");
        this.activities = Objects.requireNonNull(activities, "activities");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.load = Objects.requireNonNull(load, "load");
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void install(Platform platform) {
        new ComparePeriods(profiles, health, new SubjectReader(exercises, strength, activities, metrics, load))
                .register(platform.tools());
    }
}
