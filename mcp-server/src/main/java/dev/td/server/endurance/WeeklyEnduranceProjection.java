package dev.td.server.endurance;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Endurance totals per ISO week, kept per day and sport: activities, distance, moving and elapsed time, elevation
 * gained. Days let a query keep to the dates asked for when a range cuts a week. An activity counts on the day it
 * started, where it happened. Key: the ISO week ({@code 2026-W40}).
 */
final class WeeklyEnduranceProjection extends NamedProjection<WeeklyEnduranceProjection.Week> {

    static final String NAME = "endurance_weekly";

    /** One ISO week: per day ({@code 2026-10-04}), per sport, the totals. */
    record Week(String week, Map<String, Map<String, Totals>> days) {

        /** The totals per sport of the days {@code include} accepts. */
        Map<String, Totals> bySport(Predicate<LocalDate> include) {
            Map<String, Totals> sum = new TreeMap<>();
            days.forEach((day, bySport) -> {
                if (include.test(LocalDate.parse(day))) {
                    bySport.forEach((sport, t) -> sum.merge(sport, t, Totals::plus));
                }
            });
            return sum;
        }
    }

    /**
     * Totals of some activities. {@code movingS} adds each activity's moving time, or its elapsed time where none
     * was logged; {@code elapsedS} its elapsed time, or its moving time where none was logged.
     */
    record Totals(int sessions, double distanceM, double movingS, double elapsedS, double elevationGainM) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        Totals plus(Totals o) {
            return new Totals(
                    sessions + o.sessions,
                    distanceM + o.distanceM,
                    movingS + o.movingS,
                    elapsedS + o.elapsedS,
                    elevationGainM + o.elevationGainM);
        }

        static Totals of(Activity a) {
            return new Totals(
                    1,
                    a.distanceM().orElse(0),
                    a.movingOrElapsed(),
                    a.elapsedOrMoving(),
                    a.elevationGainM().orElse(0));
        }
    }

    WeeklyEnduranceProjection() {
        super(NAME, 1, Week.class);
    }

    @Override
    public Week empty(String key) {
        return new Week(key, Map.of());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.ActivityLogged a ? List.of(a.isoWeek()) : List.of();
    }

    @Override
    public Week apply(Week w, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.ActivityLogged logged)) {
            return w;
        }
        Activity a = Activity.of(logged);
        Map<String, Map<String, Totals>> days = new TreeMap<>(w.days());
        Map<String, Totals> bySport = new TreeMap<>(days.getOrDefault(a.date(), Map.of()));
        bySport.merge(a.sport(), Totals.of(a), Totals::plus);
        days.put(a.date(), bySport);
        return new Week(w.week(), days);
    }
}
