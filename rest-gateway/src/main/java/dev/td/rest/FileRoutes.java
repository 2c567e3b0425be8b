package dev.td.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.rest.SchemaComponents.Side;
import dev.td.tools.ErrorCode;

/**
 * The OpenAPI operations of the two routes that carry files rather than JSON arguments, beside the tools: {@code PUT
 * /v1/uploads} (a file for import_file) and {@code GET /v1/exports/{export_id}} (export_data's zip). Their bodies are
 * bytes, so they are written here, not generated from a manifest; their errors are the tools' problem+json answers.
 */
final class FileRoutes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FileRoutes() {}

    static ObjectNode upload(String scope, SchemaComponents named) {
        ObjectNode op = operation(
                "upload_file",
                "Upload a file to import",
                "Streams a file of any size (up to 8 GiB) to td for the key's person and answers its upload_id; "
                        + "import_file {\"upload_id\"} then imports it. Files too big for a tool call's arguments "
                        + "(content_base64 holds about 73 KB) come this way; an upload is kept a day. td recognizes "
                        + "the format from the content (FIT, GPX, TCX, Apple Health, Strava, Strong, Hevy, Whoop, Oura, "
                        + "a td export).",
                scope);
        parameter(
                op,
                "name",
                "query",
                "The file's name as the person knows it (kept in the import report), e.g. export.zip",
                255,
                "strong_workouts.csv");
        ObjectNode body = op.putObject("requestBody").put("required", true);
        body.put("description", "The file's bytes as they are (a zip stays zipped)");
        body.putObject("content")
                .putObject("application/octet-stream")
                .putObject("schema")
                .put("type", "string")
                .put("contentMediaType", "application/octet-stream");
        ObjectNode responses = op.putObject("responses");
        ObjectNode created = responses.putObject("201");
        created.put("description", "Kept: its upload_id, for import_file");
        created.putObject("content")
                .putObject("application/json")
                .set("schema", named.define("UploadFileResponse", uploadAnswer(named), Side.RESPONSE));
        errors(responses);
        return op;
    }

    static ObjectNode download(String scope) {
        ObjectNode op = operation(
                "download_export",
                "Download an export",
                "The zip export_data made (its answer's download is this path), for a day after it was made; only "
                        + "the person it was made for finds it. Every download is written to the person's access log "
                        + "(export_download).",
                scope);
        parameter(op, "export_id", "path", "export_data's export_id", 200, "0193f1c2-7a10-7000-8000-0000000000e1");
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put(
                "description",
                "The zip (events.jsonl, effective.jsonl, a CSV per projection, README.md, manifest.json)");
        ObjectNode disposition = ok.putObject("headers").putObject("Content-Disposition");
        disposition.put("description", "attachment; filename=\"td-export-….zip\"");
        disposition.putObject("schema").put("type", "string");
        ok.putObject("content")
                .putObject("application/zip")
                .putObject("schema")
                .put("type", "string")
                .put("contentMediaType", "application/zip");
        errors(responses);
        return op;
    }

    /** {data: {upload_id, bytes, name, next}, context: {}, meta: {request_id}}, its objects named components. */
    private static ObjectNode uploadAnswer(SchemaComponents named) {
        ObjectNode data = JSON.objectNode().put("type", "object");
        data.putArray("required").add("upload_id").add("bytes").add("name").add("next");
        ObjectNode fields = data.putObject("properties");
        fields.putObject("upload_id").put("type", "string").put("format", "uuid");
        fields.putObject("bytes").put("type", "integer").put("minimum", 0).put("description", "Bytes kept");
        fields.putObject("name").put("type", "string").put("description", "The name given in the query");
        fields.putObject("next").put("type", "string").put("description", "The call that imports it");
        ObjectNode meta = JSON.objectNode().put("type", "object");
        meta.putArray("required").add("request_id");
        meta.putObject("properties").putObject("request_id").put("type", "string");
        ObjectNode answer = JSON.objectNode().put("type", "object");
        answer.putArray("required").add("data").add("context").add("meta");
        ObjectNode properties = answer.putObject("properties");
        properties.set("data", named.define("UploadFileData", data, Side.RESPONSE));
        properties
                .putObject("context")
                .put("type", "object")
                .put("description", "Empty: an upload is not yet about the person's training")
                .put("additionalProperties", false);
        properties.set("meta", named.define("UploadFileMeta", meta, Side.RESPONSE));
        return answer;
    }

    private static ObjectNode operation(String id, String summary, String description, String scope) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("description", description + "\n\nRequired scope: `" + scope + "`.");
        op.putArray("tags").add(scope.split(":", -1)[0]);
        return op;
    }

    /** The operation's one parameter: required text of at most {@code maxLength} characters. */
    private static void parameter(
            ObjectNode op, String name, String in, String description, int maxLength, String example) {
        ObjectNode p = op.putArray("parameters").addObject();
        p.put("name", name);
        p.put("in", in);
        p.put("required", true);
        p.put("description", description);
        p.putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", maxLength);
        p.put("example", example);
    }

    private static void errors(ObjectNode responses) {
        for (ErrorCode code : ErrorCode.values()) {
            responses
                    .putObject(Integer.toString(code.httpStatus()))
                    .put("$ref", "#/components/responses/" + OpenApiDocument.errorResponseName(code));
        }
    }
}
