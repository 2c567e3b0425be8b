package dev.td.server.load;

import dev.td.server.capability.Published;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One training session as its load sees it: a strength session or an endurance activity, its day, how long it
 * took, and its session-RPE load.
 *
 * @param kind        {@code strength} or {@code endurance}
 * @param sport       an activity's sport
 * @param minutes     a strength session's start to end (3 min per working set when no end was logged), an
 *                    activity's moving time (else elapsed)
 * @param workingSets a strength session's sets that are not warm-ups (0 for an activity)
 * @param load        session RPE × minutes (AU); empty without an RPE
 */
@Published
public record TrainedSession(
        String id,
        String kind,
        Optional<String> sport,
        LocalDate date,
        OptionalDouble minutes,
        int workingSets,
        OptionalDouble load) {

    public static final String STRENGTH = "strength";
    public static final String ENDURANCE = "endurance";

    public TrainedSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sport, "sport");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(minutes, "minutes");
        Objects.requireNonNull(load, "load");
        if (!kind.equals(STRENGTH) && !kind.equals(ENDURANCE)) {
            throw new IllegalArgumentException("kind must be strength or endurance, got " + kind);
        }
    }
}
