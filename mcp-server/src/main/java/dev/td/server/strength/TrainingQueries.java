package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import dev.td.server.events.JsonFields;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.NameResolver;
import dev.td.server.profile.AskedPeriod;
import dev.td.server.projections.AsOf;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Strength queries answered from projections: list_sessions, get_session, get_exercise_progression,
 * get_volume, get_personal_records. Nothing here scans the event log.
 */
final class TrainingQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProjectionEngine engine;
    private final TrainingViews views;
    private final NameResolver names;
    private final BiFunction<UUID, String, Optional<Exercise>> exercises;
    private final SessionSummaryProjection sessions = new SessionSummaryProjection();
    private final ExerciseProgressionProjection progression = new ExerciseProgressionProjection();
    private final VolumeQuery volume;

    TrainingQueries(
            ProjectionEngine engine,
            TrainingViews views,
            NameResolver names,
            BiFunction<UUID, String, Optional<Exercise>> exercises) {
        this.engine = engine;
        this.views = views;
        this.names = names;
        this.exercises = exercises;
        this.volume = new VolumeQuery(engine, views, names, exercises);
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("list_sessions", this::listSessions)
                .handle("get_session", this::getSession)
                .handle("get_exercise_progression", this::progression)
                .handle("get_volume", volume::answer)
                .handle("get_personal_records", this::records);
    }

    /** The days asked for, in the person's zone (from/to or period). */
    private AskedPeriod asked(ToolCall call) {
        return AskedPeriod.of(call.arguments(), views.zone(call.principal().userId()), AsOf.now());
    }

    /** The context every ranged answer carries: how the person's days were counted, when the zone is a guess. */
    private static ObjectNode zoneContext(AskedPeriod asked) {
        ObjectNode context = JSON.objectNode();
        asked.zone().hint().ifPresent(h -> context.put("time_zone", h));
        return context;
    }

    private Meta meta(ToolCall call, Projection<?> p) {
        return Meta.now(call.origin().requestId()).withProjectionVersion(p.version());
    }

    /** Sessions listed when no limit is given: an answer under ~2,000 tokens (a session is ~350); more says what is left. */
    static final int DEFAULT_SESSIONS = 5;

    private Envelope listSessions(ToolCall call) {
        UUID user = call.principal().userId();
        AskedPeriod period = asked(call);
        int limit = call.arguments().path("limit").asInt(DEFAULT_SESSIONS);
        Units units = views.units(user);
        List<SessionSummaryProjection.Summary> all =
                new ArrayList<>(engine.readAll(user, sessions).values());
        all.sort(Comparator.comparing(
                        (SessionSummaryProjection.Summary s) -> s.startedAt().orElse(""))
                .reversed());
        ArrayNode list = JSON.arrayNode();
        int more = 0;
        for (SessionSummaryProjection.Summary s : all) {
            if (s.date().map(LocalDate::parse).map(period::contains).orElse(false)) {
                if (list.size() < limit) {
                    list.add(views.summaryJson(s, units));
                } else {
                    more++;
                }
            }
        }
        ObjectNode data = JSON.objectNode();
        data.set("sessions", list);
        data.put("more", more);
        return new Envelope(data, zoneContext(period), meta(call, sessions).withPeriod(period.toJson()));
    }

    private Envelope getSession(ToolCall call) {
        UUID user = call.principal().userId();
        String id = call.arguments().get("session_id").asText();
        SessionSummaryProjection.Summary s = views.session(user, id)
                .orElseThrow(() -> ToolException.notFound(
                        "$.session_id", "no session '" + id + "'; list_sessions shows the sessions and their ids"));
        Units units = views.units(user);
        ObjectNode data = JSON.objectNode();
        data.set("session", views.summaryJson(s, units));
        data.set("sets", sessionSets(user, id, units));
        return Envelope.of(data, meta(call, sessions));
    }

    /**
     * The sets of one session as stored (effective view: corrections applied), every stored field, with
     * the load also in the person's unit, the e1RM and the event's id and time; read by session id through
     * the JSONB index on events.
     */
    private ArrayNode sessionSets(UUID user, String sessionId, Units units) {
        ArrayNode sets = JSON.arrayNode();
        for (Fact e : views.sessionFacts(user, sessionId)) {
            TrainingEvent.of(e)
                    .filter(t -> t instanceof TrainingEvent.SetLogged)
                    .map(t -> (TrainingEvent.SetLogged) t)
                    .ifPresent(set -> {
                        ObjectNode n = sets.addObject();
                        n.put("event_id", set.eventId().toString());
                        n.put("occurred_at", StoredEvent.iso(set.occurredAt()));
                        e.data().properties().forEach(f -> n.set(f.getKey(), f.getValue()));
                        n.put("set_type", set.setType().name().toLowerCase(java.util.Locale.ROOT));
                        set.weightKg().ifPresent(kg -> {
                            if (!set.unit().orElse(units.unit()).equals(units.unit())) {
                                n.set("weight_as_logged", e.data().get("weight"));
                            }
                            n.set("weight", units.load(kg));
                        });
                        E1rm.of(set).ifPresent(x -> n.set("e1rm", units.load(x.kg())));
                    });
        }
        return sets;
    }

    private Envelope progression(ToolCall call) {
        UUID user = call.principal().userId();
        String exerciseId =
                names.resolveId(user, call.arguments().get("exercise").asText(), "$.exercise");
        AskedPeriod asked = asked(call);
        Units units = views.units(user);
        ExerciseProgressionProjection.Progression p =
                engine.read(user, progression, exerciseId).orElseGet(() -> progression.empty(exerciseId));
        AskedPeriod period = asked.bounded() || p.sessions().isEmpty()
                ? asked
                : asked.withBounds(
                        Optional.of(
                                LocalDate.parse(p.sessions().getLast().date()).minusDays(364)),
                        Optional.empty());
        ArrayNode points = JSON.arrayNode();
        List<ExerciseProgressionProjection.Point> inPeriod = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Optional<ExerciseProgressionProjection.BestE1rm> best = Optional.empty();
        for (ExerciseProgressionProjection.Point point : p.sessions()) {
            if (!period.contains(LocalDate.parse(point.date()))) {
                continue;
            }
            inPeriod.add(point);
            ObjectNode n = points.addObject();
            n.put("date", point.date());
            n.put("session_id", point.sessionId());
            point.bestE1rm().ifPresent(e -> {
                n.set("e1rm", units.load(e.kg()));
                n.put("e1rm_method", e.method());
                dates.add(LocalDate.parse(point.date()));
                values.add(e.kg());
            });
            point.topSet().ifPresent(t -> n.set("top_set", views.topSetJson(t, units)));
            n.set("volume", units.load(point.volumeKg()));
            n.put("working_sets", point.workingSets());
            n.put("hard_sets", point.hardSets());
            if (point.bestE1rm().isPresent()
                    && (best.isEmpty()
                            || point.bestE1rm().get().kg() > best.get().kg())) {
                best = point.bestE1rm();
            }
        }
        StrengthTrend.Result trend = StrengthTrend.of(
                dates, values.stream().mapToDouble(Double::doubleValue).toArray(), units);
        ObjectNode data = JSON.objectNode();
        data.put("exercise_id", exerciseId);
        data.put(
                "exercise",
                exercises.apply(user, exerciseId).map(Exercise::name).orElse(p.exercise()));
        data.set("sessions", points);
        if (!full(call)) {
            ProgressionSummary.apply(data, inPeriod, units);
        }
        data.set("best_e1rm", best.<JsonNode>map(b -> units.load(b.kg())).orElse(JSON.nullNode()));
        data.put("from", period.from().map(LocalDate::toString).orElse(null));
        data.put("sessions_all_time", p.sessions().size());
        data.set(
                "best_e1rm_all_time",
                p.sessions().stream()
                        .flatMap(x -> x.bestE1rm().stream())
                        .max(java.util.Comparator.comparingDouble(ExerciseProgressionProjection.BestE1rm::kg))
                        .<JsonNode>map(b -> units.load(b.kg()))
                        .orElse(JSON.nullNode()));
        data.set("trend", trend.trend());
        data.set("type", typeJson(p.usage(), exercises.apply(user, exerciseId).flatMap(Exercise::type)));
        ObjectNode context = zoneContext(period);
        if (trend.direction().equals("stalled") || trend.direction().equals("declining")) {
            context.put(
                    "strength_trend",
                    "e1RM is " + trend.direction() + " over the last " + values.size()
                            + " sessions in this period (Theil–Sen slope interval "
                            + trend.trend().at("/slope_per_week/ci") + " " + units.unit() + "/week)");
        }
        Meta meta = meta(call, progression).withPeriod(period.toJson());
        if (trend.quality().isPresent()) {
            meta = meta.withStatisticalQuality(trend.quality().get());
        }
        return new Envelope(data, context, meta);
    }

    /** The exercise's type as tagged and as its logged sets suggest, with the evidence. */
    private static ObjectNode typeJson(ExerciseProgressionProjection.Usage usage, Optional<String> tagged) {
        ObjectNode t = JSON.objectNode();
        t.put("tagged", tagged.orElse(null));
        t.put("inferred", usage.inferredType().orElse(null));
        t.put("evidence", usage.evidence());
        return t;
    }

    /** Whether the call asked for {@code detail: full}; the default is the summary. */
    private static boolean full(ToolCall call) {
        return "full".equals(call.arguments().path("detail").asText("summary"));
    }

    private Envelope records(ToolCall call) {
        UUID user = call.principal().userId();
        boolean full = full(call);
        Optional<String> only =
                JsonFields.text(call.arguments(), "exercise").map(n -> names.resolveId(user, n, "$.exercise"));
        Units units = views.units(user);
        ArrayNode list = JSON.arrayNode();
        for (Map.Entry<String, PersonalRecordsProjection.Records> r :
                engine.readAll(user, views.records()).entrySet()) {
            if (only.isPresent() && !only.get().equals(r.getKey())) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("exercise_id", r.getKey());
            n.put(
                    "exercise",
                    exercises.apply(user, r.getKey()).map(Exercise::name).orElse(r.getKey()));
            ArrayNode byReps = n.putArray("by_reps");
            RepRecords.of(r.getValue())
                    .forEach((reps, pr) -> byReps.add(record(r.getKey(), reps + "rm", pr, units, full)));
            n.set(
                    "e1rm",
                    r.getValue()
                            .e1rm()
                            .<JsonNode>map(pr -> record(r.getKey(), "e1rm", pr, units, full))
                            .orElse(JSON.nullNode()));
        }
        ObjectNode data = JSON.objectNode();
        data.set("exercises", list);
        return Envelope.of(data, meta(call, views.records()));
    }

    /**
     * One record; {@code detail: summary} leaves out what the exercise's entry already says (exercise_id) and the
     * ids only a follow-up call needs (event_id, session_id): about half of each record.
     */
    private ObjectNode record(
            String exerciseId, String kind, PersonalRecordsProjection.Pr pr, Units units, boolean full) {
        ObjectNode n = views.recordJson(exerciseId, kind, pr, units);
        if (!full) {
            n.remove(List.of("exercise_id", "event_id", "session_id"));
        }
        return n;
    }
}
