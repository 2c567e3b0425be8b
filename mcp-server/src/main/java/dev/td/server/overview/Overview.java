package dev.td.server.overview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.endurance.Activities;
import dev.td.server.endurance.LoggedActivity;
import dev.td.server.events.Hypothetical;
import dev.td.server.health.Health;
import dev.td.server.load.FatigueJson;
import dev.td.server.load.FatigueState;
import dev.td.server.load.TrainedSession;
import dev.td.server.load.TrainingLoad;
import dev.td.server.metrics.Metrics;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One answer with what an agent should know about a person today: the last 7 and 28 days of training across
 * strength and endurance, the fatigue state, the active injuries, the program phase, the latest reading of every
 * metric logged in the last 28 days against its baseline, and what is notable ({@link Notable}).
 */
final class Overview {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** At most this many metrics are shown, furthest from their baseline first. */
    static final int METRICS_SHOWN = 10;

    /** People whose last overview is kept. */
    static final int KEPT = 1024;

    private final Profiles profiles;
    private final TrainingLoad load;
    private final Activities activities;
    private final Metrics metrics;
    private final Health health;
    private final Function<UUID, Optional<String>> heads;

    /** An overview as built, with the log head and the day it was built for. */
    private record Kept(String head, LocalDate today, ObjectNode data) {}

