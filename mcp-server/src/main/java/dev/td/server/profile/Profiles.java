package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.time.ZoneId;
import java.util.UUID;

/** What other capabilities read of a person's profile: the whole profile, and the time zone their dates are in. */
@Published
public interface Profiles {

    /** The person's profile as of the last committed profile.updated event. */
    Profile profile(UUID user);

    /**
     * The time zone td counts the person's days in, and where it comes from: their profile's, else the zone
     * most of their latest events carry, else UTC.
     */
    ZoneInUse zoneInUse(UUID user);

    /** The zone of {@link #zoneInUse}. */
    default ZoneId timeZoneOf(UUID user) {
        return zoneInUse(user).zone();
    }
}
