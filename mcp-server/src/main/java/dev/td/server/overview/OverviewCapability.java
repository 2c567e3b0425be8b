package dev.td.server.overview;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.endurance.Activities;
import dev.td.server.health.Health;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import java.util.Objects;

/** get_overview, over the published views of load, activities, metrics, health and the background analyses. */
public final class OverviewCapability implements Capability {

    private final Profiles profiles;
    private final TrainingLoad load;
    private final Activities activities;
    private final Metrics metrics;
    private final Health health;

    public OverviewCapability(
            Profiles profiles, TrainingLoad load, Activities activities, Metrics metrics, Health health) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.load = Objects.requireNonNull(load, "load");
        this.activities = Objects.requireNonNull(activities, "activities");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void install(Platform platform) {
        Overview overview = new Overview(profiles, load, activities, metrics, health, platform.events()::head);
        platform.tools().handle("get_overview", overview::answer);
    }
}
