package dev.td.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a command failed, in two forms: {@link #message()} for people (stderr, always) and
 * {@link #toJson()} for programs (stdout, when JSON output was asked for with {@code -o json}).
 * The JSON always has the same keys: {@code code, status, path, detail, exit_code, request_id};
 * {@code status} is the HTTP status when the server answered, null when td failed before or
 * without an answer.
 *
 * @param code      the server's code ({@code invalid_argument}, …) or td's own: {@code usage},
 *                  {@code unreachable}, {@code offline}, {@code error}
 * @param status    the HTTP status of the server's answer
 * @param path      the JSON path of the offending argument
 * @param detail    what went wrong and what to do
 * @param exitCode  the exit code, see {@code td help exit-codes}
 * @param requestId the server's request id
 * @param message   the text for stderr
 */
public record ErrorReport(
        Optional<String> code,
        Optional<Integer> status,
        Optional<String> path,
        String detail,
        int exitCode,
        Optional<String> requestId,
        String message) {

    public ErrorReport {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(message, "message");
        if (exitCode <= ExitCodes.OK) {
            throw new IllegalArgumentException("a failure needs a non-zero exit code, got " + exitCode);
        }
    }

    /** The server answered with a problem document. */
    public static ErrorReport of(Problem problem) {
        return new ErrorReport(
                problem.code(),
                Optional.of(problem.status()),
                problem.path(),
                problem.detail(),
                problem.exitCode(),
                problem.requestId(),
                problem.message());
    }

    /** The command line is wrong; nothing was sent. */
    public static ErrorReport usage(String detail) {
        return local("usage", detail, ExitCodes.USAGE, "usage error: " + detail);
    }

    /** {@link #usage(String)} with a hint for people below the message. */
    static ErrorReport usage(String detail, String hint) {
        return local("usage", detail, ExitCodes.USAGE, "usage error: " + detail + "\n  " + hint);
    }

    /** An argument breaks the tool's input schema, found before sending. */
    static ErrorReport invalidArgument(String path, String detail, String message) {
        return new ErrorReport(
                Optional.of("invalid_argument"),
                Optional.empty(),
                Optional.of(path),
                detail,
                ExitCodes.USAGE,
                Optional.empty(),
                message);
    }

    /** No HTTP answer at all. */
    public static ErrorReport unreachable(String detail, String message) {
        return local("unreachable", detail, ExitCodes.ERROR, message);
    }

    /** The server was unreachable and the idempotent write was queued. */
    static ErrorReport offline(String detail, String message) {
        return local("offline", detail, ExitCodes.OFFLINE, message);
    }

    /** Anything else td could not do. */
    public static ErrorReport error(String detail) {
        return local("error", detail, ExitCodes.ERROR, "error: " + detail);
    }

    private static ErrorReport local(String code, String detail, int exitCode, String message) {
        return new ErrorReport(
                Optional.of(code), Optional.empty(), Optional.empty(), detail, exitCode, Optional.empty(), message);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        code.ifPresentOrElse(c -> json.put("code", c), () -> json.putNull("code"));
        status.ifPresentOrElse(s -> json.put("status", s), () -> json.putNull("status"));
        path.ifPresentOrElse(p -> json.put("path", p), () -> json.putNull("path"));
        json.put("detail", detail);
        json.put("exit_code", exitCode);
        requestId.ifPresentOrElse(id -> json.put("request_id", id), () -> json.putNull("request_id"));
        return json;
    }
}
