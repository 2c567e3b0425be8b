package dev.td.server.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.server.events.EffectiveLog;
import dev.td.server.events.Fact;
import dev.td.server.events.TrainingEvent;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Projection states as the record stood at a cut-off ({@link AsOf}): the latest snapshot that holds for it, and the
 * tail of the log after it folded on top; and the snapshots themselves, taken every {@code td.snapshots.every}
 * events (default 2,000) by the background workers.
 *
 * <p>A snapshot at sequence s, taken when the log's head was k, folds the facts up to s with the corrections and
 * voids up to k. It holds for a cut-off that knows the log up to K and asks for what happened before T when s ≤ K,
 * every fact in it happened before T, and no correction or void between k and K touches a fact up to s. The answer
 * is then exactly the fold of the cut-off's effective log in sequence order, as a replay from the start would give:
 * the tail's facts all come after the snapshot's in that order.
 */
final class PastStates {

    private final int every;

    /** The first key of the advisory lock a worker holds while it takes a person's snapshots. */
    private static final int SNAPSHOT_LOCK = 0x7d5a;

    /** A correction or void at {@code sequence} of the fact at {@code subject}. */
    private record Touch(long sequence, long subject) {}

    /**
     * Whether a snapshot at {@code sequence}, taken knowing the log up to {@code known}, no longer holds for a
     * cut-off knowing it up to {@code upTo}: a correction or void between the two touches a fact inside it.
     */
    private static boolean touched(List<Touch> touches, long sequence, long known, long upTo) {
        long low = Math.min(known, upTo);
        long high = Math.max(known, upTo);
        return touches.stream().anyMatch(t -> t.sequence() > low && t.sequence() <= high && t.subject() <= sequence);
    }

