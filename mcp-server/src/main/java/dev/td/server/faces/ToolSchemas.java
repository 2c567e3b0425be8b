package dev.td.server.faces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas td sends in MCP's {@code tools/list}, made small for an agent's context window without
 * saying anything false. Every agent pays for the tool list on every turn, so it is where size matters most.
 *
 * <ul>
 *   <li><b>Input schemas stay exact</b>: every constraint and description is kept. A definition is written in
 *       place of its {@code $ref} when that is no longer than the schema with {@code $defs} (a definition used
 *       once): several clients (the MCP Inspector's forms, some IDEs) cannot follow {@code $ref}. Keywords that
 *       say nothing ({@code additionalProperties: true}, {@code $comment}) are left out.
 *   <li><b>Output schemas are the envelope</b>: an object with {@code data}, {@code context} and {@code meta}, which
 *       every answer is and which clients check it against. Models do not see output schemas (Anthropic's and
 *       OpenAI's tool definitions have no place for one), while every character of a description or an input
 *       schema is read on every turn, so the budget of the list goes there. The exact schema of every answer, each
 *       level typed, is the resource {@code td://tools/{name}/output-schema} (and in the OpenAPI document); what
 *       {@code context} and {@code meta} hold is said once, in the server instructions.
 * </ul>
 *
 * Input schemas are what {@link PortableSchema} makes of them (nullable types spelled {@code anyOf}).
 */
final class ToolSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFS = "#/$defs/";
    /** Keywords whose value is a map of names to schemas, not a schema. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "patternProperties");
    /** Keywords a sibling of {@code $ref} may carry without changing what the schema accepts. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "default", "examples");

    private ToolSchemas() {}

    /** An input schema as MCP clients get it: exact, definitions used once written in place. */
    static JsonNode input(JsonNode schema) {
        JsonNode lean = withoutNoOps(schema);
        JsonNode defs = lean.get("$defs");
        if (defs != null && defs.isObject()) {
            Optional<JsonNode> inlined = inline(lean, defs, new HashSet<>());
            if (inlined.isPresent()
                    && inlined.get().toString().length() <= lean.toString().length()) {
                lean = inlined.get();
            }
        }
        return PortableSchema.of(lean);
    }

    /**
     * The output schema MCP clients get for every tool: the envelope, an object with {@code data}, {@code context}
     * and {@code meta}. The same for every tool, so it costs a list of N tools N times its 53 characters.
     */
    static JsonNode output() {
        ObjectNode envelope = JSON.objectNode().put("type", "object");
        envelope.putArray("required").add("data").add("context").add("meta");
        return envelope;
    }

    /**
     * {@code node} with every {@code $ref} replaced by its definition; empty when one cannot be (a recursive or
     * unknown definition, or a sibling keyword that would change what the definition accepts).
     */
    private static Optional<JsonNode> inline(JsonNode node, JsonNode defs, Set<String> open) {
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode item : node) {
                Optional<JsonNode> inlined = inline(item, defs, open);
                if (inlined.isEmpty()) {
                    return Optional.empty();
                }
                out.add(inlined.get());
            }
            return Optional.of(out);
        }
        if (!node.isObject()) {
            return Optional.of(node);
        }
        ObjectNode out = JSON.objectNode();
        boolean replaced = node.has("$ref");
        if (replaced) {
            String ref = node.get("$ref").asText();
            String name = ref.startsWith(DEFS) ? ref.substring(DEFS.length()) : "";
            if (!defs.has(name) || !open.add(name)) {
                return Optional.empty();
            }
            Optional<JsonNode> definition = inline(defs.get(name), defs, open);
            open.remove(name);
            if (definition.isEmpty() || !definition.get().isObject()) {
                return Optional.empty();
            }
            out = (ObjectNode) definition.get();
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.equals("$ref") || key.equals("$defs")) {
                continue;
            }
            Optional<JsonNode> value = inline(field.getValue(), defs, open);
            if (value.isEmpty()
                    || (replaced
                            && out.has(key)
                            && !ANNOTATIONS.contains(key)
                            && !out.get(key).equals(value.get()))) {
                return Optional.empty();
            }
            out.set(key, value.get());
        }
        return Optional.of(out);
    }

    /** A copy of {@code schema} without keywords that change nothing. */
    private static JsonNode withoutNoOps(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$comment")
                    || (key.equals("additionalProperties") && value.isBoolean() && value.asBoolean())) {
                continue;
            }
            if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                ObjectNode map = out.putObject(key);
                value.properties().forEach(e -> map.set(e.getKey(), withoutNoOps(e.getValue())));
            } else if (value.isArray()
                    && List.of("anyOf", "oneOf", "allOf", "prefixItems").contains(key)) {
                ArrayNode array = out.putArray(key);
                value.forEach(v -> array.add(withoutNoOps(v)));
            } else if (value.isObject()
                    && !List.of("default", "const", "examples").contains(key)) {
                out.set(key, withoutNoOps(value));
            } else {
                out.set(key, value);
            }
        }
        return out;
    }
}
