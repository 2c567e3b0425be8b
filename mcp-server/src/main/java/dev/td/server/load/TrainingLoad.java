package dev.td.server.load;

import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other capabilities read of a person's training load: the sessions of a range of days across strength and
 * endurance, and the fatigue state on a day. Read from the load inputs kept per month; the series is computed
 * from the first session each time (a person's whole history, one pass).
 */
@Published
public interface TrainingLoad {

    /** The strength sessions and activities on the days of the range, in the order they started. */
    List<TrainedSession> sessions(UUID user, DayRange days);

    /** The last session started on or before {@code day}; empty when there is none. */
    Optional<TrainedSession> lastSession(UUID user, LocalDate day);

    /** Where the person stands on {@code day} by session-RPE load; empty before the first session. */
    Optional<FatigueState> fatigueOn(UUID user, LocalDate day);
}
