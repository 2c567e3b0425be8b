package dev.td.server.imports;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Profiles;
import java.util.Objects;

/** import_file and get_import, and the uploads they read (see the package). */
public final class ImportsCapability implements Capability {

    private final Profiles profiles;
    private final Exercises exercises;
    private final Uploads uploads;

    public ImportsCapability(Profiles profiles, Exercises exercises, Uploads uploads) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    @Override
    public void install(Platform platform) {
        ImportLedger ledger = new ImportLedger(platform.database());
        DraftEvents drafts = new DraftEvents(
                platform.events(),
                platform.eventTypes(),
                platform.eventChecks(),
                exercises,
                new ActivityLinks(platform.database()));
        new ImportTools(profiles, drafts, ledger, platform.events(), uploads).register(platform.tools());
    }
}
