package dev.td.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schemas the conformance scenarios inspect (elicitation requests, SEP-1613 tool input). */
final class ConformanceSchemas {

    static final Map<String, Object> USER_DETAILS = object(
            Map.of(
                    "username", Map.of("type", "string", "description", "User's response"),
                    "email", Map.of("type", "string", "description", "User's email address")),
            List.of("username", "email"));

    /** SEP-1034: a default for each primitive type. */
    static final Map<String, Object> DEFAULTS = object(
            Map.of(
                    "name", Map.of("type", "string", "description", "User name", "default", "John Doe"),
                    "age", Map.of("type", "integer", "description", "User age", "default", 30),
                    "score", Map.of("type", "number", "description", "User score", "default", 95.5),
                    "status",
                            Map.of(
                                    "type",
                                    "string",
                                    "description",
                                    "User status",
                                    "enum",
                                    List.of("active", "inactive", "pending"),
                                    "default",
                                    "active"),
                    "verified", Map.of("type", "boolean", "description", "Verification status", "default", true)),
            List.of());

    /** SEP-1330: the five enum shapes. */
    static final Map<String, Object> ENUMS = object(
            Map.of(
                    "untitledSingle", Map.of("type", "string", "enum", List.of("option1", "option2", "option3")),
                    "titledSingle",
                            Map.of(
                                    "type",
                                    "string",
                                    "oneOf",
                                    List.of(
                                            Map.of("const", "value1", "title", "First Option"),
                                            Map.of("const", "value2", "title", "Second Option"),
                                            Map.of("const", "value3", "title", "Third Option"))),
                    "legacyEnum",
                            Map.of(
                                    "type",
                                    "string",
                                    "enum",
                                    List.of("opt1", "opt2", "opt3"),
                                    "enumNames",
                                    List.of("Option One", "Option Two", "Option Three")),
                    "untitledMulti",
                            Map.of(
                                    "type",
                                    "array",
                                    "items",
                                    Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))),
                    "titledMulti",
                            Map.of(
                                    "type",
                                    "array",
                                    "items",
                                    Map.of(
                                            "anyOf",
                                            List.of(
                                                    Map.of("const", "value1", "title", "First Choice"),
                                                    Map.of("const", "value2", "title", "Second Choice"),
                                                    Map.of("const", "value3", "title", "Third Choice"))))),
            List.of());

    /** SEP-1613: {@code $schema}, {@code $defs} and {@code additionalProperties} must survive tools/list. */
    static final Map<String, Object> JSON_SCHEMA_2020_12 = jsonSchema202012();

    private ConformanceSchemas() {}

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> jsonSchema202012() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put(
                "$defs",
                Map.of(
                        "address",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))));
        schema.put(
                "properties", Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")));
        schema.put("additionalProperties", false);
        return schema;
    }
}
