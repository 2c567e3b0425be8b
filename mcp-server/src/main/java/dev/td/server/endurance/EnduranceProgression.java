package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.Aggregate;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * get_endurance_progression: how one sport goes over a period (by default the 52 weeks up to its latest activity):
 * totals per ISO week, and the trends of pace (or speed) and heart rate per activity with their intervals
 * ({@link EnduranceTrend}), and the fastest effort per standard distance in the period ({@link BestEfforts}).
 */
final class EnduranceProgression {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Weekly rows an answer carries at most (two years); older weeks of a longer period are counted, not listed. */
    static final int MAX_WEEKS = 104;

    private final EnduranceViews views;
    private final BestEfforts bestEfforts;

    EnduranceProgression(EnduranceViews views, BestEfforts bestEfforts) {
        this.views = views;
        this.bestEfforts = bestEfforts;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("get_endurance_progression", this::answer);
    }

    private Envelope answer(ToolCall call) {
        UUID user = call.principal().userId();
        String sportName = call.arguments().get("sport").asText();
        Sport sport = Sport.of(sportName);
        AskedPeriod asked = AskedPeriod.of(call.arguments(), views.zone(user), AsOf.now());
        Scope scope = scope(user, sportName, asked);
        AskedPeriod period = scope.period();
        List<ActivityPointsProjection.Point> points = scope.points();
        ActivityViews render = views.units(user);
        ObjectNode data = JSON.objectNode();
        data.put("sport", sportName);
        data.put("measure", measure(sport));
        data.put("distance_unit", render.distanceUnit());
        data.put("from", period.from().map(LocalDate::toString).orElse(null));
        data.put("to", period.to().map(LocalDate::toString).orElse(null));
        data.put("activities", points.size());
        data.set("totals", totals(points, render));
        weeks(user, sportName, period, points, render, data);
        Optional<ObjectNode> quality = trends(points, sport, render, data);
        List<ObjectNode> efforts = bestEfforts.inPeriod(user, sportName, period);
        if (!efforts.isEmpty()) {
            ArrayNode list = data.putArray("best_efforts");
            efforts.forEach(list::add);
        }
        ObjectNode context = context(user, sportName, asked, points.isEmpty());
        Meta meta = Meta.now(call.origin().requestId())
                .withProjectionVersion(views.points().version())
                .withPeriod(period.toJson());
        if (quality.isPresent()) {
            meta = meta.withStatisticalQuality(quality.get());
        }
        return new Envelope(data, context, meta);
    }

    /** The zone's hint when it is a guess; when nothing was found, the sports there are. */
    private ObjectNode context(UUID user, String sport, AskedPeriod asked, boolean nothing) {
        ObjectNode context = JSON.objectNode();
        asked.zone().hint().ifPresent(h -> context.put("time_zone", h));
        if (nothing) {
            TreeSet<String> logged = new TreeSet<>();
            views.points(user, Optional.empty(), Optional.empty()).forEach(p -> logged.add(p.sport()));
            context.put(
                    "hint",
                    "no " + sport + " activities " + (asked.bounded() ? "in this period" : "logged yet")
                            + (logged.isEmpty() ? "" : "; the person has logged: " + String.join(", ", logged)));
        }
        return context;
    }

    /** The days answered for and the sport's activities in them. */
    private record Scope(AskedPeriod period, List<ActivityPointsProjection.Point> points) {}

    /** The period asked, or else the 52 weeks up to the sport's latest activity, with its activities. */
    private Scope scope(UUID user, String sport, AskedPeriod asked) {
        if (asked.bounded()) {
            return new Scope(asked, ofSport(views.points(user, asked.from(), asked.to()), sport));
        }
        // the months since a year and a month ago hold the whole answer when the sport's last activity lies in them
        // and a year before it still does; else (a sport left long ago) everything is read
        LocalDate recentFrom = asked.today().minusDays(400).withDayOfMonth(1);
        List<ActivityPointsProjection.Point> recent =
                ofSport(views.points(user, Optional.of(recentFrom), Optional.empty()), sport);
        List<ActivityPointsProjection.Point> all = !recent.isEmpty()
                        && !LocalDate.parse(recent.getLast().date())
                                .minusDays(364)
                                .isBefore(recentFrom)
                ? recent
                : ofSport(views.points(user, Optional.empty(), Optional.empty()), sport);
        if (all.isEmpty()) {
            return new Scope(asked, all);
        }
        LocalDate from = LocalDate.parse(all.getLast().date()).minusDays(364);
        String first = from.toString(); // ISO days compare as text
        return new Scope(
                asked.withBounds(Optional.of(from), Optional.empty()),
                all.stream().filter(p -> p.date().compareTo(first) >= 0).toList());
    }

    private static List<ActivityPointsProjection.Point> ofSport(
            List<ActivityPointsProjection.Point> all, String sport) {
        return all.stream().filter(p -> p.sport().equals(sport)).toList();
    }

    private static String measure(Sport sport) {
        return switch (sport.measure()) {
            case PACE_PER_KM -> "pace_per_km";
            case PACE_PER_100M -> "pace_per_100m";
            case PACE_PER_500M -> "pace_per_500m";
            case SPEED -> "speed";
        };
    }

