package dev.td.server.load;

import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
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

    /**
     * A person's recent training as its load sees it.
     *
     * @param sessions the strength sessions and activities started on the days asked, in the order they started
     * @param last     the last session started on or before the range's last day
     * @param fatigue  where the person stands on the range's last day by session-RPE load; empty before any session
     */
    record Recent(List<TrainedSession> sessions, Optional<TrainedSession> last, Optional<FatigueState> fatigue) {
        public Recent {
            sessions = List.copyOf(sessions);
            java.util.Objects.requireNonNull(last, "last");
            java.util.Objects.requireNonNull(fatigue, "fatigue");
        }
    }

    /** The sessions of a range of days, the last session and the fatigue state on its last day, in one read. */
    Recent recent(UUID user, DayRange days);
}
