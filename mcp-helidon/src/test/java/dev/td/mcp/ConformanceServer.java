package dev.td.mcp;

import io.helidon.webserver.WebServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;

/**
 * An MCP server with the {@link ConformanceFixtures} on the Streamable HTTP transport, for the
 * official conformance suite: {@code mcp-helidon/conformance.sh} starts it and runs the suite
 * against {@code http://localhost:PORT/mcp}.
 */
public final class ConformanceServer implements AutoCloseable {

    private final McpSyncServer mcp;
    private final WebServer web;

    public ConformanceServer(int port) {
        HelidonStreamableTransportProvider transport =
                HelidonStreamableTransportProvider.builder().build();
        McpServer.SyncSpecification<?> spec = McpServer.sync(transport)
                .serverInfo("td-conformance", "0.1.0")
                .capabilities(ConformanceFixtures.capabilities());
        ConformanceFixtures.register(spec);
        mcp = spec.build();
        web = WebServer.builder()
                .port(port)
                .routing(r -> r.register(transport))
                .build()
                .start();
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        mcp.close();
        web.stop();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3001;
        ConformanceServer server = new ConformanceServer(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("MCP conformance server on http://localhost:" + server.port() + "/mcp");
        Thread.currentThread().join();
    }
}