    /**
     * The last overview per person, reused while their log's head and their day are the same: every write moves the
     * head (in whichever process it happens), so a kept answer is exactly what building it again would give. One
     * query (the head) instead of the nine the overview reads.
     */
    private final Map<UUID, Kept> kept =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
                    return size() > KEPT;
                }
            });

    /**
     * @param heads where a person's log stands ({@link dev.td.server.events.EventStore#head}); empty before their
     *     first event
     */
    Overview(
            Profiles profiles,
            TrainingLoad load,
            Activities activities,
            Metrics metrics,
            Health health,
            Function<UUID, Optional<String>> heads) {
        this.profiles = profiles;
        this.load = load;
        this.activities = activities;
        this.metrics = metrics;
        this.health = health;
        this.heads = heads;
    }

    Envelope answer(ToolCall call) {
        UUID user = call.principal().userId();
        LocalDate today = AsOf.today(profiles.timeZoneOf(user));
        Shown shown = Shown.to(call.principal());
        ObjectNode context = JSON.objectNode(); // what the analyses found: InsightsContext adds it
        if (!shown.all() || AsOf.active() || Hypothetical.active()) {
            // through a grant without every kind: built for this reader, without what the grant does not give;
            // as of a past moment: built for then (the kept answer is today's); inside a what-if (whose head is
            // rolled back): built from what it proposes, never kept
            return new Envelope(
                    build(user, today, shown), context, Meta.now(call.origin().requestId()));
        }
        Optional<String> head = heads.apply(user);
        Kept known = kept.get(user);
        if (known != null
                && head.isPresent()
                && known.head().equals(head.get())
                && known.today().equals(today)) {
            return new Envelope(
                    known.data().deepCopy(), context, Meta.now(call.origin().requestId()));
        }
        ObjectNode data = build(user, today, shown);
        // kept under the head read before building: a write committed meanwhile moves the head, so it is rebuilt
        head.ifPresent(h -> kept.put(user, new Kept(h, today, data.deepCopy())));
        return new Envelope(data, context, Meta.now(call.origin().requestId()));
    }

    /**
     * The kinds of data an overview may show its reader: all of them to the person and their own keys; through a
     * grant only the kinds it gives (a coach with training scopes sees no sleep, no injury, no program unless the
     * grant says so). Training and endurance totals, fatigue and the last session need only training:read, which
     * get_overview itself requires.
     */
    private record Shown(boolean bodyMetrics, boolean healthMetrics, boolean injuries, boolean program) {
        static Shown to(dev.td.tools.Principal reader) {
            return new Shown(
                    reader.may(Metrics.BODY_READ),
                    reader.may(Metrics.HEALTH_READ),
                    reader.may("injuries:read"),
                    reader.may("programs:read"));
        }

        boolean all() {
            return bodyMetrics && healthMetrics && injuries && program;
        }

        boolean anyMetric() {
            return bodyMetrics || healthMetrics;
        }

        /** Whether a metric read under {@code scope} is shown: body and health metrics are granted apart. */
        boolean metric(String scope) {
            return scope.equals(Metrics.HEALTH_READ) ? healthMetrics : bodyMetrics;
        }
    }

    private ObjectNode build(UUID user, LocalDate today, Shown shown) {
        DayRange month = new DayRange(today.minusDays(27), today);
        DayRange week = new DayRange(today.minusDays(6), today);
        // five independent reads, each a query or two: side by side on virtual threads, the answer waits for the
        // slowest instead of their sum
        TrainingLoad.Recent recent;
        List<LoggedActivity> moved;
        List<ObjectNode> injuries;
        Optional<ObjectNode> program;
        List<Metrics.Recent> readings;
        try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TrainingLoad.Recent> loadRead = reads.submit(() -> load.recent(user, month));
            Future<List<LoggedActivity>> activityRead = reads.submit(() -> activities.in(user, month));
            Future<List<ObjectNode>> injuryRead =
                    reads.submit(() -> shown.injuries() ? health.activeInjuries(user, today) : List.<ObjectNode>of());
            Future<Optional<ObjectNode>> programRead =
                    reads.submit(() -> shown.program() ? health.programOn(user, today) : Optional.<ObjectNode>empty());
            Future<List<Metrics.Recent>> metricRead = reads.submit(
                    () -> shown.anyMetric() ? readings(user, today, month, shown) : List.<Metrics.Recent>of());
            recent = joined(loadRead);
            moved = joined(activityRead);
            injuries = joined(injuryRead);
            program = joined(programRead);
            readings = joined(metricRead);
        }
        List<TrainedSession> sessions = recent.sessions();
        Period last7 = Period.of(week, sessions, moved);
        Period last28 = Period.of(month, sessions, moved);
        Optional<TrainedSession> last = recent.last();
        Optional<FatigueState> fatigue = recent.fatigue();

        ObjectNode data = JSON.objectNode().put("date", today.toString());
        data.set("last_7_days", last7.toJson());
        data.set("last_28_days", last28.toJson());
        if (last.isPresent()) {
            ObjectNode s = data.putObject("last_session")
                    .put("date", last.get().date().toString())
                    .put("kind", last.get().kind());
            last.get().sport().ifPresent(sport -> s.put("sport", sport));
            s.put("days_ago", ChronoUnit.DAYS.between(last.get().date(), today));
        } else {
            data.putNull("last_session");
        }
        if (fatigue.isPresent()) {
            data.set("fatigue", FatigueJson.brief(fatigue.get()));
        } else {
            data.putNull("fatigue");
        }
        injuries.forEach(data.putArray("injuries")::add);
        program.ifPresentOrElse(p -> data.set("program", p), () -> data.putNull("program"));
        ArrayNode latest = data.putArray("metrics");
        readings.forEach(r -> latest.add(metric(r)));
        ArrayNode notable = data.putArray("notable");
        Notable.of(today, last7, last28, last, fatigue, injuries, readings).forEach(notable::add);
        return data;
    }

    /** What a read gave, or its failure as thrown (a read's own exceptions are runtime ones). */
    private static <T> T joined(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the overview", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The latest reading of each metric logged in the range, furthest from its baseline first. */
    private List<Metrics.Recent> readings(UUID user, LocalDate today, DayRange range, Shown shown) {
        return metrics.recentAgainstBaseline(user, range.from(), today).stream()
                .filter(r -> shown.metric(metrics.readScope(r.metric())))
                .sorted(Comparator.comparingDouble((Metrics.Recent r) ->
                                -Math.abs(r.deviation().robustZ().orElse(0)))
                        .thenComparing(Metrics.Recent::metric))
                .limit(METRICS_SHOWN)
                .toList();
    }

    private static ObjectNode metric(Metrics.Recent r) {
        Metrics.Deviation d = r.deviation();
        ObjectNode n = JSON.objectNode()
                .put("metric", r.metric())
                .put("date", d.latest().date().toString());
        number(n, "value", d.latest().value(), 100);
        d.latest().label().ifPresent(l -> n.put("label", l));
        n.put("unit", d.latest().unit());
        Metrics.Level b = d.baseline();
        if (b.median().isPresent() && b.spread().isPresent()) {
            n.putObject("baseline")
                    .put("median", round(b.median().getAsDouble(), 100))
                    .put("spread", round(b.spread().getAsDouble(), 100))
                    .put("days", b.days());
        } else {
            n.putNull("baseline");
        }
        number(n, "z", d.robustZ(), 100);
        return n;
    }

    static void number(ObjectNode n, String field, OptionalDouble v, double scale) {
        if (v.isPresent()) {
            n.put(field, round(v.getAsDouble(), scale));
        } else {
            n.putNull(field);
        }
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    /** The training of a range of days: sessions, minutes, load, strength, and endurance per sport. */
    record Period(
            DayRange days,
            int sessions,
            double minutes,
            double load,
            int unrated,
            int strengthSessions,
            int workingSets,
            double strengthMinutes,
            Map<String, double[]> sports) {

        static Period of(DayRange days, List<TrainedSession> all, List<LoggedActivity> moved) {
            int sessions = 0;
            int unrated = 0;
            int strength = 0;
            int sets = 0;
            double minutes = 0;
            double load = 0;
            double strengthMinutes = 0;
            for (TrainedSession s : all) {
                if (!days.contains(s.date())) {
                    continue;
                }
                sessions++;
                minutes += s.minutes().orElse(0);
                load += s.load().orElse(0);
                unrated += s.load().isPresent() ? 0 : 1;
                if (s.kind().equals(TrainedSession.STRENGTH)) {
                    strength++;
                    sets += s.workingSets();
                    strengthMinutes += s.minutes().orElse(0);
                }
            }
            Map<String, double[]> sports = new LinkedHashMap<>();
            for (LoggedActivity a : moved) {
                if (days.contains(a.date())) {
                    double[] t = sports.computeIfAbsent(a.sport(), x -> new double[3]);
                    t[0]++;
                    t[1] += a.distanceM().orElse(0);
                    t[2] += (a.movingS().isPresent() ? a.movingS() : a.elapsedS()).orElse(0) / 60;
                }
            }
            return new Period(days, sessions, minutes, load, unrated, strength, sets, strengthMinutes, sports);
        }

        ObjectNode toJson() {
            ObjectNode n = JSON.objectNode()
                    .put("from", days.from().toString())
                    .put("to", days.to().toString())
                    .put("sessions", sessions)
                    .put("minutes", round(minutes, 1))
                    .put("load", round(load, 1))
                    .put("unrated", unrated);
            n.putObject("strength")
                    .put("sessions", strengthSessions)
                    .put("working_sets", workingSets)
                    .put("minutes", round(strengthMinutes, 1));
            ArrayNode endurance = n.putArray("endurance");
            sports.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0])
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> endurance
                            .addObject()
                            .put("sport", e.getKey())
                            .put("activities", (int) e.getValue()[0])
                            .put("distance_km", round(e.getValue()[1] / 1000, 100))
                            .put("minutes", round(e.getValue()[2], 1)));
            return n;
        }
    }
}
