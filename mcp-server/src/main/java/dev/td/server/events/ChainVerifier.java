package dev.td.server.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Checks a person's hash chain against the stored rows: every event's hash is recomputed from its
 * stored content (SHA-256 of the previous hash and the canonical event, as {@link EventChain} sealed
 * it), in sequence order from 32 zero bytes, and the end of the chain is compared with the stream
 * head td keeps in {@code event_streams}. The first problem found is reported by kind and event;
 * the walk itself ({@link ChainWalk}) is a pure function of the rows.
 *
 * <p>What it proves: no stored event was changed, removed or added behind td's back, unless the
 * stream head was rewritten too. A third party who kept an earlier head hash (from get_events) can
 * rule that out as well.
 */
public final class ChainVerifier {

    /** How the stored rows depart from the chain td wrote. */
    public enum Kind {
        /** An event's content no longer hashes to the hash the chain vouches for: it was edited. */
        ALTERED,
        /** An event does not link to the one before it: the chain was cut and re-stitched. */
        BROKEN_LINK,
        /** Sequences are missing, in the middle or after the last stored event. */
        MISSING,
        /** A row td never sealed: its hash fits neither its content nor the chain, or it lies past the head. */
        INSERTED;

        /** The kind as tools show it ({@code broken_link}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A point on the chain: a sequence and the hash (hex) that ends there; sequence 0 is the genesis. */
    public record Position(long sequence, String hash) {
        public Position {
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must be 0 (genesis) or more, got " + sequence);
            }
            Objects.requireNonNull(hash, "hash");
        }

        static Position of(long sequence, byte[] hash) {
            return new Position(sequence, hex(hash));
        }
    }

