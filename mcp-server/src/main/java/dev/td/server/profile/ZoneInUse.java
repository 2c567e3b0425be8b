package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The time zone td counts a person's days and weeks in, and where it comes from: their profile, else
 * the zone most of their latest events carry, else UTC.
 *
 * @param matching how many of the sampled events carry {@code zone} (inferred zones only)
 * @param sampled  how many of the person's latest events were looked at (inferred zones only)
 */
@Published
public record ZoneInUse(ZoneId zone, Source source, int matching, int sampled) {

    /** Where the zone comes from. */
    public enum Source {
        /** Set with update_profile (or given when the account was made). */
        PROFILE,
        /** No zone set: the zone most of the person's latest events carry. */
        INFERRED,
        /** No zone set and no events to infer one from. */
        DEFAULT;

        /** The name in answers: {@code profile}, {@code inferred}, {@code default}. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ZoneInUse {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(source, "source");
        if (matching < 0 || sampled < matching) {
            throw new IllegalArgumentException("0 ≤ matching ≤ sampled, got " + matching + " of " + sampled);
        }
    }

    /** A zone the person set. */
    public static ZoneInUse ofProfile(ZoneId zone) {
        return new ZoneInUse(zone, Source.PROFILE, 0, 0);
    }

    /** UTC, for lack of anything better. */
    public static ZoneInUse fallback() {
        return new ZoneInUse(ZoneOffset.UTC, Source.DEFAULT, 0, 0);
    }

    /** The zone's name as answers show it: an IANA name, an offset such as {@code +01:00}, or {@code UTC}. */
    public String name() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /**
     * What an answer's context says when the person set no zone: which zone td used and why, and that the
     * agent should ask for the real one. Empty once the profile has a zone.
     */
    public Optional<String> hint() {
        return switch (source) {
            case PROFILE -> Optional.empty();
            case INFERRED ->
                Optional.of("No time zone in the profile: td counts days and weeks in " + name() + ", the zone "
                        + matching + " of " + sampled
                        + " of the person's latest events carry. Ask the person for their time zone and set it with update_profile"
                        + " (an IANA name such as Europe/Berlin also follows daylight saving time)");
            case DEFAULT ->
                Optional.of("No time zone in the profile and no events to infer one from: td counts days and weeks"
                        + " in UTC; ask the person for their time zone and set it with update_profile"
                        + " (an IANA name such as Europe/Berlin)");
        };
    }
}
