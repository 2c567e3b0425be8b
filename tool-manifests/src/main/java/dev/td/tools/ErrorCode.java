package dev.td.tools;

/**
 * Every way a tool call can fail, with the HTTP status and CLI exit code it maps to. This is the
 * one table all faces use ({@code td help exit-codes} prints it).
 */
public enum ErrorCode {
    INVALID_ARGUMENT(400, 2, "the arguments do not match the tool's input schema or rules"),
    UNAUTHENTICATED(401, 4, "no valid API key was given"),
    FORBIDDEN(403, 4, "the API key lacks the scope the tool needs"),
    NOT_FOUND(404, 3, "the tool or the thing it refers to does not exist"),
    CONFLICT(409, 5, "the call contradicts what is stored (reused idempotency key, already voided event)"),
    PAYLOAD_TOO_LARGE(413, 2, "the request body is larger than the server accepts"),
    UNAVAILABLE(503, 1, "the server cannot answer right now; retry with the same idempotency key"),
    INTERNAL(500, 1, "an unexpected error; the request id identifies it in the server log");

    private final int httpStatus;
    private final int exitCode;
    private final String meaning;

    ErrorCode(int httpStatus, int exitCode, String meaning) {
        this.httpStatus = httpStatus;
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public String meaning() {
        return meaning;
    }

    /** The code as it appears in JSON ({@code invalid_argument}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<ErrorCode> fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName().equals(name)) {
                return java.util.Optional.of(code);
            }
        }
        return java.util.Optional.empty();
    }
}
