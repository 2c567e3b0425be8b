package dev.td.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Visits every schema inside a JSON Schema (properties, items, compositions, …) with its JSON pointer. */
final class SchemaWalk {

    private static final List<String> ONE = List.of(
            "additionalProperties",
            "items",
            "not",
            "contains",
            "propertyNames",
            "if",
            "then",
            "else",
            "unevaluatedProperties",
            "unevaluatedItems");
    private static final List<String> MANY = List.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final List<String> NAMED = List.of("properties", "patternProperties", "$defs", "dependentSchemas");

    private SchemaWalk() {}

    static void walk(JsonNode schema, String pointer, BiConsumer<String, JsonNode> visit) {
        if (!schema.isObject()) {
            return;
        }
        visit.accept(pointer, schema);
        for (String k : ONE) {
            if (schema.has(k)) {
                walk(schema.get(k), pointer + "/" + k, visit);
            }
        }
        for (String k : MANY) {
            for (int i = 0; i < schema.path(k).size(); i++) {
                walk(schema.get(k).get(i), pointer + "/" + k + "/" + i, visit);
            }
        }
        for (String k : NAMED) {
            for (Map.Entry<String, JsonNode> e : schema.path(k).properties()) {
                walk(
                        e.getValue(),
                        pointer + "/" + k + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                        visit);
            }
        }
    }

    /** Every schema of an OpenAPI document: components, parameters, bodies, answers and their headers. */
    static void walkDocument(JsonNode doc, BiConsumer<String, JsonNode> visit) {
        doc.at("/components/schemas")
                .properties()
                .forEach(e -> walk(e.getValue(), "/components/schemas/" + e.getKey(), visit));
        doc.at("/components/responses")
                .properties()
                .forEach(e -> walkResponse(e.getValue(), "/components/responses/" + e.getKey(), visit));
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String at = "/paths/" + path.getKey().replace("/", "~1") + "/" + op.getKey();
                    JsonNode params = op.getValue().path("parameters");
                    for (int i = 0; i < params.size(); i++) {
                        walk(params.get(i).path("schema"), at + "/parameters/" + i + "/schema", visit);
                    }
                    walkContent(op.getValue().at("/requestBody/content"), at + "/requestBody/content", visit);
                    op.getValue()
                            .path("responses")
                            .properties()
                            .forEach(r -> walkResponse(r.getValue(), at + "/responses/" + r.getKey(), visit));
                }));
    }

    private static void walkResponse(JsonNode response, String at, BiConsumer<String, JsonNode> visit) {
        walkContent(response.path("content"), at + "/content", visit);
        response.path("headers")
                .properties()
                .forEach(h -> walk(h.getValue().path("schema"), at + "/headers/" + h.getKey() + "/schema", visit));
    }

    private static void walkContent(JsonNode content, String at, BiConsumer<String, JsonNode> visit) {
        content.properties()
                .forEach(m ->
                        walk(m.getValue().path("schema"), at + "/" + m.getKey().replace("/", "~1") + "/schema", visit));
    }
}
