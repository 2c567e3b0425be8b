package dev.td.server.faces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.td.server.events.EventTypes;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * td's MCP resources: the event-type catalog, and the exact output schema of every tool (the tool list carries
 * them typed one level deep, see {@link ToolSchemas}).
 */
final class McpResources {

    static final String EVENT_TYPES = "td://event-types";
    static final String OUTPUT_SCHEMA = "td://tools/{name}/output-schema";
    private static final Pattern OUTPUT_SCHEMA_URI = Pattern.compile("td://tools/([a-z0-9_]+)/output-schema");

    private final EventTypes eventTypes;
    private final Map<String, ToolManifest> manifests;
    private final ObjectMapper json = Json.mapper();

    McpResources(EventTypes eventTypes, List<ToolManifest> manifests) {
        this.eventTypes = eventTypes;
        this.manifests =
                manifests.stream().collect(Collectors.toUnmodifiableMap(ToolManifest::name, Function.identity()));
    }

    McpServerFeatures.SyncResourceSpecification eventTypes() {
        McpSchema.Resource resource = McpSchema.Resource.builder(EVENT_TYPES, "event-types")
                .title("Event types")
                .description(
                        "The event types td knows, each with the JSON Schema of its data (get_event_types with type: one of them)")
                .mimeType("application/json")
                .build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) -> {
            ArrayNode list = json.createArrayNode();
            for (EventTypes.EventType t : eventTypes.all()) {
                list.addObject()
                        .put("type", t.type())
                        .put("description", t.description())
                        .put("loggable", t.loggable())
                        .set("schema", t.schema());
            }
            return contents(request.uri(), list.toString());
        });
    }

    McpServerFeatures.SyncResourceTemplateSpecification outputSchemas() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(OUTPUT_SCHEMA, "output-schema")
                .title("Output schema of a tool")
                .description("The exact JSON Schema of a tool's answer {data, context, meta}, every level typed")
                .mimeType("application/schema+json")
                .build();
        return new McpServerFeatures.SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher m = OUTPUT_SCHEMA_URI.matcher(request.uri());
            ToolManifest manifest = m.matches() ? manifests.get(m.group(1)) : null;
            if (manifest == null) {
                throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                        .message("no tool output schema at " + request.uri()
                                + "; use td://tools/<tool name>/output-schema")
                        .build();
            }
            return contents(
                    request.uri(), PortableSchema.of(manifest.envelopeSchema()).toString());
        });
    }

    private static McpSchema.ReadResourceResult contents(String uri, String text) {
        McpSchema.ResourceContents contents = McpSchema.TextResourceContents.builder(uri, text)
                .mimeType("application/json")
                .build();
        return McpSchema.ReadResourceResult.builder(List.of(contents)).build();
    }
}
