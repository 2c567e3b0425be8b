package dev.td.importers.apple;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import java.util.List;
import java.util.Optional;

/** Keeps what an importer hands over, for assertions. */
final class CollectingSink extends Collected {

    List<Draft> metric(String metric) {
        return ofType("metric.recorded").stream()
                .filter(d -> d.data().get("metric").asText().equals(metric))
                .toList();
    }

    /** The one reading of {@code metric} whose record id ends with {@code suffix} (a day's date, say). */
    Optional<Draft> metric(String metric, String suffix) {
        return metric(metric).stream()
                .filter(d -> d.recordId().endsWith(suffix))
                .findFirst();
    }

    Draft onlyWorkout() {
        List<Draft> workouts = ofType("activity.logged");
        if (workouts.size() != 1) {
            throw new AssertionError("expected one workout, got " + workouts.size());
        }
        return workouts.getFirst();
    }

    /** The one skip reported at {@code where}. */
    Skip onlyOf(String where) {
        List<Skip> found = skips.stream().filter(s -> s.where().equals(where)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one skip at " + where + ", got " + found);
        }
        return found.getFirst();
    }

    List<Skip> skippedAt(String where) {
        return skips.stream().filter(s -> s.where().startsWith(where)).toList();
    }
}
