package dev.td.server.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether td learned of a set too late to vouch for when it happened. The rule: a set is <em>backfilled</em>
 * when the value and time it counts with were recorded (the event's recorded_at, or the correction's that last
 * changed either)
 *
 * <ul>
 *   <li>at or after the claim's {@code before}: td's log did not hold it by the date the claim names; or
 *   <li>more than {@link #LATE} (24 hours) after it happened: it was logged afterwards, from memory or an import.
 * </ul>
 *
 * The hash chain proves when td recorded an event (recorded_at, by td's clock), never when it happened: occurred_at is
 * the person's word. A backfilled set may be true; it is just not evidence td can date.
 *
 * @param explanation a plain sentence saying why, when backfilled
 */
record Backfill(boolean backfilled, Optional<String> explanation) {

    /** Recording later than this after the set happened counts as backfilling. */
    static final Duration LATE = Duration.ofHours(24);

    static final Backfill ON_TIME = new Backfill(false, Optional.empty());

    Backfill {
        Objects.requireNonNull(explanation, "explanation");
        if (backfilled == explanation.isEmpty()) {
            throw new IllegalArgumentException("a backfilled set is explained, an on-time one is not");
        }
    }

    /**
     * @param occurredAt   when the set happened, as it counts now
     * @param learnedAt    when td recorded the value and time it counts with
     * @param byCorrection whether that was a correction rather than the set's own event
     * @param before       the end of the claim's window, if it has one
     */
    static Backfill of(
            Instant occurredAt, Instant learnedAt, boolean byCorrection, Optional<Claim.Bound> before, ZoneId zone) {
        Duration delay = Duration.between(occurredAt, learnedAt);
        List<String> why = new ArrayList<>();
        if (delay.compareTo(LATE) > 0) {
            why.add(delayWords(delay) + " after it happened");
        }
        if (before.isPresent() && !learnedAt.isBefore(before.get().at())) {
            why.add("after the claim's date (before " + before.get().given() + ")");
        }
        if (why.isEmpty()) {
            return ON_TIME;
        }
        String recorded = byCorrection
                ? "Its value and time as they count now were recorded by a correction on "
                : "Recorded on ";
        return new Backfill(
                true,
                Optional.of(recorded + learnedAt.atZone(zone).toLocalDate() + ", " + String.join(" and ", why)
                        + ": td vouches for when it learned of this set, not for when it happened."));
    }

    private static String delayWords(Duration d) {
        long hours = d.toHours();
        if (hours < 48) {
            return hours + " hours";
        }
        return d.toDays() + " days";
    }
}
