package dev.td.server.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The imports table: one row per file a person imported or tried to, with its report (V13). */
final class ImportLedger {

    /**
     * How long a running import may go without a heartbeat before readers call it interrupted ({@code
     * -Dtd.imports.stale-after}, ISO-8601 duration; default a minute, six heartbeats).
     */
    static final Duration STALE_AFTER = Duration.parse(System.getProperty("td.imports.stale-after", "PT1M"));

    /** How often a running import says it is alive. */
    static final Duration HEARTBEAT = STALE_AFTER.dividedBy(6);

    /** A report, and whether its import went stale (the first parameter: seconds without a heartbeat). */
    private static final String REPORT =
            "SELECT report, status = 'running' AND updated_at < now() - make_interval(secs => ?) FROM imports ";

    private final DataSource db;
    private final ObjectMapper json = Json.mapper();

    ImportLedger(DataSource db) {
        this.db = db;
    }

    /** Records an import that starts now, committed at once so get_import sees it while it runs. */
    void start(UUID user, ImportReport report) {
        update(
                "INSERT INTO imports (import_id, user_id, format, file_name, file_bytes, file_sha256, status, report, "
                        + "started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                ps -> {
                    ps.setObject(1, report.importId());
                    ps.setObject(2, user);
                    ps.setString(3, report.format());
                    ps.setString(4, report.fileName());
                    ps.setLong(5, report.bytes());
                    ps.setString(6, report.sha256());
                    ps.setString(7, report.status());
                    ps.setString(8, text(report.toJson()));
                    ps.setObject(9, java.sql.Timestamp.from(report.startedAt()));
                });
    }

    /** Writes where an import stands (progress, or its end). */
    void save(UUID user, ImportReport report) {
        update(
                "UPDATE imports SET status = ?, format = ?, report = ?::jsonb, finished_at = ?, updated_at = now() "
                        + "WHERE import_id = ? AND user_id = ?",
                ps -> {
                    ps.setString(1, report.status());
                    ps.setString(2, report.format());
                    ps.setString(3, text(report.toJson()));
                    ps.setObject(
                            4, report.finishedAt().map(java.sql.Timestamp::from).orElse(null));
                    ps.setObject(5, report.importId());
                    ps.setObject(6, user);
                });
    }

    /** Tells readers a running import is alive (see {@link #STALE_AFTER}). */
    void heartbeat(UUID user, UUID importId) {
        update(
                "UPDATE imports SET updated_at = now() WHERE import_id = ? AND user_id = ? AND status = 'running'",
                ps -> {
                    ps.setObject(1, importId);
                    ps.setObject(2, user);
                });
    }

    /** The person's import with this id, as its report. */
    Optional<ObjectNode> find(UUID user, UUID importId) {
        List<ObjectNode> found = query(REPORT + "WHERE user_id = ? AND import_id = ?", ps -> {
            ps.setDouble(1, STALE_AFTER.toMillis() / 1000.0);
            ps.setObject(2, user);
            ps.setObject(3, importId);
        });
        return found.stream().findFirst();
    }

    /** The person's latest imports, newest first. */
    List<ObjectNode> latest(UUID user, int limit) {
        return query(REPORT + "WHERE user_id = ? ORDER BY started_at DESC, import_id DESC LIMIT ?", ps -> {
            ps.setDouble(1, STALE_AFTER.toMillis() / 1000.0);
            ps.setObject(2, user);
            ps.setInt(3, limit);
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the import failed: " + e.getMessage(), e);
        }
    }

    private List<ObjectNode> query(String sql, Binder binder) {
        List<ObjectNode> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode report = (ObjectNode) json.readTree(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        report.put("status", "interrupted");
                        report.put(
                                "error",
                                "the server stopped before this import finished; an import stores all of a file or "
                                        + "nothing, so import the file again (what is already stored is recognized)");
                    }
                    out.add(report);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading imports failed: " + e.getMessage(), e);
        }
        return out;
    }

    private String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
