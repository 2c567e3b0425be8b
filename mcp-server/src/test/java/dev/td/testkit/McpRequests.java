package dev.td.testkit;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** MCP requests as tests send them, built the way the SDK (2.1) wants them built. */
public final class McpRequests {

    private McpRequests() {}

    /** tools/call of {@code tool} with these arguments. */
    public static McpSchema.CallToolRequest callTool(String tool, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    }

    /** resources/read of {@code uri}. */
    public static McpSchema.ReadResourceRequest readResource(String uri) {
        return McpSchema.ReadResourceRequest.builder(uri).build();
    }

    /** prompts/get of {@code prompt} with these arguments. */
    public static McpSchema.GetPromptRequest getPrompt(String prompt, Map<String, Object> arguments) {
        return McpSchema.GetPromptRequest.builder(prompt).arguments(arguments).build();
    }

    /** completion/complete of one argument of a prompt. */
    public static McpSchema.CompleteRequest completePromptArgument(String prompt, String argument, String typed) {
        return McpSchema.CompleteRequest.builder(
                        new McpSchema.PromptReference(prompt),
                        new McpSchema.CompleteRequest.CompleteArgument(argument, typed))
                .build();
    }
}
