package dev.td.server.endurance;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One summary per activity, everything logged but the sample streams (summarized instead): what get_activity and
 * log_activity answer with. Key: the activity id; an id logged again reads as its latest event.
 */
final class ActivitySummaryProjection extends NamedProjection<Activity> {

    static final String NAME = "activity_summary";

    ActivitySummaryProjection() {
        super(NAME, 1, Activity.class);
    }

    @Override
    public Activity empty(String key) {
        return new Activity(
                key,
                "",
                "",
                "",
                "",
                "",
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                List.of(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                false);
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.ActivityLogged a ? List.of(a.activityId()) : List.of();
    }

    @Override
    public Activity apply(Activity state, TrainingEvent event) {
        return event instanceof TrainingEvent.ActivityLogged a ? Activity.of(a) : state;
    }
}
