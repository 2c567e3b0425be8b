package dev.td.importers.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * td's event schemas, read from the schema module ({@code ../schema/src/main/resources/td/event-types}), and a check
 * of a draft's data against them: the JSON Schema keywords those files use (type, properties, additionalProperties
 * false, required, oneOf of required, $ref into $defs, enum, pattern, min/max length, minimum, maximum,
 * exclusiveMinimum, items, maxItems).
 */
final class EventSchemas {

    private static final Path FOLDER = Path.of("..", "schema", "src", "main", "resources", "td", "event-types");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> schemas = new HashMap<>();

    /** The problems of {@code data} for event {@code type}, as "path: problem"; empty when it is valid. */
    List<String> problems(String type, JsonNode data) {
        JsonNode schema = schemas.computeIfAbsent(type, EventSchemas::load);
        List<String> problems = new ArrayList<>();
        check(schema, schema, data, "data", problems);
        return problems;
    }

    private static JsonNode load(String type) {
        try {
            return JSON.readTree(Files.readString(FOLDER.resolve(type + ".json")))
                    .path("schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root, root.at(ref.substring(1)), value, at, problems);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": " + value + " is not " + schema.get("type"));
            return;
        }
        if (value.isNumber()) {
            checkNumber(schema, value.asDouble(), at, problems);
        }
        if (value.isTextual()) {
            checkText(schema, value.asText(), at, problems);
        }
        if (value.isObject()) {
            checkObject(root, schema, value, at, problems);
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(at + ": more than " + schema.get("maxItems") + " items");
            }
            for (int i = 0; i < value.size() && schema.has("items"); i++) {
                check(root, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
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
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static void checkNumber(JsonNode schema, double v, String at, List<String> problems) {
        if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
            problems.add(at + ": " + v + " < minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
            problems.add(at + ": " + v + " > maximum " + schema.get("maximum"));
        }
        if (schema.has("exclusiveMinimum")
                && v <= schema.get("exclusiveMinimum").asDouble()) {
            problems.add(at + ": " + v + " <= exclusiveMinimum " + schema.get("exclusiveMinimum"));
        }
    }

    private static void checkText(JsonNode schema, String v, String at, List<String> problems) {
        if (schema.has("minLength") && v.length() < schema.get("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && v.length() > schema.get("maxLength").asInt()) {
            problems.add(at + ": longer than " + schema.get("maxLength"));
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText()).matcher(v).find()) {
            problems.add(at + ": " + v + " does not match " + schema.get("pattern"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(v);
            }
            if (!listed) {
                problems.add(at + ": " + v + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + ": lacks " + required.asText());
            }
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                boolean all = true;
                for (JsonNode required : option.path("required")) {
                    all &= value.has(required.asText());
                }
                matching += all ? 1 : 0;
            }
            if (matching != 1) {
                problems.add(at + ": matches " + matching + " of oneOf " + schema.get("oneOf"));
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (properties.has(field.getKey())) {
                check(root, properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                problems.add(at + ": " + field.getKey() + " is not a property");
            }
        }
    }
}
