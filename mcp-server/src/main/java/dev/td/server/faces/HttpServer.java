package dev.td.server.faces;

import dev.td.mcp.ConformanceFixtures;
import dev.td.mcp.HelidonSseTransportProvider;
import dev.td.mcp.HelidonStreamableTransportProvider;
import dev.td.mcp.McpRequestAuthenticator;
import dev.td.mcp.McpRequestGuard;
import dev.td.rest.RestGateway;
import dev.td.rest.TransportProblems;
import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * td over HTTP on one Helidon SE server: MCP Streamable HTTP at {@code /mcp} (toolsets picked with the {@code
 * X-MCP-Toolsets} header) and {@code /mcp/x/{toolsets}} (picked in the path), the older HTTP+SSE transport at
 * {@code /sse} + {@code /message}, REST at {@code /v1}, {@code /openapi.json} and {@code /health}.
 */
public final class HttpServer {

    /** Request bodies larger than this are refused (413) on every face. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /**
     * How the HTTP face listens and whom it lets in.
     *
     * @param allowedOrigins extra browser origins allowed on the MCP endpoints (localhost ones always are)
     * @param conformanceFixtures test only: add the MCP conformance suite's fixtures
     * @param trustLocalhost      MCP requests without a key from the loopback interface act as the owner
     *                            (single-user local setups, and the conformance suite, which cannot send a key)
     */
    public record Options(
            String host, int port, List<String> allowedOrigins, boolean conformanceFixtures, boolean trustLocalhost) {
        public Options {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    private final WebServer server;
    private final List<McpSyncServer> mcpServers;

    private HttpServer(WebServer server, List<McpSyncServer> mcpServers) {
        this.server = server;
        this.mcpServers = mcpServers;
    }

    public static HttpServer start(TdCore core, Options options) {
        McpFace face = new McpFace(core.tools(), core.eventTypes(), HttpServer::caller, core::exerciseNames);
        Toolsets toolsets = face.toolsets();
        McpRequestGuard guard = McpRequestGuard.localhostOnly()
                .withExtraAllowedOrigins(options.allowedOrigins().toArray(String[]::new))
                .withMaxBodyBytes(MAX_BODY_BYTES)
                .withAuthenticator(new McpRequestAuthenticator() {
                    @Override
                    public Optional<?> authenticate(ServerRequest request) {
                        return principal(core, options, request)
                                .map(p -> new McpCaller(p, toolsets.parse(ToolsetChoice.of(request))));
                    }

                    @Override
                    public String whyRefused(ServerRequest request) {
                        return bearer(request)
                                .map(key -> core.accounts().whyRefused(key))
                                .orElse(McpRequestAuthenticator.INVALID_TOKEN);
                    }
                });
        if (!options.host().equals("127.0.0.1") && !options.host().equals("localhost")) {
            guard = guard.withAllowedHosts("*");
        }
        HelidonStreamableTransportProvider streamable = HelidonStreamableTransportProvider.builder()
                .path("/mcp")
                .guard(guard)
                .build();
        HelidonStreamableTransportProvider streamableByToolset = HelidonStreamableTransportProvider.builder()
                .path(ToolsetChoice.PATH)
                .guard(guard)
                .build();
        HelidonSseTransportProvider sse = HelidonSseTransportProvider.builder()
                .ssePath("/sse")
                .messagePath("/message")
                .guard(guard)
                .build();
        McpSyncServer streamableServer = build(face, McpServer.sync(streamable), options.conformanceFixtures());
        McpSyncServer byToolsetServer = build(face, McpServer.sync(streamableByToolset), options.conformanceFixtures());
        McpSyncServer sseServer = build(face, McpServer.sync(sse), options.conformanceFixtures());
        RestGateway rest = new RestGateway(
                core.tools(),
                core.accounts(),
                MAX_BODY_BYTES,
                TdCore.VERSION,
                Optional.of(core.uploader()),
                Optional.of(core.downloads()));
        WebServer web = WebServer.builder()
                .host(options.host())
                .port(options.port())
                // uploads (PUT /v1/uploads) stream up to this to disk; every other route reads at most MAX_BODY_BYTES
                // itself (RestGateway, McpRequestGuard) and refuses more with 413
                .maxPayloadSize(core.uploader().maxBytes())
                // answers are small and written at once: without TCP_NODELAY, Nagle plus the client's delayed ACK add
                // ~40 ms
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // what Helidon answers itself (414, 431, 413, malformed requests) is problem+json like every td error
                .directHandlers(handlers -> {
                    TransportProblems problems = new TransportProblems();
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, problems);
                    }
                })
                .routing(r -> r.get("/health", (req, res) -> {
                            boolean ok = databaseReachable(core);
                            res.status(ok ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
                            res.header(HeaderNames.CONTENT_TYPE, "application/json");
                            res.send("{\"status\":\"" + (ok ? "ok" : "database unreachable") + "\",\"version\":\""
                                    + TdCore.VERSION + "\"}");
                        })
                        .register(new ToolsetChoice(toolsets))
                        .register(streamable)
                        .register(streamableByToolset)
                        .register(sse)
                        .register(rest))
                .build()
                .start();
        return new HttpServer(web, List.of(streamableServer, byToolsetServer, sseServer));
    }

    private static <S extends McpServer.SyncSpecification<S>> McpSyncServer build(
            McpFace face, McpServer.SyncSpecification<S> spec, boolean fixtures) {
        face.configure(spec, TdCore.VERSION);
        if (fixtures) {
            spec.capabilities(ConformanceFixtures.capabilities());
            ConformanceFixtures.register(spec);
        }
        return spec.build();
    }

    /** Who the request authenticates as: the bearer key's principal, or the owner on trusted localhost. */
    private static Optional<Principal> principal(TdCore core, Options options, ServerRequest request) {
        Optional<String> bearer = bearer(request);
        if (bearer.isPresent()) {
            return core.accounts().authenticate(bearer.get());
        }
        return options.trustLocalhost() && isLoopback(request.remotePeer().address())
                ? Optional.of(core.accounts().localOwner())
                : Optional.empty();
    }

    /** The key of an {@code Authorization: Bearer} header. */
    private static Optional<String> bearer(ServerRequest request) {
        return dev.td.mcp.McpRequestAuthenticator.bearerToken(request);
    }

    private static McpCaller caller(McpTransportContext context) {
        if (context.get(McpRequestGuard.PRINCIPAL) instanceof McpCaller caller) {
            return caller;
        }
        throw new IllegalStateException("MCP request without an authenticated caller");
    }

    private static boolean isLoopback(java.net.SocketAddress address) {
        return address instanceof java.net.InetSocketAddress inet
                && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    private static boolean databaseReachable(TdCore core) {
        try (Connection c = core.database().dataSource().getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    public int port() {
        return server.port();
    }

    public void stop() {
        mcpServers.forEach(McpSyncServer::closeGracefully);
        server.stop();
    }
}
