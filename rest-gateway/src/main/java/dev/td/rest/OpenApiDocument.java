package dev.td.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.rest.SchemaComponents.Side;
import dev.td.tools.ErrorCode;
import dev.td.tools.ToolManifest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 document of the REST API, generated from the tool manifests: one operation per
 * tool at its REST method and path (operationId = tool name), arguments as query and path
 * parameters (GET) or a JSON body, the envelope as the answer, problem+json for every error code.
 * Every request body, answer and nested object is a named component ({@code LogWorkoutRequest},
 * {@code LogWorkoutResponse}, {@code SetInput}), so generated clients get readable type names; the
 * manifests' examples are the operations' examples.
 */
public final class OpenApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {}

    public static ObjectNode generate(List<ToolManifest> tools, String version) {
        return generate(tools, version, Optional.empty(), Optional.empty());
    }

    /**
     * The document, with the two routes beside the tools where the server has them: {@code PUT /v1/uploads} (files for
     * import_file, needing {@code uploadScope}) and {@code GET /v1/exports/{export_id}} (export_data's zips, needing
     * {@code downloadScope}).
     */
    public static ObjectNode generate(
            List<ToolManifest> tools, String version, Optional<String> uploadScope, Optional<String> downloadScope) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        doc.set("info", info(version));
        doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode server = doc.putArray("servers").addObject();
        server.put("url", "{origin}");
        server.put("description", "Your td server");
        server.putObject("variables")
                .putObject("origin")
                .put("default", "http://localhost:7878")
                .put("description", "Scheme, host and port of your td (bin/td-server serve listens on 127.0.0.1:7878)");
        doc.set("tags", tags(tools));
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        SchemaComponents named = new SchemaComponents(schemas);
        EnvelopeSchemas.define(named, schemas);
        ObjectNode responses = components.putObject("responses");
        for (ErrorCode code : ErrorCode.values()) {
            responses.set(errorResponseName(code), EnvelopeSchemas.errorResponse(code));
        }
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put(
                "description",
                "A td API key (td_…), printed once when the server first starts or created for an agent");
        for (ToolManifest tool : tools) {
            ObjectNode pathItem = paths.has(tool.rest().path())
                    ? (ObjectNode) paths.get(tool.rest().path())
                    : paths.putObject(tool.rest().path());
            pathItem.set(tool.rest().method().toLowerCase(Locale.ROOT), operation(tool, named));
        }
        uploadScope.ifPresent(
                scope -> paths.putObject(RestGateway.UPLOADS).set("put", FileRoutes.upload(scope, named)));
        downloadScope.ifPresent(scope -> paths.putObject(RestGateway.EXPORTS).set("get", FileRoutes.download(scope)));
        sortByName(schemas);
        return doc;
    }

    /** The name of the shared response for an error code ({@code invalid_argument} → {@code InvalidArgument}). */
    static String errorResponseName(ErrorCode code) {
        return SchemaComponents.pascal(code.wireName());
    }

    private static ObjectNode info(String version) {
        ObjectNode info = JSON.objectNode();
        info.put("title", "td — the training data platform for AI agents");
        info.put("version", version);
        info.put(
                "description",
                "Every operation is a td tool; the same tools are offered over MCP at /mcp and by the td CLI. "
                        + "Answers are envelopes {data, context, meta}; errors are application/problem+json with a code, the JSON path "
                        + "of the offending argument and a message that says what to do. Any tool can also be called as POST /v1/tools/{name} with its arguments as the body.");
        // The tool contract (tool-manifests/, from which this document is generated) is Apache-2.0 (LICENSE).
        info.putObject("license").put("name", "Apache License 2.0").put("identifier", "Apache-2.0");
        return info;
    }

    private static ArrayNode tags(List<ToolManifest> tools) {
        Map<String, Set<String>> scopes = new TreeMap<>();
        for (ToolManifest tool : tools) {
            tool.scopes()
                    .forEach(scope -> scopes.computeIfAbsent(tag(tool), t -> new TreeSet<>())
                            .add("`" + scope + "`"));
        }
        ArrayNode tags = JSON.arrayNode();
        scopes.forEach((tag, needed) -> tags.addObject()
                .put("name", tag)
                .put("description", "Tools that need the scope " + String.join(" or ", needed)));
        return tags;
    }

    private static String tag(ToolManifest tool) {
        return tool.scope().split(":", -1)[0];
    }

    private static ObjectNode operation(ToolManifest tool, SchemaComponents named) {
        String type = SchemaComponents.pascal(tool.name());
        ObjectNode op = JSON.objectNode();
        op.put("operationId", tool.name());
        op.put("summary", tool.title());
        op.put(
                "description",
                tool.description() + "\n\nRequired scope: "
                        + String.join(
                                " or ",
                                tool.scopes().stream().map(s -> "`" + s + "`").toList())
                        + (tool.alsoScopes().isEmpty() ? "" : " (the answer holds what the caller's scopes give)")
                        + ".");
        op.putArray("tags").add(tag(tool));
        List<String> pathParams = tool.rest().pathParameters();
        ObjectNode input = (ObjectNode) named.inline(tool.inputSchema(), Side.REQUEST);
        ArrayNode params = op.putArray("parameters");
        Set<String> required = requiredOf(input);
        boolean get = tool.rest().method().equals("GET");
        input.path("properties").properties().forEach(f -> {
            boolean inPath = pathParams.contains(f.getKey());
            if (inPath || get) {
                params.add(parameter(
                        f.getKey(),
                        inPath ? "path" : "query",
                        f.getValue(),
                        inPath || required.contains(f.getKey()),
                        tool));
            }
        });
        if (!get) {
            op.set("requestBody", requestBody(tool, type, body(input, pathParams), named));
        }
        op.set("responses", responses(tool, type, named));
        return op;
    }

    /** The JSON body (the arguments less the path's), a named component, with the manifest's examples. */
    private static ObjectNode requestBody(ToolManifest tool, String type, ObjectNode body, SchemaComponents named) {
        ObjectNode requestBody = JSON.objectNode().put("required", true);
        ObjectNode media = requestBody.putObject("content").putObject("application/json");
        media.set("schema", named.define(type + "Request", body, Side.REQUEST));
        ObjectNode examples = media.putObject("examples");
        for (ToolManifest.Example e : tool.examples()) {
            ObjectNode args = e.arguments().deepCopy();
            tool.rest().pathParameters().forEach(args::remove);
            examples.putObject(exampleName(e)).put("summary", e.title()).set("value", args);
        }
        return requestBody;
    }

    /** The envelope (a named component, the manifest's examples as answers) and every error code. */
    private static ObjectNode responses(ToolManifest tool, String type, SchemaComponents named) {
        ObjectNode responses = JSON.objectNode();
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "The envelope: the tool's data, context, meta");
        ObjectNode media = ok.putObject("content").putObject("application/json");
        media.set(
                "schema",
                named.define(type + "Response", EnvelopeSchemas.envelope(data(tool, type, named)), Side.RESPONSE));
        ObjectNode examples = media.putObject("examples");
        for (ToolManifest.Example e : tool.examples()) {
            ObjectNode value = JSON.objectNode();
            value.set("data", e.result());
            value.putObject("context");
            value.set("meta", EnvelopeSchemas.metaExample());
            examples.putObject(exampleName(e)).put("summary", e.title()).set("value", value);
        }
        for (ErrorCode code : ErrorCode.values()) {
            responses
                    .putObject(Integer.toString(code.httpStatus()))
                    .put("$ref", "#/components/responses/" + errorResponseName(code));
        }
        return responses;
    }

    /** The tool's data schema: a named component, or the component it already is. */
    private static ObjectNode data(ToolManifest tool, String type, SchemaComponents named) {
        JsonNode output = named.inline(tool.outputSchema(), Side.RESPONSE);
        if (output.has("$ref") && output.size() == 1) {
            return (ObjectNode) output;
        }
        return named.define(type + "Data", output, Side.RESPONSE);
    }

    private static ObjectNode body(ObjectNode input, List<String> pathParams) {
        ObjectNode body = input.deepCopy();
        ObjectNode props = (ObjectNode) body.path("properties");
        pathParams.forEach(props::remove);
        if (body.has("required")) {
            ArrayNode kept = JSON.arrayNode();
            body.get("required").forEach(r -> {
                if (!pathParams.contains(r.asText())) {
                    kept.add(r);
                }
            });
            body.set("required", kept);
        }
        return body;
    }

    private static ObjectNode parameter(String name, String in, JsonNode schema, boolean required, ToolManifest tool) {
        ObjectNode p = JSON.objectNode();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        if (schema.has("description")) {
            p.put("description", schema.get("description").asText());
        }
        p.set("schema", schema);
        if (schema.path("type").asText().equals("array")) {
            p.put("style", "form");
            p.put("explode", true);
        }
        tool.examples().stream()
                .filter(e -> e.arguments().has(name))
                .findFirst()
                .ifPresent(e -> p.set("example", e.arguments().get(name)));
        return p;
    }

    /** A key for an example: its title in lower case, words joined by dashes. */
    private static String exampleName(ToolManifest.Example example) {
        String slug = example.title()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return slug.length() > 48 ? slug.substring(0, 48).replaceAll("-$", "") : slug;
    }

    private static Set<String> requiredOf(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static void sortByName(ObjectNode schemas) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        schemas.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        schemas.removeAll();
        schemas.setAll(sorted);
    }
}
