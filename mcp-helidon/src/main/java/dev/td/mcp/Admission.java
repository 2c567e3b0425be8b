package dev.td.mcp;

import io.modelcontextprotocol.common.McpTransportContext;

/** What {@link McpRequestGuard} decided about one HTTP request. */
sealed interface Admission {

    /** The request may proceed; the context carries the principal, if any. */
    record Admitted(McpTransportContext context) implements Admission {}

    /**
     * The request is refused with an HTTP status and a message safe to show the client.
     *
     * @param challenge the {@code WWW-Authenticate} value of a 401 (RFC 6750 §3), empty otherwise
     */
    record Refused(int status, String message, String challenge) implements Admission {
        Refused(int status, String message) {
            this(status, message, "");
        }
    }
}
