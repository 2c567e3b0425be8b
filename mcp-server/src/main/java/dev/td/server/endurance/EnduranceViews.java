package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.server.projections.ProjectionEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the endurance projections for one person, and their zone and units. */
final class EnduranceViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProjectionEngine engine;
    private final Profiles profiles;
    private final ActivitySummaryProjection summaries = new ActivitySummaryProjection();
    private final WeeklyEnduranceProjection weeks = new WeeklyEnduranceProjection();
    private final ActivityPointsProjection points = new ActivityPointsProjection();
    private final BestEffortsProjection bestEfforts = new BestEffortsProjection();

    EnduranceViews(ProjectionEngine engine, Profiles profiles) {
        this.engine = engine;
        this.profiles = profiles;
    }

    ActivitySummaryProjection summaries() {
        return summaries;
    }

    WeeklyEnduranceProjection weeks() {
        return weeks;
    }

    ActivityPointsProjection points() {
        return points;
    }

    Optional<Activity> activity(UUID user, String activityId) {
        return engine.read(user, summaries, activityId);
    }

    /** The zone the person's days are counted in, and where it comes from. */
    ZoneInUse zone(UUID user) {
        return profiles.zoneInUse(user);
    }

    /** The person's units: mi and ft when their profile weighs in lb, else km and m. */
    ActivityViews units(UUID user) {
        return new ActivityViews(
                profiles.profile(user).weightUnit().filter("lb"::equals).isPresent());
    }

    /**
     * The points of the activities that started between {@code from} and {@code to} (either open), oldest first: only
     * the months of the range are read.
     */
    List<ActivityPointsProjection.Point> points(UUID user, Optional<LocalDate> from, Optional<LocalDate> to) {
        Map<String, ActivityPointsProjection.Month> months = from.isEmpty() && to.isEmpty()
                ? engine.readAll(user, points)
                : engine.readRange(
                        user,
                        points,
                        from.map(d -> ActivityPointsProjection.monthOf(d.toString()))
                                .orElse("0000-00"),
                        to.map(d -> ActivityPointsProjection.monthOf(d.toString()))
                                .orElse("9999-12"));
        // ISO dates (four-digit years) compare as strings in date order: no parsing per point
        String first = from.map(LocalDate::toString).orElse("");
        String last = to.map(LocalDate::toString).orElse("\uffff");
        List<ActivityPointsProjection.Point> found = new ArrayList<>();
        for (ActivityPointsProjection.Month m : months.values()) {
            for (ActivityPointsProjection.Point p : m.activities()) {
                if (p.date().compareTo(first) >= 0 && p.date().compareTo(last) <= 0) {
                    found.add(p);
                }
            }
        }
        // each month's points are kept in start order and months come in key order, so only where the month changes
        // can two be out of order (a trip across zones near midnight at a month's end): sort only then
        if (!ActivityPointsProjection.inStartOrderAcrossMonths(found)) {
            ActivityPointsProjection.sortByStart(found);
        }
        return found;
    }

    /** The fastest efforts of a sport of all time, a few per distance ({@link BestEffortsProjection}): one row. */
    List<BestEffortsProjection.Effort> bestEffortsOfAllTime(UUID user, String sport) {
        return engine.read(user, bestEfforts, BestEffortsProjection.allTimeKey(sport))
                .map(BestEffortsProjection.Kept::efforts)
                .orElse(List.of());
    }

    /**
     * Every effort of a sport in the months of {@code from} to {@code to} (either open), whole months: one row per
     * month, in one query. Rows of other sports a collation may sort in between are left out.
     */
    List<BestEffortsProjection.Effort> bestEffortsOfMonths(
            UUID user, String sport, Optional<LocalDate> from, Optional<LocalDate> to) {
        String prefix = sport + "/";
        Map<String, BestEffortsProjection.Kept> months = engine.readRange(
                user,
                bestEfforts,
                BestEffortsProjection.monthKey(
                        sport, from.map(LocalDate::toString).orElse("0000-01")),
                BestEffortsProjection.monthKey(
                        sport, to.map(LocalDate::toString).orElse("9999-12")));
        List<BestEffortsProjection.Effort> found = new ArrayList<>();
        months.forEach((key, kept) -> {
            if (key.startsWith(prefix)) {
                found.addAll(kept.efforts());
            }
        });
        return found;
    }

    /** The weeks stored between two ISO weeks, both included, by week. */
    Map<String, WeeklyEnduranceProjection.Week> weeks(UUID user, String fromWeek, String toWeek) {
        return engine.readRange(user, weeks, fromWeek, toWeek);
    }

    /** The totals of the activity's sport in its ISO week, as they stand: log_activity's context. */
    ObjectNode weekSoFar(UUID user, Activity a, ActivityViews render) {
        WeeklyEnduranceProjection.Totals t = engine.read(user, weeks, a.week())
                .map(w -> w.bySport(d -> true).getOrDefault(a.sport(), WeeklyEnduranceProjection.Totals.NONE))
                .orElse(WeeklyEnduranceProjection.Totals.NONE);
        ObjectNode n = JSON.objectNode();
        n.put("week", a.week());
        n.put("sport", a.sport());
        n.put("activities", t.sessions());
        n.set("distance", render.distance(t.distanceM()));
        n.put("moving_s", Durations.round(t.movingS(), 3));
        n.put("moving", Durations.text(t.movingS()));
        return n;
    }
}
