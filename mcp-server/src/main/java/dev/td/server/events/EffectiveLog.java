package dev.td.server.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A person's effective history in log order: voided events and compensating events left out,
 * corrected events with their latest corrected data and time. This is what projections fold.
 */
public final class EffectiveLog {

    /**
     * One pass over the person's log: the compensations (few) are reduced to the one that counts per
     * event — a void, else the latest correction — and hash-joined to the originals.
     */
    private static final String SQL =
            "WITH last AS (SELECT DISTINCT ON (c.subject_event_id) c.subject_event_id, c.type, c.occurred_at,"
                    + " c.time_zone, c.data FROM events c WHERE c.user_id = ? AND c.subject_event_id IS NOT NULL AND c.sequence <= ?"
                    + " ORDER BY c.subject_event_id, (c.type = 'event.voided') DESC, c.sequence DESC)"
                    + " SELECT e.event_id, e.sequence, e.type,"
                    + " COALESCE(l.occurred_at, e.occurred_at) AS occurred_at, COALESCE(l.time_zone, e.time_zone) AS time_zone,"
                    + " COALESCE(l.data -> 'data', e.data)::text AS data"
                    + " FROM events e LEFT JOIN last l ON l.subject_event_id = e.event_id"
                    + " WHERE e.user_id = ? AND e.subject_event_id IS NULL AND e.sequence > ? AND e.sequence <= ?"
                    + " AND (l.type IS NULL OR l.type = 'event.corrected')"
                    + " AND (?::timestamptz IS NULL OR COALESCE(l.occurred_at, e.occurred_at) < ?::timestamptz)"
                    + " ORDER BY e.sequence";

    private final ObjectMapper json = Json.mapper();

    /**
     * Streams the effective facts of one person.
     *
     * @param upToSequence only the log up to this sequence (the record as it stood then), Long.MAX_VALUE for all
     * @param occurredBefore only facts that happened before this instant ("as of" a date)
     */
    public void forEach(
            Connection c, UUID userId, long upToSequence, Optional<Instant> occurredBefore, Consumer<Fact> consumer)
            throws SQLException {
        forEach(c, SQL, userId, 0, upToSequence, occurredBefore, Optional.empty(), consumer);
    }

    /**
     * The effective facts after {@code afterSequence} of the log as it stood at {@code upToSequence} (a correction up
     * to there of a fact after {@code afterSequence} counts; one of a fact before it is the caller's to rule out):
     * the tail folded onto a snapshot.
     */
    public void forEachAfter(
            Connection c,
            UUID userId,
            long afterSequence,
            long upToSequence,
            Optional<Instant> occurredBefore,
            Consumer<Fact> consumer)
            throws SQLException {
        forEach(c, SQL, userId, afterSequence, upToSequence, occurredBefore, Optional.empty(), consumer);
    }

    /**
     * The effective facts of one training session (its sets and markers), in log order, of the log up to {@code
     * upToSequence} and that happened before {@code occurredBefore} (a session as it stood then).
     */
    public void forEachOfSession(
            Connection c,
            UUID userId,
            String sessionId,
            long upToSequence,
            Optional<Instant> occurredBefore,
            Consumer<Fact> consumer)
            throws SQLException {
        String sql = SQL.replace(" ORDER BY e.sequence", " AND e.data ->> 'session_id' = ? ORDER BY e.sequence");
        forEach(c, sql, userId, 0, upToSequence, occurredBefore, Optional.of(sessionId), consumer);
    }

    private void forEach(
            Connection c,
            String sql,
            UUID userId,
            long afterSequence,
            long upToSequence,
            Optional<Instant> occurredBefore,
            Optional<String> sessionId,
            Consumer<Fact> consumer)
            throws SQLException {
        long upTo = upToSequence;
        Optional<Instant> before = occurredBefore;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            ps.setObject(1, userId);
            ps.setLong(2, upTo);
            ps.setObject(3, userId);
            ps.setLong(4, afterSequence);
            ps.setLong(5, upTo);
            Timestamp beforeAt = before.map(Timestamp::from).orElse(null);
            ps.setTimestamp(6, beforeAt);
            ps.setTimestamp(7, beforeAt);
            if (sessionId.isPresent()) {
                ps.setString(8, sessionId.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    consumer.accept(new Fact(
                            rs.getObject("event_id", UUID.class),
                            rs.getLong("sequence"),
                            rs.getString("type"),
                            rs.getTimestamp("occurred_at")
                                    .toInstant()
                                    .atZone(zone)
                                    .toOffsetDateTime(),
                            (ObjectNode) json.readTree(rs.getString("data"))));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("stored JSON is unreadable", e);
            }
        }
    }
}
