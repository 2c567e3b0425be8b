package dev.td.server.profile;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's profile (time zone, weight unit, sex, birth year, body weight): the profile projection,
 * the profile tools, and {@link Profiles} for the capabilities that need a person's time zone or unit.
 */
public final class ProfileCapability implements Capability, Profiles {

    private final ProfileProjection projection = new ProfileProjection();
    private volatile Optional<Installed> installed = Optional.empty();

    private record Installed(ProjectionEngine engine, TimeZones zones) {}

    @Override
    public List<Projection<?>> projections() {
        return List.of(projection);
    }

    @Override
    public void install(Platform platform) {
        TimeZones zones = new TimeZones(platform.database());
        platform.listen(zones.profileChanges());
        installed = Optional.of(new Installed(platform.projections(), zones));
        new ProfileTools(platform.events(), this).register(platform.tools());
    }

    @Override
    public Profile profile(UUID user) {
        return installed()
                .engine()
                .read(Objects.requireNonNull(user, "user"), projection, ProfileProjection.KEY)
                .orElseGet(Profile::empty);
    }

    @Override
    public ZoneInUse zoneInUse(UUID user) {
        return installed().zones().timeZoneOf(Objects.requireNonNull(user, "user"));
    }

    private Installed installed() {
        return installed.orElseThrow(
                () -> new IllegalStateException("the profile capability is used before the wiring installed it"));
    }
}
