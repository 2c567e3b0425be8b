package dev.td.importers.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a draft's data against td's event schema, read from the schema module's JSON files
 * ({@code ../schema/src/main/resources/td/event-types}): the JSON Schema keywords those files use (type, required,
 * additionalProperties false, enum, minimum, maximum, exclusiveMinimum, multipleOf, minLength, maxLength, pattern,
 * maxItems, items, $ref to $defs). A set.logged draft may leave exercise_id out: the server resolves it (Draft's
 * javadoc).
 */
final class EventSchema {

    private static final Path DIR = Path.of("../schema/src/main/resources/td/event-types");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SCHEMAS = new HashMap<>();

    private EventSchema() {}

    /** What is wrong with the draft's data; empty when it is valid. */
    static synchronized List<String> problems(Draft draft) {
        JsonNode schema = SCHEMAS.computeIfAbsent(draft.type(), EventSchema::load);
        List<String> problems = new ArrayList<>();
        check(schema, schema, draft.data(), draft.type(), problems);
        if (draft.type().equals("set.logged")) {
            problems.remove(draft.type() + ": required exercise_id is missing");
        }
        return problems.stream().map(p -> draft.recordId() + " " + p).toList();
    }

    private static JsonNode load(String type) {
        try {
            return JSON.readTree(DIR.resolve(type + ".json").toFile()).required("schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            check(root, target, value, at, problems);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": " + value + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + ": required " + name.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            value.fieldNames().forEachRemaining(name -> {
                if (properties.has(name)) {
                    check(root, properties.get(name), value.get(name), at + "." + name, problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(at + ": " + name + " is not a property of the schema");
                }
            });
        } else if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(at + ": more than " + schema.get("maxItems") + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                if (schema.has("items")) {
                    check(root, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
        } else if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(at + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(at + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(value.asText())
                            .find()) {
                problems.add(at + ": " + value + " does not match " + schema.get("pattern"));
            }
        } else if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(at + ": " + number + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(at + ": " + number + " is above " + schema.get("maximum"));
            }
            if (schema.has("exclusiveMinimum")
                    && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
                problems.add(at + ": " + number + " is not above " + schema.get("exclusiveMinimum"));
            }
            if (schema.has("multipleOf")
                    && number.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
                problems.add(at + ": " + number + " is not a multiple of " + schema.get("multipleOf"));
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown schema type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
