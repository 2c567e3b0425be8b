package dev.td.server.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The per-person chain of the event log: its head (last sequence and hash, row-locked while
 * appending), the sealing of new events onto it (sequence, UUIDv7, recording time, SHA-256 of the
 * previous hash and the canonical event), and the one statement that advances the head, inserts
 * the events and notifies listeners.
 */
final class EventChain {

    private EventChain() {}

    /** Seals one call's new events onto the chain after the head: sequence, id, recording time and hash. */
    static final class Sealer {
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

        /** The head after the last event sealed: what the next event follows. */
        Head head() {
            return new Head(sequence, hash);
        }

        StoredEvent seal(NewEvent e) {
            sequence++;
            UUID id = Uuid7.at(now);
            String zone = e.timeZone().getId();
            String canonical = StoredEvent.canonical(
                    userId,
                    id,
                    sequence,
                    e.type(),
                    e.occurredAt(),
                    zone,
                    now,
                    e.data(),
                    e.metadata(),
                    e.idempotencyKey(),
                    e.subject());
            digest.update(hash);
            hash = digest.digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new StoredEvent(
                    userId,
                    id,
                    sequence,
                    e.type(),
                    e.occurredAt().atZone(e.timeZone()).toOffsetDateTime(),
                    zone,
                    now,
                    e.data(),
                    e.metadata(),
                    e.idempotencyKey(),
                    e.subject(),
                    hash,
                    false);
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

    // The hash goes to and from bytea as is; heads are ordered by sequence, never compared with equals().
    @SuppressWarnings("ArrayRecordComponent")
    record Head(long sequence, byte[] hash) {}

    /** Locks the person's stream head, creating it on their first append (one round trip once it exists). */
    static Head lockHead(Connection c, UUID userId) throws SQLException {
        Optional<Head> head = selectHeadForUpdate(c, userId);
        if (head.isPresent()) {
            return head.get();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO event_streams (user_id, last_sequence, last_hash) VALUES (?, 0, ?) ON CONFLICT (user_id) DO NOTHING")) {
            ins.setObject(1, userId);
            ins.setBytes(2, EventStore.GENESIS);
            ins.executeUpdate();
        }
        return selectHeadForUpdate(c, userId).orElseThrow();
    }

    private static Optional<Head> selectHeadForUpdate(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement sel =
                c.prepareStatement("SELECT last_sequence, last_hash FROM event_streams WHERE user_id = ? FOR UPDATE")) {
            sel.setObject(1, userId);
            try (ResultSet rs = sel.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** What the write statement did. */
    record Wrote(int events, boolean headAdvanced) {}

    /**
     * Writes sealed events in one statement and round trip: advances the head if it is still
     * {@code head} (taking its row lock), and only then inserts the events, skipping any whose key is
     * already stored, and notifies {@value EventStore#EVENTS_CHANNEL}. Anything short of all events written
     * must be rolled back. Columns travel as arrays (one parse, bind and execute however many events),
     * JSON as one JSON array each (no array-literal escaping), timestamps as ISO-8601 instants (the
     * session time zone cannot shift them).
     */
    static Wrote write(Connection c, UUID userId, Head head, List<StoredEvent> events) throws SQLException {
        return write(c, userId, head, events, WRITE);
    }

    /**
     * Writes sealed events whose keys were checked under the person's lock (a long append holds it throughout): a
     * plain insert, without the skip of stored keys an append needs for racing retries (a quarter less work for the
     * database). A key stored after all fails the statement: zero events written, and the transaction is to be rolled
     * back.
     */
    static Wrote writeChecked(Connection c, UUID userId, Head head, List<StoredEvent> events) throws SQLException {
        try {
            return write(c, userId, head, events, WRITE_CHECKED);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return new Wrote(0, true);
            }
            throw e;
        }
    }

    private static Wrote write(Connection c, UUID userId, Head head, List<StoredEvent> events, String statement)
            throws SQLException {
        int n = events.size();
        Object[] ids = new Object[n];
        Object[] sequences = new Object[n];
        Object[] types = new Object[n];
        Object[] occurred = new Object[n];
        Object[] zones = new Object[n];
        Object[] keys = new Object[n];
        @Nullable Object[] subjects = new Object[n]; // null: not a compensating event (SQL NULL)
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
        try (PreparedStatement ps = c.prepareStatement(statement)) {
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
            ps.setString(19, EventStore.EVENTS_CHANNEL);
            ps.setString(20, "{\"user_id\":\"" + userId + "\",\"last_sequence\":" + last.sequence() + "}");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Wrote(rs.getInt(1), rs.getInt(2) == 1);
            }
        }
    }

    private static final String WRITE = "WITH advanced AS (UPDATE event_streams SET last_sequence = ?, last_hash = ?"
            + " WHERE user_id = ? AND last_sequence = ? AND last_hash = ? RETURNING 1),"
            + " written AS (INSERT INTO events (" + EventStore.columns() + ", prev_hash)"
            + " SELECT ?::uuid, id, seq, type, occurred::timestamptz, zone, ?::timestamptz, data, metadata, key, subject, hash, prev"
            + " FROM ROWS FROM (unnest(?::uuid[]), unnest(?::bigint[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]),"
            + " jsonb_array_elements(?::jsonb), jsonb_array_elements(?::jsonb), unnest(?::text[]), unnest(?::uuid[]),"
            + " unnest(?::bytea[]), unnest(?::bytea[])) AS e(id, seq, type, occurred, zone, data, metadata, key, subject, hash, prev)"
            + " WHERE EXISTS (SELECT FROM advanced)"
            + " ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING 1)"
            + " SELECT (SELECT count(*) FROM written), (SELECT count(pg_notify(?, ?)) FROM advanced)";

    private static final String WRITE_CHECKED = WRITE.replace(" ON CONFLICT (user_id, idempotency_key) DO NOTHING", "");
}
