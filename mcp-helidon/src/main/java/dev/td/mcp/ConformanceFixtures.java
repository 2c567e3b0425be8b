package dev.td.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tools, resources, resource templates, prompts and completions that the official MCP
 * conformance suite ({@code @modelcontextprotocol/conformance} 0.1.16, server scenarios) calls.
 *
 * <p>For a test-fixtures mode only; never register them on a production server:
 * <pre>{@code
 * McpServer.SyncSpecification<?> spec = McpServer.sync(transport)
 *     .serverInfo("td-conformance", "1").capabilities(ConformanceFixtures.capabilities());
 * ConformanceFixtures.register(spec);
 * McpSyncServer server = spec.build();
 * }</pre>
 */
public final class ConformanceFixtures {

    private static final Pattern TEMPLATE_ID = Pattern.compile("test://template/([^/]+)/data");

    private ConformanceFixtures() {}

    /** Tools, logging, resources with subscriptions, prompts and completions: what the scenarios need declared. */
    public static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder()
                .tools(true)
                .logging()
                .resources(true, true)
                .prompts(true)
                .completions()
                .build();
    }

    /** Adds every fixture to {@code spec}. */
    public static void register(McpServer.SyncSpecification<?> spec) {
        spec.tools(ConformanceTools.all())
                .resources(resources())
                .resourceTemplates(resourceTemplates())
                .prompts(prompts())
                .completions(completions());
    }

    static List<SyncResourceSpecification> resources() {
        return List.of(
                resource(
                        "test://static-text",
                        "static-text",
                        "A static text resource",
                        "text/plain",
                        McpSchema.TextResourceContents.builder(
                                        "test://static-text", "This is the content of the static text resource.")
                                .mimeType("text/plain")
                                .build()),
                resource(
                        "test://static-binary",
                        "static-binary",
                        "A static binary resource (PNG)",
                        "image/png",
                        McpSchema.BlobResourceContents.builder("test://static-binary", ConformanceTools.PNG)
                                .mimeType("image/png")
                                .build()),
                resource(
                        "test://watched-resource",
                        "watched-resource",
                        "A resource clients subscribe to",
                        "text/plain",
                        McpSchema.TextResourceContents.builder("test://watched-resource", "Watched resource content.")
                                .mimeType("text/plain")
                                .build()));
    }

    static List<SyncResourceTemplateSpecification> resourceTemplates() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(
                        "test://template/{id}/data", "template-data")
                .description("Data for an id, substituted from the URI")
                .mimeType("application/json")
                .build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher matcher = TEMPLATE_ID.matcher(request.uri());
            String id = matcher.matches() ? matcher.group(1) : "";
            String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
            return ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(request.uri(), json)
                            .mimeType("application/json")
                            .build()))
                    .build();
        }));
    }

    static List<SyncPromptSpecification> prompts() {
        return List.of(
                new SyncPromptSpecification(
                        promptDefinition("test_simple_prompt", "A prompt without arguments"),
                        (exchange, request) -> prompt(text("This is a simple prompt for testing."))),
                new SyncPromptSpecification(
                        promptDefinition(
                                "test_prompt_with_arguments",
                                "A prompt with two arguments",
                                requiredArgument("arg1", "First test argument"),
                                requiredArgument("arg2", "Second test argument")),
                        (exchange, request) -> prompt(text("Prompt with arguments: arg1='"
                                + argument(request.arguments(), "arg1") + "', arg2='"
                                + argument(request.arguments(), "arg2") + "'"))),
                new SyncPromptSpecification(
                        promptDefinition(
                                "test_prompt_with_embedded_resource",
                                "A prompt embedding a resource",
                                requiredArgument("resourceUri", "URI of the resource to embed")),
                        (exchange, request) -> prompt(
                                new PromptMessage(
                                        Role.USER,
                                        McpSchema.EmbeddedResource.builder(
                                                        embeddedText(argument(request.arguments(), "resourceUri")))
                                                .build()),
                                text("Please process the embedded resource above."))),
                new SyncPromptSpecification(
                        promptDefinition("test_prompt_with_image", "A prompt with an image"),
                        (exchange, request) -> prompt(
                                new PromptMessage(
                                        Role.USER,
                                        McpSchema.ImageContent.builder(ConformanceTools.PNG, "image/png")
                                                .build()),
                                text("Please analyze the image above."))));
    }

    static List<SyncCompletionSpecification> completions() {
        List<String> candidates = List.of("paris", "park", "party", "test", "testing");
        return List.of(new SyncCompletionSpecification(
                new McpSchema.PromptReference("test_prompt_with_arguments"), (exchange, request) -> {
                    String prefix =
                            request.argument() == null ? "" : request.argument().value();
                    List<String> values = candidates.stream()
                            .filter(c -> c.startsWith(prefix))
                            .toList();
                    return new McpSchema.CompleteResult(
                            new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
                }));
    }

    private static SyncResourceSpecification resource(
            String uri, String name, String description, String mimeType, McpSchema.ResourceContents contents) {
        McpSchema.Resource resource = McpSchema.Resource.builder(uri, name)
                .description(description)
                .mimeType(mimeType)
                .build();
        return new SyncResourceSpecification(
                resource,
                (exchange, request) ->
                        ReadResourceResult.builder(List.of(contents)).build());
    }

    private static McpSchema.Prompt promptDefinition(
            String name, String description, McpSchema.PromptArgument... arguments) {
        return McpSchema.Prompt.builder(name)
                .description(description)
                .arguments(List.of(arguments))
                .build();
    }

    private static McpSchema.PromptArgument requiredArgument(String name, String description) {
        return McpSchema.PromptArgument.builder(name)
                .description(description)
                .required(true)
                .build();
    }

    /**
     * Built with the canonical constructor, not the builder: the builder refuses an empty URI, which
     * is what a request without {@code resourceUri} gets here.
     */
    private static McpSchema.TextResourceContents embeddedText(String uri) {
        return new McpSchema.TextResourceContents(uri, "text/plain", "Embedded resource content for testing.", null);
    }

    /** {@code arguments} is null when the client sent none. */
    private static String argument(@Nullable Map<String, Object> arguments, String name) {
        return arguments == null ? "" : String.valueOf(arguments.getOrDefault(name, ""));
    }

    private static PromptMessage text(String text) {
        return new PromptMessage(Role.USER, McpSchema.TextContent.builder(text).build());
    }

    private static GetPromptResult prompt(PromptMessage... messages) {
        return GetPromptResult.builder(List.of(messages)).build();
    }
}
