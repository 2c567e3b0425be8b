package dev.td.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool could not do what was asked. The message says what to do about it; {@code path} is the
 * JSON path of the offending argument ({@code $.events[2].time_zone}) or {@code $} for the call as a whole.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String path;
    /** Transient: Optional and JsonNode are not Serializable, and td never serializes exceptions. */
    private final transient java.util.Optional<com.fasterxml.jackson.databind.JsonNode> details;

    public ToolException(ErrorCode code, String path, String message) {
        this(code, path, message, java.util.Optional.empty());
    }

    /**
     * @param details structured help for the caller, e.g. {@code {"candidates": [...]}} when a name was ambiguous
     */
    public ToolException(
            ErrorCode code,
            String path,
            String message,
            java.util.Optional<com.fasterxml.jackson.databind.JsonNode> details) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.path = Objects.requireNonNull(path, "path");
        this.details = Objects.requireNonNull(details, "details");
    }

    public java.util.Optional<com.fasterxml.jackson.databind.JsonNode> details() {
        return details;
    }

    public static ToolException invalid(String path, String message) {
        return new ToolException(ErrorCode.INVALID_ARGUMENT, path, message);
    }

    public static ToolException notFound(String path, String message) {
        return new ToolException(ErrorCode.NOT_FOUND, path, message);
    }

    public static ToolException conflict(String path, String message) {
        return new ToolException(ErrorCode.CONFLICT, path, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String path() {
        return path;
    }

    /** {@code {"error": {"code", "message", "path", "details"?}}}, the body every face shows. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code.wireName());
        error.put("message", getMessage());
        error.put("path", path);
        details.ifPresent(d -> error.set("details", d));
        return root;
    }
}
