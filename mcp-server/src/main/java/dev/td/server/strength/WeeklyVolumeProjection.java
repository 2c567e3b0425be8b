package dev.td.server.strength;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Training volume per ISO week (in the person's time zone) and exercise: working sets, hard sets,
 * reps and tonnage. Muscle-group totals are derived at query time from the catalog's muscle tags,
 * so re-tagging an exercise changes them without a replay. Key: the ISO week ({@code 2026-W48}).
 */
final class WeeklyVolumeProjection extends NamedProjection<WeeklyVolumeProjection.Week> {

    static final String NAME = "weekly_volume";

    record Week(String week, Map<String, Volume> byExercise) {}

    record Volume(int workingSets, int hardSets, int reps, double tonnageKg) {}

    WeeklyVolumeProjection() {
        super(NAME, 1, Week.class);
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
        Map<String, Volume> byExercise = new TreeMap<>(w.byExercise());
        Volume v = byExercise.getOrDefault(set.exerciseId(), new Volume(0, 0, 0, 0));
        byExercise.put(
                set.exerciseId(),
                new Volume(
                        v.workingSets() + 1,
                        v.hardSets() + (set.hard() ? 1 : 0),
                        v.reps() + set.reps().orElse(0),
                        v.tonnageKg() + set.volumeKg()));
        return new Week(w.week(), byExercise);
    }
}
