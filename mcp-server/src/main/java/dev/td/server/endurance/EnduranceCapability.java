package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.EventCheck;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import dev.td.tools.ToolException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Endurance training: logging activities (a run, a ride, a swim… any sport named in snake_case), the answers kept ready
 * for them (a summary per activity, totals per week and sport, a point per activity kept per month, best efforts per
 * sport by month and of all time) and the tools that read them. Uses the person's profile for time zone and units.
 * Refuses impossible activities always and unusual ones unless confirmed ({@link ActivityRules}), whichever tool writes
 * them. Other capabilities read a person's activities through {@link Activities}.
 */
public final class EnduranceCapability implements Capability, Activities {

    private final Profiles profiles;
    private volatile Optional<EnduranceViews> installed = Optional.empty();

    public EnduranceCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(
                new ActivitySummaryProjection(),
                new WeeklyEnduranceProjection(),
                new ActivityPointsProjection(),
                new BestEffortsProjection());
    }

    @Override
    public void install(Platform platform) {
        EnduranceViews views = new EnduranceViews(platform.projections(), profiles);
        installed = Optional.of(views);
        platform.checkEvents(activitiesKeepTheRules());
        BestEfforts bestEfforts = BestEfforts.kept(views);
        new ActivityTools(platform.events(), views, bestEfforts).register(platform.tools());
        new ActivityQueries(views).register(platform.tools());
        new EnduranceProgression(views, bestEfforts).register(platform.tools());
    }

    /**
     * An activity written as a raw event (log_events, correct_event) passes the same rules as one logged with
     * log_activity: impossible values are refused, unusual ones unless the data says they were confirmed.
     */
    private static EventCheck activitiesKeepTheRules() {
        return (UUID user, String type, JsonNode data, String path) -> {
            if (type.equals("activity.logged")) {
                ActivityRules.check(data).ifPresent(p -> {
                    throw ToolException.invalid(
                            path + "." + p.dataField(),
                            p.refusal("add \"" + ActivityRules.MARKER + "\": true to the activity's data"));
                });
            }
        };
    }

    @Override
    public List<LoggedActivity> in(UUID user, DayRange days) {
        EnduranceViews views = installed.orElseThrow(
                () -> new IllegalStateException("the endurance capability is used before the wiring installed it"));
        return views
                .points(Objects.requireNonNull(user, "user"), Optional.of(days.from()), Optional.of(days.to()))
                .stream()
                .map(p -> new LoggedActivity(
                        p.activityId(),
                        LocalDate.parse(p.date()),
                        OffsetDateTime.parse(p.startedAt()).toInstant(),
                        p.sport(),
                        p.movingS(),
                        p.elapsedS(),
                        p.distanceM(),
                        p.avgHr(),
                        p.avgPowerW(),
                        p.normalizedPowerW(),
                        p.rpe()))
                .toList();
    }
}
