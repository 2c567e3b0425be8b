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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private static final String COLUMNS = "user_id, event_id, sequence, type, occurred_at, time_zone, recorded_at, data, metadata, idempotency_key, subject_event_id, hash";

    private final DataSource db;
    private final ObjectMapper json = Json.mapper();
    private final List<AppendListener> listeners = new ArrayList<>();

    public EventStore(DataSource db) {
        this.db = db;
    }

    /** Code that runs inside the append transaction after the events are written (inline projections). */
    @FunctionalInterface
    public interface AppendListener {
        void appended(Connection tx, UUID userId, List<StoredEvent> events) throws SQLException;
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
        return append(userId, events, log -> { });
    }

    public List<StoredEvent> append(UUID userId, List<NewEvent> events, Precondition precondition) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<StoredEvent> result = appendLocked(c, userId, events, precondition);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("append failed: " + e.getMessage(), e);
        }
    }

    private List<StoredEvent> appendLocked(Connection c, UUID userId, List<NewEvent> events, Precondition precondition) throws SQLException {
        Head head = lockHead(c, userId);
        Map<String, StoredEvent> existing = findByKeys(c, userId, events.stream().map(NewEvent::idempotencyKey).toList());
        precondition.check(new LockedLog(c, userId, existing));
        List<StoredEvent> result = new ArrayList<>(events.size());
        List<StoredEvent> fresh = new ArrayList<>();
        Map<String, NewEvent> inCall = new HashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence = head.sequence();
        byte[] hash = head.hash();
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
            sequence++;
            StoredEvent stored = seal(userId, event, sequence, now, hash);
            hash = stored.hash();
            fresh.add(stored);
            result.add(stored);
        }
        if (!fresh.isEmpty()) {
            insert(c, fresh, head.hash());
            advanceHead(c, userId, sequence, hash);
            for (AppendListener listener : listeners) {
                listener.appended(c, userId, fresh);
            }
            notifyAppended(c, userId, sequence);
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

    private StoredEvent seal(UUID userId, NewEvent e, long sequence, Instant recordedAt, byte[] previousHash) {
        UUID id = Uuid7.at(recordedAt);
        String zone = e.timeZone().getId();
        String canonical = StoredEvent.canonical(userId, id, sequence, e.type(), e.occurredAt(), zone, recordedAt,
                e.data(), e.metadata(), e.idempotencyKey(), e.subject());
        byte[] hash = sha256(previousHash, canonical);
        return new StoredEvent(userId, id, sequence, e.type(), e.occurredAt().atZone(e.timeZone()).toOffsetDateTime(), zone,
                recordedAt, e.data(), e.metadata(), e.idempotencyKey(), e.subject(), hash, false);
    }

    static byte[] sha256(byte[] previousHash, String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousHash);
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
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

    private static void advanceHead(Connection c, UUID userId, long sequence, byte[] hash) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE event_streams SET last_sequence = ?, last_hash = ? WHERE user_id = ?")) {
            up.setLong(1, sequence);
            up.setBytes(2, hash);
            up.setObject(3, userId);
            up.executeUpdate();
        }
    }

    /**
     * Writes the events with one statement, a column array each: one parse, bind and execute however
     * many events (a JDBC batch binds and executes every row on its own).
     * Timestamps travel as ISO-8601 instants, so the session time zone cannot shift them.
     */
    private static void insert(Connection c, List<StoredEvent> events, byte[] headHash) throws SQLException {
        int n = events.size();
        Object[] users = new Object[n];
        Object[] ids = new Object[n];
        Object[] sequences = new Object[n];
        Object[] types = new Object[n];
        Object[] occurred = new Object[n];
        Object[] zones = new Object[n];
        Object[] recorded = new Object[n];
        Object[] data = new Object[n];
        Object[] metadata = new Object[n];
        Object[] keys = new Object[n];
        Object[] subjects = new Object[n];
        byte[][] hashes = new byte[n][];
        byte[][] previousHashes = new byte[n][];
        byte[] previous = headHash;
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            users[i] = e.userId();
            ids[i] = e.eventId();
            sequences[i] = e.sequence();
            types[i] = e.type();
            occurred[i] = e.occurredAt().toInstant().toString();
            zones[i] = e.timeZone();
            recorded[i] = e.recordedAt().toString();
            data[i] = e.data().toString();
            metadata[i] = e.metadata().toString();
            keys[i] = e.idempotencyKey();
            subjects[i] = e.subject().orElse(null);
            hashes[i] = e.hash();
            previousHashes[i] = previous;
            previous = e.hash();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (" + COLUMNS + ", prev_hash) SELECT * FROM unnest("
                + "?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[]::timestamptz[],"
                + " ?::text[]::jsonb[], ?::text[]::jsonb[], ?::text[], ?::uuid[], ?::bytea[], ?::bytea[])")) {
            ps.setArray(1, c.createArrayOf("uuid", users));
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("bigint", sequences));
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("text", occurred));
            ps.setArray(6, c.createArrayOf("text", zones));
            ps.setArray(7, c.createArrayOf("text", recorded));
            ps.setArray(8, c.createArrayOf("text", data));
            ps.setArray(9, c.createArrayOf("text", metadata));
            ps.setArray(10, c.createArrayOf("text", keys));
            ps.setArray(11, c.createArrayOf("uuid", subjects));
            ps.setArray(12, c.createArrayOf("bytea", hashes));
            ps.setArray(13, c.createArrayOf("bytea", previousHashes));
            int written = ps.executeUpdate();
            if (written != n) {
                throw new SQLException("wrote " + written + " of " + n + " events");
            }
        }
    }

    private void notifyAppended(Connection c, UUID userId, long lastSequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, EVENTS_CHANNEL);
            ps.setString(2, "{\"user_id\":\"" + userId + "\",\"last_sequence\":" + lastSequence + "}");
            ps.execute();
        }
    }

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
        private final Map<String, StoredEvent> keys;

        LockedLog(Connection c, UUID userId, Map<String, StoredEvent> keys) {
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
        public boolean hasKey(String idempotencyKey) {
            return keys.containsKey(idempotencyKey);
        }
    }
}
