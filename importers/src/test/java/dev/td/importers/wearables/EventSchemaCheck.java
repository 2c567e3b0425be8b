package dev.td.importers.wearables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What td's schema module says about a draft: its event type's JSON schema
 * ({@code ../schema/src/main/resources/td/event-types}; the keywords those files use: type, required, oneOf,
 * additionalProperties false, enum, minimum, maximum, exclusiveMinimum, minLength, maxLength, pattern, maxItems,
 * items, $ref) and, for a {@code metric.recorded}, the metric registry ({@code td/metrics/registry.json}): a
 * registry metric's unit and plausible range.
 */
final class EventSchemaCheck {

    private static final Path RESOURCES = Path.of("../schema/src/main/resources/td");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SCHEMAS = new HashMap<>();
    private static final JsonNode REGISTRY = load(RESOURCES.resolve("metrics/registry.json"));

    private EventSchemaCheck() {}

    /** What is wrong with the draft's data against its type's schema; empty when it is valid. */
    static synchronized List<String> problems(Draft draft) {
        JsonNode schema = SCHEMAS.computeIfAbsent(
                        draft.type(), type -> load(RESOURCES.resolve("event-types/" + type + ".json")))
                .required("schema");
        List<String> problems = new ArrayList<>();
        check(schema, schema, draft.data(), "$", problems);
        return problems.stream().map(p -> draft.recordId() + " " + p).toList();
    }

    /** The registry's entry for a metric name; empty for the person's own metrics. */
    static Optional<JsonNode> registryMetric(String name) {
        for (JsonNode metric : REGISTRY.path("metrics")) {
            if (metric.path("name").asText().equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** Whether a name is any registry metric's name or alias (as a person would write it, without case). */
    static boolean isRegistryNameOrAlias(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        for (JsonNode metric : REGISTRY.path("metrics")) {
            if (metric.path("name").asText().equals(name)) {
                return true;
            }
            for (JsonNode alias : metric.path("aliases")) {
                String a = alias.asText().toLowerCase(Locale.ROOT);
                if (a.equals(spaced) || a.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value in a registry unit converted to the metric's canonical unit, by the registry's exact factors. */
    static BigDecimal toCanonical(double value, String unit, String canonical) {
        return BigDecimal.valueOf(value).multiply(factor(unit)).divide(factor(canonical), MathContext.DECIMAL64);
    }

    private static BigDecimal factor(String unit) {
        String text = REGISTRY.path("units").path(unit).path("factor").asText();
        String[] parts = text.split("/", 2);
        BigDecimal factor = new BigDecimal(parts[0]);
        return parts.length == 1 ? factor : factor.divide(new BigDecimal(parts[1]), MathContext.DECIMAL64);
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            check(root, root.at(schema.get("$ref").asText().substring(1)), value, at, problems);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": " + value + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("oneOf")) {
            int valid = 0;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> optionProblems = new ArrayList<>();
                check(root, option, value, at, optionProblems);
                valid += optionProblems.isEmpty() ? 1 : 0;
            }
            if (valid != 1) {
                problems.add(at + ": matches " + valid + " of oneOf " + schema.get("oneOf"));
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + ": required " + name.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            value.properties().forEach(field -> {
                if (properties.has(field.getKey())) {
                    check(root, properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(at + ": " + field.getKey() + " is not a property of the schema");
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
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(at + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(at + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(text)
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

    private static JsonNode load(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
