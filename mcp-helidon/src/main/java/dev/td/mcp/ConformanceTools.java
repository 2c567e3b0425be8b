package dev.td.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** The {@code test_*} tools of the conformance suite's server scenarios; see {@link ConformanceFixtures}. */
final class ConformanceTools {

    /** 1×1 red PNG. */
    static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** 8 kHz mono 16-bit WAV holding one silent sample. */
    static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQIAAAAAAA==";

    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());

    private ConformanceTools() {}

    static List<SyncToolSpecification> all() {
        return List.of(
                tool(
                        "test_simple_text",
                        "Returns simple text",
                        NO_ARGUMENTS,
                        (ex, req) -> text("This is a simple text response for testing.")),
                tool(
                        "test_image_content",
                        "Returns an image",
                        NO_ARGUMENTS,
                        (ex, req) -> result(
                                McpSchema.ImageContent.builder(PNG, "image/png").build())),
                tool(
                        "test_audio_content",
                        "Returns audio",
                        NO_ARGUMENTS,
                        (ex, req) -> result(
                                McpSchema.AudioContent.builder(WAV, "audio/wav").build())),
                tool(
                        "test_embedded_resource",
                        "Returns an embedded resource",
                        NO_ARGUMENTS,
                        (ex, req) -> result(embedded(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content."))),
                tool(
                        "test_multiple_content_types",
                        "Returns text, image and resource",
                        NO_ARGUMENTS,
                        (ex, req) -> CallToolResult.builder()
                                .addContent(McpSchema.TextContent.builder("Multiple content types test:")
                                        .build())
                                .addContent(McpSchema.ImageContent.builder(PNG, "image/png")
                                        .build())
                                .addContent(embedded(
                                        "test://mixed-content-resource",
                                        "application/json",
                                        "{\"test\":\"data\",\"value\":123}"))
                                .build()),
                tool(
                        "test_tool_with_logging",
                        "Logs three messages while running",
                        NO_ARGUMENTS,
                        ConformanceTools::logThreeTimes),
                tool(
                        "test_tool_with_progress",
                        "Reports progress 0, 50, 100 of 100",
                        NO_ARGUMENTS,
                        ConformanceTools::reportProgress),
                tool(
                        "test_error_handling",
                        "Always fails",
                        NO_ARGUMENTS,
                        (ex, req) -> CallToolResult.builder()
                                .isError(true)
                                .addTextContent("This tool intentionally returns an error for testing")
                                .build()),
                tool(
                        "test_sampling",
                        "Asks the client's LLM",
                        stringArgument("prompt", "The prompt to send to the LLM"),
                        ConformanceTools::sample),
                tool(
                        "test_elicitation",
                        "Asks the user",
                        stringArgument("message", "The message to show the user"),
                        ConformanceTools::elicit),
                tool(
                        "test_elicitation_sep1034_defaults",
                        "Elicits with defaults for each primitive type",
                        NO_ARGUMENTS,
                        (ex, req) -> elicitWith(ex, "Please review your profile", ConformanceSchemas.DEFAULTS)),
                tool(
                        "test_elicitation_sep1330_enums",
                        "Elicits with every enum variant",
                        NO_ARGUMENTS,
                        (ex, req) -> elicitWith(ex, "Please choose options", ConformanceSchemas.ENUMS)),
                tool(
                        "json_schema_2020_12_tool",
                        "Tool with JSON Schema 2020-12 features",
                        ConformanceSchemas.JSON_SCHEMA_2020_12,
                        (ex, req) -> text("ok")),
                tool(
                        "test_reconnection",
                        "Answers on its response stream",
                        NO_ARGUMENTS,
                        (ex, req) -> text("Reconnection test completed successfully")));
    }

    private static CallToolResult logThreeTimes(McpSyncServerExchange exchange, CallToolRequest request) {
        log(exchange, "Tool execution started");
        pause();
        log(exchange, "Tool processing data");
        pause();
        log(exchange, "Tool execution completed");
        return text("Tool with logging executed successfully");
    }

    private static CallToolResult reportProgress(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        for (int progress = 0; progress <= 100; progress += 50) {
            if (token != null) {
                exchange.progressNotification(McpSchema.ProgressNotification.builder(token, progress)
                        .total(100.0)
                        .build());
            }
            if (progress < 100) {
                pause();
            }
        }
        return text("Tool with progress executed successfully");
    }

    private static CallToolResult sample(McpSyncServerExchange exchange, CallToolRequest request) {
        if (exchange.getClientCapabilities() == null
                || exchange.getClientCapabilities().sampling() == null) {
            return CallToolResult.builder()
                    .isError(true)
                    .addTextContent("Client does not support sampling")
                    .build();
        }
        String prompt = String.valueOf(request.arguments().get("prompt"));
        List<McpSchema.SamplingMessage> messages = List.of(new McpSchema.SamplingMessage(
                McpSchema.Role.USER, McpSchema.TextContent.builder(prompt).build()));
        McpSchema.CreateMessageResult answer = exchange.createMessage(
                McpSchema.CreateMessageRequest.builder(messages, 100).build());
        String reply =
                answer.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(answer.content());
        return text("LLM response: " + reply);
    }

    private static CallToolResult elicit(McpSyncServerExchange exchange, CallToolRequest request) {
        String message = String.valueOf(request.arguments().get("message"));
        McpSchema.ElicitResult answer = ask(exchange, message, ConformanceSchemas.USER_DETAILS);
        return text("User response: action=" + answer.action().name().toLowerCase(Locale.ROOT) + ", content="
                + answer.content());
    }

    private static CallToolResult elicitWith(
            McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        McpSchema.ElicitResult answer = ask(exchange, message, schema);
        return text("Elicitation completed: action=" + answer.action().name().toLowerCase(Locale.ROOT) + ", content="
                + answer.content());
    }

    private static McpSchema.ElicitResult ask(
            McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        return exchange.createElicitation(
                McpSchema.ElicitFormRequest.builder(message, schema).build());
    }

    private static void log(McpSyncServerExchange exchange, String message) {
        exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, message)
                .logger("conformance")
                .build());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> stringArgument(String name, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of(name, Map.of("type", "string", "description", description)));
        schema.put("required", List.of(name));
        return schema;
    }

    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> inputSchema,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(name, inputSchema)
                        .description(description)
                        .build())
                .callHandler(handler)
                .build();
    }

    private static McpSchema.EmbeddedResource embedded(String uri, String mimeType, String text) {
        return McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder(uri, text)
                        .mimeType(mimeType)
                        .build())
                .build();
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).build();
    }

    private static CallToolResult result(McpSchema.Content content) {
        return CallToolResult.builder().addContent(content).build();
    }
}
