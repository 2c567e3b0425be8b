package dev.td.server.load;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import java.util.List;
import java.util.Objects;

/**
 * Training load and fatigue: session loads by a named method, the daily series, PMC, workload ratios,
 * monotony and strain over strength sessions and endurance activities alike. Uses the profile for the
 * physiology the methods need (resting and maximal heart rate, sex, FTP) and for the person's days.
 */
public final class LoadCapability implements Capability {

    private final Profiles profiles;
    private final LoadProjection inputs = new LoadProjection();

    public LoadCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(inputs);
    }

    @Override
    public void install(Platform platform) {
        new LoadTools(new LoadViews(platform.projections(), inputs, profiles), profiles).register(platform.tools());
    }
}
