package dev.td.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolManifestsTest {

    private final ToolCatalog catalog = ToolCatalog.load();

    @Test
    void everyManifestInTheIndexLoads() {
        assertThat(catalog.all())
                .extracting(ToolManifest::name)
                .contains("log_events", "get_events", "correct_event", "void_event", "get_event_types", "verify_chain");
    }

    @Test
    void oneManifestLoadedAloneEqualsTheOneInTheCatalog() {
        for (ToolManifest tool : catalog.all()) {
            assertThat(ToolCatalog.loadOne(tool.name())).as(tool.name()).contains(tool);
        }
        assertThat(ToolCatalog.loadOne("no_such_tool")).isEmpty();
    }

    @Test
    void everyExampleIsValidAgainstItsToolsSchemas() {
        for (ToolManifest tool : catalog.all()) {
            ArgumentValidator input = ArgumentValidator.of(tool.inputSchema(), "input of " + tool.name());
            ArgumentValidator output = ArgumentValidator.of(tool.outputSchema(), "output of " + tool.name());
            for (ToolManifest.Example example : tool.examples()) {
                assertThat(input.violations(example.arguments()))
                        .as(tool.name() + " example '" + example.title() + "' arguments")
                        .isEmpty();
                assertThat(output.violations(example.result()))
                        .as(tool.name() + " example '" + example.title() + "' result")
                        .isEmpty();
            }
        }
    }

    @Test
    void aToolRegisteredTwiceIsRefusedInsteadOfOverwritten() {
        ToolHandler first = call -> Envelope.of(call.arguments(), Meta.now("first"));
        ToolRegistry.Builder builder = ToolRegistry.builder(catalog).handle("log_events", first);
        assertThatThrownBy(() -> builder.handle("log_events", first))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log_events already has a handler");
    }

    @Test
    void aToolWithoutAHandlerStopsTheBuild() {
        assertThatThrownBy(() -> ToolRegistry.builder(catalog).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has a manifest but no handler");
    }

    @Test
    void namesCommandsAndRoutesAreUnique() {
        Set<String> commands = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (ToolManifest tool : catalog.all()) {
            assertThat(commands.add(tool.cli().command()))
                    .as("CLI command " + tool.cli().command())
                    .isTrue();
            assertThat(routes.add(tool.rest().method() + " " + tool.rest().path()))
                    .as("route of " + tool.name())
                    .isTrue();
        }
    }

    @Test
    void pathParametersAreRequiredStringArguments() {
        for (ToolManifest tool : catalog.all()) {
            for (String param : tool.rest().pathParameters()) {
                assertThat(tool.inputSchema().path("properties").has(param))
                        .as(tool.name() + " declares " + param)
                        .isTrue();
                assertThat(tool.inputSchema().path("required").toString())
                        .as(tool.name() + " requires " + param)
                        .contains("\"" + param + "\"");
            }
        }
    }

    @Test
    void descriptionsAreWrittenForAnAgent() {
        for (ToolManifest tool : catalog.all()) {
            assertThat(tool.description().length())
                    .as(tool.name() + " description length")
                    .isGreaterThan(120);
            JsonNode props = tool.inputSchema().path("properties");
            props.fieldNames().forEachRemaining(field -> {
                JsonNode p = props.get(field);
                assertThat(p.has("description")
                                || p.has("$ref")
                                || List.of("idempotency_key").contains(field))
                        .as(tool.name() + "." + field + " has a description")
                        .isTrue();
            });
        }
    }

    @Test
    void sharedDefinitionsAreInlinedSoSchemasAreSelfContained() {
        JsonNode schema = catalog.find("log_events").orElseThrow().outputSchema();
        assertThat(schema.path("$defs").has("event")).isTrue();
        assertThat(schema.path("$defs").has("event_metadata"))
                .as("transitively referenced")
                .isTrue();
    }

    @Test
    void invalidArgumentsNameTheFieldAndTheFix() {
        ToolManifest tool = catalog.find("log_events").orElseThrow();
        ArgumentValidator validator = ArgumentValidator.of(tool.inputSchema(), "arguments of log_events");
        JsonNode args = parse(
                "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00Z\",\"data\":{},\"idempotency_key\":7}]}");
        assertThatThrownBy(() -> validator.validate(args)).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.path()).isEqualTo("$.events[0].idempotency_key");
            assertThat(e.getMessage()).contains("string");
        });
    }

    @Test
    void aMissingRequiredFieldIsReportedAtItsOwnPath() {
        ToolManifest tool = catalog.find("void_event").orElseThrow();
        ArgumentValidator validator = ArgumentValidator.of(tool.inputSchema(), "arguments of void_event");
        JsonNode args = parse("{\"event_id\":\"019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b\",\"idempotency_key\":\"k\"}");
        assertThatThrownBy(() -> validator.validate(args))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.path()).isEqualTo("$.reason"));
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
