package dev.td.cli;

import dev.td.tools.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exit codes of {@code td}: the one table from {@link ErrorCode}, plus the outcomes only the
 * CLI has (success, a usage error caught before calling, a write queued while offline).
 */
public final class ExitCodes {

    public static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    public static final int AUTH = 4;
    static final int CONFLICT = 5;
    static final int OFFLINE = 6;

    /** One row of {@code td help exit-codes}. */
    record Row(int code, String name, String meaning) {}

    private ExitCodes() {}

    /**
     * The exit code for a failed call: the {@code code} of the problem document when the CLI
     * knows it, otherwise the HTTP status class.
     */
    static int forProblem(int httpStatus, Optional<String> wireCode) {
        return wireCode.flatMap(ErrorCode::fromWireName)
                .map(ErrorCode::exitCode)
                .orElseGet(() -> forStatus(httpStatus));
    }

    static int forStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 400, 413, 422 -> USAGE;
            default -> ERROR;
        };
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(OK, "ok", "the call succeeded; the envelope {data, context, meta} is on stdout"));
        rows.add(new Row(
                ERROR,
                "error",
                "the server failed or is unreachable for a read-only command; " + "server codes: " + wireNames(ERROR)));
        rows.add(new Row(
                USAGE,
                "usage",
                "a flag or --input is wrong (checked before calling) or the server rejected "
                        + "the arguments; server codes: " + wireNames(USAGE)));
        rows.add(new Row(
                NOT_FOUND,
                "not found",
                "the tool or what it refers to does not exist; server codes: " + wireNames(NOT_FOUND)));
        rows.add(new Row(
                AUTH,
                "auth",
                "the API key is missing, wrong or lacks the scope (td login); server codes: " + wireNames(AUTH)));
        rows.add(new Row(
                CONFLICT, "conflict", "the call contradicts what is stored; server codes: " + wireNames(CONFLICT)));
        rows.add(new Row(
                OFFLINE,
                "offline",
                "the server was unreachable; the idempotent write was queued and " + "`td queue flush` sends it"));
        return rows;
    }

    static String render() {
        StringBuilder text = new StringBuilder("Exit codes of td (data on stdout, messages on stderr):\n\n");
        for (Row row : table()) {
            text.append(String.format("  %d  %-10s %s%n", row.code(), row.name(), row.meaning()));
        }
        text.append("\nServer codes and their meaning:\n\n");
        for (ErrorCode code : ErrorCode.values()) {
            text.append(String.format(
                    "  %-18s HTTP %d, exit %d: %s%n",
                    code.wireName(), code.httpStatus(), code.exitCode(), code.meaning()));
        }
        return text.toString();
    }

    private static String wireNames(int exitCode) {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.exitCode() == exitCode)
                .map(ErrorCode::wireName)
                .collect(Collectors.joining(", "));
    }
}
