package dev.td.server.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.server.events.EffectiveLog;
import dev.td.server.events.EventStore;
import dev.td.server.events.Fact;
import dev.td.server.events.Hypothetical;
import dev.td.server.events.StoredEvent;
import dev.td.server.events.TrainingEvent;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every projection up to date: folds appended events inline (same transaction, so an agent
 * reads its own writes), replays the person's effective history when a correction or void arrives,
 * and rebuilds a projection whose code version changed.
 */
public final class ProjectionEngine implements EventStore.AppendListener {

    private static final System.Logger LOG = System.getLogger(ProjectionEngine.class.getName());

    private final DataSource db;
    private final List<Projection<?>> projections;
    private final EffectiveLog log = new EffectiveLog();
    private final PastStates past = new PastStates(Integer.getInteger("td.snapshots.every", 2000));
    private final ObjectMapper json = Json.mapper();

    public ProjectionEngine(DataSource db, List<Projection<?>> projections) {
        this.db = db;
        this.projections = List.copyOf(projections);
    }

    public List<Projection<?>> projections() {
        return projections;
    }

    @Override
    public void appended(Connection tx, UUID userId, List<StoredEvent> events) throws SQLException {
        boolean compensation = events.stream().anyMatch(e -> e.subject().isPresent());
        if (compensation) {
            replay(tx, userId, projections);
            return;
        }
        List<TrainingEvent> training = new ArrayList<>();
        for (StoredEvent e : events) {
            TrainingEvent.of(Fact.of(e)).ifPresent(training::add);
        }
        if (!training.isEmpty()) {
            for (Projection<?> p : projections) {
                foldInto(tx, userId, p, training);
            }
        }
    }

    private <S> void foldInto(Connection tx, UUID userId, Projection<S> p, List<TrainingEvent> events)
            throws SQLException {
        Map<String, Object> states = new LinkedHashMap<>();
        foldKept(tx, userId, p, states, events);
        save(tx, userId, p, states, events.getLast().sequence());
    }

