package dev.td.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ErrorCode;
import dev.td.tools.Json;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, "OpenAPI for frameworks": the rules that keep generated clients clean, checked on the
 * document itself. bin/openapi-check runs the real tools (Redocly, openapi-typescript + tsc, a typed
 * client against a running td); these tests guard the same rules in the build, cheaply.
 */
class OpenApiForClientsTest {

    private static final String SCHEMAS = "/components/schemas/";
    private final List<ToolManifest> tools = ToolCatalog.load().all();
    // with the routes that carry files, as a server with uploads and exports serves it
    private final JsonNode doc = OpenApiDocument.generate(
            tools, "test", java.util.Optional.of("events:write"), java.util.Optional.of("events:read"));

    @Test
    void theDocumentNamesAServerAndALicenceAsRedoclyAsks() {
        // no-empty-servers (an error) and info-license (a warning) were Redocly's two findings
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("{origin}");
        assertThat(doc.at("/servers/0/variables/origin/default").asText()).isEqualTo("http://localhost:7878");
        assertThat(doc.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");
    }

    @Test
    void noObjectInARequestOrAnAnswerIsLeftUntyped() {
        List<String> untyped = new ArrayList<>();
        Set<String> freeForm = new TreeSet<>();
        SchemaWalk.walkDocument(doc, (at, schema) -> {
            if (!isObject(schema)
                    || schema.has("$ref")
                    || schema.has("anyOf")
                    || schema.has("oneOf")
                    || schema.has("allOf")) {
                return;
            }
            if (!schema.has("properties") && !schema.has("additionalProperties")) {
                untyped.add(at);
            }
            if (schema.path("additionalProperties").asBoolean(false)) {
                freeForm.add(at);
            }
        });
        assertThat(untyped)
                .as("object schemas without properties or additionalProperties")
                .isEmpty();
        // Free-form on purpose, and only where the content is the person's own payload or a JSON Schema:
        assertThat(freeForm)
                .containsExactly(
                        SCHEMAS + "CorrectEventRequest/properties/data",
                        SCHEMAS + "Event/properties/data",
                        SCHEMAS + "Event/properties/original_data",
                        SCHEMAS + "EventType/properties/schema",
                        SCHEMAS + "NewEvent/properties/data",
                        SCHEMAS + "WhatIfEvent/properties/data");
    }

    @Test
    void contextAndStatisticalQualityAreTypedInEveryAnswer() {
        JsonNode context = doc.at(SCHEMAS + "Context/properties");
        assertThat(context.propertyStream().map(e -> e.getKey()))
                .containsExactlyInAnyOrder(
                        "new_personal_records",
                        "strength_trend",
                        "hint",
                        "notes",
                        "anomalies",
                        "time_zone",
                        "personal_records_revised",
                        "empty_sessions",
                        "endurance_week",
                        "units_assumed",
                        "new_best_efforts",
                        "injuries",
                        "program",
                        "without_load",
                        "estimated",
                        "body_part",
                        "older_resolved",
                        "fatigue",
                        "correlations");
        assertThat(context.at("/injuries/items/$ref").asText()).isEqualTo("#/components/schemas/InjuryBrief");
        assertThat(context.at("/new_personal_records/items/$ref").asText())
                .isEqualTo("#/components/schemas/PersonalRecord");
        assertThat(context.at("/new_best_efforts/items/$ref").asText()).isEqualTo("#/components/schemas/BestEffort");
        assertThat(context.at("/correlations/items/$ref").asText()).isEqualTo("#/components/schemas/CorrelationBrief");
        assertThat(doc.at(SCHEMAS + "Meta/properties/as_of/$ref").asText()).isEqualTo("#/components/schemas/MetaAsOf");
        assertThat(doc.at(SCHEMAS + "Meta/properties/statistical_quality/anyOf/0/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/StatisticalQuality");
        assertThat(doc.at(SCHEMAS + "StatisticalQuality/properties/sample_size/enum")
                        .toString())
                .isEqualTo("[\"insufficient\",\"minimal\",\"sufficient\"]");
        for (ToolManifest tool : tools) {
            JsonNode envelope = doc.at(SCHEMAS + SchemaComponents.pascal(tool.name()) + "Response/properties");
            assertThat(envelope.at("/context/$ref").asText()).as(tool.name()).isEqualTo("#/components/schemas/Context");
            assertThat(envelope.at("/meta/$ref").asText()).as(tool.name()).isEqualTo("#/components/schemas/Meta");
        }
    }

    @Test
    void everyOperationDocumentsEveryErrorCodeAsProblemJson() {
        for (ErrorCode code : ErrorCode.values()) {
            String name = OpenApiDocument.errorResponseName(code);
            JsonNode response = doc.at("/components/responses/" + name);
            JsonNode media = response.at("/content/application~1problem+json");
            assertThat(media.at("/schema/$ref").asText()).as(name).isEqualTo("#/components/schemas/Problem");
            assertThat(media.at("/example/status").asInt()).as(name).isEqualTo(code.httpStatus());
            assertThat(media.at("/example/code").asText()).as(name).isEqualTo(code.wireName());
            for (ToolManifest tool : tools) {
                assertThat(operation(tool)
                                .at("/responses/" + code.httpStatus() + "/$ref")
                                .asText())
                        .as(tool.name() + " answers " + code.wireName())
                        .isEqualTo("#/components/responses/" + name);
            }
        }
        // 429 is not an ErrorCode yet: once it is, the loop above covers it
        assertThat(doc.at("/components/responses/Unavailable/content/application~1problem+json/example/status")
                        .asInt())
                .isEqualTo(503);
        assertThat(doc.at("/components/responses/Internal/content/application~1problem+json/example/status")
                        .asInt())
                .isEqualTo(500);
    }

    @Test
    void everyOperationCarriesItsManifestsExamples() {
        for (ToolManifest tool : tools) {
            JsonNode op = operation(tool);
            JsonNode answers = op.at("/responses/200/content/application~1json/examples");
            assertThat(answers.size())
                    .as(tool.name() + " answer examples")
                    .isEqualTo(tool.examples().size());
            List<JsonNode> data =
                    answers.valueStream().map(e -> e.at("/value/data")).toList();
            assertThat(data)
                    .as(tool.name())
                    .containsExactlyElementsOf(tool.examples().stream()
                            .map(ToolManifest.Example::result)
                            .toList());
            if (tool.rest().method().equals("GET")) {
                ToolManifest.Example first = tool.examples().getFirst();
                op.path("parameters").forEach(p -> {
                    if (first.arguments().has(p.path("name").asText())) {
                        assertThat(p.get("example"))
                                .as(tool.name() + " " + p.path("name"))
                                .isEqualTo(first.arguments().get(p.path("name").asText()));
                    }
                });
            } else {
                assertThat(op.at("/requestBody/content/application~1json/examples")
                                .size())
                        .as(tool.name() + " request examples")
                        .isEqualTo(tool.examples().size());
            }
        }
    }

    @Test
    void requestsAnswersAndNestedObjectsAreNamedComponents() {
        for (ToolManifest tool : tools) {
            String type = SchemaComponents.pascal(tool.name());
            JsonNode op = operation(tool);
            assertThat(op.at("/responses/200/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/" + type + "Response");
            assertThat(doc.at(SCHEMAS + type + "Response/properties/data/$ref").asText())
                    .as(tool.name() + " data")
                    .startsWith("#/components/schemas/");
            if (!tool.rest().method().equals("GET")) {
                assertThat(op.at("/requestBody/content/application~1json/schema/$ref")
                                .asText())
                        .isEqualTo("#/components/schemas/" + type + "Request");
            }
        }
        List<String> inline = new ArrayList<>();
        doc.at("/components/schemas")
                .properties()
                .forEach(c -> SchemaWalk.walk(c.getValue(), c.getKey(), (at, s) -> {
                    if (!at.equals(c.getKey()) && s.has("properties")) {
                        inline.add(at);
                    }
                }));
        assertThat(inline)
                .as("objects with properties below a component's root (clients would name them …Inner)")
                .isEmpty();
        List<String> unions = new ArrayList<>();
        doc.at("/components/schemas")
                .properties()
                .forEach(c -> SchemaWalk.walk(c.getValue(), c.getKey(), (at, s) -> {
                    JsonNode items = s.path("items");
                    if (items.has("anyOf") || items.has("oneOf")) {
                        unions.add(at);
                    }
                }));
        assertThat(unions)
                .as("arrays of an inline union (openapi-generator names it …Inner)")
                .isEmpty();
        assertThat(doc.at(SCHEMAS + "GetVolumeData/properties/weeks/items/$ref").asText())
                .isEqualTo("#/components/schemas/VolumeWeekOrVolumeWeekSummary");
        assertThat(doc.at("/components/schemas").propertyStream().map(e -> e.getKey()))
                .allSatisfy(
                        name -> assertThat(name).matches("[A-Z][A-Za-z0-9]*").doesNotContain("200"));
        assertThat(doc.at(SCHEMAS + "GetExerciseProgressionData/properties/sessions/items/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ProgressionPoint");
    }

    @Test
    void nothingOnTheRequestSideHasADefaultThatClientsWouldMakeRequired() {
        List<String> defaults = new ArrayList<>();
        for (String component : requestComponents()) {
            SchemaWalk.walk(doc.at(SCHEMAS + component), component, (at, s) -> {
                if (s.has("default")) {
                    defaults.add(at);
                }
            });
        }
        doc.findValues("parameters")
                .forEach(params -> params.forEach(p -> {
                    if (p.path("schema").has("default")) {
                        defaults.add(p.path("name").asText());
                    }
                }));
        assertThat(defaults).as("request schemas with a default keyword").isEmpty();
        // set_input: "type" had only a default, "count" a description and a default (defs.json)
        assertThat(doc.at(SCHEMAS + "SetInput/properties/type/description").asText())
                .isEqualTo("Default: working.");
        assertThat(doc.at(SCHEMAS + "SetInput/properties/count/description").asText())
                .isEqualTo("How many identical sets. Default: 1.");
        assertThat(doc.at(SCHEMAS + "SetInput/required").isMissingNode()).isTrue();
    }

    @Test
    void twoDifferentSchemasUnderOneNameStopTheDocument() {
        ToolManifest a = tool(
                "tool_a",
                "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/point\"}},"
                        + "\"$defs\":{\"point\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}}}}}");
        ToolManifest b = tool(
                "tool_b",
                "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/point\"}},"
                        + "\"$defs\":{\"point\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}}}");
        assertThatThrownBy(() -> OpenApiDocument.generate(List.of(a, b), "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two different schemas are both named Point");
    }

    private JsonNode operation(ToolManifest tool) {
        return doc.path("paths")
                .path(tool.rest().path())
                .path(tool.rest().method().toLowerCase(Locale.ROOT));
    }

    /** The request bodies' components and everything they reference. */
    private Set<String> requestComponents() {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        doc.path("paths")
                .forEach(item -> item.forEach(op -> {
                    String ref = op.at("/requestBody/content/application~1json/schema/$ref")
                            .asText();
                    if (!ref.isEmpty()) {
                        todo.push(ref);
                    }
                }));
        while (!todo.isEmpty()) {
            String name = todo.pop().substring("#/components/schemas/".length());
            if (seen.add(name)) {
                doc.at(SCHEMAS + name).findValuesAsText("$ref").forEach(todo::push);
            }
        }
        return seen;
    }

    private static boolean isObject(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.asText().equals("object")
                || (type.isArray() && type.toString().contains("\"object\""));
    }

    private static ToolManifest tool(String name, String outputSchema) {
        try {
            ObjectNode input = Json.mapper().createObjectNode().put("type", "object");
            return new ToolManifest(
                    name,
                    "A test tool",
                    "A tool that exists only in this test",
                    "test:read",
                    new ToolManifest.Annotations(true, false, true, false),
                    new ToolManifest.RestBinding("GET", "/v1/" + name),
                    new ToolManifest.CliBinding(name.replace('_', '-')),
                    input,
                    Json.mapper().readTree(outputSchema),
                    List.of(new ToolManifest.Example("an example", input.objectNode(), input.objectNode())),
                    "test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
