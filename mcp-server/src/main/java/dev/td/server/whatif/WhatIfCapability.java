package dev.td.server.whatif;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.Profiles;
import java.util.Objects;

/**
 * The what_if tool: proposed events checked like logged ones, applied where only this call sees them, answered with
 * before → after from every capability's foresight, and rolled back. Uses the profile for the person's zone and the
 * metrics for the scope each reading needs.
 */
public final class WhatIfCapability implements Capability {

    private final Profiles profiles;
    private final Metrics metrics;

    public WhatIfCapability(Profiles profiles, Metrics metrics) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void install(Platform platform) {
        new WhatIfTool(
                        platform.events(),
                        platform.eventTypes(),
                        platform.eventChecks(),
                        platform.foresight(),
                        profiles,
                        metrics)
                .register(platform.tools());
    }
}
