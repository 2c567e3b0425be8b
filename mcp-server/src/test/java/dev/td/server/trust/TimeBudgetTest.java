package dev.td.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, "Unbounded work": every statement has a time budget (here 1.5 s instead of the default
 * 30 s, through {@code -Dtd.db.statementTimeoutMs}), so a request stuck in the database is cancelled,
 * answered 503 {@code unavailable} naming what happened, stores nothing, and never starves the pool:
 * other requests are answered while it waits and after it failed.
 */
class TimeBudgetTest {

    private static final String ONE_EVENT = """
            {"events":[{"type":"custom.budget","occurred_at":"2026-11-01T10:00:00Z","data":{"text":"%s"},
            "idempotency_key":"budget-%s"}]}""";

    @Test
    void aStatementStuckPastItsTimeBudgetIsCancelledAnswered503AndStoresNothingWhileOthersAreServed() throws Exception {
        System.setProperty("td.db.statementTimeoutMs", "1500");
        try (TestServer server = TestServer.start()) {
            System.clearProperty("td.db.statementTimeoutMs");
            String logEvents = server.baseUrl() + "/v1/tools/log_events";
            assertThat(Http.send("POST", logEvents, TestServer.OWNER_KEY, ONE_EVENT.formatted("first", "1"))
                            .status())
                    .isEqualTo(200);
            long stored = server.eventCount();

            // another session holds the person's chain head, as a stuck or hostile transaction would
            try (Connection holder = server.core().database().ownerConnection();
                    Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.execute("SELECT 1 FROM event_streams FOR UPDATE");

                // one person's writes queue one after another (each waits out its budget): a few make the point
                List<CompletableFuture<Http.Answer>> writes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String body = ONE_EVENT.formatted("stuck " + i, "stuck-" + i);
                    writes.add(CompletableFuture.supplyAsync(
                            () -> Http.send("POST", logEvents, TestServer.OWNER_KEY, body)));
                }
                // reads need no lock and must not wait for a free connection behind the stuck writes
                long readStart = System.nanoTime();
                Http.Answer read =
                        Http.send("GET", server.baseUrl() + "/v1/events?limit=5", TestServer.OWNER_KEY, null);
                long readMillis = (System.nanoTime() - readStart) / 1_000_000;
                assertThat(read.status()).isEqualTo(200);
                assertThat(readMillis).as("a read while writes are stuck").isLessThan(1_500);

                Http.Answer first = writes.getFirst().join();
                assertThat(first.status()).as(first.body().toString()).isEqualTo(503);
                assertThat(first.contentType()).isEqualTo("application/problem+json");
                assertThat(first.body().path("code").asText()).isEqualTo("unavailable");
                assertThat(first.body().path("detail").asText())
                        .contains("time budget")
                        .contains("nothing was stored")
                        .contains("Retry with the same idempotency key");
                for (CompletableFuture<Http.Answer> w : writes) {
                    assertThat(w.join().status()).isIn(200, 503);
                }
                holder.rollback();
            }
            // whatever was answered 503 is not there; whatever was answered 200 is
            long afterStuck = server.eventCount();
            assertThat(afterStuck).isGreaterThanOrEqualTo(stored);

            // the pool is whole again: the same write goes through, and its retry is a replay
            Http.Answer again = Http.send("POST", logEvents, TestServer.OWNER_KEY, ONE_EVENT.formatted("later", "2"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(server.eventCount()).isEqualTo(afterStuck + 1);
        } finally {
            System.clearProperty("td.db.statementTimeoutMs");
        }
    }

    @Test
    void aStatementThatOutlivesItsBudgetIsCancelledByPostgresqlOnThePooledConnection() throws SQLException {
        System.setProperty("td.db.statementTimeoutMs", "300");
        try (TestServer server = TestServer.start()) {
            System.clearProperty("td.db.statementTimeoutMs");
            try (Connection c = server.core().database().dataSource().getConnection();
                    Statement s = c.createStatement()) {
                long start = System.nanoTime();
                SQLException cancelled = org.junit.jupiter.api.Assertions.assertThrows(
                        SQLException.class, () -> s.execute("SELECT pg_sleep(10)"));
                assertThat(cancelled.getSQLState()).isEqualTo("57014"); // query_canceled
                assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 5_000L);
            }
        } finally {
            System.clearProperty("td.db.statementTimeoutMs");
        }
    }
}
