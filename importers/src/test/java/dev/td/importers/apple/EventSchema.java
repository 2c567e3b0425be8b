package dev.td.importers.apple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a draft's data against td's event schema ({@code ../schema/src/main/resources/td/event-types/<type>.json},
 * read from the schema module next to this one). Only the JSON Schema keywords those files use are understood: type,
 * properties, additionalProperties false, required, enum, minimum, maximum, exclusiveMinimum, minLength, maxLength,
 * pattern, items, maxItems, oneOf and local $ref.
 */
final class EventSchema {

    private static final Path DIR = Path.of("../schema/src/main/resources/td/event-types");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchema() {}

    /** What is wrong with {@code data} for {@code type}; empty when it is valid. */
    static List<String> problems(String type, JsonNode data) {
        JsonNode file = SCHEMAS.computeIfAbsent(type, t -> {
            try {
                return JSON.readTree(Files.readString(DIR.resolve(t + ".json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> out = new ArrayList<>();
        check(file.get("schema"), file.get("schema"), data, "data", out);
        return out;
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root, root.at(ref.substring(1)), value, path, out);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            out.add(path + " is " + value.getNodeType() + ", not " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                out.add(path + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
                out.add(path + " = " + v + " < minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
                out.add(path + " = " + v + " > maximum " + schema.get("maximum"));
            }
            if (schema.has("exclusiveMinimum")
                    && v <= schema.get("exclusiveMinimum").asDouble()) {
                out.add(path + " = " + v + " <= exclusiveMinimum " + schema.get("exclusiveMinimum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("minLength")
                    && text.length() < schema.get("minLength").asInt()) {
                out.add(path + " is shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength")
                    && text.length() > schema.get("maxLength").asInt()) {
                out.add(path + " is longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(text)
                            .find()) {
                out.add(path + " = " + text + " does not match " + schema.get("pattern"));
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + " has more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(root, schema.get("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            object(root, schema, value, path, out);
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> problems = new ArrayList<>();
                check(root, option, value, path, problems);
                matching += problems.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                out.add(path + " matches " + matching + " of oneOf, not exactly 1");
            }
        }
    }

    private static void object(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + " lacks " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        value.fieldNames().forEachRemaining(field -> {
            if (properties.has(field)) {
                check(root, properties.get(field), value.get(field), path + "." + field, out);
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                out.add(path + "." + field + " is not in the schema");
            }
        });
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (typeMatches(option, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" ->
                value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
