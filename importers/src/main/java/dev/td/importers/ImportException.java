package dev.td.importers;

import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be imported (corrupt, truncated, not the format, missing what the caller must give). The message
 * says what is wrong, where in the file when known, and what to do; nothing of the file is stored.
 */
public final class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean callerMustChoose;

    private ImportException(String message, boolean callerMustChoose, @Nullable Throwable cause) {
        super(message, cause);
        this.callerMustChoose = callerMustChoose;
    }

    /** The file itself is wrong: corrupt, truncated, malformed, or not what it claims to be. */
    public static ImportException badFile(String message) {
        return new ImportException(message, false, null);
    }

    public static ImportException badFile(String message, Throwable cause) {
        return new ImportException(message, false, cause);
    }

    /** The file is fine but needs an answer from the caller (its weight unit, say); the message names the option. */
    public static ImportException needsOption(String message) {
        return new ImportException(message, true, null);
    }

    /** Whether the caller can fix it by giving an option, rather than a different file. */
    public boolean callerMustChoose() {
        return callerMustChoose;
    }
}