    /**
     * The first problem on the chain.
     *
     * @param eventId      the stored event named, absent when the named events are missing
     * @param sequence     its sequence (for {@link Kind#MISSING}: the first missing sequence)
     * @param expectedHash the hash the intact chain vouches for at this point (hex)
     * @param foundHash    what the stored rows show there instead (hex)
     * @param explanation  what it means and what to do
     */
    public record Problem(
            Kind kind,
            Optional<UUID> eventId,
            long sequence,
            String expectedHash,
            String foundHash,
            String explanation) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(expectedHash, "expectedHash");
            Objects.requireNonNull(foundHash, "foundHash");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * What a check found.
     *
     * @param eventsChecked events that verified, in sequence order, before the first problem (all when ok)
     * @param verified      the last point up to which the chain verifies (its head when ok)
     * @param storedHead    the head td recorded in event_streams (genesis when the person never logged)
     */
    public record Report(
            UUID userId, long eventsChecked, Position verified, Position storedHead, Optional<Problem> problem) {
        public Report {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(verified, "verified");
            Objects.requireNonNull(storedHead, "storedHead");
            Objects.requireNonNull(problem, "problem");
        }

        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * A stretch of a person's chain as stored: the head td recorded, and the hashes of the events from
     * {@code fromSequence} on toward it (hex, in sequence order), as many as were asked for.
     *
     * @param hashes the hash stored with each event from {@code fromSequence} on; fewer than {@link #length()}
     *               when cut short
     */
    public record Path(Position head, long fromSequence, List<String> hashes) {
        public Path {
            Objects.requireNonNull(head, "head");
            if (fromSequence < 1) {
                throw new IllegalArgumentException("a path starts at sequence 1 or later, got " + fromSequence);
            }
            hashes = List.copyOf(hashes);
            long length = Math.max(0, head.sequence() - fromSequence + 1);
            if (hashes.size() > length) {
                throw new IllegalArgumentException(hashes.size() + " hashes for a path of " + length + " links");
            }
        }

        /** Links from {@code fromSequence} to the head, both included (0 when it lies past the head). */
        public long length() {
            return Math.max(0, head.sequence() - fromSequence + 1);
        }

        /** Whether some links toward the head were left out. */
        public boolean truncated() {
            return hashes.size() < length();
        }
    }

    private static final System.Logger LOG = System.getLogger(ChainVerifier.class.getName());
    private static final int FETCH = 500;

    private final DataSource db;
    private final EventStore store;

    public ChainVerifier(DataSource db, EventStore store) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Recomputes one person's chain. The head and the rows are read in one snapshot, so events
     * appended meanwhile are neither half seen nor mistaken for inserted rows.
     */
    public Report verify(UUID userId) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return walk(c, userId);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the chain of " + userId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The stretch of the person's chain from {@code fromSequence} to the head td recorded, at most {@code cap}
     * hashes of it; head and hashes read in one snapshot. It is read, not checked: {@link #verify} checks.
     */
    public Path path(UUID userId, long fromSequence, int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be 0 or more, got " + cap);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                EventChain.Head head = storedHead(c, userId).orElse(new EventChain.Head(0, EventStore.GENESIS));
                List<String> hashes = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM events WHERE user_id = ?"
                        + " AND sequence >= ? AND sequence <= ? ORDER BY sequence LIMIT ?")) {
                    ps.setObject(1, userId);
                    ps.setLong(2, fromSequence);
                    ps.setLong(3, head.sequence());
                    ps.setInt(4, cap);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hashes.add(hex(rs.getBytes(1)));
                        }
                    }
                }
                return new Path(Position.of(head.sequence(), head.hash()), fromSequence, hashes);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the chain of " + userId + " failed: " + e.getMessage(), e);
        }
    }

    /** Everyone with a log: people with a stream head or with stored events. */
    public List<UUID> people() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id FROM event_streams UNION SELECT user_id FROM events ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            List<UUID> people = new ArrayList<>();
            while (rs.next()) {
                people.add(rs.getObject(1, UUID.class));
            }
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException("listing the event streams failed: " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes every person's chain and logs a warning naming the person and the first problem for
     * each that does not verify. Never throws: a chain that cannot be read is logged too.
     *
     * @param goOn asked before each person; the check stops (and says so) once it answers false
     * @return the reports of the chains that do not verify
     */
    public List<Report> checkAll(BooleanSupplier goOn) {
        long start = System.nanoTime();
        List<Report> failed = new ArrayList<>();
        List<UUID> people;
        try {
            people = people();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "hash chains not checked: " + e.getMessage(), e);
            return failed;
        }
        int checked = 0;
        for (UUID person : people) {
            if (!goOn.getAsBoolean()) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "hash chain check stopped after " + checked + " of " + people.size() + " people");
                return failed;
            }
            checked++;
            try {
                Report report = verify(person);
                report.problem().ifPresent(p -> {
                    failed.add(report);
                    LOG.log(System.Logger.Level.WARNING, warning(report, p));
                });
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "hash chain of person " + person + " not checked: " + e.getMessage(),
                        e);
            }
        }
        LOG.log(
                System.Logger.Level.INFO,
                "hash chains checked: " + people.size() + " people, " + failed.size() + " not intact, in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
        return failed;
    }

    private static String warning(Report report, Problem p) {
        return "hash chain of person " + report.userId() + " is not intact: "
                + p.kind().wireName() + " at sequence "
                + p.sequence() + p.eventId().map(id -> ", event " + id).orElse("") + " (expected hash "
                + p.expectedHash() + ", found " + p.foundHash() + "). " + p.explanation()
                + " verify_chain shows the same for that person.";
    }

    private Report walk(Connection c, UUID userId) throws SQLException {
        ChainWalk walk = new ChainWalk(userId, storedHead(c, userId));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + EventStore.columns() + ", prev_hash FROM events WHERE user_id = ? ORDER BY sequence")) {
            ps.setFetchSize(FETCH);
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                boolean more = true;
                while (more && rs.next()) {
                    more = walk.accept(new ChainWalk.Row(store.read(rs), rs.getBytes("prev_hash")));
                }
            }
        }
        return walk.finish();
    }

    private static Optional<EventChain.Head> storedHead(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT last_sequence, last_hash FROM event_streams WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new EventChain.Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** Verifies a whole chain at once (for tests and callers that hold the rows). */
    static Report verifyRows(UUID userId, Optional<EventChain.Head> storedHead, List<ChainWalk.Row> rows) {
        ChainWalk walk = new ChainWalk(userId, storedHead);
        for (ChainWalk.Row row : rows) {
            if (!walk.accept(row)) {
                break;
            }
        }
        return walk.finish();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
