package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.events.Fact;
import dev.td.server.events.JsonFields;
import dev.td.server.events.TrainingEvent;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.MuscleGroups;
import dev.td.server.exercises.NameResolver;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private final WeeklyVolumeProjection volume = new WeeklyVolumeProjection();

    TrainingQueries(
            ProjectionEngine engine,
            TrainingViews views,
            NameResolver names,
            BiFunction<UUID, String, Optional<Exercise>> exercises) {
        this.engine = engine;
        this.views = views;
        this.names = names;
        this.exercises = exercises;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("list_sessions", this::listSessions)
                .handle("get_session", this::getSession)
                .handle("get_exercise_progression", this::progression)
                .handle("get_volume", this::volume)
                .handle("get_personal_records", this::records);
    }

    /** A period of the person's calendar days, both ends inclusive. */
    private record Period(Optional<LocalDate> from, Optional<LocalDate> to) {
        boolean contains(String date) {
            LocalDate d = LocalDate.parse(date);
            return from.map(f -> !d.isBefore(f)).orElse(true)
                    && to.map(t -> !d.isAfter(t)).orElse(true);
        }
    }

    private Period period(ObjectNode a) {
        Optional<LocalDate> from = date(a, "from");
        Optional<LocalDate> to = date(a, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ToolException.invalid(
                    "$.to", "to (" + to.get() + ") is before from (" + from.get() + "); both days are included");
        }
        return new Period(from, to);
    }

    private static Optional<LocalDate> date(ObjectNode a, String field) {
        try {
            return JsonFields.text(a, field).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(
                    "$." + field, "'" + a.get(field).asText() + "' is not a date; write YYYY-MM-DD, e.g. 2026-11-01");
        }
    }

    private Meta meta(ToolCall call, Projection<?> p) {
        return Meta.now(call.origin().requestId()).withProjectionVersion(p.version());
    }

    private Envelope listSessions(ToolCall call) {
        UUID user = call.principal().userId();
        Period period = period(call.arguments());
        int limit = call.arguments().path("limit").asInt(50);
        Units units = views.units(user);
        List<SessionSummaryProjection.Summary> all =
                new ArrayList<>(engine.readAll(user, sessions).values());
        all.sort(Comparator.comparing(
                        (SessionSummaryProjection.Summary s) -> s.startedAt().orElse(""))
                .reversed());
        ArrayNode list = JSON.arrayNode();
        for (SessionSummaryProjection.Summary s : all) {
            if (list.size() < limit && s.date().map(period::contains).orElse(false)) {
                list.add(views.summaryJson(s, units));
            }
        }
        ObjectNode data = JSON.objectNode();
        data.set("sessions", list);
        return Envelope.of(data, meta(call, sessions));
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

    /** The sets of one session as logged (effective view), read by session id through the JSONB index on events. */
    private ArrayNode sessionSets(UUID user, String sessionId, Units units) {
        ArrayNode sets = JSON.arrayNode();
        for (Fact e : views.sessionFacts(user, sessionId)) {
            TrainingEvent.of(e)
                    .filter(t -> t instanceof TrainingEvent.SetLogged)
                    .map(t -> (TrainingEvent.SetLogged) t)
                    .ifPresent(set -> {
                        ObjectNode n = sets.addObject();
                        n.put("exercise_id", set.exerciseId());
                        n.put("exercise", set.exercise());
                        set.weightKg().ifPresent(kg -> n.set("weight", units.load(kg)));
                        set.reps().ifPresent(r -> n.put("reps", r));
                        set.durationS().ifPresent(d -> n.put("duration_s", d));
                        set.rpe().ifPresent(r -> n.put("rpe", r));
                        set.rir().ifPresent(r -> n.put("rir", r));
                        n.put("set_type", set.setType().name().toLowerCase(java.util.Locale.ROOT));
                        set.supersetId().ifPresent(x -> n.put("superset_id", x));
                        E1rm.of(set).ifPresent(x -> n.set("e1rm", units.load(x.kg())));
                        JsonNode notes = e.data().get("notes");
                        if (notes != null) {
                            n.set("notes", notes);
                        }
                        n.put("event_id", set.eventId().toString());
                    });
        }
        return sets;
    }

    private Envelope progression(ToolCall call) {
        UUID user = call.principal().userId();
        String exerciseId =
                names.resolveId(user, call.arguments().get("exercise").asText(), "$.exercise");
        Period asked = period(call.arguments());
        Units units = views.units(user);
        ExerciseProgressionProjection.Progression p =
                engine.read(user, progression, exerciseId).orElseGet(() -> progression.empty(exerciseId));
        Period period = asked.from().isPresent()
                        || asked.to().isPresent()
                        || p.sessions().isEmpty()
                ? asked
                : new Period(
                        Optional.of(
                                LocalDate.parse(p.sessions().getLast().date()).minusDays(364)),
                        Optional.empty());
        ArrayNode points = JSON.arrayNode();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Optional<ExerciseProgressionProjection.BestE1rm> best = Optional.empty();
        for (ExerciseProgressionProjection.Point point : p.sessions()) {
            if (!period.contains(point.date())) {
                continue;
            }
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
        ObjectNode context = JSON.objectNode();
        if (trend.direction().equals("stalled") || trend.direction().equals("declining")) {
            context.put(
                    "strength_trend",
                    "e1RM is " + trend.direction() + " over the last " + values.size()
                            + " sessions in this period (Theil–Sen slope interval "
                            + trend.trend().at("/slope_per_week/ci") + " " + units.unit() + "/week)");
        }
        Meta meta = meta(call, progression);
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
        t.put(
                "evidence",
                usage.total() == 0
                        ? "no sets logged yet"
                        : usage.weighted() + " of " + usage.total() + " sets with weight and reps, " + usage.repsOnly()
                                + " with reps only, " + usage.timed() + " timed, " + usage.distance() + " by distance");
        return t;
    }

    private Envelope volume(ToolCall call) {
        UUID user = call.principal().userId();
        ObjectNode a = call.arguments();
        Period asked = period(a);
        Period period = asked.from().isPresent() || asked.to().isPresent()
                ? asked
                : engine.lastKey(user, volume)
                        .map(w -> new Period(Optional.of(mondayOf(w).minusWeeks(11)), Optional.empty()))
                        .orElse(asked);
        Optional<String> onlyExercise = JsonFields.text(a, "exercise").map(n -> names.resolveId(user, n, "$.exercise"));
        Optional<String> onlyMuscle = JsonFields.text(a, "muscle_group").map(m -> {
            if (!MuscleGroups.bundled().all().contains(m)) {
                throw ToolException.invalid(
                        "$.muscle_group",
                        "unknown muscle group '" + m + "'; use one of "
                                + String.join(", ", MuscleGroups.bundled().all()));
            }
            return m;
        });
        Units units = views.units(user);
        ArrayNode weeks = JSON.arrayNode();
        var lookup = memo(user);
        String fromWeek = period.from().map(TrainingQueries::isoWeek).orElse("");
        String toWeek = period.to().map(TrainingQueries::isoWeek).orElse("\uffff");
        for (Map.Entry<String, WeeklyVolumeProjection.Week> w :
                engine.readRange(user, volume, fromWeek, toWeek).entrySet()) {
            if (!weekOverlaps(w.getKey(), period)) {
                continue;
            }
            weeks.add(weekJson(lookup, w.getValue(), onlyExercise, onlyMuscle, units));
        }
        ObjectNode data = JSON.objectNode();
        data.set("weeks", weeks);
        return Envelope.of(data, meta(call, volume));
    }

    /** Looks each exercise up once per answer, not once per week it appears in. */
    private java.util.function.Function<String, Optional<Exercise>> memo(UUID user) {
        Map<String, Optional<Exercise>> seen = new java.util.HashMap<>();
        return id -> seen.computeIfAbsent(id, x -> exercises.apply(user, x));
    }

    private ObjectNode weekJson(
            java.util.function.Function<String, Optional<Exercise>> lookup,
            WeeklyVolumeProjection.Week week,
            Optional<String> onlyExercise,
            Optional<String> onlyMuscle,
            Units units) {
        int sets = 0;
        int hard = 0;
        double tonnage = 0;
        ObjectNode byExercise = JSON.objectNode();
        Map<String, double[]> byMuscle = new TreeMap<>();
        for (Map.Entry<String, WeeklyVolumeProjection.Volume> e :
                week.byExercise().entrySet()) {
            Optional<Exercise> ex = lookup.apply(e.getKey());
            List<String> primary = ex.map(Exercise::primaryMuscles).orElse(List.of());
            List<String> secondary = ex.map(Exercise::secondaryMuscles).orElse(List.of());
            if ((onlyExercise.isPresent() && !onlyExercise.get().equals(e.getKey()))
                    || (onlyMuscle.isPresent()
                            && !primary.contains(onlyMuscle.get())
                            && !secondary.contains(onlyMuscle.get()))) {
                continue;
            }
            WeeklyVolumeProjection.Volume v = e.getValue();
            sets += v.workingSets();
            hard += v.hardSets();
            tonnage += v.tonnageKg();
            ObjectNode x = byExercise.putObject(e.getKey());
            x.put("working_sets", v.workingSets());
            x.put("hard_sets", v.hardSets());
            x.put("reps", v.reps());
            x.set("tonnage", units.load(v.tonnageKg()));
            primary.forEach(m -> add(byMuscle, m, v, 1.0));
            secondary.forEach(m -> add(byMuscle, m, v, 0.5));
        }
        ObjectNode n = JSON.objectNode();
        n.put("week", week.week());
        n.put("working_sets", sets);
        n.put("hard_sets", hard);
        n.set("tonnage", units.load(tonnage));
        n.set("by_exercise", byExercise);
        ObjectNode muscles = n.putObject("by_muscle_group");
        byMuscle.forEach((m, v) -> {
            if (onlyMuscle.isEmpty() || onlyMuscle.get().equals(m)) {
                muscles.putObject(m).put("sets", Units.round(v[0])).put("hard_sets", Units.round(v[1]));
            }
        });
        return n;
    }

    private static void add(
            Map<String, double[]> byMuscle, String muscle, WeeklyVolumeProjection.Volume v, double weight) {
        double[] t = byMuscle.computeIfAbsent(muscle, k -> new double[2]);
        t[0] += weight * v.workingSets();
        t[1] += weight * v.hardSets();
    }

    private static String isoWeek(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static LocalDate mondayOf(String isoWeek) {
        String[] parts = isoWeek.split("-W", -1);
        return LocalDate.of(Integer.parseInt(parts[0]), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(parts[1]))
                .with(java.time.DayOfWeek.MONDAY);
    }

    private static boolean weekOverlaps(String isoWeek, Period period) {
        LocalDate monday = mondayOf(isoWeek);
        LocalDate sunday = monday.plusDays(6);
        return period.from().map(f -> !sunday.isBefore(f)).orElse(true)
                && period.to().map(t -> !monday.isAfter(t)).orElse(true);
    }

    private Envelope records(ToolCall call) {
        UUID user = call.principal().userId();
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
            r.getValue()
                    .byReps()
                    .forEach((reps, pr) -> byReps.add(views.recordJson(r.getKey(), reps + "rm", pr, units)));
            n.set(
                    "e1rm",
                    r.getValue()
                            .e1rm()
                            .<JsonNode>map(pr -> views.recordJson(r.getKey(), "e1rm", pr, units))
                            .orElse(JSON.nullNode()));
        }
        ObjectNode data = JSON.objectNode();
        data.set("exercises", list);
        return Envelope.of(data, meta(call, views.records()));
    }
}
