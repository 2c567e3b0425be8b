package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool commands against a canned server on a real socket: flags and --input become the request body. */
class ToolCallTest {

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        td = new TdRunner(temp).env("TD_URL", server.url()).env("TD_API_KEY", "td_test_key_123456");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void flagsBecomeArgumentsTypedByTheSchema() throws Exception {
        TdRunner.Result result = td.run(
                "get-events",
                "--types",
                "metric.recorded",
                "--types",
                "note.recorded",
                "--limit",
                "50",
                "--view",
                "log",
                "--from",
                "2026-11-01");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.received().getFirst().tool()).isEqualTo("get_events");
        assertThat(server.received().getFirst().arguments())
                .isEqualTo(
                        json(
                                "{\"types\":[\"metric.recorded\",\"note.recorded\"],\"limit\":50,\"view\":\"log\",\"from\":\"2026-11-01\"}"));
    }

    @Test
    void answerEnvelopeIsPrintedOnStdoutAndNothingOnStderr() {
        TdRunner.Result result = td.run("get-events", "--limit", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.json().get("data").get("limit").asInt()).isEqualTo(5);
        assertThat(result.json().has("meta")).isTrue();
        assertThat(result.out()).contains("\n  \"data\"");
    }

    @Test
    void compactPrintsTheEnvelopeOnOneLine() {
        TdRunner.Result result = td.run("get-events", "--compact");

        assertThat(result.out().strip()).doesNotContain("\n").startsWith("{\"data\":{}");
    }

    @Test
    void requestCarriesBearerKeySourceAndUserAgent() {
        td.run("get-event-types");

        FakeTdServer.Received call = server.received().getFirst();
        assertThat(call.header("Authorization")).contains("Bearer td_test_key_123456");
        assertThat(call.header("X-Td-Source")).contains("cli");
        assertThat(call.header("User-Agent"))
                .hasValueSatisfying(agent -> assertThat(agent).startsWith("td-cli/"));
        assertThat(call.header("Content-Type")).contains("application/json");
    }

    @Test
    void flagsOverrideFieldsOfInputFromStdin() throws Exception {
        TdRunner.Result result = td.runWithStdin(
                "{\"types\":[\"a.b\"],\"limit\":10,\"cursor\":\"c1\"}",
                "get-events",
                "--input",
                "-",
                "--limit",
                "20",
                "--types",
                "x.y");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.received().getFirst().arguments())
                .isEqualTo(json("{\"types\":[\"x.y\"],\"limit\":20,\"cursor\":\"c1\"}"));
    }

    @Test
    void inputFromAFileCarriesObjectFields() throws Exception {
        Path file = temp.resolve("events.json");
        String arguments = "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:30:00+01:00\","
                + "\"data\":{\"metric\":\"body_weight\",\"value\":81.4},\"idempotency_key\":\"k1\"}]}";
        Files.writeString(file, arguments);

        TdRunner.Result result = td.run("log-events", "--input", file.toString(), "--session-id", "s-9");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode expected = json(arguments);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("session_id", "s-9");
        assertThat(server.received().getFirst().arguments()).isEqualTo(expected);
    }

    @Test
    void integerFlagWithTextIsAUsageErrorNamingTheFlag() {
        TdRunner.Result result = td.run("get-events", "--limit", "ten");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("--limit expects a whole number, got 'ten'")
                .contains("for example --limit 10");
        assertThat(result.out()).isEmpty();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void valueOutsideTheEnumIsAUsageErrorListingTheChoices() {
        TdRunner.Result result = td.run("get-events", "--view", "everything");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--view must be one of effective, log, got 'everything'");
    }

    @Test
    void missingRequiredScalarsAreNamedAsFlags() {
        TdRunner.Result result = td.run("void-event", "--event-id", "019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("td void-event is missing --reason <string>, --idempotency-key <string>");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void missingRequiredArrayOfObjectsPointsToInput() {
        TdRunner.Result result = td.run("log-events");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("missing events (array of object, give it in --input FILE or --input -)");
    }

    @Test
    void inputThatIsNotJsonIsAUsageErrorWithItsPosition() {
        TdRunner.Result result = td.runWithStdin("{\"limit\": ", "get-events", "--input", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--input from stdin is not valid JSON at line 1");
    }

    @Test
    void inputThatIsAnArrayIsAUsageError() {
        TdRunner.Result result = td.runWithStdin("[1]", "get-events", "--input", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("must be a JSON object of the tool's arguments, got array");
    }

    @Test
    void missingInputFileIsAUsageError() {
        TdRunner.Result result =
                td.run("get-events", "--input", temp.resolve("nope.json").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no such file").contains("--input -");
    }

    @Test
    void unknownFlagIsAUsageErrorPointingToHelp() {
        TdRunner.Result result = td.run("get-events", "--limt", "5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown flag --limt").contains("td get-events --help");
    }

    @Test
    void problemCodeDecidesTheExitCodeAndDetailGoesToStderr() {
        server.answer(
                "log_events",
                FakeTdServer.Canned.problem(
                        400,
                        "invalid_argument",
                        "time_zone 'Berlin' is not an IANA zone; use Europe/Berlin",
                        "$.events[0].time_zone"));

        TdRunner.Result result = td.runWithStdin("{\"events\":[]}", "log-events", "--input", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("error [invalid_argument]: time_zone 'Berlin' is not an IANA zone; use Europe/Berlin")
                .contains("at: $.events[0].time_zone")
                .contains("request id: req-1");
    }

    @Test
    void notFoundConflictAndAuthProblemsHaveTheirExitCodes() {
        server.answer("void_event", FakeTdServer.Canned.problem(404, "not_found", "no event 1"));
        server.answer("correct_event", FakeTdServer.Canned.problem(409, "conflict", "already voided"));
        server.answer("get_event_types", FakeTdServer.Canned.problem(401, "unauthenticated", "no valid key"));

        assertThat(td.run("void-event", "--event-id", "1", "--reason", "r", "--idempotency-key", "k")
                        .exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(td.runWithStdin(
                                "{\"event_id\":\"1\",\"data\":{},\"idempotency_key\":\"k\"}",
                                "correct-event",
                                "--input",
                                "-")
                        .exitCode())
                .isEqualTo(ExitCodes.CONFLICT);
        TdRunner.Result auth = td.run("get-event-types");
        assertThat(auth.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(auth.err()).contains("td login");
    }

    @Test
    void errorWithoutProblemDocumentFallsBackToTheStatus() {
        server.answer("get_events", new FakeTdServer.Canned(502, "text/html", "<html>bad gateway</html>"));

        TdRunner.Result result = td.run("get-events");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("HTTP 502");
    }

    @Test
    void urlBeforeTheCommandWinsOverTheEnvironment() throws Exception {
        TdRunner.Result result = new TdRunner(temp)
                .env("TD_URL", FakeTdServer.unreachableUrl())
                .run("--url", server.url(), "get-events");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void malformedUrlIsAUsageErrorNamingItsSource() {
        TdRunner.Result result =
                new TdRunner(temp).env("TD_URL", "localhost:7878").run("get-events");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'localhost:7878' (from TD_URL)").contains("http://");
    }
}
