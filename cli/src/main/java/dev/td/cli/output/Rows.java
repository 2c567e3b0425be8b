package dev.td.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of a JSON answer, the one rule tables, CSV and {@code --fields} share. The payload is
 * {@code data} of an envelope {@code {data, context, meta}}, else the whole answer. Its rows are:
 * the items of the payload when it is an array; else the items of its first property holding an
 * array of objects ({@code data.exercises}); else the payload itself, as one row.
 */
final class Rows {

    /** The column a row that is not an object shows its value in. */
    static final String VALUE_COLUMN = "value";

    private Rows() {}

    static boolean isEnvelope(JsonNode json) {
        return json.isObject() && json.has("data") && json.has("context") && json.has("meta");
    }

    static JsonNode payload(JsonNode json) {
        return isEnvelope(json) ? json.get("data") : json;
    }

    static List<JsonNode> of(JsonNode json) {
        JsonNode payload = payload(json);
        List<JsonNode> rows = new ArrayList<>();
        if (payload.isArray()) {
            payload.forEach(rows::add);
        } else {
            rowsProperty(payload)
                    .ifPresentOrElse(name -> payload.get(name).forEach(rows::add), () -> rows.add(payload));
        }
        return rows;
    }

    /** The columns of rows without {@code --fields}: every top-level name, in order of first appearance. */
    static List<String> columns(List<JsonNode> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            if (row.isObject()) {
                row.properties().forEach(property -> names.add(property.getKey()));
            } else {
                names.add(VALUE_COLUMN);
            }
        }
        return List.copyOf(names);
    }

    /** The value at a dot path ({@code e1rm.kg}); missing when any step is absent. */
    static JsonNode at(JsonNode row, String path) {
        if (!row.isObject()) {
            return VALUE_COLUMN.equals(path) ? row : MissingNode.getInstance();
        }
        JsonNode node = row;
        for (String step : path.split("\\.", -1)) {
            node = node.path(step);
        }
        return node;
    }

    /** The answer with every row reduced to the fields; everything outside the rows is kept. */
    static JsonNode project(JsonNode json, List<String> fields) {
        if (isEnvelope(json)) {
            ObjectNode copy = json.deepCopy();
            copy.set("data", projectPayload(json.get("data"), fields));
            return copy;
        }
        return projectPayload(json, fields);
    }

    /** The fields no row has; empty when there are no rows to tell. */
    static List<String> unknown(JsonNode json, List<String> fields) {
        List<JsonNode> rows = of(json);
        return fields.stream()
                .filter(field -> !rows.isEmpty()
                        && rows.stream().allMatch(row -> at(row, field).isMissingNode()))
                .toList();
    }

    private static JsonNode projectPayload(JsonNode payload, List<String> fields) {
        if (payload.isArray()) {
            return projectAll(payload, fields);
        }
        Optional<String> property = rowsProperty(payload);
        if (property.isPresent()) {
            ObjectNode copy = payload.deepCopy();
            copy.set(property.get(), projectAll(payload.get(property.get()), fields));
            return copy;
        }
        return projectRow(payload, fields);
    }

    private static ArrayNode projectAll(JsonNode rows, List<String> fields) {
        ArrayNode projected = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> projected.add(projectRow(row, fields)));
        return projected;
    }

    private static JsonNode projectRow(JsonNode row, List<String> fields) {
        if (!row.isObject()) {
            return row;
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = at(row, field);
            if (value.isMissingNode()) {
                continue;
            }
            String[] steps = field.split("\\.", -1);
            ObjectNode parent = projected;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = parent.has(steps[i]) && parent.get(steps[i]).isObject()
                        ? (ObjectNode) parent.get(steps[i])
                        : parent.putObject(steps[i]);
            }
            parent.set(steps[steps.length - 1], value.deepCopy());
        }
        return projected;
    }

    /** The first property of an object whose value is an array of objects (an empty array counts). */
    private static Optional<String> rowsProperty(JsonNode payload) {
        if (!payload.isObject()) {
            return Optional.empty();
        }
        for (var property : payload.properties()) {
            JsonNode value = property.getValue();
            if (value.isArray() && allObjects(value)) {
                return Optional.of(property.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }
}
