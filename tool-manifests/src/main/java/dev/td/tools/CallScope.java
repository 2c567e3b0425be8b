package dev.td.tools;

/**
 * Binds the principal of a tool call to the thread that runs it, so that what the call does in the database is
 * done as that principal (td: PostgreSQL row-level security reads the person and the key's person from the
 * connection). The registry binds the caller while it resolves a {@code person}, then the principal it acts as
 * while the handler and the answer hooks run.
 */
@FunctionalInterface
public interface CallScope {

    /** Binds {@code principal} until the returned binding is closed (which restores what was bound before). */
    Binding bind(Principal principal);

    /** A binding; closing it never throws. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds nothing (a registry without a database, or tests). */
    CallScope NONE = principal -> () -> {};
}
