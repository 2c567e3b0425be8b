package dev.td.server.endurance;

import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
import java.util.List;
import java.util.UUID;

/**
 * A person's endurance activities as other capabilities use them: the activities of a range of days, read from the
 * projection kept per month (never from the log). An activity belongs to the day it started on, where it happened.
 */
@Published
public interface Activities {

    /** The scope that reads endurance: activities, their laps and samples, best efforts. */
    String READ = "endurance:read";

    /** The person's activities that started on the days of {@code days}, in the order they started. */
    List<LoggedActivity> in(UUID user, DayRange days);
}
