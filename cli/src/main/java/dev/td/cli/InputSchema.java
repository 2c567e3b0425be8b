package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.ToolManifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a manifest's input schema into the fields the CLI offers, in schema order. */
final class InputSchema {

    private InputSchema() {}

    static List<InputField> fields(ToolManifest manifest, Set<String> reservedOptions) {
        JsonNode schema = manifest.inputSchema();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<InputField> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            JsonNode field = resolve(property.getValue(), schema);
            Optional<Flag> flag = flag(name, field, schema).filter(f -> !reservedOptions.contains(f.option()));
            fields.add(new InputField(name, field, required.contains(name), flag));
        });
        return fields;
    }

    private static Optional<Flag> flag(String name, JsonNode field, JsonNode root) {
        String type = typeOf(field);
        if (Flag.SCALAR_TYPES.contains(type)) {
            return Optional.of(
                    new Flag(name, Flag.optionFor(name), false, type, allowed(field), Flag.exampleFor(type, field)));
        }
        if ("array".equals(type)) {
            JsonNode items = resolve(field.path("items"), root);
            String itemType = typeOf(items);
            if (Flag.SCALAR_TYPES.contains(itemType)) {
                return Optional.of(new Flag(
                        name, Flag.optionFor(name), true, itemType, allowed(items), Flag.exampleFor(itemType, items)));
            }
        }
        return Optional.empty();
    }

    /** The schema's type; the first non-null one of a type list; {@code string} for a bare enum of strings. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode option : type) {
            if (!"null".equals(option.asText())) {
                return option.asText();
            }
        }
        if (schema.has("enum") && schema.get("enum").isArray()) {
            boolean strings = true;
            for (JsonNode value : schema.get("enum")) {
                strings &= value.isTextual();
            }
            return strings ? "string" : "any";
        }
        return schema.has("$ref") ? "object" : "any";
    }

    private static List<String> allowed(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Follows a local {@code #/$defs/name} reference once; other schemas are returned as they are. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
            JsonNode target = root.path("$defs").path(ref.asText().substring("#/$defs/".length()));
            if (!target.isMissingNode()) {
                return target;
            }
        }
        return schema;
    }
}
