package dev.td.server.exercises;

import dev.td.server.events.EventStore;
import dev.td.server.events.Hypothetical;
import dev.td.server.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Exercise names for completion while the person types, best first: names that start with what was typed (in any
 * language or alias: "ben" → "bench"), then the ones the person logged most sets of, then names with a word
 * starting with it ("press" → "Bench Press"), then names containing it, then the catalog's fuzzy matches; ties
 * alphabetically. Set counts come from the person's {@code set.logged} events (voided and corrected ones counted
 * as logged: a rough measure of habit is all ranking needs), cached for {@value #TTL_SECONDS} s and dropped when
 * the person logs sets or fixes an event; inside a what-if counted afresh and not kept.
 */
final class NameCompletion implements EventStore.AppendListener {

    static final int TTL_SECONDS = 30;

    private record Usage(long loadedAt, Map<String, Long> setsByExercise) {}

    private final ExerciseCatalog catalog;
    private final DataSource database;
    private final Map<UUID, Usage> usage = new ConcurrentHashMap<>();

    NameCompletion(ExerciseCatalog catalog, DataSource database) {
        this.catalog = catalog;
        this.database = database;
    }

    /** Names of the person's exercises matching {@code typed} (all when blank), best first. */
    List<String> names(UUID user, String typed) {
        String q = ExerciseNames.normalize(typed);
        Map<String, Long> sets = setsByExercise(user);
        Comparator<Ranked> best = Comparator.comparing((Ranked r) -> !r.prefix())
                .thenComparing(Comparator.comparingLong(Ranked::sets).reversed())
                .thenComparing(r -> !r.wordPrefix())
                .thenComparing(r -> !r.substring())
                .thenComparing(r -> r.name().toLowerCase(Locale.ROOT));
        return catalog.list(user, ExerciseCatalog.Filter.all().matching(typed)).stream()
                .map(e -> Ranked.of(e, q, sets.getOrDefault(e.id(), 0L)))
                .sorted(best)
                .map(Ranked::name)
                .toList();
    }

    /** How one exercise matches what was typed. */
    private record Ranked(String name, boolean prefix, long sets, boolean wordPrefix, boolean substring) {

        static Ranked of(Exercise e, String q, long sets) {
            List<String> spellings = Stream.concat(
                            Stream.concat(Stream.of(e.name()), e.names().values().stream()), e.aliases().stream())
                    .map(ExerciseNames::normalize)
                    .toList();
            return new Ranked(
                    e.name(),
                    spellings.stream().anyMatch(s -> s.startsWith(q)),
                    sets,
                    spellings.stream().anyMatch(s -> s.contains(" " + q)),
                    spellings.stream().anyMatch(s -> s.contains(q)));
        }
    }

    private Map<String, Long> setsByExercise(UUID user) {
        long now = System.nanoTime();
        Usage cached = Hypothetical.active() ? null : usage.get(user);
        if (cached != null
                && now - cached.loadedAt() <= Duration.ofSeconds(TTL_SECONDS).toNanos()) {
            return cached.setsByExercise();
        }
        Map<String, Long> sets = new HashMap<>();
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT data ->> 'exercise_id', count(*) FROM events WHERE user_id = ? AND type = 'set.logged'"
                                + " GROUP BY 1")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        sets.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the person's sets per exercise failed", e);
        }
        if (!Hypothetical.active()) {
            usage.put(user, new Usage(now, Map.copyOf(sets)));
        }
        return sets;
    }

    @Override
    public void appended(Connection tx, UUID userId, List<StoredEvent> events) {
        // nothing inside the transaction: the counts are dropped after commit
    }

    @Override
    public void committed(UUID userId, List<StoredEvent> events) {
        if (events.stream()
                .anyMatch(e -> e.type().equals("set.logged") || e.subject().isPresent())) {
            usage.remove(userId);
        }
    }
}