    /**
     * Folds events into the states kept so far, key by key (each key's events in order, with {@link
     * Projection#applyAll}), a key's stored state read when it is first met.
     */
    private <S> void foldKept(
            Connection tx, UUID userId, Projection<S> p, Map<String, Object> states, List<TrainingEvent> events)
            throws SQLException {
        Map<String, List<TrainingEvent>> byKey = new LinkedHashMap<>();
        for (TrainingEvent e : events) {
            for (String key : p.keys(e)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<TrainingEvent>> key : byKey.entrySet()) {
            String k = key.getKey();
            S state = states.containsKey(k)
                    ? p.stateType().cast(states.get(k))
                    : loadLocked(tx, userId, p, k).orElseGet(() -> p.empty(k));
            states.put(k, p.applyAll(state, key.getValue()));
        }
    }

    /**
     * A long append's batches folded into states kept in memory, saved once in {@code finish}: a file of 10,000 sets
     * writes an exercise's progression once, not once a batch. A batch with a correction or void saves what is kept
     * and replays the history, as an append would.
     */
    @Override
    public EventStore.AppendListener.Bulk bulk(Connection tx, UUID userId) {
        return new EventStore.AppendListener.Bulk() {
            private final Map<Projection<?>, Map<String, Object>> kept = new LinkedHashMap<>();
            private long last;

            @Override
            public void add(List<StoredEvent> batch) throws SQLException {
                if (batch.stream().anyMatch(e -> e.subject().isPresent())) {
                    finish();
                    replay(tx, userId, projections);
                    return;
                }
                List<TrainingEvent> training = new ArrayList<>();
                for (StoredEvent e : batch) {
                    TrainingEvent.of(Fact.of(e)).ifPresent(training::add);
                }
                if (training.isEmpty()) {
                    return;
                }
                for (Projection<?> p : projections) {
                    foldKept(tx, userId, p, kept.computeIfAbsent(p, x -> new LinkedHashMap<>()), training);
                }
                last = training.getLast().sequence();
            }

            @Override
            public void finish() throws SQLException {
                for (Map.Entry<Projection<?>, Map<String, Object>> states : kept.entrySet()) {
                    save(tx, userId, states.getKey(), states.getValue(), last);
                }
                kept.clear();
            }
        };
    }

    /** Replays the effective history of one person into the given projections, replacing their states; returns the facts read. */
    long replay(Connection tx, UUID userId, List<Projection<?>> which) throws SQLException {
        Map<Projection<?>, Map<String, Object>> states = new LinkedHashMap<>();
        which.forEach(p -> states.put(p, new LinkedHashMap<>()));
        long[] last = {0, 0};
        log.forEach(tx, userId, Long.MAX_VALUE, Optional.empty(), fact -> {
            last[0] = fact.sequence();
            last[1]++;
            TrainingEvent.of(fact).ifPresent(e -> states.forEach((p, s) -> fold(p, s, e)));
        });
        for (Map.Entry<Projection<?>, Map<String, Object>> entry : states.entrySet()) {
            Projection<?> p = entry.getKey();
            try (PreparedStatement del =
                    tx.prepareStatement("DELETE FROM projection_states WHERE user_id = ? AND projection = ?")) {
                del.setObject(1, userId);
                del.setString(2, p.name());
                del.executeUpdate();
            }
            save(tx, userId, p, entry.getValue(), last[0]);
        }
        return last[1];
    }

    /** Folds a fact stream into in-memory states (for as-of and what-if answers); nothing is stored. */
    public static <S> void fold(Projection<S> p, Map<String, Object> states, TrainingEvent e) {
        for (String key : p.keys(e)) {
            @SuppressWarnings("unchecked")
            S state = states.containsKey(key) ? (S) states.get(key) : p.empty(key);
            states.put(key, p.apply(state, e));
        }
    }

    /** What a rebuild did: people replayed, events read, seconds taken. */
    public record RebuildReport(int people, long events, double seconds) {}

    /** Rebuilds projections for everyone (all, or those named). */
    public RebuildReport rebuild(List<String> names) {
        long started = System.nanoTime();
        List<Projection<?>> which = projections.stream()
                .filter(p -> names.isEmpty() || names.contains(p.name()))
                .toList();
        int people = 0;
        long events = 0;
        try (Connection c = db.getConnection()) {
            List<UUID> users = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT user_id FROM event_streams")) {
                while (rs.next()) {
                    users.add(rs.getObject(1, UUID.class));
                }
            }
            for (UUID user : users) {
                c.setAutoCommit(false);
                lockStream(c, user);
                events += replay(c, user, which);
                c.commit();
                people++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projection rebuild failed: " + e.getMessage(), e);
        }
        return new RebuildReport(people, events, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Folds one person's effective history into a projection in memory, storing nothing: the answer
     * "computed from the raw events" (benchmarks compare it with the stored projection; as-of
     * questions pass a cut-off).
     */
    public Map<String, Object> foldFromLog(UUID userId, String projection) {
        Projection<?> p = projections.stream()
                .filter(x -> x.name().equals(projection))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projection " + projection));
        Map<String, Object> states = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            log.forEach(
                    c,
                    userId,
                    Long.MAX_VALUE,
                    Optional.empty(),
                    fact -> TrainingEvent.of(fact).ifPresent(e -> fold(p, states, e)));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    /** Rebuilds projections whose stored version differs from the code's; run at start. */
    public List<String> rebuildOutdated() {
        List<String> outdated = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            for (Projection<?> p : projections) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM projection_versions WHERE projection = ? AND version = ?"
                                + " AND NOT EXISTS (SELECT 1 FROM projection_states WHERE projection = ? AND version <> ?)")) {
                    ps.setString(1, p.name());
                    ps.setInt(2, p.version());
                    ps.setString(3, p.name());
                    ps.setInt(4, p.version());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            outdated.add(p.name());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!outdated.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "rebuilding projections new or with a new version: " + outdated);
            rebuild(outdated);
            recordBuilt(outdated);
        }
        return outdated;
    }

    /** Notes that the whole log is folded into these projections at their current versions. */
    private void recordBuilt(List<String> names) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO projection_versions (projection, version) VALUES (?, ?) ON CONFLICT (projection)"
                                + " DO UPDATE SET version = EXCLUDED.version, built_at = now()")) {
            for (Projection<?> p : projections) {
                if (names.contains(p.name())) {
                    ps.setString(1, p.name());
                    ps.setInt(2, p.version());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the person's missing projection snapshots (every {@code td.snapshots.every} events), from which answers
     * as of a past moment are folded; run by the background workers. Returns how many checkpoints were taken.
     */
    public int takeSnapshots(UUID userId) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                int taken = past.take(c, userId, projections);
                c.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projection snapshots of a person failed: " + e.getMessage(), e);
        }
    }

    /** The states of a projection as they stood at the cut-off this thread answers under for the person, if any. */
    private <S> Optional<java.util.SortedMap<String, S>> past(UUID userId, Projection<S> p) {
        return AsOf.of(userId).filter(cut -> !p.settings()).map(cut -> past.states(db, userId, p, cut));
    }

    /** The stored state of one key, if any (under a cut-off: as it stood then). */
    public <S> Optional<S> read(UUID userId, Projection<S> p, String key) {
        Optional<java.util.SortedMap<String, S>> then = past(userId, p);
        if (then.isPresent()) {
            return Optional.ofNullable(then.get().get(key));
        }
        try (Connection c = db.getConnection()) {
            return readCached(c, userId, p, key);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A parsed state and the stamp of the row it was parsed from. */
    private record Parsed(long lastSequence, int version, java.sql.Timestamp updatedAt, Object state) {}

    private record StateKey(UUID userId, String projection, String key) {}

    /**
     * Parsed states of recently read keys. Every read still asks the database for the row's stamp
     * (last sequence, version, update time) and ships the JSON only when it changed, so any server's
     * writes are seen at once; only the parsing is saved. Inside a what-if ({@link Hypothetical}) states
     * are still taken from here when their stamp matches (a row the what-if did not rewrite is the
     * committed one), but what it reads or writes is kept in the what-if's scratch memory only: a state
     * stamped in a transaction that is rolled back must never be found again (a later real write may
     * take the same sequence).
     */
    private final Map<StateKey, Parsed> parsed =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<StateKey, Parsed> eldest) {
                    return size() > 4096;
                }
            });

    /** The state parsed before for a key: the what-if's own first, then the shared ones. */
    private @Nullable Parsed known(StateKey id) {
        Optional<Map<Object, Object>> scratch = Hypothetical.scratch();
        if (scratch.isPresent() && scratch.get().get(id) instanceof Parsed own) {
            return own;
        }
        return parsed.get(id);
    }

    /** Keeps a parsed state: in the what-if's scratch memory inside a what-if, else in the shared map. */
    private void keep(StateKey id, Parsed state) {
        Optional<Map<Object, Object>> scratch = Hypothetical.scratch();
        if (scratch.isPresent()) {
            scratch.get().put(id, state);
        } else {
            parsed.put(id, state);
        }
    }

    /** Forgets a key whose row is gone (a what-if forgets only what it kept itself). */
    private void forget(StateKey id) {
        Optional<Map<Object, Object>> scratch = Hypothetical.scratch();
        if (scratch.isPresent()) {
            scratch.get().remove(id);
        } else {
            parsed.remove(id);
        }
    }

    private <S> Optional<S> readCached(Connection c, UUID userId, Projection<S> p, String key)
            throws SQLException, JsonProcessingException {
        StateKey id = new StateKey(userId, p.name(), key);
        Parsed known = known(id);
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence, version, updated_at,"
                + " CASE WHEN last_sequence = ? AND version = ? AND updated_at = ? THEN NULL ELSE state::text END"
                + " FROM projection_states WHERE user_id = ? AND projection = ? AND key = ?")) {
            ps.setLong(1, known == null ? -1 : known.lastSequence());
            ps.setInt(2, known == null ? -1 : known.version());
            ps.setTimestamp(3, known == null ? new java.sql.Timestamp(0) : known.updatedAt());
            ps.setObject(4, userId);
            ps.setString(5, p.name());
            ps.setString(6, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    forget(id);
                    return Optional.empty();
                }
                String text = rs.getString(4);
                if (text == null && known != null) {
                    return Optional.of(p.stateType().cast(known.state()));
                }
                S state = json.readValue(text, p.stateType());
                keep(id, new Parsed(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3), state));
                return Optional.of(state);
            }
        }
    }

    /** The greatest key stored for a projection and person (for ISO weeks: the latest week). */
    public Optional<String> lastKey(UUID userId, Projection<?> p) {
        Optional<? extends java.util.SortedMap<String, ?>> then = past(userId, p);
        if (then.isPresent()) {
            return then.get().isEmpty()
                    ? Optional.empty()
                    : Optional.of(then.get().lastKey());
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT max(key) FROM projection_states WHERE user_id = ? AND projection = ?")) {
            ps.setObject(1, userId);
            ps.setString(2, p.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All stored states of a projection for one person, by key. */
    public <S> Map<String, S> readAll(UUID userId, Projection<S> p) {
        // every key, not a range up to U+FFFF: a key may begin with any character (a program named "🏋️ …")
        Optional<java.util.SortedMap<String, S>> then = past(userId, p);
        if (then.isPresent()) {
            return new LinkedHashMap<>(then.get());
        }
        return readStamped(userId, p, "TRUE", ps -> {});
    }

    /**
     * The stored states whose keys lie in [fromKey, toKey], in key order (ISO weeks sort by time). Like
     * {@link #read}, rows whose stamp matches a state parsed before are not shipped or parsed again: the stamps
     * come first, then the JSON of the rows that changed, each with the stamp it was read with.
     */
    public <S> Map<String, S> readRange(UUID userId, Projection<S> p, String fromKey, String toKey) {
        Optional<java.util.SortedMap<String, S>> then = past(userId, p);
        if (then.isPresent()) {
            Map<String, S> range = new LinkedHashMap<>();
            then.get().forEach((k, v) -> {
                if (k.compareTo(fromKey) >= 0 && k.compareTo(toKey) <= 0) {
                    range.put(k, v);
                }
            });
            return range;
        }
        return readStamped(userId, p, "key >= ? AND key <= ?", ps -> {
            ps.setString(3, fromKey);
            ps.setString(4, toKey);
        });
    }

    /** The stored states of the keys asked for that exist, in key order; parsed states reused as by readRange. */
    public <S> Map<String, S> readKeys(UUID userId, Projection<S> p, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Optional<java.util.SortedMap<String, S>> then = past(userId, p);
        if (then.isPresent()) {
            Map<String, S> found = new LinkedHashMap<>();
            then.get().forEach((k, v) -> {
                if (keys.contains(k)) {
                    found.put(k, v);
                }
            });
            return found;
        }
        return readStamped(
                userId,
                p,
                "key = ANY(?)",
                ps -> ps.setArray(3, ps.getConnection().createArrayOf("text", keys.toArray())));
    }

    /** Binds the parameters of a key condition from index 3 on (1 and 2 are the person and the projection). */
    private interface KeyCondition {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <S> Map<String, S> readStamped(UUID userId, Projection<S> p, String condition, KeyCondition keys) {
        Map<String, S> all = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, last_sequence, version, updated_at"
                    + " FROM projection_states WHERE user_id = ? AND projection = ? AND " + condition
                    + " ORDER BY key")) {
                ps.setObject(1, userId);
                ps.setString(2, p.name());
                keys.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        Parsed known = known(new StateKey(userId, p.name(), key));
                        if (known != null
                                && known.lastSequence() == rs.getLong(2)
                                && known.version() == rs.getInt(3)
                                && known.updatedAt().equals(rs.getTimestamp(4))) {
                            all.put(key, p.stateType().cast(known.state()));
                        } else {
                            all.put(key, null);
                            changed.add(key);
                        }
                    }
                }
            }
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT key, last_sequence, version, updated_at, state::text FROM projection_states"
                                + " WHERE user_id = ? AND projection = ? AND key = ANY(?)")) {
                    ps.setObject(1, userId);
                    ps.setString(2, p.name());
                    ps.setArray(3, c.createArrayOf("text", changed.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            S state = json.readValue(rs.getString(5), p.stateType());
                            keep(
                                    new StateKey(userId, p.name(), rs.getString(1)),
                                    new Parsed(rs.getLong(2), rs.getInt(3), rs.getTimestamp(4), state));
                            all.put(rs.getString(1), state);
                        }
                    }
                }
                all.values().removeIf(Objects::isNull); // a row deleted between the two reads
            }
            return all;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lockStream(Connection c, UUID user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM event_streams WHERE user_id = ? FOR UPDATE")) {
            ps.setObject(1, user);
            ps.executeQuery().close();
        }
    }

    /**
     * The stored state of a key, read under the person's append lock in the append transaction: parsed
     * anew only when the row's stamp differs from the cached one (the last write of this process is
     * cached as it was saved, so a person's appends do not ship and parse their growing states again).
     */
    private <S> Optional<S> loadLocked(Connection tx, UUID userId, Projection<S> p, String key) throws SQLException {
        try {
            return readCached(tx, userId, p, key);
        } catch (JsonProcessingException e) {
            throw new SQLException("projection state of " + p.name() + "/" + key + " is unreadable", e);
        }
    }

    /**
     * Upserts the states in one statement and caches them with the stamps they were stored under. The
     * transaction may still roll back: then the row keeps its old stamp, which differs from the cached
     * one (updated_at is the writing transaction's start), and the next read parses the row again.
     */
    private void save(Connection c, UUID userId, Projection<?> p, Map<String, ?> states, long lastSequence)
            throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        String[] keys = new String[states.size()];
        String[] texts = new String[states.size()];
        int i = 0;
        try {
            for (Map.Entry<String, ?> s : states.entrySet()) {
                keys[i] = s.getKey();
                texts[i] = json.writeValueAsString(s.getValue());
                i++;
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("projection state of " + p.name() + " cannot be written", e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO projection_states (user_id, projection, key, state, last_sequence, version)"
                        + " SELECT ?, ?, k, s::jsonb, ?, ? FROM unnest(?::text[], ?::text[]) AS t(k, s)"
                        + " ON CONFLICT (user_id, projection, key)"
                        + " DO UPDATE SET state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence, version = EXCLUDED.version, updated_at = now()"
                        + " RETURNING key, updated_at")) {
            ps.setObject(1, userId);
            ps.setString(2, p.name());
            ps.setLong(3, lastSequence);
            ps.setInt(4, p.version());
            ps.setArray(5, c.createArrayOf("text", keys));
            ps.setArray(6, c.createArrayOf("text", texts));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    Object state = Objects.requireNonNull(states.get(key), key);
                    keep(
                            new StateKey(userId, p.name(), key),
                            new Parsed(lastSequence, p.version(), rs.getTimestamp(2), state));
                }
            }
        }
    }
}
