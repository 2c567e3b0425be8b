package dev.td.server.overview;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.endurance.Activities;
import dev.td.server.health.Health;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import java.util.Objects;

/** get_overview, over the published views of load, activities, metrics and health. */
public final class OverviewCapability implements Capability {

    private final Overview overview;

    public OverviewCapability(
            Profiles profiles, TrainingLoad load, Activities activities, Metrics metrics, Health health) {
        this.overview = new Overview(
                Objects.requireNonNull(profiles, "profiles"),
                Objects.requireNonNull(load, "load"),
                Objects.requireNonNull(activities, "activities"),
                Objects.requireNonNull(metrics, "metrics"),
                Objects.requireNonNull(health, "health"));
    }

    @Override
    public void install(Platform platform) {
        platform.tools().handle("get_overview", overview::answer);
    }
}
