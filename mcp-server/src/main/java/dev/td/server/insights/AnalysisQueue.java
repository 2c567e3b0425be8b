package dev.td.server.insights;

import dev.td.server.events.EventStore;
import dev.td.server.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code analysis_jobs} table as a queue: written by appends (in their transaction), claimed and finished by
 * workers (as the owner, across people).
 */
final class AnalysisQueue implements EventStore.AppendListener {

    /**
     * How the queue waits.
     *
     * @param debounce the quiet time after the last append before a person's analyses run (a session logged set by
     *                 set runs them once)
     * @param maxDelay the longest a person waits under a steady stream of appends
     * @param lease    how long a claim holds before another worker may take the job (a crashed worker's job)
     */
    record Timing(Duration debounce, Duration maxDelay, Duration lease) {
        Timing {
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(lease, "lease");
        }

        /** From system properties td.analysis.debounceMs (2000), maxDelayMs (30000) and leaseMs (60000). */
        static Timing fromSystemProperties() {
            return new Timing(
                    Duration.ofMillis(Long.getLong("td.analysis.debounceMs", 2_000)),
                    Duration.ofMillis(Long.getLong("td.analysis.maxDelayMs", 30_000)),
                    Duration.ofMillis(Long.getLong("td.analysis.leaseMs", 60_000)));
        }
    }

    /** A claimed job: the person and the last sequence their analyses must reflect. */
    record Claim(UUID userId, long requestedSequence) {}

    private final DataSource system;
    private final Timing timing;

    AnalysisQueue(DataSource system, Timing timing) {
        this.system = system;
        this.timing = timing;
    }

    /** In the append's transaction: the person's analyses are due once the writes pause. */
    @Override
    public void appended(Connection tx, UUID userId, List<StoredEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                tx.prepareStatement("INSERT INTO analysis_jobs (user_id, requested_sequence, requested_at, not_before)"
                        + " VALUES (?, ?, now(), now() + ?::interval)"
                        + " ON CONFLICT (user_id) DO UPDATE SET"
                        + " requested_sequence = greatest(analysis_jobs.requested_sequence,"
                        + " EXCLUDED.requested_sequence),"
                        + " not_before = least(now() + ?::interval, analysis_jobs.requested_at + ?::interval)")) {
            ps.setObject(1, userId);
            ps.setLong(2, events.getLast().sequence());
            ps.setString(3, millis(timing.debounce()));
            ps.setString(4, millis(timing.debounce()));
            ps.setString(5, millis(timing.maxDelay()));
            ps.executeUpdate();
        }
    }

    /**
     * Queues every person whose stored {@code kind} analysis lags their log (or who has none): work written before
     * the queue existed, or by a process that went away. Run when the workers start.
     */
    int sweep(String kind) throws SQLException {
        try (Connection c = system.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_jobs"
                        + " (user_id, requested_sequence, requested_at, not_before)"
                        + " SELECT s.user_id, s.last_sequence, now(), now() FROM event_streams s"
                        + " LEFT JOIN analyses a ON a.user_id = s.user_id AND a.kind = ?"
                        + " WHERE s.last_sequence > coalesce(a.reflects_sequence, 0)"
                        + " ON CONFLICT (user_id) DO NOTHING")) {
            ps.setString(1, kind);
            return ps.executeUpdate();
        }
    }

    /** Takes the most overdue job no other worker holds, under a lease; empty when none is due. */
    Optional<Claim> claim() throws SQLException {
        try (Connection c = system.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE analysis_jobs j"
                        + " SET claimed_until = now() + ?::interval, attempts = j.attempts + 1"
                        + " WHERE j.user_id = (SELECT user_id FROM analysis_jobs"
                        + " WHERE not_before <= now() AND (claimed_until IS NULL OR claimed_until < now())"
                        + " ORDER BY not_before LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING j.user_id, j.requested_sequence")) {
            ps.setString(1, millis(timing.lease()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Claim(rs.getObject(1, UUID.class), rs.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Done up to {@code reflected}: the job goes, unless newer events came meanwhile (then it is released, due at
     * once, for the next round).
     */
    void finish(UUID userId, long reflected) throws SQLException {
        try (Connection c = system.getConnection()) {
            try (PreparedStatement done =
                    c.prepareStatement("DELETE FROM analysis_jobs WHERE user_id = ? AND requested_sequence <= ?")) {
                done.setObject(1, userId);
                done.setLong(2, reflected);
                if (done.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement again = c.prepareStatement(
                    "UPDATE analysis_jobs SET claimed_until = NULL, attempts = 0, last_error = NULL WHERE user_id = ?")) {
                again.setObject(1, userId);
                again.executeUpdate();
            }
        }
    }

    /** Failed: released with the error, retried after a back-off that doubles per attempt (up to ten minutes). */
    void fail(UUID userId, String error) throws SQLException {
        try (Connection c = system.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE analysis_jobs SET claimed_until = NULL,"
                        + " last_error = ?, not_before = now() + least(interval '10 minutes',"
                        + " interval '1 second' * power(2, least(attempts, 10)))"
                        + " WHERE user_id = ?")) {
            ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.setObject(2, userId);
            ps.executeUpdate();
        }
    }

    /** Milliseconds until the next job falls due (0: one is due now); empty when the queue is empty. */
    OptionalLong millisUntilDue() throws SQLException {
        try (Connection c = system.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT greatest(0, ceil(extract(epoch FROM"
                        + " min(greatest(not_before, coalesce(claimed_until, not_before))) - now()) * 1000))::bigint"
                        + " FROM analysis_jobs");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long wait = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(wait);
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() + " milliseconds";
    }
}
