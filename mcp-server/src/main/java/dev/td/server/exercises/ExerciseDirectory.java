package dev.td.server.exercises;

import dev.td.server.events.EventStore;
import dev.td.server.events.Hypothetical;
import dev.td.server.events.StoredEvent;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A per-person read cache in front of the {@link ExerciseCatalog} for the query path: the whole
 * catalog as the person sees it (one query instead of one per exercise) and the names already
 * resolved. Entries live {@value #TTL_SECONDS} s at most and are dropped when the person's catalog
 * changes (an exercise.* event, or a correction or void, committed by any server this process hears of). A what-if
 * reads entries (it cannot change a catalog: exercise.* events are not proposable) but keeps none it loads.
 */
final class ExerciseDirectory implements EventStore.AppendListener {

    static final int TTL_SECONDS = 30;

    private record Entry(long loadedAt, Map<String, Exercise> byId, Map<String, String> resolved) {}

    private final ExerciseCatalog catalog;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    ExerciseDirectory(ExerciseCatalog catalog) {
        this.catalog = catalog;
    }

    /** The person's exercise with this id, archived ones included. */
    Optional<Exercise> find(UUID user, String exerciseId) {
        Optional<Exercise> cached = Optional.ofNullable(entry(user).byId().get(exerciseId));
        return cached.isPresent() ? cached : catalog.find(user, exerciseId);
    }

    /** The catalog id a name resolves to; refuses with candidates (through the catalog) when it does not. */
    String resolveId(UUID user, String name, String path) {
        Entry e = entry(user);
        String hit = e.resolved().get(name);
        if (hit != null) {
            return hit;
        }
        String id = catalog.require(user, name, path).id();
        if (!Hypothetical.active()) {
            e.resolved().put(name, id);
        }
        return id;
    }

    private Entry entry(UUID user) {
        long now = System.nanoTime();
        Entry e = entries.get(user);
        if (e == null || now - e.loadedAt() > Duration.ofSeconds(TTL_SECONDS).toNanos()) {
            ExerciseCatalog.Filter all = ExerciseCatalog.Filter.all().withArchived();
            Map<String, Exercise> byId = catalog.list(user, all).stream()
                    .collect(Collectors.toMap(Exercise::id, Function.identity(), (a, b) -> a));
            e = new Entry(now, byId, new ConcurrentHashMap<>());
            if (!Hypothetical.active()) {
                entries.put(user, e);
            }
        }
        return e;
    }

    @Override
    public void appended(Connection tx, UUID userId, List<StoredEvent> events) {
        // nothing inside the transaction: the cache is dropped after commit
    }

    @Override
    public void committed(UUID userId, List<StoredEvent> events) {
        if (events.stream()
                .anyMatch(e -> e.type().startsWith("exercise.") || e.subject().isPresent())) {
            entries.remove(userId);
        }
    }
}