    private static ObjectNode totals(List<ActivityPointsProjection.Point> points, ActivityViews render) {
        WeeklyEnduranceProjection.Totals t = WeeklyEnduranceProjection.Totals.NONE;
        for (ActivityPointsProjection.Point p : points) {
            double moving = p.time().orElse(0);
            double elapsed = p.elapsedS().isPresent()
                    ? p.elapsedS().getAsDouble()
                    : p.movingS().orElse(0);
            t = t.plus(new WeeklyEnduranceProjection.Totals(
                    1,
                    p.distanceM().orElse(0),
                    moving,
                    elapsed,
                    p.elevationGainM().orElse(0)));
        }
        return totalsJson(JSON.objectNode(), t, render);
    }

    private static ObjectNode totalsJson(ObjectNode n, WeeklyEnduranceProjection.Totals t, ActivityViews render) {
        n.put("activities", t.sessions());
        n.put("distance_m", Durations.round(t.distanceM(), 1));
        n.put("distance", render.distanceValue(t.distanceM()));
        n.put("moving_s", Durations.round(t.movingS(), 3));
        n.put("elapsed_s", Durations.round(t.elapsedS(), 3));
        n.put("elevation_gain_m", Durations.round(t.elevationGainM(), 1));
        return n;
    }

    /**
     * Weekly totals of the sport from the first week of the period (else of its first activity) to the week of its
     * last day (else of the last activity), today at the latest; empty weeks are zeros.
     */
    private void weeks(
            UUID user,
            String sport,
            AskedPeriod period,
            List<ActivityPointsProjection.Point> points,
            ActivityViews render,
            ObjectNode data) {
        ArrayNode rows = data.putArray("weeks");
        data.put("weeks_left_out", 0);
        Optional<LocalDate> first =
                period.from().or(() -> points.stream().findFirst().map(p -> LocalDate.parse(p.date())));
        Optional<LocalDate> last = period.to()
                .or(() -> points.isEmpty()
                        ? Optional.empty()
                        : Optional.of(LocalDate.parse(points.getLast().date())))
                .map(d -> d.isAfter(period.today()) ? period.today() : d);
        if (points.isEmpty() || first.isEmpty() || last.isEmpty() || last.get().isBefore(first.get())) {
            return;
        }
        LocalDate monday = first.get().with(DayOfWeek.MONDAY);
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate m = monday; !m.isAfter(last.get()); m = m.plusWeeks(1)) {
            mondays.add(m);
        }
        int leftOut = Math.max(0, mondays.size() - MAX_WEEKS);
        mondays = mondays.subList(leftOut, mondays.size());
        Map<String, WeeklyEnduranceProjection.Week> stored =
                views.weeks(user, Aggregate.isoWeek(mondays.getFirst()), Aggregate.isoWeek(mondays.getLast()));
        for (LocalDate m : mondays) {
            WeeklyEnduranceProjection.Totals t = Optional.ofNullable(stored.get(Aggregate.isoWeek(m)))
                    .map(w -> w.bySport(period::contains).getOrDefault(sport, WeeklyEnduranceProjection.Totals.NONE))
                    .orElse(WeeklyEnduranceProjection.Totals.NONE);
            totalsJson(rows.addObject().put("week", Aggregate.isoWeek(m)), t, render);
        }
        data.put("weeks_left_out", leftOut);
    }

    /** pace_trend or speed_trend (the other null), and hr_trend; returns the quality of the first. */
    private static Optional<ObjectNode> trends(
            List<ActivityPointsProjection.Point> points, Sport sport, ActivityViews render, ObjectNode data) {
        boolean imperial = render.imperial();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<LocalDate> hrDates = new ArrayList<>();
        List<Double> hr = new ArrayList<>();
        for (ActivityPointsProjection.Point p : points) {
            if (p.distanceM().orElse(0) > 0 && p.time().orElse(0) > 0) {
                dates.add(LocalDate.parse(p.date()));
                values.add(sport.measure()
                        .inUnits(
                                sport.measure()
                                        .of(
                                                p.distanceM().getAsDouble(),
                                                p.time().getAsDouble()),
                                imperial));
            }
            if (p.avgHr().isPresent()) {
                hrDates.add(LocalDate.parse(p.date()));
                hr.add(p.avgHr().getAsDouble());
            }
        }
        EnduranceTrend.Result speed = EnduranceTrend.of(
                dates,
                values.stream().mapToDouble(Double::doubleValue).toArray(),
                sport.measure().trendUnit(imperial),
                sport.measure().pace() ? EnduranceTrend.Reading.PACE : EnduranceTrend.Reading.SPEED);
        data.set("pace_trend", sport.measure().pace() ? speed.trend() : JSON.nullNode());
        data.set("speed_trend", sport.measure().pace() ? JSON.nullNode() : speed.trend());
        data.set(
                "hr_trend",
                EnduranceTrend.of(
                                hrDates,
                                hr.stream().mapToDouble(Double::doubleValue).toArray(),
                                "bpm",
                                EnduranceTrend.Reading.DIRECTION)
                        .trend());
        return speed.quality();
    }
}
