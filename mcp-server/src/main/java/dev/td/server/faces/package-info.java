/**
 * The faces over the one tool registry: HTTP (REST routes and OpenAPI from the gateway, MCP
 * Streamable HTTP and HTTP+SSE from {@code mcp-helidon}), MCP over stdio, MCP prompts, resources
 * and completions, the toolsets a client picks, and the compact schemas MCP clients get. Faces only
 * translate.
 *
 * <p>The only package (with {@code Main}) that may use Helidon and the MCP SDK. May use
 * {@code wiring}, {@code access} and {@code events}; calls domains only through tools.
 */
package dev.td.server.faces;
