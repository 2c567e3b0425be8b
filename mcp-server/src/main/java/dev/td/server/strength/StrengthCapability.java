package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.EventCheck;
import dev.td.server.exercises.Exercise;
import dev.td.server.exercises.Exercises;
import dev.td.server.profile.Aggregate;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.tools.ToolException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Strength training: logging workouts and sets, voiding whole sessions, and the answers kept ready for
 * them (session summaries, exercise progression by estimated 1RM, personal records, weekly volume); the
 * context corrections and voids of sets get (records gained or taken back, sessions left empty), and what proposed
 * sets would do to records, e1RM and trend (what_if).
 * Uses the person's exercises to resolve names and their profile for time zone and unit. Refuses sets
 * outside human ranges unless confirmed ({@link Plausibility}), whichever tool writes them. Publishes
 * {@link Strength} (per-session points and daily volume) once installed.
 */
public final class StrengthCapability implements Capability, Strength {

    private final Profiles profiles;
    private final Exercises exercises;
    private final ExerciseProgressionProjection progression = new ExerciseProgressionProjection();
    private final WeeklyVolumeProjection volume = new WeeklyVolumeProjection();
    private volatile Optional<ProjectionEngine> engine = Optional.empty();

    public StrengthCapability(Profiles profiles, Exercises exercises) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.exercises = Objects.requireNonNull(exercises, "exercises");
    }

    @Override
    public List<Projection<?>> projections() {
        return List.of(
                new SessionSummaryProjection(),
                new ExerciseProgressionProjection(),
                new PersonalRecordsProjection(),
                new WeeklyVolumeProjection());
    }

    @Override
    public void install(Platform platform) {
        TrainingViews views = new TrainingViews(platform.database(), platform.projections(), profiles);
        Plausibility plausibility =
                new Plausibility((user, id) -> exercises.find(user, id).flatMap(Exercise::equipment));
        platform.checkEvents(unusualSetsConfirmed(plausibility));
        new WorkoutTools(platform.events(), profiles, exercises, views, exercises::freeId, plausibility)
                .register(platform.tools());
        new TrainingQueries(platform.projections(), views, exercises, exercises::find).register(platform.tools());
        StrengthChanges changes = new StrengthChanges(views);
        platform.describeChanges(changes);
        new SessionVoiding(platform.events(), views, changes).register(platform.tools());
        platform.foresee(new StrengthForesight(platform.projections(), views, exercises::find));
        engine = Optional.of(platform.projections());
    }

    @Override
    public List<SessionPoint> sessions(UUID user, String exerciseId, DayRange days) {
        return installed()
                .read(user, progression, exerciseId)
                .map(p -> points(p, days))
                .orElseGet(List::of);
    }

    @Override
    public Map<String, List<SessionPoint>> sessionsByExercise(UUID user, DayRange days) {
        Map<String, List<SessionPoint>> byName = new TreeMap<>();
        for (ExerciseProgressionProjection.Progression p :
                installed().readAll(user, progression).values()) {
            List<SessionPoint> points = points(p, days);
            if (!points.isEmpty()) {
                byName.put(p.exercise(), points);
            }
        }
        return byName;
    }

    /** The sessions of a progression on the days of {@code days}. */
    private static List<SessionPoint> points(ExerciseProgressionProjection.Progression p, DayRange days) {
        List<SessionPoint> points = new ArrayList<>();
        String from = days.from().toString();
        String to = days.to().toString();
        for (ExerciseProgressionProjection.Point point : p.sessions()) {
            // ISO days compare as text: parse only the days in the range
            if (point.date().compareTo(from) >= 0 && point.date().compareTo(to) <= 0) {
                points.add(new SessionPoint(
                        point.sessionId(),
                        LocalDate.parse(point.date()),
                        point.bestE1rm().map(b -> OptionalDouble.of(b.kg())).orElse(OptionalDouble.empty()),
                        point.bestE1rm().map(ExerciseProgressionProjection.BestE1rm::method),
                        point.topSet().map(t -> OptionalDouble.of(t.weightKg())).orElse(OptionalDouble.empty()),
                        point.volumeKg(),
                        point.workingSets(),
                        point.hardSets()));
            }
        }
        return points;
    }

    @Override
    public SortedMap<LocalDate, Double> dailyVolumeKg(UUID user, DayRange days) {
        SortedMap<LocalDate, Double> byDay = new TreeMap<>();
        for (WeeklyVolumeProjection.Week week : installed()
                .readRange(user, volume, Aggregate.isoWeek(days.from()), Aggregate.isoWeek(days.to()))
                .values()) {
            week.days().forEach((day, byExercise) -> {
                LocalDate date = LocalDate.parse(day);
                if (days.contains(date)) {
                    byDay.merge(
                            date,
                            byExercise.values().stream()
                                    .mapToDouble(WeeklyVolumeProjection.Volume::tonnageKg)
                                    .sum(),
                            Double::sum);
                }
            });
        }
        return byDay;
    }

    @Override
    public Units units(UUID user) {
        return profiles.profile(user).weightUnit().map(Units::new).orElse(Units.KG);
    }

    private ProjectionEngine installed() {
        return engine.orElseThrow(() -> new IllegalStateException("the strength capability is not installed yet"));
    }

    /** A set written as a raw event (log_events, correct_event) with unusual values must say they were confirmed. */
    private static EventCheck unusualSetsConfirmed(Plausibility plausibility) {
        return (UUID user, String type, JsonNode data, String path) -> {
            if (type.equals("set.logged") && !data.path(Plausibility.MARKER).asBoolean(false)) {
                plausibility.unusual(user, data).ifPresent(odd -> {
                    throw ToolException.invalid(
                            path + "." + odd.dataField(),
                            odd.refusal("add \"" + Plausibility.MARKER + "\": true to the set's data"));
                });
            }
        };
    }
}
