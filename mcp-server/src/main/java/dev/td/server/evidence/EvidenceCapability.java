package dev.td.server.evidence;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.ChainVerifier;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import java.util.Objects;

/**
 * Evidence for claims about training ({@code get_evidence}): the sets that bear a claim out, when td learned of
 * each, and the stretch of the hash chain that lets a third party check them on an exported log. Uses the
 * person's exercises to resolve the claim's exercise as every strength tool does, and their profile for the time
 * zone of dates and the unit of loads.
 */
public final class EvidenceCapability implements Capability {

    private final Profiles profiles;
    private final Exercises exercises;

    public EvidenceCapability(Profiles profiles, Exercises exercises) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
    }

    @Override
    public void install(Platform platform) {
        new EvidenceTools(
                        platform.queries(),
                        new ChainVerifier(platform.database(), platform.events()),
                        profiles,
                        exercises)
                .register(platform.tools());
    }
}
