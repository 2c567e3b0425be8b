package dev.td.cli;

/**
 * The command line is wrong (exit 2): a flag has the wrong type, a required field is missing,
 * {@code --input} is not a JSON object. The message names the flag and the fix.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
