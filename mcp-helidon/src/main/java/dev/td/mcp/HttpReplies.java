package dev.td.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the transports' non-streaming HTTP answers: JSON bodies, JSON-RPC errors, refusals. */
final class HttpReplies {

    static final String APPLICATION_JSON = "application/json";
    static final String TEXT_EVENT_STREAM = "text/event-stream";
    /** JSON-RPC "server error" range; used for transport-level failures without a request id. */
    static final int TRANSPORT_ERROR = -32000;

    private final McpJsonMapper json;

    HttpReplies(McpJsonMapper json) {
        this.json = json;
    }

    void json(ServerResponse res, int status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, APPLICATION_JSON);
        res.send(bytes(body));
    }

    /** A JSON-RPC error object with a null id, as the spec asks for errors outside a request. */
    void error(ServerResponse res, int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", null);
        body.put("error", Map.of("code", code, "message", message));
        json(res, status, body);
    }

    void refuse(ServerResponse res, Admission.Refused refused) {
        if (!refused.challenge().isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, refused.challenge());
        }
        error(res, refused.status(), TRANSPORT_ERROR, refused.message());
    }

    byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
