package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.time.ZoneId;
import java.util.UUID;

/** What other capabilities read of a person's profile: the whole profile, and the time zone their dates are in. */
@Published
public interface Profiles {

    /** The person's profile as of the last committed profile.updated event. */
    Profile profile(UUID user);

    /** The person's time zone: their profile's, else the one their account was created with, else UTC. */
    ZoneId timeZoneOf(UUID user);
}
