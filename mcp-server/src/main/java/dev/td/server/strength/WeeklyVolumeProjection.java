package dev.td.server.strength;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Training volume per ISO week (in the person's time zone), kept per day and exercise: working sets,
 * hard sets, reps and tonnage. Days let a query keep to the dates asked for (a range that cuts a week)
 * and total calendar months, whose edges cut weeks too. Muscle-group totals are derived at query time
 * from the catalog's muscle tags, so re-tagging an exercise changes them without a replay. Key: the ISO
 * week ({@code 2026-W48}).
 */
final class WeeklyVolumeProjection extends NamedProjection<WeeklyVolumeProjection.Week> {

    static final String NAME = "weekly_volume";

    /** One ISO week: per day ({@code 2026-11-23}), per exercise id, the volume. */
    record Week(String week, Map<String, Map<String, Volume>> days) {

        /** The week's volume per exercise, all days. */
        Map<String, Volume> byExercise() {
            return byExercise(d -> true);
        }

        /** The volume per exercise of the days {@code include} accepts. */
        Map<String, Volume> byExercise(Predicate<LocalDate> include) {
            Map<String, Volume> sum = new TreeMap<>();
            days.forEach((day, byExercise) -> {
                if (include.test(LocalDate.parse(day))) {
                    byExercise.forEach((id, v) -> sum.merge(id, v, Volume::plus));
                }
            });
            return sum;
        }
    }

    record Volume(int workingSets, int hardSets, int reps, double tonnageKg) {
        Volume plus(Volume o) {
            return new Volume(
                    workingSets + o.workingSets, hardSets + o.hardSets, reps + o.reps, tonnageKg + o.tonnageKg);
        }
    }

    WeeklyVolumeProjection() {
        super(NAME, 2, Week.class);
    }

    @Override
    public Week empty(String key) {
        return new Week(key, Map.of());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.SetLogged s && s.counts() ? List.of(s.isoWeek()) : List.of();
    }

    @Override
    public Week apply(Week w, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.SetLogged set) || !set.counts()) {
            return w;
        }
        Map<String, Map<String, Volume>> days = new TreeMap<>(w.days());
        Map<String, Volume> byExercise =
                new TreeMap<>(days.getOrDefault(set.date().toString(), Map.of()));
        byExercise.merge(
                set.exerciseId(),
                new Volume(1, set.hard() ? 1 : 0, set.reps().orElse(0), set.volumeKg()),
                Volume::plus);
        days.put(set.date().toString(), byExercise);
        return new Week(w.week(), days);
    }
}
