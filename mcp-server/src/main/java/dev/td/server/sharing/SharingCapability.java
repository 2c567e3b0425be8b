package dev.td.server.sharing;

import dev.td.server.access.AccessLogStore;
import dev.td.server.access.Accounts;
import dev.td.server.access.Grants;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.profile.Profiles;

/**
 * A person's account as tools (keys and grants), and the grants every call naming another person goes through
 * ({@link Grants}, installed as the registry's delegations by the wiring).
 */
public final class SharingCapability implements Capability {

    private final Grants grants;
    private final AccessLogStore accessLog;
    private final Profiles profiles;

    public SharingCapability(Grants grants, AccessLogStore accessLog, Profiles profiles) {
        this.grants = grants;
        this.accessLog = accessLog;
        this.profiles = profiles;
    }

    @Override
    public void install(Platform platform) {
        new AccountTools(
                        platform.accounts(),
                        grants,
                        accessLog,
                        Accounts.knownScopes(platform.tools().manifests()),
                        profiles::timeZoneOf)
                .register(platform.tools());
    }
}
