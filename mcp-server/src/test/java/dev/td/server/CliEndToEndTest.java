package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.cli.Td;
import dev.td.testkit.CliRun;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The td CLI against a started td server, in process through its real HTTP client. */
class CliEndToEndTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Path config;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        config = TestDatabases.tempDir("td-cli-config");
        data = TestDatabases.tempDir("td-cli-data");
    }

    private static CliRun td(String stdin, String... args) {
        return CliRun.against(server, stdin, args);
    }

    @Test
    void eventsLoggedFromStdinAreStoredWithCliAsTheirSource() {
        CliRun logged = td(
                "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:00:00+01:00\",\"data\":{\"metric\":\"resting_hr\",\"value\":52,\"unit\":\"bpm\"},\"idempotency_key\":\"cli-hr-1\"}]}",
                "log-events",
                "--input",
                "-");
        assertThat(logged.exit()).as(logged.err()).isZero();
        assertThat(logged.json().at("/data/events/0/metadata/source").asText()).isEqualTo("cli");

        CliRun read = td("", "get-events", "--types", "metric.recorded", "--from", "2026-11-24", "--limit", "10");
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.json().at("/data/events").findValuesAsText("idempotency_key"))
                .contains("cli-hr-1");
    }

    @Test
    void scalarArgumentsWorkAsFlags() {
        String id = td(
                        "{\"events\":[{\"type\":\"note.recorded\",\"occurred_at\":\"2026-11-24T08:00:00Z\",\"data\":{\"text\":\"dup\"},\"idempotency_key\":\"cli-dup\"}]}",
                        "log-events",
                        "--input",
                        "-")
                .json()
                .at("/data/events/0/event_id")
                .asText();
        CliRun voided =
                td("", "void-event", "--event-id", id, "--reason", "logged twice", "--idempotency-key", "cli-void-dup");
        assertThat(voided.exit()).as(voided.err()).isZero();
        assertThat(voided.json().at("/data/voiding/type").asText()).isEqualTo("event.voided");
    }

    @Test
    void serverErrorsMapToDocumentedExitCodesWithTheMessageOnStderr() {
        long before = server.eventCount();
        CliRun bad = td(
                "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:00:00\",\"time_zone\":\"Nowhere/Land\",\"data\":{\"metric\":\"hrv\",\"value\":1},\"idempotency_key\":\"cli-bad\"}]}",
                "log-events",
                "--input",
                "-");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("$.events[0].time_zone").contains("IANA");
        assertThat(server.eventCount()).isEqualTo(before);

        CliRun missing = td(
                "",
                "correct-event",
                "--event-id",
                "019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b",
                "--idempotency-key",
                "k",
                "--input",
                "-");
        assertThat(missing.exit())
                .as("usage error before calling: data only via --input")
                .isEqualTo(2);

        CliRun notFound = td(
                "{\"data\":{\"text\":\"x\"}}",
                "correct-event",
                "--event-id",
                "019a8f3e-5c2b-7c1e-9d4a-3b2f1e0d9c8b",
                "--idempotency-key",
                "k",
                "--input",
                "-");
        assertThat(notFound.exit()).as(notFound.err()).isEqualTo(3);
    }

    @Test
    void aWorkoutLoggedFromTheCliIsAnsweredByProgression() {
        CliRun logged = td(
                "{\"idempotency_key\":\"cli-workout\",\"started_at\":\"2026-11-21T07:00:00+01:00\",\"exercises\":[{\"exercise\":\"OHP\",\"sets\":[{\"weight\":60,\"unit\":\"kg\",\"reps\":5,\"count\":3}]}]}",
                "log-workout",
                "--input",
                "-");
        assertThat(logged.exit()).as(logged.err()).isZero();
        CliRun progression = td("", "get-exercise-progression", "--exercise", "OHP");
        assertThat(progression.exit()).as(progression.err()).isZero();
        assertThat(progression.json().at("/data/exercise_id").asText())
                .isEqualTo(logged.json()
                        .at("/data/session/exercises/0/exercise_id")
                        .asText());
        assertThat(progression.json().at("/data/sessions/0/volume/kg").asDouble())
                .isEqualTo(900.0);
    }

    @Test
    void theCliAndTheServerReportTheSameVersion() {
        CliRun version = td("", "--version");

        assertThat(version.exit()).isZero();
        String cli = version.out().lines().findFirst().orElseThrow();
        assertThat(cli).startsWith("td ");
        assertThat(version.out())
                .isEqualTo(cli + "\nserver " + cli.substring("td ".length()) + " at " + server.baseUrl() + "\n");
        assertThat(version.err()).doesNotContain("warning");
    }

    @Test
    void withJsonOutputAServerRejectionIsAProblemObjectOnStdout() {
        CliRun bad = td(
                "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-11-24T07:00:00\",\"time_zone\":\"Nowhere/Land\",\"data\":{\"metric\":\"hrv\",\"value\":1},\"idempotency_key\":\"cli-bad-json\"}]}",
                "log-events",
                "--input",
                "-",
                "-o",
                "json");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.json().get("code").asText()).isEqualTo("invalid_argument");
        assertThat(bad.json().get("status").asInt()).isEqualTo(400);
        assertThat(bad.json().get("path").asText()).isEqualTo("$.events[0].time_zone");
        assertThat(bad.json().get("exit_code").asInt()).isEqualTo(2);
        assertThat(bad.json().get("request_id").asText()).isNotBlank();
    }

    @Test
    void aDryRunOfAWorkoutStoresNothing() {
        long before = server.eventCount();

        CliRun dry = td(
                "{\"idempotency_key\":\"cli-dry\",\"started_at\":\"2026-11-22T07:00:00+01:00\",\"exercises\":[{\"exercise\":\"OHP\",\"sets\":[{\"weight\":60,\"unit\":\"kg\",\"reps\":5}]}]}",
                "log-workout",
                "--input",
                "-",
                "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.json().get("sent").asBoolean()).isFalse();
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void aWrongKeyExitsWithTheAuthCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Td.run(
                new String[] {"--url", server.baseUrl(), "--api-key", "td_nope", "get-events"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                config,
                data);
        assertThat(exit).isEqualTo(4);
    }
}
