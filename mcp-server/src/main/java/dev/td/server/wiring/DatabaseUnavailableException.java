package dev.td.server.wiring;

/**
 * td could not get its database, for a reason the person starting it can fix (another td server holds
 * the data directory, an old PostgreSQL would not stop, the passwords file is missing). The message is
 * one line that says what happened and what to do; faces print it as it is, without a stack trace.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
