package dev.td.server.endurance;

import dev.td.server.capability.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One activity as other capabilities read it (a session's training load, say): when and what, how long, how far, how
 * hard. Lengths in metres, times in seconds; each number empty where it was not logged.
 *
 * @param date             the calendar day it started on, where it happened
 * @param startedAt        when it started
 * @param movingS          time in motion, as logged
 * @param elapsedS         start to finish, as logged
 * @param normalizedPowerW normalized power (Coggan), as logged
 * @param rpe              the person's rating of the whole activity, CR-10 (0-10)
 */
@Published
public record LoggedActivity(
        String activityId,
        LocalDate date,
        Instant startedAt,
        String sport,
        OptionalDouble movingS,
        OptionalDouble elapsedS,
        OptionalDouble distanceM,
        OptionalDouble avgHr,
        OptionalDouble avgPowerW,
        OptionalDouble normalizedPowerW,
        OptionalDouble rpe) {

    public LoggedActivity {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(sport, "sport");
        Objects.requireNonNull(movingS, "movingS");
        Objects.requireNonNull(elapsedS, "elapsedS");
        Objects.requireNonNull(distanceM, "distanceM");
        Objects.requireNonNull(avgHr, "avgHr");
        Objects.requireNonNull(avgPowerW, "avgPowerW");
        Objects.requireNonNull(normalizedPowerW, "normalizedPowerW");
        Objects.requireNonNull(rpe, "rpe");
    }
}
