package dev.td.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSession;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The sessions one MCP transport has open, by session id, and whether the transport still takes
 * requests. Both HTTP transports keep their sessions here, so that finding a session, telling
 * every client something and shutting down work the same on either.
 *
 * <p>A session is found only by the principal that opened it: to anyone else its id names
 * nothing. {@link #closeAll()} is final: afterwards {@link #isOpen()} is false (the transport
 * answers {@code 503}) and every session and its streams are closed. Safe for concurrent use.
 *
 * @param <S> the transport's own session type
 */
final class SessionRegistry<S extends SessionRegistry.Registered> {

    /** What the registry needs of a transport's session. */
    interface Registered {

        /** The SDK's session, which notifications go to and which is closed with it. */
        McpSession sdk();

        /** Whether a request made in {@code context} may use this session: same principal (or none on both). */
        boolean ownedBy(McpTransportContext context);

        /** Closes every HTTP stream open on the session; their request threads then finish their responses. */
        void closeStreams();
    }

    private static final System.Logger LOG = System.getLogger(SessionRegistry.class.getName());

    private final Map<String, S> sessions = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    void add(String id, S session) {
        sessions.put(id, session);
    }

    void remove(String id) {
        sessions.remove(id);
    }

    /** The session with this id if the principal of {@code context} opened it; else empty, as if unknown. */
    Optional<S> find(String id, McpTransportContext context) {
        return Optional.ofNullable(sessions.get(id)).filter(s -> s.ownedBy(context));
    }

    /** Number of sessions currently open. */
    int size() {
        return sessions.size();
    }

    /** Whether the transport still takes requests: true until {@link #closeAll()}. */
    boolean isOpen() {
        return open;
    }

    /** Sends a notification to every session; one that fails is logged and the rest still get it. */
    void broadcast(String method, Object params) {
        sessions.forEach((id, s) -> {
            try {
                s.sdk().sendNotification(method, params).block();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Notification to session " + id + " failed", e);
            }
        });
    }

    /** Forgets and closes the sessions {@code idle} picks (they have no streams open to close). */
    void closeIdle(Predicate<S> idle) {
        sessions.entrySet().removeIf(entry -> {
            if (!idle.test(entry.getValue())) {
                return false;
            }
            try {
                entry.getValue().sdk().close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Closing idle session " + entry.getKey() + " failed", e);
            }
            return true;
        });
    }

    /** Stops taking requests, then closes every session and its streams and forgets them. */
    void closeAll() {
        open = false;
        sessions.values().forEach(s -> {
            s.sdk().close();
            s.closeStreams();
        });
        sessions.clear();
    }
}
