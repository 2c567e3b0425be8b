package dev.td.server.endurance;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One point per activity, the few numbers lists, trends and other capabilities read, kept per calendar month so that
 * no state grows with years of history and a range of days reads only its months. Key: the month the activity
 * started in, where it happened ({@code 2026-10}); an id logged again within a month keeps its latest event.
 */
final class ActivityPointsProjection extends NamedProjection<ActivityPointsProjection.Month> {

    static final String NAME = "activity_points";

    /** The activities of one month, in the order they started. */
    record Month(String month, List<Point> activities) {}

    /** One activity, compact. */
    record Point(
            String activityId,
            String eventId,
            String sport,
            String date,
            String startedAt,
            Optional<String> name,
            OptionalDouble distanceM,
            OptionalDouble elapsedS,
            OptionalDouble movingS,
            OptionalDouble avgHr,
            OptionalDouble avgPowerW,
            OptionalDouble normalizedPowerW,
            OptionalDouble elevationGainM,
            OptionalDouble rpe) {

        static Point of(Activity a) {
            return new Point(
                    a.activityId(),
                    a.eventId(),
                    a.sport(),
                    a.date(),
                    a.startedAt(),
                    a.name(),
                    a.distanceM(),
                    a.elapsedS(),
                    a.movingS(),
                    a.avgHr(),
                    a.avgPowerW(),
                    a.normalizedPowerW(),
                    a.elevationGainM(),
                    a.rpe());
        }

        /** The moving time, else the elapsed time: what paces and speeds are computed from. */
        OptionalDouble time() {
            return movingS.isPresent() ? movingS : elapsedS;
        }
    }

    /** A point and the instant it started, parsed once for sorting. */
    private record Started(Instant at, Point point) {}

    private static Started started(Point p) {
        return new Started(OffsetDateTime.parse(p.startedAt()).toInstant(), p);
    }

    private static final Comparator<Started> STARTED =
            Comparator.comparing(Started::at).thenComparing(s -> s.point().activityId());

    /**
     * Sorts points oldest first by the instant they started, then by id. Each start is parsed once, not at every
     * comparison (parsing in the comparator cost ~5 ms for 1,000 activities).
     */
    static void sortByStart(List<Point> points) {
        List<Started> keyed = new ArrayList<>(points.size());
        for (Point p : points) {
            keyed.add(started(p));
        }
        keyed.sort(STARTED);
        for (int i = 0; i < keyed.size(); i++) {
            points.set(i, keyed.get(i).point());
        }
    }

    /**
     * Whether points taken in order from months in start order are in start order overall: only the pairs where the
     * month changes are compared (two starts parsed per month, not one per point).
     */
    static boolean inStartOrderAcrossMonths(List<Point> points) {
        for (int i = 1; i < points.size(); i++) {
            Point before = points.get(i - 1);
            Point after = points.get(i);
            if (!monthOf(before.date()).equals(monthOf(after.date()))
                    && STARTED.compare(started(before), started(after)) > 0) {
                return false;
            }
        }
        return true;
    }

    ActivityPointsProjection() {
        super(NAME, 1, Month.class);
    }

    /** The key of a day's month: {@code 2026-10}. */
    static String monthOf(String date) {
        return date.substring(0, 7);
    }

    @Override
    public Month empty(String key) {
        return new Month(key, List.of());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.ActivityLogged a
                ? List.of(monthOf(a.date().toString()))
                : List.of();
    }

    @Override
    public Month apply(Month m, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.ActivityLogged logged)) {
            return m;
        }
        Point point = Point.of(Activity.of(logged));
        List<Point> points = new ArrayList<>(m.activities());
        points.removeIf(p -> p.activityId().equals(point.activityId()));
        points.add(point);
        sortByStart(points);
        return new Month(m.month(), List.copyOf(points));
    }
}
