package dev.td.cli.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * One line of stderr that shows what is going on and is replaced by what came of it. On a terminal
 * {@link #show} redraws the line in place (carriage return, no escape sequences), at most ten times a
 * second; elsewhere (a file, a pipe, a test) it shows nothing, and only the {@link #finish} lines are
 * written, one per line.
 */
public final class ProgressLine {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean live;
    private final LongSupplier nanoTime;
    private String shown = "";
    private long drawnAt;

    /**
     * @param err  where the line goes
     * @param live whether {@code err} is a terminal, where a line can be redrawn
     */
    public ProgressLine(PrintStream err, boolean live) {
        this(err, live, System::nanoTime);
    }

    /** With the clock of the redraw limit given: for tests. */
    ProgressLine(PrintStream err, boolean live, LongSupplier nanoTime) {
        this.err = err;
        this.live = live;
        this.nanoTime = nanoTime;
    }

    /** Shows {@code text} in place of the line, unless the line was drawn less than 0.1 s ago. */
    public void update(String text) {
        long now = nanoTime.getAsLong();
        if (live && !text.equals(shown) && (shown.isEmpty() || now - drawnAt >= REDRAW_NANOS)) {
            draw(text, now);
        }
    }

    /** Shows {@code text} in place of the line now (a new step: "importing…"). */
    public void show(String text) {
        if (live) {
            draw(text, nanoTime.getAsLong());
        }
    }

    /** Replaces the line with {@code text}, which stays: an outcome, possibly of several lines. */
    public void finish(String text) {
        if (live && !shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
        }
        shown = "";
        err.println(text);
        err.flush();
    }

    private void draw(String text, long now) {
        err.print("\r" + text + " ".repeat(Math.max(0, shown.length() - text.length())));
        err.flush();
        shown = text;
        drawnAt = now;
    }
}
