package dev.td.mcp;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private ConformanceFixtures() {
    }

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
                resource("test://static-text", "static-text", "A static text resource", "text/plain",
                        new McpSchema.TextResourceContents("test://static-text", "text/plain",
                                "This is the content of the static text resource.")),
                resource("test://static-binary", "static-binary", "A static binary resource (PNG)", "image/png",
                        new McpSchema.BlobResourceContents("test://static-binary", "image/png", ConformanceTools.PNG)),
                resource("test://watched-resource", "watched-resource", "A resource clients subscribe to", "text/plain",
                        new McpSchema.TextResourceContents("test://watched-resource", "text/plain",
                                "Watched resource content.")));
    }

    static List<SyncResourceTemplateSpecification> resourceTemplates() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate("test://template/{id}/data").name("template-data")
                .description("Data for an id, substituted from the URI").mimeType("application/json").build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher matcher = TEMPLATE_ID.matcher(request.uri());
            String id = matcher.matches() ? matcher.group(1) : "";
            String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
            return new ReadResourceResult(List.of(
                    new McpSchema.TextResourceContents(request.uri(), "application/json", json)));
        }));
    }

    static List<SyncPromptSpecification> prompts() {
        return List.of(
                new SyncPromptSpecification(
                        new McpSchema.Prompt("test_simple_prompt", "A prompt without arguments", List.of()),
                        (exchange, request) -> prompt(text("This is a simple prompt for testing."))),
                new SyncPromptSpecification(
                        new McpSchema.Prompt("test_prompt_with_arguments", "A prompt with two arguments", List.of(
                                new McpSchema.PromptArgument("arg1", "First test argument", true),
                                new McpSchema.PromptArgument("arg2", "Second test argument", true))),
                        (exchange, request) -> prompt(text("Prompt with arguments: arg1='"
                                + argument(request.arguments(), "arg1") + "', arg2='"
                                + argument(request.arguments(), "arg2") + "'"))),
                new SyncPromptSpecification(
                        new McpSchema.Prompt("test_prompt_with_embedded_resource", "A prompt embedding a resource",
                                List.of(new McpSchema.PromptArgument("resourceUri", "URI of the resource to embed", true))),
                        (exchange, request) -> prompt(
                                new PromptMessage(Role.USER, new McpSchema.EmbeddedResource(null,
                                        new McpSchema.TextResourceContents(argument(request.arguments(), "resourceUri"),
                                                "text/plain", "Embedded resource content for testing."))),
                                text("Please process the embedded resource above."))),
                new SyncPromptSpecification(
                        new McpSchema.Prompt("test_prompt_with_image", "A prompt with an image", List.of()),
                        (exchange, request) -> prompt(
                                new PromptMessage(Role.USER,
                                        new McpSchema.ImageContent(null, ConformanceTools.PNG, "image/png")),
                                text("Please analyze the image above."))));
    }

    static List<SyncCompletionSpecification> completions() {
        List<String> candidates = List.of("paris", "park", "party", "test", "testing");
        return List.of(new SyncCompletionSpecification(new McpSchema.PromptReference("test_prompt_with_arguments"),
                (exchange, request) -> {
                    String prefix = request.argument() == null ? "" : request.argument().value();
                    List<String> values = candidates.stream().filter(c -> c.startsWith(prefix)).toList();
                    return new McpSchema.CompleteResult(
                            new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
                }));
    }

    private static SyncResourceSpecification resource(String uri, String name, String description, String mimeType,
                                                      McpSchema.ResourceContents contents) {
        McpSchema.Resource resource = McpSchema.Resource.builder()
                .uri(uri).name(name).description(description).mimeType(mimeType).build();
        return new SyncResourceSpecification(resource, (exchange, request) -> new ReadResourceResult(List.of(contents)));
    }

    private static String argument(Map<String, Object> arguments, String name) {
        return arguments == null ? "" : String.valueOf(arguments.getOrDefault(name, ""));
    }

    private static PromptMessage text(String text) {
        return new PromptMessage(Role.USER, new McpSchema.TextContent(text));
    }

    private static GetPromptResult prompt(PromptMessage... messages) {
        return new GetPromptResult(null, List.of(messages));
    }
}
