/**
 * MCP server transports for Helidon SE routing, for the official MCP Java SDK: Streamable HTTP
 * ({@link dev.td.mcp.HelidonStreamableTransportProvider}) and the older HTTP+SSE
 * ({@link dev.td.mcp.HelidonSseTransportProvider}), both behind one
 * {@link dev.td.mcp.McpRequestGuard} (DNS-rebinding protection, authentication, body limit);
 * plus the {@link dev.td.mcp.ConformanceFixtures} the official conformance suite calls.
 */
package dev.td.mcp;
