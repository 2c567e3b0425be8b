package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code analyses} table: the latest result of each kind per person, with the sequence it reflects. */
final class Analyses {

    /**
     * A stored result.
     *
     * @param reflectsSequence the last event sequence the result was computed from
     * @param computeMs        the worker time it took
     */
    record Stored(String kind, JsonNode result, long reflectsSequence, Instant computedAt, double computeMs) {
        Stored {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(computedAt, "computedAt");
        }
    }

    private final DataSource db;

    Analyses(DataSource db) {
        this.db = db;
    }

    /** Stores a result unless one reflecting later events is stored already (two workers, one slow). */
    void put(UUID user, Stored stored) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO analyses"
                        + " (user_id, kind, result, reflects_sequence, computed_at, compute_ms)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?, ?)"
                        + " ON CONFLICT (user_id, kind) DO UPDATE SET result = EXCLUDED.result,"
                        + " reflects_sequence = EXCLUDED.reflects_sequence, computed_at = EXCLUDED.computed_at,"
                        + " compute_ms = EXCLUDED.compute_ms, runs = analyses.runs + 1"
                        + " WHERE analyses.reflects_sequence <= EXCLUDED.reflects_sequence")) {
            ps.setObject(1, user);
            ps.setString(2, stored.kind());
            ps.setString(3, stored.result().toString());
            ps.setLong(4, stored.reflectsSequence());
            ps.setTimestamp(5, Timestamp.from(stored.computedAt()));
            ps.setDouble(6, stored.computeMs());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored result of a kind, if any was computed. */
    Optional<Stored> get(UUID user, String kind) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT result::text, reflects_sequence, computed_at,"
                        + " compute_ms FROM analyses WHERE user_id = ? AND kind = ?")) {
            ps.setObject(1, user);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(
                        kind,
                        Json.mapper().readTree(rs.getString(1)),
                        rs.getLong(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getDouble(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
