package dev.td.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.td.tools.ErrorCode;
import dev.td.tools.ToolManifest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document of the REST API, generated from the tool manifests: one operation per
 * tool at its REST method and path (operationId = tool name), arguments as query and path
 * parameters (GET) or a JSON body, the envelope as the answer, problem+json for every error.
 * Shared schema definitions move to {@code components/schemas}.
 */
public final class OpenApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFS = "#/$defs/";
    private static final String COMPONENTS = "#/components/schemas/";

    private OpenApiDocument() {}

    public static ObjectNode generate(List<ToolManifest> tools, String version) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "td — the training data platform for AI agents");
        info.put("version", version);
        info.put(
                "description",
                "Every operation is a td tool; the same tools are offered over MCP at /mcp and by the td CLI. "
                        + "Answers are envelopes {data, context, meta}; errors are application/problem+json with a code, the JSON path "
                        + "of the offending argument and a message that says what to do. Any tool can also be called as POST /v1/tools/{name} with its arguments as the body.");
        doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Meta", metaSchema());
        schemas.set("Problem", problemSchema());
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put(
                "description",
                "A td API key (td_…), printed once when the server first starts or created for an agent");
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.putObject("paths");
        for (ToolManifest tool : tools) {
            ObjectNode pathItem = paths.has(tool.rest().path())
                    ? (ObjectNode) paths.get(tool.rest().path())
                    : paths.putObject(tool.rest().path());
            pathItem.set(tool.rest().method().toLowerCase(java.util.Locale.ROOT), operation(tool, schemas));
        }
        return doc;
    }

    private static ObjectNode operation(ToolManifest tool, ObjectNode schemas) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", tool.name());
        op.put("summary", tool.title());
        op.put("description", tool.description() + "\n\nRequired scope: `" + tool.scope() + "`.");
        op.putArray("tags").add(tool.scope().split(":", -1)[0]);
        ObjectNode input = (ObjectNode) hoist(tool.inputSchema(), schemas);
        ArrayNode params = op.putArray("parameters");
        List<String> pathParams = tool.rest().pathParameters();
        for (String name : pathParams) {
            params.add(parameter(name, "path", input.path("properties").path(name), true));
        }
        if (tool.rest().method().equals("GET")) {
            Set<String> required = requiredOf(input);
            input.path("properties").properties().forEach(f -> {
                if (!pathParams.contains(f.getKey())) {
                    params.add(parameter(f.getKey(), "query", f.getValue(), required.contains(f.getKey())));
                }
            });
        } else {
            ObjectNode body = input.deepCopy();
            ObjectNode props = (ObjectNode) body.path("properties");
            pathParams.forEach(props::remove);
            ArrayNode req = body.has("required") ? (ArrayNode) body.get("required") : null;
            if (req != null) {
                for (Iterator<JsonNode> it = req.iterator(); it.hasNext(); ) {
                    if (pathParams.contains(it.next().asText())) {
                        it.remove();
                    }
                }
            }
            ObjectNode rb = op.putObject("requestBody");
            rb.put("required", true);
            rb.putObject("content").putObject("application/json").set("schema", body);
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "The envelope: data as below, context, meta");
        ok.putObject("content")
                .putObject("application/json")
                .set("schema", envelope(hoist(tool.outputSchema(), schemas)));
        for (ErrorCode code : List.of(
                ErrorCode.INVALID_ARGUMENT,
                ErrorCode.UNAUTHENTICATED,
                ErrorCode.FORBIDDEN,
                ErrorCode.NOT_FOUND,
                ErrorCode.CONFLICT,
                ErrorCode.PAYLOAD_TOO_LARGE)) {
            ObjectNode r = responses.putObject(Integer.toString(code.httpStatus()));
            r.put("description", code.wireName() + ": " + code.meaning());
            r.putObject("content")
                    .putObject("application/problem+json")
                    .putObject("schema")
                    .put("$ref", COMPONENTS + "Problem");
        }
        return op;
    }

    private static ObjectNode parameter(String name, String in, JsonNode schema, boolean required) {
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
        return p;
    }

    private static ObjectNode envelope(JsonNode dataSchema) {
        ObjectNode env = JSON.objectNode();
        env.put("type", "object");
        env.putArray("required").add("data").add("context").add("meta");
        ObjectNode props = env.putObject("properties");
        props.set("data", dataSchema);
        props.putObject("context")
                .put("type", "object")
                .put("description", "What the agent should know but did not ask for");
        props.putObject("meta").put("$ref", COMPONENTS + "Meta");
        return env;
    }

    /** Moves {@code $defs} into components and rewrites references to point there. */
    private static JsonNode hoist(JsonNode schema, ObjectNode components) {
        JsonNode copy = schema.deepCopy();
        if (copy.isObject() && copy.has("$defs")) {
            ObjectNode defs = (ObjectNode) ((ObjectNode) copy).remove("$defs");
            defs.properties()
                    .forEach(
                            d -> components.set(d.getKey(), rewrite(d.getValue().deepCopy())));
        }
        return rewrite(copy);
    }

    private static JsonNode rewrite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
                o.set("$ref", TextNode.valueOf(COMPONENTS + ref.asText().substring(DEFS.length())));
            }
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                rewrite(f.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiDocument::rewrite);
        }
        return node;
    }

    private static Set<String> requiredOf(JsonNode schema) {
        java.util.HashSet<String> names = new java.util.HashSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static ObjectNode metaSchema() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.putArray("required")
                .add("computed_at")
                .add("request_id")
                .add("projection_version")
                .add("cache_hit")
                .add("statistical_quality");
        ObjectNode p = s.putObject("properties");
        p.putObject("computed_at").put("type", "string").put("format", "date-time");
        p.putObject("request_id").put("type", "string");
        p.putObject("projection_version").putArray("type").add("integer").add("null");
        p.putObject("cache_hit").put("type", "boolean");
        p.putObject("statistical_quality").putArray("type").add("object").add("null");
        return s;
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put(
                "description",
                "RFC 9457 problem details, with td's error code and the JSON path of the offending argument");
        s.putArray("required")
                .add("type")
                .add("title")
                .add("status")
                .add("detail")
                .add("code")
                .add("path");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string").put("description", "What went wrong and what to do");
        ArrayNode codes = p.putObject("code").put("type", "string").putArray("enum");
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.wireName());
        }
        p.putObject("path")
                .put("type", "string")
                .put("description", "JSON path of the offending argument, $ for the whole call");
        p.putObject("request_id").put("type", "string");
        return s;
    }
}
