package dev.td.mcp;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping a guessed time: returns as soon as it holds, fails at the deadline. */
final class Await {

    private static final long POLL_MILLIS = 10;

    private Await() {}

    /**
     * Polls {@code condition} until it holds or {@code timeout} has passed.
     *
     * @param what the condition in words, for the failure message ("the idle session is reaped")
     * @throws AssertionError if the condition still does not hold at the deadline
     */
    static void awaitUntil(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
