package dev.td.server.load;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Training load and fatigue: session loads by a named method, the daily series, PMC, workload ratios,
 * monotony and strain over strength sessions and endurance activities alike. Uses the profile for the
 * physiology the methods need (resting and maximal heart rate, sex, FTP) and for the person's days. Publishes
 * {@link TrainingLoad} once installed, puts the fatigue state in the context of training answers, and tells what
 * proposed sessions would do to it (what_if).
 */
public final class LoadCapability implements Capability, TrainingLoad {

    private final Profiles profiles;
    private final LoadProjection inputs = new LoadProjection();
    private volatile Optional<LoadViews> views = Optional.empty();

    public LoadCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(inputs);
    }

    @Override
    public void install(Platform platform) {
        LoadViews installed = new LoadViews(platform.projections(), inputs, profiles);
        new LoadTools(installed, profiles).register(platform.tools());
        platform.tools().after(new LoadContext(installed, profiles));
        platform.foresee(new LoadForesight(installed, inputs, profiles));
        views = Optional.of(installed);
    }

    @Override
    public Recent recent(UUID user, DayRange days) {
        return installed().recent(user, days);
    }

    private LoadViews installed() {
        return views.orElseThrow(() -> new IllegalStateException("the load capability is not installed yet"));
    }
}
