package dev.td.server.insights;

import dev.td.server.events.EventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * One background worker: waits on LISTEN td_events (and on the next due job), claims jobs from the queue and runs a
 * person's analyses. Several run side by side, in one process or many; the queue's SKIP LOCKED keeps them off each
 * other's people. A failure is logged and retried with back-off; the worker itself keeps going.
 */
final class AnalysisWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AnalysisWorker.class.getName());

    /** The channel a closing worker is woken on (td_events carries appends only). */
    static final String WAKE_CHANNEL = "td_analysis";

    /** The longest a worker sleeps without a notification (a job from a process that did not notify, a lost one). */
    private static final long IDLE_MS = 5_000;

    /** Runs a person's analyses and says the event sequence they reflect. */
    @FunctionalInterface
    interface Task {
        long recompute(UUID userId);
    }

    private final AnalysisQueue queue;
    private final Task task;
    private final java.util.concurrent.Callable<Connection> listening;
    private final Thread thread;
    private final AtomicLong runs = new AtomicLong();
    private volatile boolean stopping;

    AnalysisWorker(String name, AnalysisQueue queue, Task task, java.util.concurrent.Callable<Connection> listening) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.task = Objects.requireNonNull(task, "task");
        this.listening = Objects.requireNonNull(listening, "listening");
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** How many jobs this worker has run (finished or failed). */
    long runs() {
        return runs.get();
    }

    private void loop() {
        Optional<Connection> listen = Optional.empty();
        while (!stopping) {
            try {
                if (listen.isEmpty() || listen.get().isClosed()) {
                    listen = Optional.of(listen());
                }
                Optional<AnalysisQueue.Claim> claim = queue.claim();
                if (claim.isPresent()) {
                    run(claim.get());
                    continue;
                }
                OptionalLong due = queue.millisUntilDue();
                long wait = Math.max(10, Math.min(IDLE_MS, due.orElse(IDLE_MS)));
                // returns at the first notification: an append committed (its job is due after the debounce)
                listen.get().unwrap(PGConnection.class).getNotifications((int) wait);
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "background analyses: " + e.getMessage() + "; retrying", e);
                close(listen);
                listen = Optional.empty();
                pause(1_000);
            }
        }
        close(listen);
    }

    private Connection listen() throws SQLException {
        Connection c = open();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            s.execute("LISTEN " + WAKE_CHANNEL);
        }
        return c;
    }

    /** A connection of its own for LISTEN (not from a pool: it waits for notifications). */
    private Connection open() throws SQLException {
        try {
            return listening.call();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("could not open the LISTEN connection", e);
        }
    }

    private void run(AnalysisQueue.Claim claim) throws SQLException {
        try {
            long reflected = task.recompute(claim.userId());
            queue.finish(claim.userId(), reflected);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "background analyses of person " + claim.userId() + " failed; retried later",
                    e);
            queue.fail(claim.userId(), e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        } finally {
            runs.incrementAndGet();
        }
    }

    private static void close(Optional<Connection> c) {
        c.ifPresent(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the job in hand (woken from its wait by a NOTIFY), waiting up to ten seconds. */
    @Override
    public void close() {
        stopping = true;
        try (Connection c = open();
                Statement s = c.createStatement()) {
            s.execute("NOTIFY " + WAKE_CHANNEL);
        } catch (SQLException e) {
            // the database is gone already: the worker's wait ends with its connection
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
