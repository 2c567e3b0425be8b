package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.AskedPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seam for best efforts: the fastest 1 km, 5 km, 10 km, half marathon and marathon found in activities' samples or
 * laps ({@link BestEffortsProjection#effortsOf}). Answers carry them where there are some: get_endurance_progression as
 * {@code data.best_efforts}, log_activity as {@code context.new_best_efforts}, each shaped as the manifests' {@code
 * best_effort} definition. {@link Stored} reads them from {@link BestEffortsProjection}.
 */
interface BestEfforts {

    /** The person's fastest effort per distance in one sport over the days asked, shortest distance first. */
    List<ObjectNode> inPeriod(UUID user, String sport, AskedPeriod period);

    /** The all-time bests of its sport the activity just stored holds (each with the one it beat); else empty. */
    List<ObjectNode> setBy(UUID user, Activity activity);

    /** Best efforts as {@link BestEffortsProjection} keeps them, read through the person's endurance views. */
    static BestEfforts kept(EnduranceViews views) {
        return new Stored(views);
    }

    /**
     * Best efforts as {@link BestEffortsProjection} keeps them. A period reads the sport's months in it (one row each,
     * one query) and keeps to its days; an unbounded one, and log_activity, read the sport's all-time row alone. An
     * effort shows its distance, time, pace (a pace sport, per km and mi, 100 m and 100 yd, or 500 m, as activities
     * show it) or speed, the activity and its day, and whether samples or laps gave it; from laps also the distance the
     * laps cover.
     */
    final class Stored implements BestEfforts {

        private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

        private final EnduranceViews views;

        Stored(EnduranceViews views) {
            this.views = views;
        }

        @Override
        public List<ObjectNode> inPeriod(UUID user, String sport, AskedPeriod period) {
            List<BestEffortsProjection.Effort> candidates = new ArrayList<>(
                    period.bounded()
                            ? views.bestEffortsOfMonths(user, sport, period.from(), period.to()).stream()
                                    .filter(e -> period.contains(LocalDate.parse(e.date())))
                                    .toList()
                            : views.bestEffortsOfAllTime(user, sport));
            candidates.sort(BestEffortsProjection.FASTEST);
            Sport kind = Sport.of(sport);
            return BestEffortsProjection.fastest(candidates, 1).stream()
                    .map(e -> effort(e, kind))
                    .toList();
        }

        @Override
        public List<ObjectNode> setBy(UUID user, Activity activity) {
            List<BestEffortsProjection.Effort> kept = views.bestEffortsOfAllTime(user, activity.sport());
            Sport kind = Sport.of(activity.sport());
            List<ObjectNode> set = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                BestEffortsProjection.Effort e = kept.get(i);
                boolean best = i == 0 || kept.get(i - 1).distanceM() != e.distanceM();
                if (best && e.activityId().equals(activity.activityId())) {
                    ObjectNode n = effort(e, kind);
                    boolean beaten = i + 1 < kept.size() && kept.get(i + 1).distanceM() == e.distanceM();
                    n.set("previous", beaten ? previous(kept.get(i + 1)) : JSON.nullNode());
                    set.add(n);
                }
            }
            return set;
        }

        private static ObjectNode effort(BestEffortsProjection.Effort e, Sport sport) {
            ObjectNode n = JSON.objectNode();
            n.put("distance", e.distanceName());
            n.put("distance_m", Durations.round(e.distanceM(), 1));
            if (e.source().equals("laps")) {
                n.put("covered_m", Durations.round(e.coveredM(), 1));
            }
            n.put("time_s", Durations.round(e.seconds(), 1));
            n.put("time", Durations.text(e.seconds()));
            n.set(sport.measure().pace() ? "pace" : "speed", sport.speedJson(e.coveredM(), e.seconds()));
            n.put("activity_id", e.activityId());
            n.put("date", e.date());
            n.put("source", e.source());
            return n;
        }

        private static ObjectNode previous(BestEffortsProjection.Effort e) {
            ObjectNode n = JSON.objectNode();
            n.put("time_s", Durations.round(e.seconds(), 1));
            n.put("time", Durations.text(e.seconds()));
            n.put("activity_id", e.activityId());
            n.put("date", e.date());
            n.put("source", e.source());
            return n;
        }
    }
}
