package dev.td.server.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads pages of a person's events, in the effective view (corrections applied, voided events
 * hidden) or as the raw log. Pages are ordered by (occurred_at, sequence) and continue by cursor.
 */
public final class EventQuery {

    /** What to read. */
    public record Filter(
            List<String> types,
            Optional<Instant> from,
            Optional<Instant> to,
            boolean effective,
            int limit,
            Optional<Cursor> after,
            long knownUpTo) {

        /** The log as recorded up to {@code knownUpTo} (as_known_at): events, corrections and voids after it unseen. */
        public Filter {
            if (knownUpTo < 0) {
                throw new IllegalArgumentException("knownUpTo must be at least 0, was " + knownUpTo);
            }
        }

        /** A filter over the whole log as recorded so far. */
        public Filter(
                List<String> types,
                Optional<Instant> from,
                Optional<Instant> to,
                boolean effective,
                int limit,
                Optional<Cursor> after) {
            this(types, from, to, effective, limit, after, Long.MAX_VALUE);
        }
    }

    /** Position after the last event of a page. */
    public record Cursor(Instant occurredAt, long sequence) {
        public String encode() {
            String raw = occurredAt.toString() + "|" + sequence;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String value, String path) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw ToolException.invalid(
                        path,
                        "this cursor is not one td issued; pass next_cursor from the previous page unchanged, or leave cursor out to start at the beginning");
            }
        }
    }

    /** A page of events as JSON, and the cursor of the next page. */
    public record Page(ArrayNode events, Optional<Cursor> next) {}

    /** Events per page of {@link #forEachInLog}. */
    static final int LOG_PAGE = 1000;

    private final DataSource db;
    private final EventStore store;
    private final ObjectMapper json = Json.mapper();

    public EventQuery(DataSource db, EventStore store) {
        this.db = db;
        this.store = store;
    }

    public Page page(UUID userId, Filter filter) {
        String sql = filter.effective() ? effectiveSql(filter) : logSql(filter);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int first = 1;
            if (filter.effective()) {
                ps.setObject(first++, userId);
            }
            int i = bind(ps, first, userId, filter);
            ps.setInt(i, filter.limit() + 1);
            List<ObjectNode> rows = new ArrayList<>();
            Optional<Cursor> last = Optional.empty();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && rows.size() < filter.limit() + 1) {
                    if (rows.size() == filter.limit()) {
                        return new Page(array(rows), last);
                    }
                    StoredEvent e = store.read(rs);
                    ObjectNode node = filter.effective() ? effective(e, rs) : e.toJson();
                    chainFields(node, e, rs);
                    rows.add(node);
                    last = Optional.of(new Cursor(
                            filter.effective()
                                    ? rs.getTimestamp("eff_occurred_at").toInstant()
                                    : e.occurredAt().toInstant(),
                            e.sequence()));
                }
            }
            return new Page(array(rows), Optional.empty());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event of the person's log as stored, in sequence order, each as {@link #page} shows it in the log view
     * (with {@code prev_hash} and {@code subject_event_id}). Read on {@code c} in pages of {@value #LOG_PAGE} events,
     * so that a caller inside one transaction reads one snapshot and the log is never held whole.
     */
    public void forEachInLog(Connection c, UUID userId, Consumer<ObjectNode> each) throws SQLException {
        long after = 0;
        int read = LOG_PAGE;
        while (read == LOG_PAGE) {
            read = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EventStore.columns()
                    + ", prev_hash FROM events WHERE user_id = ? AND sequence > ? ORDER BY sequence LIMIT "
                    + LOG_PAGE)) {
                ps.setObject(1, userId);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent e = store.read(rs);
                        ObjectNode node = e.toJson();
                        chainFields(node, e, rs);
                        each.accept(node);
                        after = e.sequence();
                        read++;
                    }
                }
            }
        }
    }

    /**
     * The original events of one type whose data, as last corrected, has {@code field} equal to {@code value}
     * and whose time, as last corrected, lies in [{@code from}, {@code to}); each with the previous hash stored
     * beside it and its corrections and void. Voided events are included: what a void means for an answer is the
     * caller's to say. In sequence order, read in one snapshot.
     */
    public List<EventTrail> trails(
            UUID userId, String type, String field, String value, Optional<Instant> from, Optional<Instant> to) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Map<UUID, EventTrail> originals = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(TRAILS)) {
                    ps.setObject(1, userId);
                    ps.setObject(2, userId);
                    ps.setString(3, type);
                    ps.setString(4, field);
                    ps.setString(5, value);
                    Timestamp after = from.map(Timestamp::from).orElse(null);
                    Timestamp before = to.map(Timestamp::from).orElse(null);
                    ps.setTimestamp(6, after);
                    ps.setTimestamp(7, after);
                    ps.setTimestamp(8, before);
                    ps.setTimestamp(9, before);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            StoredEvent e = store.read(rs);
                            originals.put(
                                    e.eventId(),
                                    new EventTrail(e, HexFormat.of().formatHex(rs.getBytes("prev_hash")), List.of()));
                        }
                    }
                }
                Map<UUID, List<StoredEvent>> compensations = compensations(c, userId, originals.keySet());
                List<EventTrail> trails = new ArrayList<>();
                for (EventTrail t : originals.values()) {
                    trails.add(new EventTrail(
                            t.event(),
                            t.prevHash(),
                            compensations.getOrDefault(t.event().eventId(), List.of())));
                }
                return trails;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<UUID, List<StoredEvent>> compensations(Connection c, UUID userId, java.util.Set<UUID> subjects)
            throws SQLException {
        Map<UUID, List<StoredEvent>> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventStore.columns()
                + " FROM events WHERE user_id = ? AND subject_event_id = ANY(?) ORDER BY sequence")) {
            ps.setObject(1, userId);
            ps.setArray(2, c.createArrayOf("uuid", subjects.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredEvent e = store.read(rs);
                    found.computeIfAbsent(e.subject().orElseThrow(), k -> new ArrayList<>())
                            .add(e);
                }
            }
        }
        return found;
    }

    /** Originals of a type selected by one field of their data and their time, both as last corrected. */
    private static final String TRAILS = "WITH last_correction AS (SELECT DISTINCT ON (c.subject_event_id)"
            + " c.subject_event_id, c.occurred_at, c.data FROM events c"
            + " WHERE c.user_id = ? AND c.subject_event_id IS NOT NULL AND c.type = 'event.corrected'"
            + " ORDER BY c.subject_event_id, c.sequence DESC)"
            + " SELECT " + EventStore.columns().replaceAll("(\\w+)", "e.$1") + ", e.prev_hash"
            + " FROM events e LEFT JOIN last_correction lc ON lc.subject_event_id = e.event_id"
            + " WHERE e.user_id = ? AND e.type = ? AND e.subject_event_id IS NULL"
            + " AND COALESCE(lc.data -> 'data', e.data) ->> ? = ?"
            + " AND (?::timestamptz IS NULL OR COALESCE(lc.occurred_at, e.occurred_at) >= ?::timestamptz)"
            + " AND (?::timestamptz IS NULL OR COALESCE(lc.occurred_at, e.occurred_at) < ?::timestamptz)"
            + " ORDER BY e.sequence";

    /** What a third party needs besides the event itself to re-verify its hash: the stored link and the subject. */
    private static void chainFields(ObjectNode node, StoredEvent e, ResultSet rs) throws SQLException {
        node.put("prev_hash", HexFormat.of().formatHex(rs.getBytes("prev_hash")));
        node.put("subject_event_id", e.subject().map(UUID::toString).orElse(null));
    }

    private ArrayNode array(List<ObjectNode> rows) {
        ArrayNode a = json.createArrayNode();
        rows.forEach(a::add);
        return a;
    }

    private ObjectNode effective(StoredEvent e, ResultSet rs) throws SQLException {
        ObjectNode node = e.toJson();
        String corrections = rs.getString("correction_ids");
        if (corrections == null) {
            return node;
        }
        try {
            ZoneId zone = ZoneId.of(rs.getString("eff_time_zone"));
            node.put(
                    "occurred_at",
                    StoredEvent.iso(rs.getTimestamp("eff_occurred_at")
                            .toInstant()
                            .atZone(zone)
                            .toOffsetDateTime()));
            node.put("time_zone", zone.getId());
            node.set("original_data", node.get("data"));
            node.set("data", json.readTree(rs.getString("eff_data")));
            node.set("corrected_by", json.readTree(corrections));
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new SQLException(ex);
        }
    }

    private static String logSql(Filter f) {
        return "SELECT " + EventStore.columns() + ", prev_hash FROM events e WHERE e.user_id = ?"
                + " AND e.sequence <= " + f.knownUpTo()
                + typeClause(f, "e.type") + rangeClause(f, "e.occurred_at", "e.sequence")
                + " ORDER BY e.occurred_at, e.sequence LIMIT ?";
    }

    private static String effectiveSql(Filter f) {
        String cols = EventStore.columns().replaceAll("(\\w+)", "e.$1");
        return "WITH comp AS (SELECT c.subject_event_id, c.type, c.occurred_at, c.time_zone, c.data, c.sequence, c.event_id"
                + "   FROM events c WHERE c.user_id = ? AND c.subject_event_id IS NOT NULL AND c.sequence <= "
                + f.knownUpTo() + "),"
                + " last_correction AS (SELECT DISTINCT ON (subject_event_id) subject_event_id, occurred_at, time_zone, data FROM comp"
                + "   WHERE type = 'event.corrected' ORDER BY subject_event_id, sequence DESC),"
                + " correction_ids AS (SELECT subject_event_id, jsonb_agg(event_id ORDER BY sequence) AS ids FROM comp"
                + "   WHERE type = 'event.corrected' GROUP BY subject_event_id)"
                + " SELECT * FROM (SELECT " + cols
                + ", e.prev_hash, COALESCE(lc.occurred_at, e.occurred_at) AS eff_occurred_at,"
                + " COALESCE(lc.time_zone, e.time_zone) AS eff_time_zone, COALESCE(lc.data -> 'data', e.data)::text AS eff_data,"
                + " ci.ids::text AS correction_ids"
                + " FROM events e LEFT JOIN last_correction lc ON lc.subject_event_id = e.event_id"
                + " LEFT JOIN correction_ids ci ON ci.subject_event_id = e.event_id"
                + " WHERE e.user_id = ? AND e.subject_event_id IS NULL AND e.sequence <= " + f.knownUpTo()
                + " AND NOT EXISTS (SELECT 1 FROM comp v WHERE v.subject_event_id = e.event_id AND v.type = 'event.voided')"
                + typeClause(f, "e.type") + ") x WHERE true" + rangeClause(f, "x.eff_occurred_at", "x.sequence")
                + " ORDER BY x.eff_occurred_at, x.sequence LIMIT ?";
    }

    private static String typeClause(Filter f, String column) {
        if (f.types().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String t : f.types()) {
            parts.add(t.endsWith(".*") ? column + " LIKE ?" : column + " = ?");
        }
        return " AND (" + String.join(" OR ", parts) + ")";
    }

    private static String rangeClause(Filter f, String time, String seq) {
        StringBuilder s = new StringBuilder();
        f.from().ifPresent(x -> s.append(" AND ").append(time).append(" >= ?"));
        f.to().ifPresent(x -> s.append(" AND ").append(time).append(" < ?"));
        f.after()
                .ifPresent(x ->
                        s.append(" AND (").append(time).append(", ").append(seq).append(") > (?, ?)"));
        return s.toString();
    }

    private static int bind(PreparedStatement ps, int first, UUID userId, Filter f) throws SQLException {
        int i = first;
        ps.setObject(i++, userId);
        for (String t : f.types()) {
            ps.setString(
                    i++,
                    t.endsWith(".*")
                            ? t.substring(0, t.length() - 1).replace("%", "\\%").replace("_", "\\_") + "%"
                            : t);
        }
        if (f.from().isPresent()) {
            ps.setTimestamp(i++, Timestamp.from(f.from().get()));
        }
        if (f.to().isPresent()) {
            ps.setTimestamp(i++, Timestamp.from(f.to().get()));
        }
        if (f.after().isPresent()) {
            ps.setTimestamp(i++, Timestamp.from(f.after().get().occurredAt()));
            ps.setLong(i++, f.after().get().sequence());
        }
        return i;
    }
}
