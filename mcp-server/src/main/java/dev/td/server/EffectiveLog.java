package dev.td.server;

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
final class EffectiveLog {

    private static final String SQL = "SELECT e.event_id, e.sequence, e.type,"
            + " COALESCE(lc.occurred_at, e.occurred_at) AS occurred_at, COALESCE(lc.time_zone, e.time_zone) AS time_zone,"
            + " COALESCE(lc.data -> 'data', e.data)::text AS data"
            + " FROM events e"
            + " LEFT JOIN LATERAL (SELECT c.occurred_at, c.time_zone, c.data FROM events c WHERE c.user_id = e.user_id"
            + "   AND c.subject_event_id = e.event_id AND c.type = 'event.corrected' AND c.sequence <= ? ORDER BY c.sequence DESC LIMIT 1) lc ON true"
            + " WHERE e.user_id = ? AND e.subject_event_id IS NULL AND e.sequence <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM events v WHERE v.user_id = e.user_id AND v.subject_event_id = e.event_id"
            + "   AND v.type = 'event.voided' AND v.sequence <= ?)"
            + " AND (?::timestamptz IS NULL OR COALESCE(lc.occurred_at, e.occurred_at) < ?::timestamptz)"
            + " ORDER BY e.sequence";

    private final ObjectMapper json = Json.mapper();

    /**
     * Streams the effective facts of one person.
     *
     * @param upToSequence only the log up to this sequence (the record as it stood then), Long.MAX_VALUE for all
     * @param occurredBefore only facts that happened before this instant ("as of" a date)
     */
    void forEach(Connection c, UUID userId, long upToSequence, Optional<Instant> occurredBefore, Consumer<Fact> consumer) throws SQLException {
        forEach(c, SQL, userId, upToSequence, occurredBefore, Optional.empty(), consumer);
    }

    /** The effective facts of one training session (its sets and markers), in log order. */
    void forEachOfSession(Connection c, UUID userId, String sessionId, Consumer<Fact> consumer) throws SQLException {
        String sql = SQL.replace(" ORDER BY e.sequence", " AND e.data ->> 'session_id' = ? ORDER BY e.sequence");
        forEach(c, sql, userId, Long.MAX_VALUE, Optional.empty(), Optional.of(sessionId), consumer);
    }

    private void forEach(Connection c, String sql, UUID userId, long upToSequence, Optional<Instant> occurredBefore,
                         Optional<String> sessionId, Consumer<Fact> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            ps.setLong(1, upToSequence);
            ps.setObject(2, userId);
            ps.setLong(3, upToSequence);
            ps.setLong(4, upToSequence);
            Timestamp before = occurredBefore.map(Timestamp::from).orElse(null);
            ps.setTimestamp(5, before);
            ps.setTimestamp(6, before);
            if (sessionId.isPresent()) {
                ps.setString(7, sessionId.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    consumer.accept(new Fact(rs.getObject("event_id", UUID.class), rs.getLong("sequence"), rs.getString("type"),
                            rs.getTimestamp("occurred_at").toInstant().atZone(zone).toOffsetDateTime(),
                            (ObjectNode) json.readTree(rs.getString("data"))));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("stored JSON is unreadable", e);
            }
        }
    }
}
