package dev.td.server.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.AccessLog;
import dev.td.tools.ErrorCode;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolManifest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The access log: one row per call on a person's data, under that person (the granting person on a call
 * through a grant), with the key's person, key, agent, face, tool, action and outcome. Runs on the connection of
 * the call's own principal, so row-level security checks the row like any other. Read back by the person: who
 * used their data, and what their own keys did.
 */
public final class AccessLogStore implements AccessLog {

    private static final int FETCH = 1000;

    private final DataSource db;

    public AccessLogStore(DataSource db) {
        this.db = db;
    }

    @Override
    public void record(Principal acting, ToolManifest tool, ToolCall.Origin origin, Optional<ErrorCode> refused) {
        record(acting, tool.name(), tool.annotations().readOnly() ? "read" : "write", origin, refused);
    }

    /** Records one use of the person's data that is not a tool call (a download of an export: {@code read}). */
    public void record(
            Principal acting, String what, String action, ToolCall.Origin origin, Optional<ErrorCode> refused) {
        try (Connection c = db.getConnection();
                // committed without waiting for the WAL flush (synchronous_commit off for this transaction only):
                // the wait was 1.7 of the 1.85 ms an entry cost every call (bin/bench access); a crash may lose the
                // entries of the last few hundred milliseconds, never an event, and never leaves a torn one
                PreparedStatement ps =
                        c.prepareStatement("WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))"
                                + " INSERT INTO access_log (user_id, actor_id, key_id, agent, face, tool, action,"
                                + " outcome, grant_id, request_id)"
                                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ? FROM relaxed")) {
            ps.setObject(1, acting.userId());
            ps.setObject(2, acting.actorId());
            ps.setObject(3, acting.keyId());
            ps.setString(4, acting.agent());
            ps.setString(5, origin.source());
            ps.setString(6, what);
            ps.setString(7, action);
            ps.setString(8, refused.map(ErrorCode::wireName).orElse("ok"));
            ps.setObject(
                    9, acting.delegation().map(Principal.Delegation::grantId).orElse(null), java.sql.Types.OTHER);
            ps.setString(10, origin.requestId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("access log: " + e.getMessage(), e);
        }
    }

    /** One entry as read back; people by handle (empty where the reader may not see them any more). */
    public record Entry(
            Instant at,
            Optional<String> person,
            Optional<String> actor,
            boolean self,
            String agent,
            String face,
            String tool,
            String action,
            String outcome,
            Optional<UUID> grantId,
            String requestId) {

        /** The entry as get_access_log and the export show it. */
        public ObjectNode toJson() {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("at", at.toString());
            row.put("person", person.orElse(null));
            row.put("actor", actor.orElse(null));
            row.put("self", self);
            row.put("agent", agent);
            row.put("face", face);
            row.put("tool", tool);
            row.put("action", action);
            row.put("outcome", outcome);
            row.put("grant_id", grantId.map(UUID::toString).orElse(null));
            row.put("request_id", requestId);
            return row;
        }
    }

    private static final String SELECT =
            "SELECT a.at, p.handle, w.handle, a.user_id = a.actor_id, a.agent, a.face, a.tool, a.action,"
                    + " a.outcome, a.grant_id, a.request_id FROM access_log a"
                    + " LEFT JOIN users p ON p.user_id = a.user_id LEFT JOIN users w ON w.user_id = a.actor_id";

    /**
     * Entries newest first, between {@code from} (inclusive) and {@code to} (exclusive): about {@code me}'s data
     * (who read or wrote it, {@code me} included), or the calls of {@code me}'s keys on anyone's data.
     */
    public List<Entry> entries(UUID me, boolean aboutMyData, Instant from, Instant to, int limit) {
        String where = aboutMyData ? "a.user_id = ?" : "a.actor_id = ?";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE " + where
                        + " AND a.at >= ? AND a.at < ? ORDER BY a.at DESC, a.entry_id DESC LIMIT ?")) {
            ps.setObject(1, me);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            ps.setInt(4, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every entry about {@code person}'s data (who read or wrote it), oldest first, read on {@code c} (the caller's
     * transaction: with auto-commit off the rows stream instead of being held whole).
     */
    public void forEachAbout(Connection c, UUID person, Consumer<Entry> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.user_id = ? ORDER BY a.entry_id")) {
            ps.setFetchSize(FETCH);
            ps.setObject(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(entry(rs));
                }
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getTimestamp(1).toInstant(),
                Optional.ofNullable(rs.getString(2)),
                Optional.ofNullable(rs.getString(3)),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Optional.ofNullable(rs.getObject(10, UUID.class)),
                rs.getString(11));
    }
}
