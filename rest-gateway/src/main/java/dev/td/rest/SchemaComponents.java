package dev.td.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named schemas of the OpenAPI document ({@code components/schemas}). Manifest schemas bring
 * their {@code $defs}; the envelope's own parts come from the shared {@code td/tools/defs.json}.
 * A {@code $defs} name becomes a PascalCase component name ({@code set_input} → {@code SetInput}),
 * which generated clients use as their type names. One name always means one schema: a name defined
 * twice with different content stops the document from being built.
 */
final class SchemaComponents {

    /** Which way a schema travels; request schemas are rewritten for client generators. */
    enum Side {
        REQUEST,
        RESPONSE
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFS = "#/$defs/";
    static final String COMPONENTS = "#/components/schemas/";

    private final ObjectNode schemas;
    private final JsonNode shared;

    SchemaComponents(ObjectNode schemas) {
        this.schemas = schemas;
        this.shared = sharedDefinitions();
    }

    /** A reference to the component {@code name}. */
    static ObjectNode ref(String name) {
        return JSON.objectNode().put("$ref", COMPONENTS + name);
    }

    /** {@code snake_case} (or dotted) to {@code PascalCase}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[_.\\-]", -1)) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Defines {@code name} as {@code schema} (its {@code $defs} become components too) and returns a reference to it. */
    ObjectNode define(String name, JsonNode schema, Side side) {
        put(name, inline(schema, side));
        return ref(name);
    }

    /**
     * The schema with its {@code $defs} moved to components and its references rewritten to them,
     * for use in place (a parameter's schema, or a tool's data when it is itself a reference).
     */
    JsonNode inline(JsonNode schema, Side side) {
        JsonNode copy = schema.deepCopy();
        if (copy.isObject() && copy.has("$defs")) {
            ObjectNode defs = (ObjectNode) ((ObjectNode) copy).remove("$defs");
            for (Map.Entry<String, JsonNode> d : defs.properties()) {
                put(pascal(d.getKey()), prepare(d.getValue(), side));
            }
        }
        return prepare(copy, side);
    }

    /** Defines a schema of the shared {@code defs.json} (and what it references) and returns a reference to it. */
    ObjectNode shared(String defName) {
        JsonNode def = shared.get(defName);
        if (def == null) {
            throw new IllegalStateException("td/tools/defs.json has no definition '" + defName + "'");
        }
        String name = pascal(defName);
        if (!schemas.has(name)) {
            put(name, prepare(def.deepCopy(), Side.RESPONSE));
            def.findValuesAsText("$ref").stream()
                    .filter(r -> r.startsWith(DEFS))
                    .forEach(r -> shared(r.substring(DEFS.length())));
        }
        return ref(name);
    }

    private void put(String name, JsonNode schema) {
        JsonNode existing = schemas.get(name);
        if (existing != null && !existing.equals(schema)) {
            throw new IllegalStateException("two different schemas are both named " + name
                    + " in the OpenAPI document; rename one of the $defs");
        }
        schemas.set(name, schema);
    }

    /**
     * Rewrites references to components, names the union an array holds ({@link #nameItemsUnion}) and, on the request
     * side, moves {@code default} into the description.
     */
    private JsonNode prepare(JsonNode node, Side side) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
                o.set("$ref", TextNode.valueOf(COMPONENTS + pascal(ref.asText().substring(DEFS.length()))));
            }
            if (side == Side.REQUEST && o.has("default") && o.has("type")) {
                describeDefault(o);
            }
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                prepare(f.getValue(), side);
            }
            nameItemsUnion(o);
        } else if (node.isArray()) {
            node.forEach(n -> prepare(n, side));
        }
        return node;
    }

    /**
     * An array of "this or that" ({@code items: {anyOf: [A, B]}}) gets its union as a component named {@code AOrB}: left
     * inline, openapi-generator names it after the place it stands ({@code GetVolumeDataWeeksInner}), a model name no
     * reader of the API would guess. Only unions of references and plain types are named; their names say what they
     * are.
     */
    private void nameItemsUnion(ObjectNode schema) {
        JsonNode items = schema.get("items");
        if (items == null || !items.isObject() || items.has("$ref")) {
            return;
        }
        String keyword = items.has("anyOf") ? "anyOf" : items.has("oneOf") ? "oneOf" : "";
        if (keyword.isEmpty() || items.size() != 1) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode alternative : items.get(keyword)) {
            if (alternative.path("$ref").asText().startsWith(COMPONENTS)) {
                names.add(alternative.get("$ref").asText().substring(COMPONENTS.length()));
            } else if (alternative.size() == 1 && alternative.path("type").isTextual()) {
                names.add(pascal(alternative.get("type").asText()));
            } else {
                return;
            }
        }
        String name = String.join("Or", names);
        put(name, items);
        schema.set("items", ref(name));
    }

    /**
     * openapi-typescript reads a {@code default} in a named schema as "always present" and makes the
     * property required, so a typed client could not leave it out (set_input's type and count). The
     * server applies the default; the document says it in words.
     */
    private static void describeDefault(ObjectNode schema) {
        JsonNode value = schema.remove("default");
        String description = schema.path("description").asText("");
        if (!description.toLowerCase(Locale.ROOT).contains("default")) {
            String said = value.isTextual() ? value.asText() : value.toString();
            schema.put(
                    "description",
                    (description.isEmpty() ? "" : description + (description.endsWith(".") ? " " : ". ")) + "Default: "
                            + said + ".");
        }
    }

    private static JsonNode sharedDefinitions() {
        try (InputStream in = SchemaComponents.class.getClassLoader().getResourceAsStream("td/tools/defs.json")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource td/tools/defs.json (tool-manifests)");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
