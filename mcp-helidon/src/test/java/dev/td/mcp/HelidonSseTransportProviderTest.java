package dev.td.mcp;

class HelidonSseTransportProviderTest extends McpHttpTransportContract {

    @Override
    McpTestServer start(McpRequestGuard guard) {
        return McpTestServer.sse(guard);
    }
}
