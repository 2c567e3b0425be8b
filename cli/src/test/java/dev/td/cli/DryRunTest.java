package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run}: the arguments are checked against the input schema and the request is shown, never sent. */
class DryRunTest {

    private static final String WORKOUT = """
            {"idempotency_key":"workout-2026-11-24","started_at":"2026-11-24T18:00:00+01:00",\
            "exercises":[{"exercise":"bench","unit":"kg","sets":[{"weight":100,"reps":5,"count":2}]}]}""";

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
    void aValidWriteIsShownAsTheRequestThatWouldBeSentAndNothingIsSent() throws Exception {
        TdRunner.Result result = td.runWithStdin(WORKOUT, "log-workout", "--dry-run", "--input", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode expected = Json.mapper()
                .readTree("{\"dry_run\":true,\"sent\":false,\"tool\":\"log_workout\",\"request\":{\"method\":\"POST\","
                        + "\"url\":\"" + server.url() + "/v1/tools/log_workout\",\"body\":" + WORKOUT + "}}");
        assertThat(result.json()).isEqualTo(expected);
        assertThat(server.received()).isEmpty();
        assertThat(result.err())
                .contains("dry run: nothing was sent")
                .contains("what the server would store from them (its events) is not shown")
                .contains("`td what-if` asks the server what proposed events would change, storing nothing");
    }

    @Test
    void flagsAreCheckedLikeInput() throws Exception {
        TdRunner.Result result = td.run("get-events", "--types", "metric.recorded", "--limit", "5", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("request").get("body"))
                .isEqualTo(Json.mapper().readTree("{\"types\":[\"metric.recorded\"],\"limit\":5}"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void argumentsThatBreakTheSchemaAreAUsageErrorNamingEachPath() {
        // get_events: limit has minimum 1; log_workout: started_at has minLength 10
        TdRunner.Result limit = td.run("get-events", "--limit", "0", "--dry-run");
        TdRunner.Result workout = td.runWithStdin(
                WORKOUT.replace("2026-11-24T18:00:00+01:00", "today"), "log-workout", "--dry-run", "--input", "-");

        assertThat(limit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.out()).isEmpty();
        assertThat(limit.err()).contains("nothing was sent").contains("$.limit: ");
        assertThat(workout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(workout.err()).contains("$.started_at: ");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void withJsonOutputASchemaViolationIsAnInvalidArgumentProblemWithItsPath() {
        TdRunner.Result result = td.run("get-events", "--limit", "0", "--dry-run", "-o", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.json().get("code").asText()).isEqualTo("invalid_argument");
        assertThat(result.json().get("path").asText()).isEqualTo("$.limit");
        assertThat(result.json().get("status").isNull()).isTrue();
        assertThat(result.json().get("exit_code").asInt()).isEqualTo(2);
    }

    @Test
    void aDryRunNeedsNoReachableServer() throws Exception {
        TdRunner.Result result = new TdRunner(temp)
                .env("TD_URL", FakeTdServer.unreachableUrl())
                .run(
                        "void-event",
                        "--event-id",
                        "019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b",
                        "--reason",
                        "twice",
                        "--idempotency-key",
                        "k-1",
                        "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("sent").asBoolean()).isFalse();
        assertThat(new OfflineQueue(new TdRunner(temp).dataDir()).list()).isEmpty();
    }
}
