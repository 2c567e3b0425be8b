package dev.td.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Tools the transport tests call: one that logs before answering, one that reports its caller. */
final class TestTools {

    static final String LOG_LINE = "counting sets";

    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());

    private TestTools() {}

    static McpServerFeatures.SyncToolSpecification loggingTool() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder("log_then_answer", NO_ARGUMENTS)
                        .description("Logs, then answers")
                        .build())
                .callHandler((exchange, request) -> {
                    exchange.loggingNotification(
                            McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, LOG_LINE)
                                    .logger("test")
                                    .build());
                    return McpSchema.CallToolResult.builder()
                            .addTextContent("done")
                            .build();
                })
                .build();
    }

    static McpServerFeatures.SyncToolSpecification whoAmITool() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder("who_am_i", NO_ARGUMENTS)
                        .description("Names the authenticated principal")
                        .build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(
                                String.valueOf(exchange.transportContext().get(McpRequestGuard.PRINCIPAL)))
                        .build())
                .build();
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }
}
