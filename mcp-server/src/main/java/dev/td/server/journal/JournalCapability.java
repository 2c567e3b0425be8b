package dev.td.server.journal;

import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.ChainVerifier;
import dev.td.server.profile.Profiles;

/**
 * The raw event log as tools: log_events, get_events, correct_event, void_event, get_event_types, and
 * verify_chain over its hash chain.
 * Every event type is accepted here, checked against its JSON Schema and against the rules other
 * capabilities add ({@link Platform#checkEvents}).
 */
public final class JournalCapability implements Capability {

    private final Profiles profiles;

    public JournalCapability(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void install(Platform platform) {
        new EventTools(
                        platform.events(),
                        platform.queries(),
                        platform.eventTypes(),
                        profiles,
                        platform.eventChecks(),
                        platform.changeContext())
                .register(platform.tools());
        new ChainTools(new ChainVerifier(platform.database(), platform.events())).register(platform.tools());
    }
}