    /** The person's corrections and voids after {@code after}, with the sequence of the fact each touches (few). */
    private static List<Touch> touches(Connection c, UUID user, long after) throws SQLException {
        List<Touch> touches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.sequence, o.sequence FROM events c JOIN events o"
                + " ON o.user_id = c.user_id AND o.event_id = c.subject_event_id"
                + " WHERE c.user_id = ? AND o.user_id = ? AND c.sequence > ? AND c.subject_event_id IS NOT NULL")) {
            ps.setObject(1, user);
            ps.setObject(2, user);
            ps.setLong(3, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touches.add(new Touch(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        return touches;
    }

    private final EffectiveLog log = new EffectiveLog();
    private final ObjectMapper json = Json.mapper();

    /** Snapshots every {@code every} events. */
    PastStates(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("td.snapshots.every must be at least 1, was " + every);
        }
        this.every = every;
    }

    /** The key of a projection's past states in a cut-off's scratch memory. */
    private record Memo(String projection) {}

    /**
     * The states of {@code p} under the cut-off, by key in key order; folded once per cut-off and projection (kept
     * in the cut-off's scratch memory, gone with it).
     */
    @SuppressWarnings("unchecked")
    <S> SortedMap<String, S> states(DataSource db, UUID user, Projection<S> p, AsOf.Cut cut) {
        Map<Object, Object> scratch = AsOf.scratch().orElseGet(LinkedHashMap::new);
        Object known = scratch.get(new Memo(p.name()));
        if (known != null) {
            return (SortedMap<String, S>) known;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                SortedMap<String, S> states = fold(c, user, p, cut);
                scratch.put(new Memo(p.name()), states);
                return states;
            } finally {
                c.rollback();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the record as of the cut-off could not be read: " + e.getMessage(), e);
        }
    }

    private <S> SortedMap<String, S> fold(Connection c, UUID user, Projection<S> p, AsOf.Cut cut)
            throws SQLException, JsonProcessingException {
        TreeMap<String, Object> states = new TreeMap<>();
        long after = 0;
        List<long[]> candidates = new ArrayList<>(); // sequence, known_sequence; latest first
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, known_sequence FROM projection_snapshots"
                + " WHERE user_id = ? AND projection = ? AND version = ? AND sequence <= ?"
                + " AND (?::timestamptz IS NULL OR max_occurred_at IS NULL OR max_occurred_at < ?::timestamptz)"
                + " ORDER BY sequence DESC")) {
            Timestamp before = cut.occurredBefore().map(Timestamp::from).orElse(null);
            ps.setObject(1, user);
            ps.setString(2, p.name());
            ps.setInt(3, p.version());
            ps.setLong(4, cut.knownUpTo());
            ps.setTimestamp(5, before);
            ps.setTimestamp(6, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        if (!candidates.isEmpty()) {
            long earliest = candidates.stream()
                    .mapToLong(x -> Math.min(x[1], cut.knownUpTo()))
                    .min()
                    .orElseThrow();
            List<Touch> touches = touches(c, user, earliest);
            for (long[] candidate : candidates) {
                if (!touched(touches, candidate[0], candidate[1], cut.knownUpTo())) {
                    after = candidate[0];
                    states.putAll(snapshot(c, user, p, candidate[0], candidate[1]));
                    break;
                }
            }
        }
        List<Fact> tail = tail(c, user, after, cut);
        for (Fact fact : tail) {
            TrainingEvent.of(fact).ifPresent(e -> ProjectionEngine.fold(p, states, e));
        }
        AsOf.folded(new AsOf.Fold(p.name(), after, tail.size()));
        @SuppressWarnings("unchecked")
        SortedMap<String, S> typed = (SortedMap<String, S>) (SortedMap<String, ?>) states;
        return typed;
    }

    /**
     * How many parsed snapshots are kept: one projection's states of a five-year record are up to a few MB parsed,
     * so a handful of people reading the past at once, not every snapshot of everyone.
     */
    private static final int PARSED_SNAPSHOTS = 24;

    /** A snapshot row: taken once, never changed (one that no longer holds is deleted and taken anew, knowing more). */
    private record Snapshot(UUID user, String projection, int version, long sequence, long known) {}

    /**
     * Parsed snapshots of recent past reads (a snapshot of a five-year record's progressions is ~1 MB of JSON). States
     * are immutable values (the engine's own cache relies on that too): a fold on top makes new ones, so a parsed
     * snapshot is shared by every read that starts from it.
     */
    private final Map<Snapshot, Map<String, Object>> parsed =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Snapshot, Map<String, Object>> eldest) {
                    return size() > PARSED_SNAPSHOTS;
                }
            });

    private Map<String, Object> snapshot(Connection c, UUID user, Projection<?> p, long sequence, long known)
            throws SQLException {
        Snapshot key = new Snapshot(user, p.name(), p.version(), sequence, known);
        Map<String, Object> states = parsed.get(key);
        if (states == null) {
            states = java.util.Collections.unmodifiableMap(load(c, user, p, sequence).states);
            parsed.put(key, states);
        }
        return states;
    }

    /** The key of a tail of the log in a cut-off's scratch memory: the facts after a snapshot's sequence. */
    private record Tail(long after) {}

    /**
     * The cut-off's effective facts after {@code after}: read once per cut-off and snapshot position, and shared by
     * every projection folded from a snapshot there (an overview reads a dozen).
     */
    @SuppressWarnings("unchecked")
    private List<Fact> tail(Connection c, UUID user, long after, AsOf.Cut cut) throws SQLException {
        Map<Object, Object> scratch = AsOf.scratch().orElseGet(LinkedHashMap::new);
        Object known = scratch.get(new Tail(after));
        if (known != null) {
            return (List<Fact>) known;
        }
        List<Fact> facts = new ArrayList<>();
        log.forEachAfter(c, user, after, cut.knownUpTo(), cut.occurredBefore(), facts::add);
        scratch.put(new Tail(after), facts);
        return facts;
    }

    private JavaType mapOf(Projection<?> p) {
        return json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, p.stateType());
    }

    /**
     * Takes the snapshots a person's log is missing, every {@code every} events up to its head, in one pass from the
     * latest snapshot that still holds; drops those that no longer hold (a correction touched them, or the
     * projection's code changed). Returns how many checkpoints were taken.
     */
    int take(Connection c, UUID user, List<Projection<?>> projections) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?::text))")) {
            ps.setInt(1, SNAPSHOT_LOCK);
            ps.setObject(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another worker takes this person's snapshots now
                }
            }
        }
        long head;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM event_streams WHERE user_id = ?")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                head = rs.next() ? rs.getLong(1) : 0;
            }
        }
        dropStale(c, user, projections, head);
        java.util.NavigableSet<Long> held = held(c, user, projections);
        List<Long> missing = new ArrayList<>();
        for (long cp = every; cp <= head; cp += every) {
            if (!held.contains(cp)) {
                missing.add(cp);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Long start = held.lower(missing.get(0));
        long after = start == null ? 0 : start;
        Map<Projection<?>, Folding> folding = new LinkedHashMap<>();
        for (Projection<?> p : projections) {
            folding.put(p, start == null ? new Folding() : load(c, user, p, after));
        }
        int[] next = {0};
        try {
            log.forEachAfter(c, user, after, head, Optional.empty(), fact -> {
                while (next[0] < missing.size() && fact.sequence() > missing.get(next[0])) {
                    save(c, user, folding, missing.get(next[0]), head);
                    next[0]++;
                }
                Instant at = fact.occurredAt().toInstant();
                TrainingEvent.of(fact).ifPresent(e -> folding.forEach((p, f) -> f.fold(p, e, at)));
            });
            while (next[0] < missing.size()) {
                save(c, user, folding, missing.get(next[0]), head);
                next[0]++;
            }
        } catch (NotSaved e) {
            throw e.cause;
        }
        return missing.size();
    }

    /**
     * One projection's states being folded for snapshots, with the latest moment a fact it folded happened (a fact
     * it ignores leaves its states as they are, so does not stop the snapshot from serving a day before it).
     */
    private static final class Folding {
        final Map<String, Object> states;
        Instant latest;

        Folding() {
            this(new LinkedHashMap<>(), Instant.MIN);
        }

        Folding(Map<String, Object> states, Instant latest) {
            this.states = states;
            this.latest = latest;
        }

        void fold(Projection<?> p, TrainingEvent e, Instant at) {
            if (p.keys(e).isEmpty()) {
                return;
            }
            ProjectionEngine.fold(p, states, e);
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
    }

    private void dropStale(Connection c, UUID user, List<Projection<?>> projections, long head) throws SQLException {
        String[] names = projections.stream().map(Projection::name).toArray(String[]::new);
        Integer[] versions = projections.stream().map(Projection::version).toArray(Integer[]::new);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM projection_snapshots s WHERE s.user_id = ? AND ("
                + " s.sequence > ? OR NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::int[]) AS v(n, ver)"
                + " WHERE v.n = s.projection AND v.ver = s.version))")) {
            ps.setObject(1, user);
            ps.setLong(2, head);
            ps.setArray(3, c.createArrayOf("text", names));
            ps.setArray(4, c.createArrayOf("int4", versions));
            ps.executeUpdate();
        }
        List<long[]> kept = new ArrayList<>(); // sequence, known_sequence
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT sequence, known_sequence" + " FROM projection_snapshots WHERE user_id = ?")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        List<Touch> touches =
                touches(c, user, kept.stream().mapToLong(k -> k[1]).min().orElseThrow());
        Long[] stale = kept.stream()
                .filter(k -> touched(touches, k[0], k[1], head))
                .map(k -> k[0])
                .toArray(Long[]::new);
        if (stale.length > 0) {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM projection_snapshots WHERE user_id = ? AND sequence = ANY(?)")) {
                ps.setObject(1, user);
                ps.setArray(2, c.createArrayOf("int8", stale));
                ps.executeUpdate();
            }
        }
    }

    /** The checkpoints every projection has a snapshot at. */
    private static java.util.NavigableSet<Long> held(Connection c, UUID user, List<Projection<?>> projections)
            throws SQLException {
        java.util.NavigableSet<Long> held = new java.util.TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence FROM projection_snapshots"
                + " WHERE user_id = ? GROUP BY sequence HAVING count(*) = ?")) {
            ps.setObject(1, user);
            ps.setInt(2, projections.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        return held;
    }

    private Folding load(Connection c, UUID user, Projection<?> p, long sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT states::text, max_occurred_at FROM projection_snapshots"
                + " WHERE user_id = ? AND projection = ? AND version = ? AND sequence = ?")) {
            ps.setObject(1, user);
            ps.setString(2, p.name());
            ps.setInt(3, p.version());
            ps.setLong(4, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("snapshot " + p.name() + "@" + sequence + " went missing");
                }
                Timestamp latest = rs.getTimestamp(2);
                return new Folding(
                        json.readValue(rs.getString(1), mapOf(p)), latest == null ? Instant.MIN : latest.toInstant());
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("snapshot " + p.name() + "@" + sequence + " is unreadable", e);
        }
    }

    /** A snapshot that could not be saved, carried out of the fold that found it. */
    private static final class NotSaved extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SQLException cause;

        NotSaved(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Saves every projection's states at a checkpoint. */
    private void save(Connection c, UUID user, Map<Projection<?>, Folding> folding, long sequence, long knownAt) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_snapshots"
                + " (user_id, projection, version, sequence, known_sequence, max_occurred_at, states)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<Projection<?>, Folding> e : folding.entrySet()) {
                Instant latest = e.getValue().latest;
                ps.setObject(1, user);
                ps.setString(2, e.getKey().name());
                ps.setInt(3, e.getKey().version());
                ps.setLong(4, sequence);
                ps.setLong(5, knownAt);
                ps.setTimestamp(6, latest.equals(Instant.MIN) ? null : Timestamp.from(latest));
                ps.setString(7, json.writeValueAsString(e.getValue().states));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new NotSaved(e);
        } catch (JsonProcessingException e) {
            throw new NotSaved(new SQLException("a snapshot at " + sequence + " cannot be written", e));
        }
    }
}
