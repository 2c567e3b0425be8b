package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineQueueTest {

    @TempDir
    Path temp;

    static final String VOID_1 = "{\"event_id\":\"e1\",\"reason\":\"logged twice\",\"idempotency_key\":\"v1\"}";
    static final String VOID_2 = "{\"event_id\":\"e2\",\"reason\":\"logged twice\",\"idempotency_key\":\"v2\"}";

    @Test
    void idempotentWriteToAnUnreachableServerIsQueuedWithExitSix() throws Exception {
        TdRunner td = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());

        TdRunner.Result result = td.runWithStdin(VOID_1, "void-event", "--input", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OFFLINE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("unreachable")
                .contains("queued void_event")
                .contains("td queue flush");
        TdRunner.Result list = td.run("queue", "list");
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("tool").asText()).isEqualTo("void_event");
        assertThat(list.json().get(0).get("arguments").get("idempotency_key").asText())
                .isEqualTo("v1");
    }

    @Test
    void queueFileIsReadableOnlyByTheOwner() throws Exception {
        TdRunner td = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());

        td.runWithStdin(VOID_1, "void-event", "--input", "-");

        Path queue = td.dataDir().resolve("queue.jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(queue)))
                .isEqualTo("rw-------");
    }

    @Test
    void readOnlyCallToAnUnreachableServerFailsWithExitOneAndSaysHowToCheck() throws Exception {
        String url = FakeTdServer.unreachableUrl();
        TdRunner td = new TdRunner(temp).env("TD_URL", url);

        TdRunner.Result result = td.run("get-events");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err())
                .contains("the server at " + url + " is unreachable")
                .contains("td config");
        assertThat(td.run("queue", "list").json()).isEmpty();
    }

    @Test
    void flushSendsQueuedCallsInOrderAndEmptiesTheQueue() throws Exception {
        TdRunner offline = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());
        offline.runWithStdin(VOID_1, "void-event", "--input", "-");
        offline.runWithStdin(VOID_2, "void-event", "--input", "-");

        try (FakeTdServer server = new FakeTdServer()) {
            TdRunner.Result flush =
                    new TdRunner(temp).env("TD_URL", server.url()).run("queue", "flush");

            assertThat(flush.exitCode()).as(flush.err()).isZero();
            assertThat(server.received())
                    .extracting(r -> r.arguments().get("event_id").asText())
                    .containsExactly("e1", "e2");
            assertThat(flush.json().get("sent").asInt()).isEqualTo(2);
            assertThat(flush.json().get("remaining").asInt()).isZero();
        }
        assertThat(new TdRunner(temp).run("queue", "list").json()).isEmpty();
    }

    @Test
    void flushWhileStillUnreachableKeepsEverythingAndExitsSix() throws Exception {
        TdRunner offline = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());
        offline.runWithStdin(VOID_1, "void-event", "--input", "-");

        TdRunner.Result flush = offline.run("queue", "flush");

        assertThat(flush.exitCode()).isEqualTo(ExitCodes.OFFLINE);
        assertThat(flush.err()).contains("1 call(s) stay queued");
        assertThat(offline.run("queue", "list").json()).hasSize(1);
    }

    @Test
    void flushDropsACallTheServerRejectsAndReportsIt() throws Exception {
        TdRunner offline = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());
        offline.runWithStdin(VOID_1, "void-event", "--input", "-");
        offline.runWithStdin(VOID_2, "void-event", "--input", "-");

        try (FakeTdServer server = new FakeTdServer()) {
            server.answer("void_event", FakeTdServer.Canned.problem(404, "not_found", "no event e1", "$.event_id"));
            TdRunner.Result flush =
                    new TdRunner(temp).env("TD_URL", server.url()).run("queue", "flush");

            assertThat(flush.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(flush.err()).contains("dropped void_event").contains("no event e1");
            assertThat(flush.json().get("rejected").asInt()).isEqualTo(2);
        }
        assertThat(new TdRunner(temp).run("queue", "list").json()).isEmpty();
    }

    @Test
    void flushStopsAtARejectedKeyAndKeepsTheCalls() throws Exception {
        TdRunner offline = new TdRunner(temp).env("TD_URL", FakeTdServer.unreachableUrl());
        offline.runWithStdin(VOID_1, "void-event", "--input", "-");
        offline.runWithStdin(VOID_2, "void-event", "--input", "-");

        try (FakeTdServer server = new FakeTdServer()) {
            server.answer("void_event", FakeTdServer.Canned.problem(401, "unauthenticated", "unknown API key"));
            TdRunner.Result flush =
                    new TdRunner(temp).env("TD_URL", server.url()).run("queue", "flush");

            assertThat(flush.exitCode()).isEqualTo(ExitCodes.AUTH);
            assertThat(server.received()).hasSize(1);
        }
        assertThat(new TdRunner(temp).run("queue", "list").json()).hasSize(2);
    }

    @Test
    void emptyQueueFlushesToNothing() {
        TdRunner.Result flush = new TdRunner(temp).run("queue", "flush");

        assertThat(flush.exitCode()).isZero();
        assertThat(flush.json().get("sent").asInt()).isZero();
    }
}
