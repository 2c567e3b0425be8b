package dev.td.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ErrorCode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the HTTP layer answers on its own, before a request reaches td (a request line or headers
 * over the server's limits, a body too large, bytes that are not HTTP): the same problem+json as
 * every td error, with a code and a detail that says what to send instead. Register it for every
 * {@link DirectHandler.EventType} of the web server's listener.
 */
public final class TransportProblems implements DirectHandler {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        ErrorCode code = status.code() == 413
                ? ErrorCode.PAYLOAD_TOO_LARGE
                : status.code() >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_ARGUMENT;
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "https://td.dev/problems/" + code.wireName());
        p.put("title", code.meaning());
        p.put("status", status.code());
        p.put("detail", detail(status));
        p.put("code", code.wireName());
        p.put("path", "$");
        p.put("request_id", UUID.randomUUID().toString());
        headers.set(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(p.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** What went wrong, in td's words: Helidon's own message may echo the request, so it is not repeated. */
    static String detail(Status status) {
        return switch (status.code()) {
            case 414 ->
                "the request line (method, path and query) is longer than the server accepts;"
                        + " send the arguments as a JSON body instead: POST /v1/tools/{tool}";
            case 431 ->
                "the request headers are larger than the server accepts; send fewer or shorter headers"
                        + " (the API key goes in one Authorization: Bearer header)";
            case 413 ->
                "the request body is larger than the server accepts; split it into several calls"
                        + " (log_events takes at most 1000 events per call)";
            case 505 -> "this HTTP version is not supported; use HTTP/1.1 or HTTP/2";
            // Helidon tells no more: a header over its limit is a 400 as well
            default ->
                "the HTTP request could not be read (" + status.code() + " " + status.reasonPhrase()
                        + "): it is not well-formed HTTP/1.1, or its headers are over the server's limit;"
                        + " send a well-formed HTTP/1.1 request with short headers";
        };
    }
}
