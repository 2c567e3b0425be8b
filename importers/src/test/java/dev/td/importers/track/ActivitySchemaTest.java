package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import dev.td.importers.Importer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every draft of every sample is valid for td's {@code activity.logged} schema, read from the schema module
 * ({@code ../schema/src/main/resources/td/event-types/activity.logged.json}) and checked here with the few JSON Schema
 * keywords it uses; an unknown keyword fails the test rather than passing unchecked.
 */
class ActivitySchemaTest {

    private static final Set<String> KNOWN = Set.of(
            "type",
            "description",
            "required",
            "additionalProperties",
            "properties",
            "$defs",
            "$ref",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "enum",
            "pattern",
            "minLength",
            "maxLength",
            "maxItems",
            "items");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gpx/togeojson/run.gpx",
                "gpx/togeojson/run_gpxtpx.gpx",
                "gpx/togeojson/missing_hr.gpx",
                "tcx/python-tcxparser/test.tcx",
                "tcx/python-tcxparser/sup_activity_1.tcx",
                "tcx/python-tcxparser/no_hr.tcx"
            })
    void everyDraftFollowsTheActivityLoggedSchema(String file) throws IOException {
        JsonNode event = new ObjectMapper()
                .readTree(Path.of("../schema/src/main/resources/td/event-types/activity.logged.json")
                        .toFile());
        Importer importer = file.endsWith(".gpx") ? new GpxImporter() : new TcxImporter();

        for (Draft draft : Imported.read(importer, sample(file)).drafts()) {
            List<String> errors = new ArrayList<>();
            check(event.path("schema"), event.path("schema"), draft.data(), "$", errors);

            assertThat(draft.type()).isEqualTo(event.path("type").asText());
            assertThat(errors).as(file).isEmpty();
            assertThat(draft.recordId().length()).isLessThanOrEqualTo(Draft.MAX_RECORD_ID);
        }
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> errors) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertThat(KNOWN).as("a keyword this check knows").contains(key);
        }
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/$defs/".length());
            check(root, root.path("$defs").path(name), value, path, errors);
        }
        if (schema.has("type") && !typeMatches(schema.path("type"), value)) {
            errors.add(path + " is not " + schema.path("type"));
            return;
        }
        if (value.isNumber()) {
            number(schema, value.asDouble(), path, errors);
        }
        if (value.isTextual()) {
            text(schema, value.asText(), path, errors);
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
                errors.add(path + " has more than " + schema.path("maxItems") + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                if (schema.has("items")) {
                    check(root, schema.path("items"), value.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    errors.add(path + "." + r.asText() + " is required");
                }
            });
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = schema.path("properties").path(field.getKey());
                if (property.isMissingNode()) {
                    if (schema.path("additionalProperties").asBoolean(true) == false) {
                        errors.add(path + "." + field.getKey() + " is not allowed");
                    }
                } else {
                    check(root, property, field.getValue(), path + "." + field.getKey(), errors);
                }
            }
        }
    }

    private static void number(JsonNode schema, double value, String path, List<String> errors) {
        if (schema.has("minimum") && value < schema.path("minimum").asDouble()) {
            errors.add(path + " = " + value + " is below " + schema.path("minimum"));
        }
        if (schema.has("exclusiveMinimum")
                && value <= schema.path("exclusiveMinimum").asDouble()) {
            errors.add(path + " = " + value + " is not above " + schema.path("exclusiveMinimum"));
        }
        if (schema.has("maximum") && value > schema.path("maximum").asDouble()) {
            errors.add(path + " = " + value + " is above " + schema.path("maximum"));
        }
    }

    private static void text(JsonNode schema, String value, String path, List<String> errors) {
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value)) {
                errors.add(path + " = " + value + " is not one of " + allowed);
            }
        }
        if (schema.has("pattern") && !value.matches(schema.path("pattern").asText())) {
            errors.add(path + " = " + value + " does not match " + schema.path("pattern"));
        }
        int length = value.codePointCount(0, value.length());
        if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
            errors.add(path + " is shorter than " + schema.path("minLength"));
        }
        if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
            errors.add(path + " is longer than " + schema.path("maxLength"));
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
            default -> false;
        };
    }
}
