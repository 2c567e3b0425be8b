package dev.td.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The baseline td's append path is measured against: the same rows (same columns, same JSON)
 * written with a plain JDBC batch insert, one transaction per batch, and none of td's work (no
 * stream lock, idempotency lookup, hash chain, NOTIFY). Writes either into a plain unpartitioned
 * table with only a primary key, or straight into td's own {@code events} table (partitions and
 * indexes, no logic) to split the gap into schema cost and application cost.
 */
final class PlainEventTable {

    static final String PLAIN = "bench_events_plain";
    static final String TD_EVENTS = "events";
    private static final byte[] FILLER_HASH;

    static {
        try {
            FILLER_HASH = MessageDigest.getInstance("SHA-256").digest("td bench".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Connection connection;
    private final String table;
    private final String metadata;

    private PlainEventTable(Connection connection, String table, String metadata) {
        this.connection = connection;
        this.table = table;
        this.metadata = metadata;
    }

    /** Creates the plain table (same columns as {@code events}) if missing. */
    static PlainEventTable plain(Connection owner, String metadata) throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + PLAIN
                    + " (user_id uuid NOT NULL, sequence bigint NOT NULL, event_id uuid NOT NULL,"
                    + " type text NOT NULL, occurred_at timestamptz NOT NULL, time_zone text NOT NULL, recorded_at timestamptz NOT NULL,"
                    + " data jsonb NOT NULL, metadata jsonb NOT NULL, idempotency_key text NOT NULL, subject_event_id uuid,"
                    + " prev_hash bytea NOT NULL, hash bytea NOT NULL, PRIMARY KEY (user_id, sequence))");
        }
        owner.setAutoCommit(false);
        return new PlainEventTable(owner, PLAIN, metadata);
    }

    /** td's own events table, written directly (as its owner) by people td's append path never sees. */
    static PlainEventTable tdEvents(Connection owner, String metadata) throws SQLException {
        owner.setAutoCommit(false);
        return new PlainEventTable(owner, TD_EVENTS, metadata);
    }

    /** Inserts one batch for one person in its own transaction, sequences from {@code firstSequence}. */
    void insertBatch(UUID userId, long firstSequence, List<MetricReadings.Reading> readings) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("INSERT INTO " + table + " (user_id, event_id, sequence, type, occurred_at,"
                        + " time_zone, recorded_at, data, metadata, idempotency_key, subject_event_id, hash, prev_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
            long sequence = firstSequence;
            for (MetricReadings.Reading r : readings) {
                ps.setObject(1, userId);
                ps.setObject(2, UUID.randomUUID());
                ps.setLong(3, sequence++);
                ps.setString(4, r.type());
                ps.setTimestamp(5, Timestamp.from(r.occurredAt().toInstant()));
                ps.setString(6, r.zone().getId());
                ps.setTimestamp(7, now);
                ps.setString(8, r.data().toString());
                ps.setString(9, metadata);
                ps.setString(10, r.idempotencyKey());
                ps.setObject(11, null);
                ps.setBytes(12, FILLER_HASH);
                ps.setBytes(13, FILLER_HASH);
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
