package dev.td.server.faces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Rewrites JSON Schemas for the widest range of MCP clients: a nullable {@code "type": ["string", "null"]}
 * becomes {@code "anyOf": [{"type": "string", …}, {"type": "null"}]}. Both mean the same in JSON
 * Schema 2020-12, but clients that map tool schemas onto a single-type dialect (Gemini's function
 * declarations, for one) only understand the second. Manifests keep the shorter spelling.
 */
final class PortableSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PortableSchema() {}

    static JsonNode of(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        return rewrite(copy);
    }

    private static JsonNode rewrite(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i)));
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            field.setValue(rewrite(field.getValue()));
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isArray() || type.size() != 2 || !containsNull(type)) {
            return object;
        }
        String other = type.get(0).asText().equals("null")
                ? type.get(1).asText()
                : type.get(0).asText();
        ObjectNode branch = object.deepCopy();
        branch.put("type", other);
        branch.remove("description");
        ObjectNode nullable = JSON.objectNode();
        if (object.has("description")) {
            nullable.set("description", object.get("description"));
        }
        nullable.putArray("anyOf").add(branch).add(JSON.objectNode().put("type", "null"));
        return nullable;
    }

    private static boolean containsNull(JsonNode types) {
        for (JsonNode t : types) {
            if (t.asText().equals("null")) {
                return true;
            }
        }
        return false;
    }
}
