package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code -o json} (or {@code --json}) a failure is a JSON problem object on stdout, with the
 * same exit code and the same human message on stderr as without it.
 */
class JsonErrorsTest {

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

    @Test
    void aServerProblemBecomesAProblemObjectOnStdoutWithItsExitCode() throws Exception {
        server.answer(
                "log_events",
                FakeTdServer.Canned.problem(
                        400, "invalid_argument", "time_zone 'Berlin' is not an IANA zone", "$.events[0].time_zone"));

        TdRunner.Result result =
                td.runWithStdin("{\"events\":[]}", "log-events", "--input", "-", "-o", "json", "--compact");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out())
                .isEqualTo(
                        "{\"code\":\"invalid_argument\",\"status\":400,\"path\":\"$.events[0].time_zone\","
                                + "\"detail\":\"time_zone 'Berlin' is not an IANA zone\",\"exit_code\":2,\"request_id\":\"req-1\"}\n");
        assertThat(result.err()).contains("error [invalid_argument]: time_zone 'Berlin' is not an IANA zone");
    }

    @Test
    void withoutJsonOutputStdoutStaysEmptyOnFailure() {
        server.answer("get_events", FakeTdServer.Canned.problem(404, "not_found", "no such cursor"));

        TdRunner.Result result = td.run("get-events");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no such cursor");
    }

    @Test
    void theJsonFlagAsksForJsonErrorsToo() throws Exception {
        server.answer("get_event_types", FakeTdServer.Canned.problem(401, "unauthenticated", "no valid key"));

        TdRunner.Result result = td.run("--json", "get-event-types");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(Json.mapper().readTree(result.out()))
                .isEqualTo(Json.mapper()
                        .readTree("{\"code\":\"unauthenticated\",\"status\":401,\"path\":null,"
                                + "\"detail\":\"no valid key\",\"exit_code\":4,\"request_id\":\"req-1\"}"));
    }

    @Test
    void anUnknownFlagIsAUsageProblemWithoutHttpStatus() {
        TdRunner.Result result = td.run("-o", "json", "get-events", "--limt", "5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.json().get("code").asText()).isEqualTo("usage");
        assertThat(result.json().get("status").isNull()).isTrue();
        assertThat(result.json().get("exit_code").asInt()).isEqualTo(2);
        assertThat(result.json().get("detail").asText()).startsWith("unknown flag --limt");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aFlagOfTheWrongTypeIsAUsageProblem() {
        TdRunner.Result result = td.run("get-events", "--limit", "ten", "--output=json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.json().get("code").asText()).isEqualTo("usage");
        assertThat(result.json().get("detail").asText()).startsWith("--limit expects a whole number, got 'ten'");
    }

    @Test
    void anUnreachableServerIsAnUnreachableProblemForAReadAndAnOfflineOneForAQueuedWrite() throws Exception {
        TdRunner offline =
                new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl()).env("TD_API_KEY", "td_test_key_123456");

        TdRunner.Result read = offline.run("get-events", "-o", "json");
        TdRunner.Result write = offline.run(
                "void-event", "--event-id", "e-1", "--reason", "twice", "--idempotency-key", "k-1", "-o", "json");

        assertThat(read.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(read.json().get("code").asText()).isEqualTo("unreachable");
        assertThat(read.json().get("exit_code").asInt()).isEqualTo(1);
        assertThat(write.exitCode()).isEqualTo(ExitCodes.OFFLINE);
        assertThat(write.json().get("code").asText()).isEqualTo("offline");
        assertThat(write.json().get("exit_code").asInt()).isEqualTo(6);
        assertThat(write.json().get("detail").asText()).contains("queued void_event");
    }
}
