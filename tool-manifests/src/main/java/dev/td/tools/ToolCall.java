package dev.td.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated call of a tool.
 *
 * @param tool      the manifest of the tool called
 * @param principal who calls
 * @param arguments the arguments, already valid against the tool's input schema
 * @param origin    which face the call came through and what the client said about itself
 */
public record ToolCall(ToolManifest tool, Principal principal, ObjectNode arguments, Origin origin) {

    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Where a call came from, recorded in event metadata.
     *
     * @param source    {@code mcp}, {@code cli}, {@code api} or {@code import}
     * @param requestId the id of this request
     * @param client    the client's name and version if it said (MCP clientInfo, CLI user agent)
     * @param sessionId the client's session id (MCP session), if any
     */
    public record Origin(String source, String requestId, Optional<String> client, Optional<String> sessionId) {
        private static final java.util.Set<String> SOURCES = java.util.Set.of("mcp", "cli", "api", "import");

        public Origin {
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("source must be mcp, cli, api or import, got " + source);
            }
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }
}
