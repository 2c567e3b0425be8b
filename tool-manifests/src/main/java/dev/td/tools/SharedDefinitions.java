package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a manifest schema self-contained: every {@code #/$defs/name} it references (directly or
 * through other definitions) is copied from the shared {@code defs.json} into its {@code $defs}.
 * Manifests stay free of duplicated definitions; clients still get schemas without external refs.
 */
final class SharedDefinitions {

    private static final String PREFIX = "#/$defs/";

    private SharedDefinitions() {}

    static JsonNode inline(JsonNode schema, JsonNode defs) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        Set<String> needed = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(copy);
        while (!todo.isEmpty()) {
            for (String name : references(todo.pop())) {
                if (copy.path("$defs").has(name) || !needed.add(name)) {
                    continue;
                }
                JsonNode def = defs.get(name);
                if (def == null) {
                    throw new IllegalStateException(
                            "schema references " + PREFIX + name + ", which defs.json does not define");
                }
                todo.push(def);
            }
        }
        if (!needed.isEmpty()) {
            ObjectNode target = copy.has("$defs") ? (ObjectNode) copy.get("$defs") : copy.putObject("$defs");
            needed.forEach(name -> target.set(name, defs.get(name).deepCopy()));
        }
        return copy;
    }

    private static Set<String> references(JsonNode node) {
        Set<String> refs = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            JsonNode ref = n.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                refs.add(ref.asText().substring(PREFIX.length()));
            }
            n.forEach(todo::push);
        }
        return refs;
    }
}
