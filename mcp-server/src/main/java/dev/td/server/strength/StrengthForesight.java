package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Foresight;
import dev.td.server.events.Fact;
import dev.td.server.events.TrainingEvent;
import dev.td.server.exercises.Exercise;
import dev.td.server.projections.ProjectionEngine;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What proposed sets would do to the strength answers: the personal records they would set, each with the record it
 * beats ({@code changes.records}), and per exercise the e1RM of the proposed sets, the best e1RM and the trend
 * get_exercise_progression shows, before and after ({@code changes.exercises}).
 */
final class StrengthForesight implements Foresight {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProjectionEngine engine;
    private final TrainingViews views;
    private final BiFunction<UUID, String, Optional<Exercise>> exercises;
    private final ExerciseProgressionProjection progression = new ExerciseProgressionProjection();

    StrengthForesight(
            ProjectionEngine engine, TrainingViews views, BiFunction<UUID, String, Optional<Exercise>> exercises) {
        this.engine = engine;
        this.views = views;
        this.exercises = exercises;
    }

    /** An exercise as its answers stand: its records and its progression. */
    private record Standing(PersonalRecordsProjection.Records records, ExerciseProgressionProjection.Progression p) {}

    /** How the exercises stand, read in two queries (records, progressions) however many there are. */
    private Map<String, Standing> standing(UUID user, Collection<String> exerciseIds) {
        Map<String, PersonalRecordsProjection.Records> records = engine.readKeys(user, views.records(), exerciseIds);
        Map<String, ExerciseProgressionProjection.Progression> progressions =
                engine.readKeys(user, progression, exerciseIds);
        Map<String, Standing> standing = new LinkedHashMap<>();
        for (String id : exerciseIds) {
            standing.put(
                    id,
                    new Standing(
                            records.getOrDefault(id, views.records().empty(id)),
                            progressions.getOrDefault(id, progression.empty(id))));
        }
        return standing;
    }

    @Override
    public After before(UUID user, List<Fact> proposed) {
        Map<String, OptionalDouble> e1rms = new LinkedHashMap<>();
        Map<String, String> said = new LinkedHashMap<>();
        for (Fact f : proposed) {
            if (TrainingEvent.of(f).orElse(null) instanceof TrainingEvent.SetLogged set) {
                OptionalDouble e1rm =
                        E1rm.of(set).map(e -> OptionalDouble.of(e.kg())).orElse(OptionalDouble.empty());
                e1rms.merge(set.exerciseId(), e1rm, StrengthForesight::max);
                said.putIfAbsent(set.exerciseId(), set.exercise());
            }
        }
        if (e1rms.isEmpty()) {
            return (changes, context) -> {};
        }
        Map<String, Standing> before = standing(user, e1rms.keySet());
        Map<String, Proposed> touched = new LinkedHashMap<>();
        e1rms.forEach((id, e1rm) -> touched.put(
                id,
                new Proposed(
                        exercises.apply(user, id).map(Exercise::name).orElse(said.getOrDefault(id, id)),
                        e1rm,
                        Objects.requireNonNull(before.get(id), id))));
        return (changes, context) -> {
            Units units = views.units(user);
            Map<String, Standing> after = standing(user, touched.keySet());
            touched.forEach(
                    (id, x) -> addTo(changes, context, id, x, Objects.requireNonNull(after.get(id), id), units));
        };
    }

    /** An exercise the proposal touches: its name, the best e1RM of the proposed sets, and how it stood before. */
    private record Proposed(String name, OptionalDouble e1rm, Standing before) {}

    private void addTo(
            ObjectNode changes, ObjectNode context, String id, Proposed proposed, Standing now, Units units) {
        Standing was = proposed.before();
        for (RepRecords.Change gained : RepRecords.gained(was.records(), now.records())) {
            changes.withArray("records").add(record(id, proposed.name(), gained, was.records(), units));
        }
        StrengthTrend.Result trendBefore = StrengthTrend.ofLastYear(was.p(), units);
        StrengthTrend.Result trendAfter = StrengthTrend.ofLastYear(now.p(), units);
        ObjectNode x = changes.withArray("exercises").addObject();
        x.put("exercise_id", id);
        x.put("exercise", proposed.name());
        x.set("proposed_e1rm", load(proposed.e1rm(), units));
        ObjectNode best = x.putObject("best_e1rm");
        best.set("before", load(bestE1rm(was.records()), units));
        best.set("after", load(bestE1rm(now.records()), units));
        ObjectNode trend = x.putObject("trend");
        trend.set("before", brief(trendBefore));
        trend.set("after", brief(trendAfter));
        if (!trendBefore.direction().equals(trendAfter.direction())) {
            context.withArray("notes")
                    .add(proposed.name() + ": the e1RM trend of the last year would read " + trendAfter.direction()
                            + " instead of " + trendBefore.direction());
        }
    }

    /** A record the proposal would set, with the one on record it beats (null: a first). */
    private ObjectNode record(
            String id, String name, RepRecords.Change gained, PersonalRecordsProjection.Records was, Units units) {
        PersonalRecordsProjection.Pr pr = gained.now().orElseThrow();
        ObjectNode n = JSON.objectNode();
        n.put("exercise_id", id);
        n.put("exercise", name);
        n.put("record", gained.kind());
        n.set("weight", units.load(pr.weightKg()));
        n.put("reps", pr.reps());
        boolean e1rm = gained.kind().equals("e1rm");
        if (e1rm) {
            n.set("e1rm", units.load(pr.valueKg()));
        }
        n.put("date", pr.date());
        Optional<PersonalRecordsProjection.Pr> beaten = e1rm ? was.e1rm() : RepRecords.heldFor(pr.reps(), was);
        n.set("previous", beaten.<JsonNode>map(b -> held(b, e1rm, units)).orElse(JSON.nullNode()));
        return n;
    }

    private static ObjectNode held(PersonalRecordsProjection.Pr pr, boolean e1rm, Units units) {
        ObjectNode n = JSON.objectNode();
        n.set("weight", units.load(pr.weightKg()));
        n.put("reps", pr.reps());
        if (e1rm) {
            n.set("e1rm", units.load(pr.valueKg()));
        }
        n.put("date", pr.date());
        return n;
    }

    /** A trend as one line of a comparison: its direction, the slope per week in the person's unit (or null), n. */
    private static ObjectNode brief(StrengthTrend.Result r) {
        ObjectNode n = JSON.objectNode();
        n.put("direction", r.direction());
        JsonNode slope = r.trend().path("slope_per_week").path("value");
        n.set("slope_per_week", slope.isNumber() ? slope : JSON.nullNode());
        n.put("n", r.trend().path("n").asInt());
        return n;
    }

    private static OptionalDouble bestE1rm(PersonalRecordsProjection.Records r) {
        return r.e1rm().map(p -> OptionalDouble.of(p.valueKg())).orElse(OptionalDouble.empty());
    }

    private static JsonNode load(OptionalDouble kg, Units units) {
        return kg.isPresent() ? units.load(kg.getAsDouble()) : JSON.nullNode();
    }

    private static OptionalDouble max(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.getAsDouble() >= b.getAsDouble() ? a : b;
    }
}
