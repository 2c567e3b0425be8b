package dev.td.server.events;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The thread of a what-if ({@link EventStore#hypothetically}), from the moment it opens its transaction until it rolls
 * that back. Meanwhile td's data source hands out that transaction's connection on this thread (and on threads it
 * starts), so every read sees the proposed events as if stored; and nothing read there may outlive it in memory: a
 * cache reads its entries only where they are exact for the transaction too (a projection state whose stamp still
 * matches) and keeps what it reads in the what-if's {@link #scratch()}, or not at all, never in its shared map. A later
 * real write may take the very sequence the what-if used, so a state kept from it could pass for the real one.
 */
public final class Hypothetical {

    /** A what-if in progress; {@code open} turns false when it ends, also for a thread that inherited it. */
    private static final class Bound {
        final Connection connection;
        final Map<Object, Object> scratch = java.util.Collections.synchronizedMap(new HashMap<>());
        volatile boolean open = true;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    // inheritable: a read the what-if starts on another thread sees the proposed events too; a thread that outlives
    // the what-if (one a pool created meanwhile) keeps a closed binding, which counts as none
    private static final InheritableThreadLocal<@Nullable Bound> CURRENT = new InheritableThreadLocal<>();

    private Hypothetical() {}

    /** Ends the binding: the thread is no longer in a what-if. */
    @FunctionalInterface
    interface Binding {
        void close();
    }

    private static Optional<Bound> bound() {
        Bound b = CURRENT.get();
        return b != null && b.open ? Optional.of(b) : Optional.empty();
    }

    /** Whether this thread is inside a what-if: caches must neither keep what it reads nor answer it from stale memory. */
    public static boolean active() {
        return bound().isPresent();
    }

    /** The what-if's connection, in its transaction; empty outside a what-if. */
    public static Optional<Connection> connection() {
        return bound().map(b -> b.connection);
    }

    /**
     * Memory that lives exactly as long as the what-if (a cache keeps there what it read inside); empty outside one.
     * Keys should be of a type private to the cache, so that caches do not meet.
     */
    public static Optional<Map<Object, Object>> scratch() {
        return bound().map(b -> b.scratch);
    }

    /** Binds a what-if's connection to this thread until the binding is closed. */
    static Binding bind(Connection connection) {
        if (active()) {
            throw new IllegalStateException("a what-if cannot run inside another what-if");
        }
        Bound now = new Bound(connection);
        CURRENT.set(now);
        return () -> {
            now.open = false;
            now.scratch.clear();
            CURRENT.remove();
        };
    }
}
