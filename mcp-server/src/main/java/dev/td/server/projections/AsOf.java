package dev.td.server.projections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The record as it stood: a read asked {@code as_of} a past moment (only what had happened by then, by occurred_at)
 * or {@code as_known_at} one (only what td had been told by then, by sequence: later corrections unseen). While a
 * call runs under a cut-off, the effective log, the projections and the clock answer for that moment on this thread;
 * nothing read under it is kept past the call (a cache serves it only from the cut-off's own {@link #scratch()}).
 */
public final class AsOf {

    /**
     * A cut-off for one person.
     *
     * @param user whose record is cut; other people's reads are not affected
     * @param occurredBefore only facts that happened before this instant; empty: whenever they happened
     * @param knownUpTo only the log up to this sequence (compensations too); Long.MAX_VALUE: all of it
     * @param now the moment the answer is for: "today", "the last 4 weeks" count back from it
     */
    public record Cut(UUID user, Optional<Instant> occurredBefore, long knownUpTo, Instant now) {
        public Cut {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(occurredBefore, "occurredBefore");
            Objects.requireNonNull(now, "now");
            if (knownUpTo < 0) {
                throw new IllegalArgumentException("knownUpTo must be at least 0, was " + knownUpTo);
            }
        }
    }

    /**
     * How one projection was folded for the cut-off: from the snapshot at {@code snapshot} (0: from the start of the
     * log) with {@code facts} facts of the tail on top.
     */
    public record Fold(String projection, long snapshot, long facts) {}

    private static final class Bound {
        final Cut cut;
        final Map<Object, Object> scratch = java.util.Collections.synchronizedMap(new HashMap<>());
        final Map<String, Fold> folds = java.util.Collections.synchronizedMap(new java.util.TreeMap<>());
        volatile boolean open = true;

        Bound(Cut cut) {
            this.cut = cut;
        }
    }

    // inheritable, as a what-if's binding: a read the call starts on another thread answers for the same moment
    private static final InheritableThreadLocal<@Nullable Bound> CURRENT = new InheritableThreadLocal<>();

    private AsOf() {}

    /** Ends the cut-off's binding. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private static Optional<Bound> bound() {
        Bound b = CURRENT.get();
        return b != null && b.open ? Optional.of(b) : Optional.empty();
    }

    /** The cut-off this thread answers under, if any. */
    public static Optional<Cut> current() {
        return bound().map(b -> b.cut);
    }

    /** The cut-off of {@code user}'s record this thread answers under, if any. */
    public static Optional<Cut> of(UUID user) {
        return current().filter(c -> c.user().equals(user));
    }

    /** Whether this thread answers under a cut-off: caches must neither keep what it reads nor answer it. */
    public static boolean active() {
        return bound().isPresent();
    }

    /** The moment answers are for: the cut-off's, else the clock's. */
    public static Instant now() {
        return current().map(Cut::now).orElseGet(Instant::now);
    }

    /** The day answers are for in {@code zone}. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    /** Memory that lives exactly as long as the cut-off's binding; empty outside one. */
    public static Optional<Map<Object, Object>> scratch() {
        return bound().map(b -> b.scratch);
    }

    /** Notes how a projection was folded for the cut-off this thread answers under (nothing outside one). */
    public static void folded(Fold fold) {
        bound().ifPresent(b -> b.folds.put(fold.projection(), fold));
    }

    /** How the projections read under this thread's cut-off were folded, by name. */
    public static java.util.List<Fold> folds() {
        return bound().map(b -> {
                    synchronized (b.folds) {
                        return java.util.List.copyOf(b.folds.values());
                    }
                })
                .orElse(java.util.List.of());
    }

    /** Binds a cut-off to this thread until the binding is closed. */
    public static Binding bind(Cut cut) {
        if (active()) {
            throw new IllegalStateException("a cut-off cannot be bound inside another");
        }
        Bound now = new Bound(cut);
        CURRENT.set(now);
        return () -> {
            now.open = false;
            now.scratch.clear();
            CURRENT.remove();
        };
    }
}
