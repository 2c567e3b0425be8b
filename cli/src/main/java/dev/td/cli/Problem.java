package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * A failed REST call, read from its {@code application/problem+json} body (RFC 9457 plus td's
 * {@code code}, {@code path} and {@code request_id}). A body that is not a problem document
 * still yields a problem, described by its HTTP status.
 */
public record Problem(
        int status, Optional<String> code, String detail, Optional<String> path, Optional<String> requestId) {

    static Problem from(int status, String body) {
        JsonNode json = parse(body);
        if (!json.isObject()) {
            return new Problem(
                    status,
                    Optional.empty(),
                    "the server answered HTTP " + status + " without a problem document",
                    Optional.empty(),
                    Optional.empty());
        }
        String detail = text(json, "detail").or(() -> text(json, "title")).orElse("HTTP " + status);
        return new Problem(status, text(json, "code"), detail, text(json, "path"), text(json, "request_id"));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    int exitCode() {
        return ExitCodes.forProblem(status, code);
    }

    /** The message for stderr: what went wrong and what to do, then where and which request. */
    String message() {
        StringBuilder text = new StringBuilder("error");
        code.ifPresent(c -> text.append(" [").append(c).append(']'));
        text.append(": ").append(detail);
        path.ifPresent(p -> text.append("\n  at: ").append(p));
        requestId.ifPresent(id -> text.append("\n  request id: ").append(id));
        if (exitCode() == ExitCodes.AUTH) {
            text.append(
                    "\n  check the API key with `td config`, or store a new one with `td login --url URL --with-token < key-file`");
        }
        return text.toString();
    }
}
