package dev.td.server.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The imports table: one row per file a person imported or tried to, with its report (V13). */
final class ImportLedger {

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
                "UPDATE imports SET status = ?, format = ?, report = ?::jsonb, finished_at = ? "
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

    /** The person's import with this id, as its report. */
    Optional<ObjectNode> find(UUID user, UUID importId) {
        List<ObjectNode> found = query("SELECT report FROM imports WHERE user_id = ? AND import_id = ?", ps -> {
            ps.setObject(1, user);
            ps.setObject(2, importId);
        });
        return found.stream().findFirst();
    }

    /** The person's latest imports, newest first. */
    List<ObjectNode> latest(UUID user, int limit) {
        return query(
                "SELECT report FROM imports WHERE user_id = ? ORDER BY started_at DESC, import_id DESC LIMIT ?", ps -> {
                    ps.setObject(1, user);
                    ps.setInt(2, limit);
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
                    out.add((ObjectNode) json.readTree(rs.getString(1)));
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
