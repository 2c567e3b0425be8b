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
 *
 * <p>Any other list of types ({@code ["string", "number"]}: a duration as {@code "52:30"} or as seconds) becomes
 * one {@code anyOf} branch per type, each with the keywords that apply to its type ({@code maxLength} to the
 * string, {@code minimum} to the number); keywords about the whole value ({@code description}, {@code enum})
 * stay outside.
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
        if (type == null || !type.isArray() || type.size() < 2) {
            return object;
        }
        if (type.size() != 2 || !containsNull(type)) {
            return byType(object, type);
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

    /** Keywords that only constrain values of one type, by type. */
    private static final Map<String, java.util.Set<String>> KEYWORDS_OF = Map.of(
            "number", java.util.Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
            "integer", java.util.Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
            "string", java.util.Set.of("minLength", "maxLength", "pattern", "format"),
            "array", java.util.Set.of("items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"),
            "object",
                    java.util.Set.of(
                            "properties",
                            "required",
                            "additionalProperties",
                            "minProperties",
                            "maxProperties",
                            "propertyNames",
                            "patternProperties"));

    /** {@code anyOf} with a branch per type, each holding the keywords of its type; the others stay outside. */
    private static ObjectNode byType(ObjectNode object, JsonNode types) {
        ObjectNode outer = JSON.objectNode();
        ArrayNode anyOf = JSON.arrayNode();
        java.util.Set<String> typed = new java.util.HashSet<>();
        for (JsonNode t : types) {
            ObjectNode branch = anyOf.addObject().put("type", t.asText());
            java.util.Set<String> own = KEYWORDS_OF.getOrDefault(t.asText(), java.util.Set.of());
            object.properties().forEach(f -> {
                if (own.contains(f.getKey())) {
                    branch.set(f.getKey(), f.getValue());
                }
            });
            typed.addAll(own);
        }
        object.properties().forEach(f -> {
            if (!f.getKey().equals("type") && !typed.contains(f.getKey())) {
                outer.set(f.getKey(), f.getValue());
            }
        });
        outer.set("anyOf", anyOf);
        return outer;
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
