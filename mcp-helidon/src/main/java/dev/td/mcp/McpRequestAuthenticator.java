package dev.td.mcp;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * Decides who is calling an MCP endpoint, from the HTTP request (typically its
 * {@code Authorization: Bearer …} header).
 *
 * <p>The transports call it on every request after the Host/Origin check. An empty result
 * means "not authenticated" and is answered {@code 401} with {@code WWW-Authenticate: Bearer} (and
 * {@code error="invalid_token"} when the request carried a bearer token);
 * a present result is the principal, whatever type the application's auth layer uses. It is
 * placed into the SDK's {@code McpTransportContext} under {@link McpRequestGuard#PRINCIPAL},
 * where tool handlers read it: {@code exchange.transportContext().get("principal")}.
 *
 * <p>Implementations must be thread-safe and must not read the request body.
 */
@FunctionalInterface
public interface McpRequestAuthenticator {

    /**
     * Returns the principal the request authenticates as.
     *
     * @param request the incoming request; only its headers, path and query should be read
     * @return the authenticated principal, or empty when the credentials are missing or invalid
     */
    Optional<?> authenticate(ServerRequest request);

    /** What {@link #whyRefused} says when the application says nothing more. */
    String INVALID_TOKEN = "the bearer token is unknown, revoked or expired";

    /**
     * Why a request whose bearer token {@link #authenticate} refused was refused, in words safe to show the
     * holder of that token (for example that it was revoked, and when); it goes into the 401's
     * {@code error_description}. Called only after a refusal.
     */
    default String whyRefused(ServerRequest request) {
        return INVALID_TOKEN;
    }

    /**
     * The token of the request's {@code Authorization: Bearer <token>} header (the scheme in any case, RFC 7235
     * §2.1), stripped; empty when there is no such header.
     */
    static Optional<String> bearerToken(ServerRequest request) {
        return request.headers()
                .first(io.helidon.http.HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }
}
