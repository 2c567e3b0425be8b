package dev.td.mcp;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The older MCP HTTP+SSE transport (spec 2024-11-05) on Helidon SE routing, for clients that do
 * not speak Streamable HTTP yet.
 *
 * <p>{@code GET /sse} opens the session's only stream and first sends an {@code endpoint} event
 * naming the message URL ({@code /message?sessionId=…}); the client POSTs each JSON-RPC message
 * there and gets {@code 202 Accepted}, answers travel on the stream. The session ends when the
 * stream does. Every request first passes the {@link McpRequestGuard}; the POSTs must come from
 * the principal that opened the stream.
 *
 * <pre>{@code
 * var transport = HelidonSseTransportProvider.builder().guard(guard).build();
 * McpSyncServer server = McpServer.sync(transport).serverInfo("td", "1").build();
 * WebServer.builder().routing(r -> r.register(transport)).build().start();
 * }</pre>
 */
public final class HelidonSseTransportProvider implements McpServerTransportProvider, HttpService {

    private static final System.Logger LOG = System.getLogger(HelidonSseTransportProvider.class.getName());

    /** An open session: the SDK's session, its one stream, and who opened it. */
    private record SseSession(McpServerSession sdk, EventChannel stream, Object owner)
            implements SessionRegistry.Registered {

        @Override
        public boolean ownedBy(McpTransportContext context) {
            return Objects.equals(owner, context.get(McpRequestGuard.PRINCIPAL));
        }

        @Override
        public void closeStreams() {
            stream.close();
        }
    }

    private final String ssePath;
    private final String messagePath;
    private final McpJsonMapper json;
    private final Duration heartbeat;
    private final HttpReplies replies;
    private final SessionRegistry<SseSession> sessions = new SessionRegistry<>();
    private final RequestGate<SseSession> gate;
    private final Scheduler handlers =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "mcp-sse");
    /** Set by the SDK when an {@code McpServer} is built on this transport; null until then. */
    private volatile McpServerSession.@Nullable Factory sessionFactory;

    private HelidonSseTransportProvider(Builder builder) {
        this.ssePath = builder.ssePath;
        this.messagePath = builder.messagePath;
        this.json = builder.json;
        this.heartbeat = builder.heartbeat;
        this.replies = new HttpReplies(json);
        this.gate = new RequestGate<>(builder.guard, json, sessions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of sessions (open streams). */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> sessions.broadcast(method, params));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            sessions.closeAll();
            handlers.dispose();
        });
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(ssePath, this::stream).post(messagePath, this::message);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        Optional<McpTransportContext> context = gate.admitStream(req, res);
        if (context.isEmpty()) {
            return;
        }
        EventChannel stream = EventChannel.stream(json);
        McpServerSession session = sessionFactory().create(stream);
        sessions.add(
                session.getId(), new SseSession(session, stream, context.get().get(McpRequestGuard.PRINCIPAL)));
        stream.announce("endpoint", messageUrl(req) + "?sessionId=" + session.getId());
        try {
            stream.serve(res, heartbeat);
        } finally {
            sessions.remove(session.getId());
            session.close();
        }
    }

    private McpServerSession.Factory sessionFactory() {
        McpServerSession.@Nullable Factory factory = sessionFactory;
        if (factory == null) {
            throw new IllegalStateException("No McpServer is built on this transport yet");
        }
        return factory;
    }

    private void message(ServerRequest req, ServerResponse res) throws IOException {
        Optional<McpTransportContext> context = gate.admit(req, res);
        if (context.isEmpty()) {
            return;
        }
        Optional<String> id = req.query().first("sessionId").asOptional();
        if (id.isEmpty()) {
            replies.error(res, 400, HttpReplies.TRANSPORT_ERROR, "sessionId query parameter required");
            return;
        }
        Optional<McpSchema.JSONRPCMessage> message = gate.readMessage(req, res);
        if (message.isEmpty()) {
            return;
        }
        Optional<SseSession> session = gate.session(id.get(), context.get(), res);
        if (session.isEmpty()) {
            return;
        }
        Mono<Void> handling = session.get()
                .sdk()
                .handle(message.get())
                .contextWrite(c -> c.put(McpTransportContext.KEY, context.get()));
        if (message.get() instanceof McpSchema.JSONRPCRequest request) {
            // answered on the stream; a tool may wait for the client, which needs this POST answered first
            handling.subscribeOn(handlers)
                    .subscribe(
                            done -> {},
                            error -> LOG.log(Level.WARNING, "Request " + request.method() + " failed", error));
        } else {
            handling.block();
        }
        res.status(202).send();
    }

    /** The message path as the client must call it, keeping any prefix the service is registered under. */
    private String messageUrl(ServerRequest req) {
        String requested = req.path().absolute().path();
        String prefix =
                requested.endsWith(ssePath) ? requested.substring(0, requested.length() - ssePath.length()) : "";
        return prefix + messagePath;
    }

    /** Configures a {@link HelidonSseTransportProvider}. */
    public static final class Builder {
        private String ssePath = "/sse";
        private String messagePath = "/message";
        private McpJsonMapper json = McpJsonDefaults.getMapper();
        private McpRequestGuard guard = McpRequestGuard.localhostOnly();
        private Duration heartbeat = Duration.ofSeconds(25);

        private Builder() {}

        /** Path of the SSE stream, default {@code /sse}. */
        public Builder ssePath(String ssePath) {
            this.ssePath = absolute(ssePath);
            return this;
        }

        /** Path clients POST messages to, default {@code /message}. */
        public Builder messagePath(String messagePath) {
            this.messagePath = absolute(messagePath);
            return this;
        }

        public Builder jsonMapper(McpJsonMapper json) {
            this.json = json;
            return this;
        }

        /** Host/Origin validation, authentication and body limit; default {@link McpRequestGuard#localhostOnly()}. */
        public Builder guard(McpRequestGuard guard) {
            this.guard = guard;
            return this;
        }

        /** Silence after which an SSE comment is sent to detect dead connections; default 25 s. */
        public Builder heartbeat(Duration heartbeat) {
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
            }
            this.heartbeat = heartbeat;
            return this;
        }

        public HelidonSseTransportProvider build() {
            return new HelidonSseTransportProvider(this);
        }

        private static String absolute(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', was " + path);
            }
            return path;
        }
    }
}
