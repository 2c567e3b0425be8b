package dev.td.importers.csv;

import java.util.HashSet;
import java.util.Set;

/**
 * The session ids and workouts already seen in one file: a session id is never given twice, and a workout's rows must
 * come together (the exports list them so; a workout met again later would need its session reopened).
 */
final class SessionIds {

    private final Set<String> ids = new HashSet<>();
    private final Set<String> workouts = new HashSet<>();

    /** {@code preferred} when unused, else {@code alternative}, else {@code alternative-2}, {@code -3}… */
    String claim(String preferred, String alternative) {
        if (ids.add(preferred)) {
            return preferred;
        }
        if (ids.add(alternative)) {
            return alternative;
        }
        for (int n = 2; ; n++) {
            String id = alternative + "-" + n;
            if (ids.add(id)) {
                return id;
            }
        }
    }

    /** Whether this workout key is new in the file (and marks it seen). */
    boolean firstTime(String workoutKey) {
        return workouts.add(workoutKey);
    }
}
