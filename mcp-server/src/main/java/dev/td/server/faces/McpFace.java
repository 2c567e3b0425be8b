package dev.td.server.faces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.td.server.events.EventTypes;
import dev.td.tools.Envelope;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolInvoker;
import dev.td.tools.ToolManifest;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The MCP face: every tool manifest becomes an MCP tool (annotations, input and output schema,
 * structuredContent plus a text rendering); the event-type catalog is a resource. It only
 * translates between MCP and the {@link ToolInvoker}.
 */
final class McpFace {

    static final String INSTRUCTIONS =
            "td is the person's training record: every set, run, reading and injury as an immutable event, "
                    + "with statistics kept ready. Log what the person reports with log_events (one idempotency key per event; retries are safe), "
                    + "fix mistakes with correct_event or void_event, and read with get_events. get_event_types lists the kinds of events and their fields. "
                    + "Every answer is {data, context, meta}: read context, it holds what you did not ask for but should know.";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ToolInvoker tools;
    private final EventTypes eventTypes;
    private final Function<McpSyncServerExchange, Principal> principalOf;
    private final McpPrompts prompts;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param principalOf who is calling, from the exchange (the transport's authenticated principal, or the local owner on stdio)
     */
    McpFace(
            ToolInvoker tools,
            EventTypes eventTypes,
            Function<McpSyncServerExchange, Principal> principalOf,
            java.util.function.BiFunction<UUID, String, List<String>> exerciseNames) {
        this.tools = tools;
        this.eventTypes = eventTypes;
        this.principalOf = principalOf;
        this.prompts = new McpPrompts(principalOf, exerciseNames);
    }

    /** Adds td's capabilities, tools and resources to an MCP server specification. */
    <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, String version) {
        return spec.serverInfo("td", version)
                .jsonMapper(new RequestParams(io.modelcontextprotocol.json.McpJsonDefaults.getMapper()))
                .instructions(INSTRUCTIONS)
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(true)
                        .resources(false, true)
                        .prompts(true)
                        .logging()
                        .completions()
                        .build())
                .tools(tools.manifests().stream().map(this::tool).toList())
                .resources(eventTypesResource())
                .prompts(prompts.prompts())
                .completions(prompts.completions());
    }

    private McpServerFeatures.SyncToolSpecification tool(ToolManifest m) {
        McpSchema.Tool tool = McpSchema.Tool.builder(m.name(), map(PortableSchema.of(m.inputSchema())))
                .title(m.title())
                .description(m.description())
                .outputSchema(map(PortableSchema.of(m.envelopeSchema())))
                .annotations(new McpSchema.ToolAnnotations(
                        m.title(),
                        m.annotations().readOnly(),
                        m.annotations().destructive(),
                        m.annotations().idempotent(),
                        m.annotations().openWorld(),
                        null))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(m, exchange, request))
                .build();
    }

    private McpSchema.CallToolResult call(
            ToolManifest m, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            Principal principal = principalOf.apply(exchange);
            JsonNode args = json.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
            Optional<String> client =
                    Optional.ofNullable(exchange.getClientInfo()).map(i -> i.name() + "/" + i.version());
            ToolCall.Origin origin =
                    new ToolCall.Origin("mcp", requestId, client, Optional.ofNullable(exchange.sessionId()));
            Envelope envelope = tools.invoke(m.name(), principal, args, origin);
            String text = json.writeValueAsString(envelope.toJson());
            return McpSchema.CallToolResult.builder()
                    .structuredContent(json.convertValue(envelope.toJson(), MAP))
                    .addTextContent(text)
                    .isError(false)
                    .build();
        } catch (ToolException e) {
            return McpSchema.CallToolResult.builder()
                    .addTextContent(e.toJson().toString())
                    .isError(true)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private McpServerFeatures.SyncResourceSpecification eventTypesResource() {
        McpSchema.Resource resource = McpSchema.Resource.builder("td://event-types", "event-types")
                .title("Event types")
                .description(
                        "The event types td knows, with the JSON Schema of their data (same as the get_event_types tool)")
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
            McpSchema.ResourceContents contents = McpSchema.TextResourceContents.builder(request.uri(), list.toString())
                    .mimeType("application/json")
                    .build();
            return McpSchema.ReadResourceResult.builder(List.of(contents)).build();
        });
    }

    private Map<String, Object> map(JsonNode node) {
        return json.convertValue(node, MAP);
    }
}
