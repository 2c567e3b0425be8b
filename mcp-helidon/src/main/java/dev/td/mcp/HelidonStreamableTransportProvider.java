package dev.td.mcp;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP Streamable HTTP transport (spec 2025-03-26 and later) on Helidon SE routing.
 *
 * <p>It is both the SDK's transport provider and the Helidon {@link HttpService} serving it:
 * {@code POST} carries JSON-RPC messages (a request is answered as {@code application/json}, or as
 * an SSE stream when the server sends notifications or requests while handling it), {@code GET}
 * opens a standalone SSE stream for server-initiated messages, {@code DELETE} ends the session.
 * {@code Mcp-Session-Id} is issued on {@code initialize} and required afterwards (missing →
 * {@code 400}, unknown or owned by another principal → {@code 404}). Every request first passes
 * the {@link McpRequestGuard}.
 *
 * <pre>{@code
 * var transport = HelidonStreamableTransportProvider.builder().guard(guard).build();
 * McpSyncServer server = McpServer.sync(transport).serverInfo("td", "1").build();
 * WebServer.builder().routing(r -> r.register(transport)).build().start();
 * }</pre>
 */
public final class HelidonStreamableTransportProvider implements McpStreamableServerTransportProvider, HttpService {

    private static final System.Logger LOG = System.getLogger(HelidonStreamableTransportProvider.class.getName());
    private static final HeaderName SESSION_ID = HeaderNames.create(HttpHeaders.MCP_SESSION_ID);
    private static final HeaderName PROTOCOL_VERSION = HeaderNames.create(HttpHeaders.PROTOCOL_VERSION);
    private static final List<String> PROTOCOL_VERSIONS =
            List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private final String path;
    private final McpJsonMapper json;
    private final Duration heartbeat;
    private final Duration idleTimeout;
    private final HttpReplies replies;
    private final SessionRegistry<StreamableSession> sessions = new SessionRegistry<>();
    private final RequestGate<StreamableSession> gate;
    /** Runs SDK request handling off the request thread, which is busy writing the response. */
    private final Scheduler handlers =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "mcp-streamable");
    /** Set by the SDK when an {@code McpServer} is built on this transport; null until then. */
    private volatile McpStreamableServerSession.@Nullable Factory sessionFactory;

    private HelidonStreamableTransportProvider(Builder builder) {
        this.path = builder.path;
        this.json = builder.json;
        this.heartbeat = builder.heartbeat;
        this.idleTimeout = builder.idleTimeout;
        this.replies = new HttpReplies(json);
        this.gate = new RequestGate<>(builder.guard, json, sessions);
        Thread.ofVirtual().name("mcp-session-reaper").start(this::reapIdleSessions);
    }

    /**
     * Ends sessions whose client went away without DELETE: no request for {@code idleTimeout} and no
     * stream open. Their next request gets 404, which tells a client to initialize again.
     */
    private void reapIdleSessions() {
        long period = Math.max(10, Math.min(idleTimeout.toMillis() / 4, 60_000));
        while (sessions.isOpen()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            sessions.closeIdle(s -> s.idleFor(idleTimeout.toNanos(), now));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The path POST, GET and DELETE are routed on, relative to where the service is registered. */
    public String path() {
        return path;
    }

    /** Number of sessions currently open. */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public List<String> protocolVersions() {
        return PROTOCOL_VERSIONS;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
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
        rules.post(path, this::post).get(path, this::get).delete(path, this::delete);
    }

    private void post(ServerRequest req, ServerResponse res) throws IOException {
        Optional<McpTransportContext> context = gate.admit(req, res);
        if (context.isEmpty()) {
            return;
        }
        if (!req.headers().isAccepted(MediaTypes.APPLICATION_JSON)
                && !req.headers().isAccepted(MediaTypes.TEXT_EVENT_STREAM)) {
            replies.error(
                    res,
                    406,
                    HttpReplies.TRANSPORT_ERROR,
                    "Accept must include application/json and text/event-stream");
            return;
        }
        Optional<McpSchema.JSONRPCMessage> message = gate.readMessage(req, res);
        if (message.isEmpty()) {
            return;
        }
        if (message.get() instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(request, context.get(), res);
            return;
        }
        Optional<StreamableSession> session = session(req, res, context.get());
        if (session.isEmpty()) {
            return;
        }
        McpStreamableServerSession sdk = session.get().sdk();
        switch (message.get()) {
            case McpSchema.JSONRPCRequest request -> answer(request, session.get(), context.get(), res);
            case McpSchema.JSONRPCNotification notification -> {
                sdk.accept(notification)
                        .contextWrite(c -> c.put(McpTransportContext.KEY, context.get()))
                        .block();
                res.status(202).send();
            }
            case McpSchema.JSONRPCResponse response -> {
                sdk.accept(response)
                        .contextWrite(c -> c.put(McpTransportContext.KEY, context.get()))
                        .block();
                res.status(202).send();
            }
            default -> replies.error(res, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Unknown JSON-RPC message kind");
        }
    }

    private void initialize(McpSchema.JSONRPCRequest request, McpTransportContext context, ServerResponse res) {
        McpSchema.InitializeRequest params =
                json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        McpStreamableServerSession.McpStreamableServerSessionInit init =
                sessionFactory().startSession(params);
        McpSchema.InitializeResult result = init.initResult()
                .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                .block();
        sessions.add(init.session().getId(), new StreamableSession(init.session(), context));
        res.header(SESSION_ID, init.session().getId());
        replies.json(res, 200, McpSchema.JSONRPCResponse.result(request.id(), result));
    }

    private void answer(
            McpSchema.JSONRPCRequest request,
            StreamableSession session,
            McpTransportContext context,
            ServerResponse res) {
        EventChannel channel = EventChannel.reply(json);
        session.track(channel);
        // the SDK's streamable session closes the channel when a handler fails, without an answer: the failure is
        // kept here and answered below, so the client hears the SDK's error (e.g. -32602) for its request id
        java.util.concurrent.CompletableFuture<Optional<Throwable>> outcome =
                new java.util.concurrent.CompletableFuture<>();
        // deferred, as the SDK's deprecated responseStream(request, transport) does: the stream joins
        // the session's open streams only once the handler thread subscribes
        Mono.defer(() -> session.sdk().responseStream(channel).handle(request))
                .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                .subscribeOn(handlers)
                .doFinally(signal -> {
                    channel.close();
                    outcome.complete(Optional.empty());
                })
                .subscribe(done -> {}, error -> outcome.complete(Optional.of(error)));
        try {
            channel.serve(res, heartbeat);
        } finally {
            session.untrack(channel);
        }
        if (!res.isSent()) {
            Optional<Throwable> failed;
            try {
                failed = outcome.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed = Optional.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = Optional.of(e);
            }
            McpSchema.JSONRPCResponse answer = failure(
                    request, failed.orElseGet(() -> new IllegalStateException("the request ended without an answer")));
            replies.json(res, isClientMistake(answer) ? 200 : 500, answer);
        }
    }

    private static boolean isClientMistake(McpSchema.JSONRPCResponse answer) {
        McpSchema.JSONRPCResponse.@Nullable JSONRPCError error = answer.error();
        return error != null && error.code() != McpSchema.ErrorCodes.INTERNAL_ERROR;
    }

    /**
     * The JSON-RPC error for a request whose handling failed: the SDK's own error when it raised one
     * (such as -32602 for params of the wrong shape), else -32603 with the request id. The streamable
     * session of the SDK leaves this to the transport; without it the client would get an HTTP 500.
     */
    private static McpSchema.JSONRPCResponse failure(McpSchema.JSONRPCRequest request, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof McpError mcpError) {
                LOG.log(Level.DEBUG, "Request " + request.method() + " refused: " + t.getMessage());
                return McpSchema.JSONRPCResponse.error(request.id(), mcpError.getJsonRpcError());
            }
        }
        LOG.log(Level.WARNING, "Request " + request.method() + " failed", error);
        return McpSchema.JSONRPCResponse.error(
                request.id(),
                new McpSchema.JSONRPCResponse.JSONRPCError(
                        McpSchema.ErrorCodes.INTERNAL_ERROR,
                        "internal error handling " + request.method() + "; the server log has the details",
                        null));
    }

    private McpStreamableServerSession.Factory sessionFactory() {
        McpStreamableServerSession.@Nullable Factory factory = sessionFactory;
        if (factory == null) {
            throw new IllegalStateException("No McpServer is built on this transport yet");
        }
        return factory;
    }

    private void get(ServerRequest req, ServerResponse res) {
        Optional<McpTransportContext> context = gate.admitStream(req, res);
        if (context.isEmpty()) {
            return;
        }
        Optional<StreamableSession> session = session(req, res, context.get());
        if (session.isEmpty()) {
            return;
        }
        EventChannel channel = EventChannel.stream(json);
        session.get().track(channel);
        var stream = session.get().sdk().listeningStream(channel);
        try {
            channel.serve(res, heartbeat);
        } finally {
            stream.close();
            session.get().untrack(channel);
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Optional<McpTransportContext> context = gate.admit(req, res);
        if (context.isEmpty()) {
            return;
        }
        Optional<StreamableSession> session = session(req, res, context.get());
        if (session.isEmpty()) {
            return;
        }
        String id = session.get().sdk().getId();
        sessions.remove(id);
        session.get()
                .sdk()
                .delete()
                .contextWrite(c -> c.put(McpTransportContext.KEY, context.get()))
                .block();
        session.get().closeStreams();
        res.status(200).send();
    }

    /** The session named by {@code Mcp-Session-Id}, after the protocol version check; else writes 400/404. */
    private Optional<StreamableSession> session(ServerRequest req, ServerResponse res, McpTransportContext context) {
        Optional<String> id = req.headers().first(SESSION_ID).filter(s -> !s.isBlank());
        if (id.isEmpty()) {
            replies.error(res, 400, HttpReplies.TRANSPORT_ERROR, "Mcp-Session-Id header required");
            return Optional.empty();
        }
        Optional<StreamableSession> session = gate.session(id.get(), context, res);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        session.get().touch();
        Optional<String> version = req.headers().first(PROTOCOL_VERSION);
        if (version.isPresent() && !PROTOCOL_VERSIONS.contains(version.get())) {
            replies.error(
                    res,
                    400,
                    HttpReplies.TRANSPORT_ERROR,
                    "Unsupported MCP-Protocol-Version " + version.get() + "; supported: "
                            + String.join(", ", PROTOCOL_VERSIONS));
            return Optional.empty();
        }
        return session;
    }

    /** Configures a {@link HelidonStreamableTransportProvider}. */
    public static final class Builder {
        private String path = "/mcp";
        private McpJsonMapper json = McpJsonDefaults.getMapper();
        private McpRequestGuard guard = McpRequestGuard.localhostOnly();
        private Duration heartbeat = Duration.ofSeconds(25);
        private Duration idleTimeout = Duration.ofMinutes(30);

        private Builder() {}

        /** How long a session may go without requests and open streams before it is ended; default 30 min. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Path of the endpoint, default {@code /mcp}. */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', was " + path);
            }
            this.path = path;
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

        public HelidonStreamableTransportProvider build() {
            return new HelidonStreamableTransportProvider(this);
        }
    }
}
