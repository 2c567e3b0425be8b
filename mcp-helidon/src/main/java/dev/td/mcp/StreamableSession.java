package dev.td.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An SDK session as the Streamable HTTP transport keeps it: the principal that opened it (a
 * session id is useless to anyone else) and every HTTP stream currently open on it, so that
 * ending the session ends them all.
 */
final class StreamableSession implements SessionRegistry.Registered {

    private final McpStreamableServerSession session;
    private final Object owner;
    private final Set<EventChannel> channels = ConcurrentHashMap.newKeySet();
    private volatile long lastActive = System.nanoTime();

    StreamableSession(McpStreamableServerSession session, McpTransportContext openedBy) {
        this.session = session;
        this.owner = openedBy.get(McpRequestGuard.PRINCIPAL);
    }

    @Override
    public McpStreamableServerSession sdk() {
        return session;
    }

    /** Marks the session as used now. */
    void touch() {
        lastActive = System.nanoTime();
    }

    /** Idle: no request for longer than {@code timeoutNanos} and no stream open (an open stream is a live client). */
    boolean idleFor(long timeoutNanos, long now) {
        return channels.isEmpty() && now - lastActive > timeoutNanos;
    }

    @Override
    public boolean ownedBy(McpTransportContext context) {
        return Objects.equals(owner, context.get(McpRequestGuard.PRINCIPAL));
    }

    void track(EventChannel channel) {
        channels.add(channel);
    }

    void untrack(EventChannel channel) {
        channels.remove(channel);
    }

    @Override
    public void closeStreams() {
        channels.forEach(EventChannel::close);
        channels.clear();
    }
}
