package dev.td.server.faces;

import dev.td.server.wiring.TdCore;
import dev.td.tools.Principal;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/** MCP over stdin/stdout, acting as the local owner (for Claude Desktop and the MCP Inspector). */
public final class StdioServer {

    private StdioServer() {}

    /** Serves every toolset. */
    public static void run(TdCore core, InputStream in, OutputStream out) throws InterruptedException {
        run(core, in, out, Toolsets.ALL);
    }

    /**
     * Checks a toolset choice as {@link #run(TdCore, InputStream, OutputStream, String)} reads it.
     *
     * @throws IllegalArgumentException naming a toolset td does not have, and the ones it has
     */
    public static void checkToolsets(TdCore core, String toolsets) {
        Toolsets.of(core.tools().manifests()).parse(toolsets);
    }

    /**
     * Serves the toolsets named in {@code toolsets} ({@code training,stats}; {@code all} or blank for every one)
     * until stdin ends.
     *
     * @throws IllegalArgumentException naming a toolset td does not have, and the ones it has, before serving
     */
    public static void run(TdCore core, InputStream in, OutputStream out, String toolsets) throws InterruptedException {
        Principal owner = core.accounts().localOwner();
        McpCaller caller =
                new McpCaller(owner, Toolsets.of(core.tools().manifests()).parse(toolsets));
        McpFace face = new McpFace(core.tools(), core.eventTypes(), context -> caller, core::exerciseNames);
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }

            @Override
            public int read() throws java.io.IOException {
                int c = super.read();
                if (c < 0) {
                    closed.countDown();
                }
                return c;
            }
        };
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watched, out);
        McpSyncServer server =
                face.configure(McpServer.sync(transport), TdCore.VERSION).build();
        Runtime.getRuntime().addShutdownHook(new Thread(closed::countDown));
        closed.await();
        server.closeGracefully();
    }
}
