package dev.td.mcp;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Optional;

/**
 * Where each HTTP request to an MCP transport is let in or turned away. Every refusal is answered
 * here, as a JSON-RPC error with a null id, so a transport only handles what was let in:
 * {@code 503} once its {@link SessionRegistry} is closed, the {@link McpRequestGuard}'s {@code 403}
 * or {@code 401}, {@code 406} for a stream the client does not accept, {@code 413} for a body over
 * the limit, {@code 400} for a body that is not JSON-RPC and {@code 404} for a session the caller
 * did not open.
 *
 * @param <S> the transport's own session type
 */
final class RequestGate<S extends SessionRegistry.Registered> {

    private final McpRequestGuard guard;
    private final McpJsonMapper json;
    private final HttpReplies replies;
    private final SessionRegistry<S> sessions;

    RequestGate(McpRequestGuard guard, McpJsonMapper json, SessionRegistry<S> sessions) {
        this.guard = guard;
        this.json = json;
        this.replies = new HttpReplies(json);
        this.sessions = sessions;
    }

    /** The request's context (with the principal, if any) when the transport is open and the guard admits it. */
    Optional<McpTransportContext> admit(ServerRequest req, ServerResponse res) {
        if (!sessions.isOpen()) {
            replies.error(res, 503, HttpReplies.TRANSPORT_ERROR, "Server is shutting down");
            return Optional.empty();
        }
        return switch (guard.admit(req)) {
            case Admission.Refused refused -> {
                replies.refuse(res, refused);
                yield Optional.empty();
            }
            case Admission.Admitted admitted -> Optional.of(admitted.context());
        };
    }

    /** As {@link #admit}, for a request opening an SSE stream: its Accept must include {@code text/event-stream}. */
    Optional<McpTransportContext> admitStream(ServerRequest req, ServerResponse res) {
        Optional<McpTransportContext> context = admit(req, res);
        if (context.isPresent() && !req.headers().isAccepted(MediaTypes.TEXT_EVENT_STREAM)) {
            replies.error(res, 406, HttpReplies.TRANSPORT_ERROR, "Accept must include text/event-stream");
            return Optional.empty();
        }
        return context;
    }

    /**
     * The JSON-RPC message in the request body, read within the guard's body limit; empty (and the
     * refusal sent) when the body is too large, unreadable or not JSON-RPC. A body that cannot be read
     * is the client's fault (it went away, or sent a broken encoding), so it is a 400, never a 500.
     */
    Optional<McpSchema.JSONRPCMessage> readMessage(ServerRequest req, ServerResponse res) {
        String body;
        try {
            body = guard.readBody(req);
        } catch (McpRequestGuard.BodyTooLargeException e) {
            replies.error(res, 413, HttpReplies.TRANSPORT_ERROR, e.reply());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            replies.error(res, 400, McpSchema.ErrorCodes.PARSE_ERROR, "Body could not be read");
            return Optional.empty();
        }
        try {
            return Optional.of(McpSchema.deserializeJsonRpcMessage(json, body));
        } catch (IOException | IllegalArgumentException e) {
            replies.error(res, 400, McpSchema.ErrorCodes.PARSE_ERROR, "Body is not a JSON-RPC message");
            return Optional.empty();
        }
    }

    /** The session with this id if the caller in {@code context} opened it; an unknown or foreign one is 404. */
    Optional<S> session(String id, McpTransportContext context, ServerResponse res) {
        Optional<S> session = sessions.find(id, context);
        if (session.isEmpty()) {
            replies.error(res, 404, HttpReplies.TRANSPORT_ERROR, "Session not found");
        }
        return session;
    }
}
