package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Appends of one person take turns in this process before they take a pool connection and the row lock. */
class AppendQueueTest {

    private static TdCore core;

    @BeforeAll
    static void open() {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-append-queue"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    private static NewEvent metric(String key) {
        return new NewEvent(
                "metric.recorded",
                Instant.parse("2026-11-20T06:30:00Z"),
                ZoneId.of("Europe/Berlin"),
                JsonNodeFactory.instance
                        .objectNode()
                        .put("metric", "body_weight")
                        .put("value", 80)
                        .put("unit", "kg"),
                key,
                JsonNodeFactory.instance.objectNode().put("source", "api").put("agent", "test"),
                Optional.empty());
    }

    private static int activeConnections() {
        return core.database().activeConnections();
    }

    @Test
    void aPersonsSecondAppendWaitsForTheFirstWithoutHoldingAPoolConnection() throws Exception {
        UUID person = core.accounts().createUser("two agents");
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<StoredEvent>> first =
                    pool.submit(() -> core.events().append(person, List.of(metric("first")), log -> {
                        firstHoldsTheLock.countDown();
                        await(release);
                    }));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<StoredEvent>> second =
                    pool.submit(() -> core.events().append(person, List.of(metric("second"))));
            Thread.sleep(500); // time enough for the second append to take a connection, were it to
            assertThat(second.isDone()).isFalse();
            assertThat(activeConnections())
                    .as("connections in use while the second append waits")
                    .isEqualTo(1);
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).getFirst().sequence()).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS).getFirst().sequence()).isEqualTo(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anotherPersonsAppendDoesNotWaitForAPersonsAppendInProgress() throws Exception {
        UUID busy = core.accounts().createUser("busy");
        UUID other = core.accounts().createUser("other");
        CountDownLatch busyHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<StoredEvent>> held =
                    pool.submit(() -> core.events().append(busy, List.of(metric("held")), log -> {
                        busyHoldsTheLock.countDown();
                        await(release);
                    }));
            assertThat(busyHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<StoredEvent>> meanwhile =
                    pool.submit(() -> core.events().append(other, List.of(metric("meanwhile"))));
            assertThat(meanwhile.get(30, TimeUnit.SECONDS).getFirst().sequence())
                    .isEqualTo(1);
            assertThat(held.isDone()).isFalse();
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS).getFirst().sequence()).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void waitingAppendsOfOnePersonAreLetInInTheOrderTheyArrived() throws Exception {
        AppendQueue queue = new AppendQueue();
        UUID person = UUID.randomUUID();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstInTurn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform()
                .start(() -> queue.inTurn(person, () -> {
                    firstInTurn.countDown();
                    await(release);
                    return order.add(0);
                })));
        assertThat(firstInTurn.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            threads.add(Thread.ofPlatform().start(() -> queue.inTurn(person, () -> order.add(n))));
            waitUntil(() -> queue.waiting(person) == n);
        }
        release.countDown();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(queue.people())
                .as("people with a line once all appends are done")
                .isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(5);
        }
    }
}
