package dev.td.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The append-only event log. Appends for one person are serialised by a row lock on their stream
 * head, which gives the gapless sequence, the hash chain and exactly-once idempotency keys even
 * when many clients send the same key at the same moment. Each append notifies
 * {@value #EVENTS_CHANNEL} on commit.
 */
public final class EventStore {

    /** LISTEN/NOTIFY channel announcing appended events: {@code {"user_id": …, "last_sequence": …}}. */
    public static final String EVENTS_CHANNEL = "td_events";
    static final byte[] GENESIS = new byte[32];
    private static final Precondition NO_PRECONDITION = log -> { };
    private static final String COLUMNS = "user_id, event_id, sequence, type, occurred_at, time_zone, recorded_at, data, metadata, idempotency_key, subject_event_id, hash";

    private final DataSource db;
    private final ObjectMapper json = Json.mapper();
    private final List<AppendListener> listeners = new ArrayList<>();
    /** The head of each person's log as this process last committed it: a guess, checked by the write. */
    private final Map<UUID, Head> heads = new ConcurrentHashMap<>();

    public EventStore(DataSource db) {
        this.db = db;
    }

    /**
     * Code that runs inside the append transaction after the events are written (inline projections),
     * and optionally once the transaction has committed (e.g. to drop a cache entry the events made stale).
     */
    @FunctionalInterface
    public interface AppendListener {
        void appended(Connection tx, UUID userId, List<StoredEvent> events) throws SQLException;

        /** After commit, outside the transaction; must not throw. */
        default void committed(UUID userId, List<StoredEvent> events) {
        }
    }

    /** Checks made under the person's append lock, before anything is written (e.g. "not already voided"). */
    @FunctionalInterface
    public interface Precondition {
        void check(Locked log) throws SQLException;
    }

    /** The person's log as seen under the append lock. */
    public interface Locked {
        Optional<StoredEvent> find(UUID eventId) throws SQLException;

        List<StoredEvent> compensationsOf(UUID eventId) throws SQLException;

        /** Whether this idempotency key is already stored (a retry of the call being checked). */
        boolean hasKey(String idempotencyKey) throws SQLException;
    }

    public void addListener(AppendListener listener) {
        listeners.add(listener);
    }

    /** Appends events for one person, all or none; known idempotency keys return the stored event as a replay. */
    public List<StoredEvent> append(UUID userId, List<NewEvent> events) {
        return append(userId, events, NO_PRECONDITION);
    }

    /**
     * Appends assuming every key is new, in one statement: without a precondition, against the head this
     * process last committed (the statement advances the head only if it is still that one, under the
     * row lock the update takes), else under the lock taken first. A moved head is retried under the
     * lock; a stored key (a retry, or a race lost to a client sending the same key) rolls back and
     * takes the lookup path.
     */
    public List<StoredEvent> append(UUID userId, List<NewEvent> events, Precondition precondition) {
        List<StoredEvent> result;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = appendInTransaction(c, userId, events, precondition);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("append failed: " + e.getMessage(), e);
        }
        List<StoredEvent> written = result.stream().filter(e -> !e.replayed()).toList();
        if (!written.isEmpty()) {
            StoredEvent last = written.getLast();
            heads.merge(userId, new Head(last.sequence(), last.hash()), (old, now) -> now.sequence() > old.sequence() ? now : old);
            listeners.forEach(l -> l.committed(userId, written));
        }
        return result;
    }

    private List<StoredEvent> appendInTransaction(Connection c, UUID userId, List<NewEvent> events, Precondition precondition)
            throws SQLException {
        if (distinctKeys(events)) {
            Head known = precondition == NO_PRECONDITION ? heads.get(userId) : null;
            Attempt attempt = known == null ? Attempt.Refused.HEAD_MOVED : appendFresh(c, userId, events, known);
            if (attempt == Attempt.Refused.HEAD_MOVED) {
                c.rollback();
                Head head = lockHead(c, userId);
                precondition.check(new LockedLog(c, userId, Optional.empty()));
                attempt = appendFresh(c, userId, events, head);
            }
            if (attempt instanceof Attempt.Stored stored) {
                return stored.events();
            }
            c.rollback();
        }
        return appendWithReplays(c, userId, events, precondition);
    }

    private static boolean distinctKeys(List<NewEvent> events) {
        Set<String> keys = new HashSet<>();
        return events.stream().allMatch(e -> keys.add(e.idempotencyKey()));
    }

    /** What writing a call's events as all new did: stored them, or found the head moved or a key stored. */
    private sealed interface Attempt {
        record Stored(List<StoredEvent> events) implements Attempt {
        }

        enum Refused implements Attempt { HEAD_MOVED, KEY_STORED }
    }

    /** Writes the events after {@code head}; anything but written leaves a transaction to roll back. */
    private Attempt appendFresh(Connection c, UUID userId, List<NewEvent> events, Head head) throws SQLException {
        List<StoredEvent> sealed = new ArrayList<>(events.size());
        Sealer sealer = new Sealer(userId, head);
        for (NewEvent event : events) {
            sealed.add(sealer.seal(event));
        }
        if (sealed.isEmpty()) {
            return new Attempt.Stored(sealed);
        }
        Wrote wrote = write(c, userId, head, sealed);
        if (!wrote.headAdvanced()) {
            return Attempt.Refused.HEAD_MOVED;
        }
        if (wrote.events() < sealed.size()) {
            return Attempt.Refused.KEY_STORED;
        }
        for (AppendListener listener : listeners) {
            listener.appended(c, userId, sealed);
        }
        return new Attempt.Stored(sealed);
    }

    private List<StoredEvent> appendWithReplays(Connection c, UUID userId, List<NewEvent> events, Precondition precondition)
            throws SQLException {
        Head head = lockHead(c, userId);
        Map<String, StoredEvent> existing = findByKeys(c, userId, events.stream().map(NewEvent::idempotencyKey).toList());
        precondition.check(new LockedLog(c, userId, Optional.of(existing)));
        List<StoredEvent> result = new ArrayList<>(events.size());
        List<StoredEvent> fresh = new ArrayList<>();
        Map<String, NewEvent> inCall = new HashMap<>();
        Sealer sealer = new Sealer(userId, head);
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            StoredEvent known = existing.get(event.idempotencyKey());
            if (known != null) {
                requireSameContent(event, known, i);
                result.add(known.asReplay());
                continue;
            }
            NewEvent earlier = inCall.putIfAbsent(event.idempotencyKey(), event);
            if (earlier != null) {
                throw ToolException.invalid("$.events[" + i + "].idempotency_key", "idempotency key '" + event.idempotencyKey()
                        + "' is used twice in this call; give every event its own key");
            }
            StoredEvent stored = sealer.seal(event);
            fresh.add(stored);
            result.add(stored);
        }
        if (!fresh.isEmpty()) {
            Wrote wrote = write(c, userId, head, fresh);
            if (!wrote.headAdvanced() || wrote.events() != fresh.size()) {
                throw new SQLException("wrote " + wrote.events() + " of " + fresh.size() + " events under the stream lock");
            }
            for (AppendListener listener : listeners) {
                listener.appended(c, userId, fresh);
            }
        }
        return result;
    }

    private static void requireSameContent(NewEvent event, StoredEvent known, int index) {
        if (!event.sameContentAs(known)) {
            throw ToolException.conflict("$.events[" + index + "].idempotency_key", "idempotency key '" + event.idempotencyKey()
                    + "' was already used for a different event (" + known.type() + " at " + known.occurredAt() + ", id " + known.eventId()
                    + "). A retry must send the same content; for a new event use a new key, to change the stored one use correct_event");
        }
    }

    /** Seals one call's new events onto the chain after the head: sequence, id, recording time and hash. */
    private static final class Sealer {
        private final UUID userId;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private final MessageDigest digest = newDigest();
        private long sequence;
        private byte[] hash;

        Sealer(UUID userId, Head head) {
            this.userId = userId;
            this.sequence = head.sequence();
            this.hash = head.hash();
        }

        StoredEvent seal(NewEvent e) {
            sequence++;
            UUID id = Uuid7.at(now);
            String zone = e.timeZone().getId();
            String canonical = StoredEvent.canonical(userId, id, sequence, e.type(), e.occurredAt(), zone, now,
                    e.data(), e.metadata(), e.idempotencyKey(), e.subject());
            digest.update(hash);
            hash = digest.digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new StoredEvent(userId, id, sequence, e.type(), e.occurredAt().atZone(e.timeZone()).toOffsetDateTime(), zone,
                    now, e.data(), e.metadata(), e.idempotencyKey(), e.subject(), hash, false);
        }
    }

    static byte[] sha256(byte[] previousHash, String canonical) {
        MessageDigest digest = newDigest();
        digest.update(previousHash);
        return digest.digest(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long sequence, byte[] hash) {
    }

    /** Locks the person's stream head, creating it on their first append (one round trip once it exists). */
    private static Head lockHead(Connection c, UUID userId) throws SQLException {
        Optional<Head> head = selectHeadForUpdate(c, userId);
        if (head.isPresent()) {
            return head.get();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO event_streams (user_id, last_sequence, last_hash) VALUES (?, 0, ?) ON CONFLICT (user_id) DO NOTHING")) {
            ins.setObject(1, userId);
            ins.setBytes(2, GENESIS);
            ins.executeUpdate();
        }
        return selectHeadForUpdate(c, userId).orElseThrow();
    }

    private static Optional<Head> selectHeadForUpdate(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement sel = c.prepareStatement(
                "SELECT last_sequence, last_hash FROM event_streams WHERE user_id = ? FOR UPDATE")) {
            sel.setObject(1, userId);
            try (ResultSet rs = sel.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** What the write statement did. */
    private record Wrote(int events, boolean headAdvanced) {
    }

    /**
     * Writes sealed events in one statement and round trip: advances the head if it is still
     * {@code head} (taking its row lock), and only then inserts the events, skipping any whose key is
     * already stored, and notifies {@value #EVENTS_CHANNEL}. Anything short of all events written
     * must be rolled back. Columns travel as arrays (one parse, bind and execute however many events),
     * JSON as one JSON array each (no array-literal escaping), timestamps as ISO-8601 instants (the
     * session time zone cannot shift them).
     */
    private static Wrote write(Connection c, UUID userId, Head head, List<StoredEvent> events) throws SQLException {
        int n = events.size();
        Object[] ids = new Object[n];
        Object[] sequences = new Object[n];
        Object[] types = new Object[n];
        Object[] occurred = new Object[n];
        Object[] zones = new Object[n];
        Object[] keys = new Object[n];
        Object[] subjects = new Object[n];
        byte[][] hashes = new byte[n][];
        byte[][] previousHashes = new byte[n][];
        StringBuilder data = new StringBuilder(n * 96).append('[');
        StringBuilder metadata = new StringBuilder(n * 64).append('[');
        byte[] previous = head.hash();
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            ids[i] = e.eventId();
            sequences[i] = e.sequence();
            types[i] = e.type();
            occurred[i] = e.occurredAt().toInstant().toString();
            zones[i] = e.timeZone();
            keys[i] = e.idempotencyKey();
            subjects[i] = e.subject().orElse(null);
            hashes[i] = e.hash();
            previousHashes[i] = previous;
            previous = hashes[i];
            data.append(i == 0 ? "" : ",").append(e.data());
            metadata.append(i == 0 ? "" : ",").append(e.metadata());
        }
        StoredEvent last = events.getLast();
        try (PreparedStatement ps = c.prepareStatement(WRITE)) {
            ps.setLong(1, last.sequence());
            ps.setBytes(2, last.hash());
            ps.setObject(3, userId);
            ps.setLong(4, head.sequence());
            ps.setBytes(5, head.hash());
            ps.setObject(6, userId);
            ps.setString(7, last.recordedAt().toString());
            ps.setArray(8, c.createArrayOf("uuid", ids));
            ps.setArray(9, c.createArrayOf("bigint", sequences));
            ps.setArray(10, c.createArrayOf("text", types));
            ps.setArray(11, c.createArrayOf("text", occurred));
            ps.setArray(12, c.createArrayOf("text", zones));
            ps.setString(13, data.append(']').toString());
            ps.setString(14, metadata.append(']').toString());
            ps.setArray(15, c.createArrayOf("text", keys));
            ps.setArray(16, c.createArrayOf("uuid", subjects));
            ps.setArray(17, c.createArrayOf("bytea", hashes));
            ps.setArray(18, c.createArrayOf("bytea", previousHashes));
            ps.setString(19, EVENTS_CHANNEL);
            ps.setString(20, "{\"user_id\":\"" + userId + "\",\"last_sequence\":" + last.sequence() + "}");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Wrote(rs.getInt(1), rs.getInt(2) == 1);
            }
        }
    }

    private static final String WRITE = "WITH advanced AS (UPDATE event_streams SET last_sequence = ?, last_hash = ?"
            + " WHERE user_id = ? AND last_sequence = ? AND last_hash = ? RETURNING 1),"
            + " written AS (INSERT INTO events (" + COLUMNS + ", prev_hash)"
            + " SELECT ?::uuid, id, seq, type, occurred::timestamptz, zone, ?::timestamptz, data, metadata, key, subject, hash, prev"
            + " FROM ROWS FROM (unnest(?::uuid[]), unnest(?::bigint[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]),"
            + " jsonb_array_elements(?::jsonb), jsonb_array_elements(?::jsonb), unnest(?::text[]), unnest(?::uuid[]),"
            + " unnest(?::bytea[]), unnest(?::bytea[])) AS e(id, seq, type, occurred, zone, data, metadata, key, subject, hash, prev)"
            + " WHERE EXISTS (SELECT FROM advanced)"
            + " ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING 1)"
            + " SELECT (SELECT count(*) FROM written), (SELECT count(pg_notify(?, ?)) FROM advanced)";

    private Map<String, StoredEvent> findByKeys(Connection c, UUID userId, List<String> keys) throws SQLException {
        Map<String, StoredEvent> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND idempotency_key = ANY (?)")) {
            ps.setObject(1, userId);
            Array array = c.createArrayOf("text", keys.toArray());
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredEvent e = read(rs);
                    found.put(e.idempotencyKey(), e);
                }
            }
        }
        return found;
    }

    /** One event by id, as stored. */
    public Optional<StoredEvent> find(UUID userId, UUID eventId) {
        try (Connection c = db.getConnection()) {
            return findIn(c, userId, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<StoredEvent> findIn(Connection c, UUID userId, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND event_id = ?")) {
            ps.setObject(1, userId);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The corrections and voids pointing at an event, oldest first. */
    public List<StoredEvent> compensationsOf(UUID userId, UUID eventId) {
        try (Connection c = db.getConnection()) {
            return compensationsIn(c, userId, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredEvent> compensationsIn(Connection c, UUID userId, UUID eventId) throws SQLException {
        List<StoredEvent> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND subject_event_id = ? ORDER BY sequence")) {
            ps.setObject(1, userId);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    StoredEvent read(ResultSet rs) throws SQLException {
        try {
            ZoneId zone = ZoneId.of(rs.getString("time_zone"));
            return new StoredEvent(
                    rs.getObject("user_id", UUID.class),
                    rs.getObject("event_id", UUID.class),
                    rs.getLong("sequence"),
                    rs.getString("type"),
                    rs.getTimestamp("occurred_at").toInstant().atZone(zone).toOffsetDateTime(),
                    zone.getId(),
                    rs.getTimestamp("recorded_at").toInstant(),
                    (ObjectNode) json.readTree(rs.getString("data")),
                    (ObjectNode) json.readTree(rs.getString("metadata")),
                    rs.getString("idempotency_key"),
                    Optional.ofNullable(rs.getObject("subject_event_id", UUID.class)),
                    rs.getBytes("hash"),
                    false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored JSON is unreadable", e);
        }
    }

    static String columns() {
        return COLUMNS;
    }

    private final class LockedLog implements Locked {
        private final Connection c;
        private final UUID userId;
        private final Optional<Map<String, StoredEvent>> keys;

        /** {@code keys}: the call's keys found stored, when they were looked up; else {@link #hasKey} asks the database. */
        LockedLog(Connection c, UUID userId, Optional<Map<String, StoredEvent>> keys) {
            this.c = c;
            this.userId = userId;
            this.keys = keys;
        }

        @Override
        public Optional<StoredEvent> find(UUID eventId) throws SQLException {
            return findIn(c, userId, eventId);
        }

        @Override
        public List<StoredEvent> compensationsOf(UUID eventId) throws SQLException {
            return compensationsIn(c, userId, eventId);
        }

        @Override
        public boolean hasKey(String idempotencyKey) throws SQLException {
            if (keys.isPresent()) {
                return keys.get().containsKey(idempotencyKey);
            }
            return !findByKeys(c, userId, List.of(idempotencyKey)).isEmpty();
        }
    }
}
