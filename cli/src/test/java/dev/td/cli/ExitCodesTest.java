package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.ErrorCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {

    /** The exit codes as documented (STYLE.md, Errors), typed out here, not read from the code under test. */
    private static final Map<Integer, String> DOCUMENTED = documented();

    /** A server code with the HTTP status and exit code it is documented to have. */
    private record ServerCode(int httpStatus, int exitCode) {}

    // The server codes' HTTP status and exit code as documented in ErrorCode and the API docs, typed out
    private static final Map<String, ServerCode> SERVER_CODES = Map.of(
            "invalid_argument", new ServerCode(400, 2),
            "unauthenticated", new ServerCode(401, 4),
            "forbidden", new ServerCode(403, 4),
            "not_found", new ServerCode(404, 3),
            "conflict", new ServerCode(409, 5),
            "payload_too_large", new ServerCode(413, 2),
            "unavailable", new ServerCode(503, 1),
            "internal", new ServerCode(500, 1));

    /** A row of the first table of {@code td help exit-codes}: {@code "  3  not found  the tool or…"}. */
    private static final Pattern EXIT_ROW = Pattern.compile("^  (\\d)  (\\S.{9}) \\S.*$");

    /** A row of the server-code table: {@code "  not_found          HTTP 404, exit 3: the tool…"}. */
    private static final Pattern SERVER_ROW = Pattern.compile("^  ([a-z_]+) +HTTP (\\d{3}), exit (\\d): \\S.*$");

    @TempDir
    Path temp;

    private static Map<Integer, String> documented() {
        Map<Integer, String> codes = new LinkedHashMap<>();
        codes.put(0, "ok");
        codes.put(1, "error");
        codes.put(2, "usage");
        codes.put(3, "not found");
        codes.put(4, "auth");
        codes.put(5, "conflict");
        codes.put(6, "offline");
        return codes;
    }

    @Test
    void exitCodeConstantsHaveTheDocumentedValues() {
        assertThat(List.of(
                        ExitCodes.OK,
                        ExitCodes.ERROR,
                        ExitCodes.USAGE,
                        ExitCodes.NOT_FOUND,
                        ExitCodes.AUTH,
                        ExitCodes.CONFLICT,
                        ExitCodes.OFFLINE))
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void helpExitCodesPrintsExactlyTheDocumentedCodesInOrder() {
        TdRunner.Result help = new TdRunner(temp).run("help", "exit-codes");

        assertThat(help.exitCode()).isZero();
        Map<Integer, String> printed = new LinkedHashMap<>();
        help.out()
                .lines()
                .map(EXIT_ROW::matcher)
                .filter(Matcher::matches)
                .forEach(row ->
                        printed.put(Integer.parseInt(row.group(1)), row.group(2).strip()));
        assertThat(printed).as(help.out()).containsExactlyEntriesOf(DOCUMENTED);
    }

    @Test
    void helpExitCodesPrintsEveryServerCodeWithItsDocumentedStatusAndExitCode() {
        TdRunner.Result help = new TdRunner(temp).run("help", "exit-codes");

        Map<String, ServerCode> printed = new LinkedHashMap<>();
        help.out()
                .lines()
                .map(SERVER_ROW::matcher)
                .filter(Matcher::matches)
                .forEach(row -> printed.put(
                        row.group(1), new ServerCode(Integer.parseInt(row.group(2)), Integer.parseInt(row.group(3)))));
        assertThat(printed).as(help.out()).containsExactlyInAnyOrderEntriesOf(SERVER_CODES);
    }

    @Test
    void everyServerCodeOfTheToolsTableIsDocumented() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(SERVER_CODES.get(code.wireName()))
                    .as(code.wireName())
                    .isEqualTo(new ServerCode(code.httpStatus(), code.exitCode()));
        }
        assertThat(ErrorCode.values()).hasSameSizeAs(SERVER_CODES.keySet());
    }

    @Test
    void everyServerCodeGivesItsDocumentedExitCodeWithOrWithoutTheCodeInTheProblem() {
        SERVER_CODES.forEach((wireName, expected) -> {
            assertThat(ExitCodes.forProblem(expected.httpStatus(), Optional.of(wireName)))
                    .as(wireName)
                    .isEqualTo(expected.exitCode());
            assertThat(ExitCodes.forProblem(expected.httpStatus(), Optional.empty()))
                    .as("HTTP %d without a code", expected.httpStatus())
                    .isEqualTo(expected.exitCode());
        });
    }

    @Test
    void knownWireCodeDecidesOverTheHttpStatus() {
        assertThat(ExitCodes.forProblem(400, Optional.of("not_found"))).isEqualTo(3);
        assertThat(ExitCodes.forProblem(500, Optional.of("conflict"))).isEqualTo(5);
    }

    @Test
    void unknownOrMissingWireCodeFallsBackToTheStatus() {
        assertThat(ExitCodes.forProblem(401, Optional.of("something_new"))).isEqualTo(4);
        assertThat(ExitCodes.forProblem(403, Optional.empty())).isEqualTo(4);
        assertThat(ExitCodes.forProblem(404, Optional.empty())).isEqualTo(3);
        assertThat(ExitCodes.forProblem(409, Optional.empty())).isEqualTo(5);
        assertThat(ExitCodes.forProblem(422, Optional.empty())).isEqualTo(2);
        assertThat(ExitCodes.forProblem(413, Optional.empty())).isEqualTo(2);
        assertThat(ExitCodes.forProblem(502, Optional.empty())).isEqualTo(1);
    }
}
