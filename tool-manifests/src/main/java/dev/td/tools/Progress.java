package dev.td.tools;

import java.util.Objects;

/**
 * How far a long tool call is (an import), for the face that asked: MCP sends it as progress notifications when the
 * client gave a progress token. Bound to the call's thread by the face; a tool reports without knowing whether anyone
 * listens, and a report nobody listens to costs nothing.
 */
public final class Progress {

    /** Hears a call's progress. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Hears one report.
         *
         * @param done    how much is done, in the unit of {@code total}
         * @param total   how much there is; 0 or less: not known yet
         * @param message what is happening, in words for a person
         */
        void progress(double done, double total, String message);
    }

    /** Ends a binding: the listener before it is back. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

    private Progress() {}

    /** Makes {@code listener} hear the reports of the call running on this thread until the binding closes. */
    public static Binding bind(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        Listener before = CURRENT.get();
        CURRENT.set(listener);
        return () -> CURRENT.set(before);
    }

    /** Tells the listener of this thread's call, if any, how far it is ({@code total} 0: not known yet). */
    public static void report(double done, double total, String message) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.progress(done, total, message);
        }
    }
}
