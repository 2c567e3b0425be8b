package dev.td.server.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Appends for one person in this process take turns here, first come first served, before they take
 * a pool connection and the row lock on the person's stream head.
 *
 * <p>The row lock alone serialises them, but badly under contention: every waiter holds a pool
 * connection (sixteen writers of one person could take the whole pool from everyone else), and
 * PostgreSQL queues row-lock waiters per tuple version while every append writes a new version of
 * the head row, so a newcomer can overtake writers queued on an older version (measured: p50 390 ms
 * but p99 3.8–4.9 s for sixteen writers of one person, {@code bin/bench load}). Waiting here costs
 * no connection, and the turns are fair. The row lock stays: it is what orders appends across
 * processes. People never wait for each other: a person's entry lives only while someone appends
 * for them.
 */
final class AppendQueue {

    /** A person's turn lock and how many appends hold or await it (changed only inside the map's compute). */
    private static final class Line {
        final ReentrantLock turn = new ReentrantLock(true);
        int appends;
    }

    private final Map<UUID, Line> lines = new ConcurrentHashMap<>();

    /** Runs {@code append} in the person's turn, after the appends of the person that came first. */
    <T> T inTurn(UUID userId, Supplier<T> append) {
        Line line = lines.compute(userId, (id, existing) -> {
            Line l = existing == null ? new Line() : existing;
            l.appends++;
            return l;
        });
        line.turn.lock();
        try {
            return append.get();
        } finally {
            line.turn.unlock();
            lines.computeIfPresent(userId, (id, l) -> --l.appends == 0 ? null : l);
        }
    }

    /** Number of people with an append running or waiting (for tests). */
    int people() {
        return lines.size();
    }

    /** Number of the person's appends waiting for their turn (for tests). */
    int waiting(UUID userId) {
        Line line = lines.get(userId);
        return line == null ? 0 : line.turn.getQueueLength();
    }
}
