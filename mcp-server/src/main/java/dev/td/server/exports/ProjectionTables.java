package dev.td.server.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A projection's states of one person as a CSV table (RFC 4180, with a header): one row per key in key order, the
 * column {@code key}, then one column per top-level field of the states (sorted by name; the union over all keys, so a
 * field a state lacks is an empty cell). Text as is, numbers as plain decimals, booleans as true/false, nested
 * objects and arrays as their JSON text. A state that is not a JSON object goes whole, as JSON, into a column
 * {@value #WHOLE}; a state field named like a column before it is prefixed with {@value #FIELD_PREFIX}.
 */
final class ProjectionTables {

    static final String KEY = "key";
    static final String WHOLE = "value";
    static final String FIELD_PREFIX = "state.";
    private static final int FETCH = 500;

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = Json.mapper();

    /**
     * Writes the table of one projection, read on {@code c} (the caller's snapshot).
     *
     * @return how many states (rows) it holds
     */
    long write(Connection c, UUID user, String projection, OutputStream out) throws SQLException, IOException {
        List<String> fields = fields(c, user, projection);
        List<String> columns = new ArrayList<>();
        columns.add(KEY);
        for (String f : fields) {
            columns.add(columns.contains(f) ? FIELD_PREFIX + f : f);
        }
        boolean whole = wholeStates(c, user, projection);
        if (whole) {
            columns.add(columns.contains(WHOLE) ? FIELD_PREFIX + WHOLE : WHOLE);
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        long rows = 0;
        try (SequenceWriter writer = csv.writer(schema.build().withHeader()).writeValues(out);
                PreparedStatement ps = c.prepareStatement("SELECT key, state::text FROM projection_states"
                        + " WHERE user_id = ? AND projection = ? ORDER BY key")) {
            ps.setFetchSize(FETCH);
            ps.setObject(1, user);
            ps.setString(2, projection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    writer.write(row(rs.getString(1), json.readTree(rs.getString(2)), fields, whole));
                    rows++;
                }
            }
        }
        return rows;
    }

    private String[] row(String key, JsonNode state, List<String> fields, boolean whole)
            throws JsonProcessingException {
        String[] row = new String[1 + fields.size() + (whole ? 1 : 0)];
        row[0] = key;
        for (int i = 0; i < fields.size(); i++) {
            row[i + 1] = state.isObject() ? cell(state.path(fields.get(i))) : "";
        }
        if (whole) {
            row[row.length - 1] = state.isObject() ? "" : json.writeValueAsString(state);
        }
        return row;
    }

    private String cell(JsonNode v) throws JsonProcessingException {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asText() : v.decimalValue().toPlainString();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        return json.writeValueAsString(v);
    }

    /** The top-level fields of the projection's object states, sorted. */
    private static List<String> fields(Connection c, UUID user, String projection) throws SQLException {
        TreeSet<String> fields = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT jsonb_object_keys(state) FROM projection_states"
                + " WHERE user_id = ? AND projection = ? AND jsonb_typeof(state) = 'object'")) {
            ps.setObject(1, user);
            ps.setString(2, projection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(fields);
    }

    private static boolean wholeStates(Connection c, UUID user, String projection) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM projection_states"
                + " WHERE user_id = ? AND projection = ? AND jsonb_typeof(state) <> 'object')")) {
            ps.setObject(1, user);
            ps.setString(2, projection);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
