package dev.td.server.profile;

import dev.td.server.events.EventStore;
import dev.td.server.events.Hypothetical;
import dev.td.server.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Each person's time zone, read from the profile projection (else the account's, else inferred from the
 * zones their latest events carry), cached because every write and every date-bounded read needs it; read afresh and
 * not kept inside a what-if.
 */
final class TimeZones {

    private static final long ZONE_TTL_NANOS = 10_000_000_000L;
    /** How many of the person's latest events the inference looks at. */
    static final int SAMPLE = 200;

    /**
     * The zone most of the latest events carry, and how many do. Events td stamps with the person's zone
     * itself (profile and catalog changes) and compensations say nothing about where the person is.
     */
    private static final String INFER = "SELECT time_zone, count(*) AS matching, sum(count(*)) OVER () AS sampled"
            + " FROM (SELECT time_zone, occurred_at FROM events WHERE user_id = ? AND subject_event_id IS NULL"
            + " AND type NOT IN ('profile.updated', 'exercise.created', 'exercise.updated', 'exercise.archived')"
            + " ORDER BY occurred_at DESC LIMIT " + SAMPLE + ") latest"
            + " GROUP BY time_zone ORDER BY count(*) DESC, max(occurred_at) DESC LIMIT 1";

    private final DataSource db;
    private final ConcurrentHashMap<UUID, CachedZone> zones = new ConcurrentHashMap<>();
    /** Counts profile changes, so a read that overlapped one is not cached. */
    private final AtomicLong zoneInvalidations = new AtomicLong();

    TimeZones(DataSource db) {
        this.db = db;
    }

    /**
     * The person's time zone: their profile's, else the one most of their latest events carry, else UTC.
     * Cached for {@link #ZONE_TTL_NANOS}; appends that can change it drop the entry once committed (see
     * {@link #profileChanges()}), so the TTL only bounds staleness after changes made outside this process.
     */
    ZoneInUse timeZoneOf(UUID userId) {
        if (Hypothetical.active()) {
            return readTimeZone(
                    userId); // a proposed profile change or event may move it: read as proposed, keep nothing
        }
        CachedZone cached = zones.get(userId);
        if (cached != null && System.nanoTime() - cached.readAt() < ZONE_TTL_NANOS) {
            return cached.zone();
        }
        long generation = zoneInvalidations.get();
        long readAt = System.nanoTime();
        ZoneInUse zone = readTimeZone(userId);
        // not cached when a profile change committed while reading: the value read may predate it
        zones.compute(userId, (id, old) -> zoneInvalidations.get() == generation ? new CachedZone(zone, readAt) : null);
        return zone;
    }

    /**
     * Drops cached time zones when profile.updated (or a correction or void, which may touch one) commits, and
     * an inferred zone when any event commits (it may change what most events carry).
     */
    EventStore.AppendListener profileChanges() {
        return new EventStore.AppendListener() {
            @Override
            public void appended(Connection tx, UUID userId, List<StoredEvent> events) {}

            @Override
            public void committed(UUID userId, List<StoredEvent> events) {
                CachedZone cached = zones.get(userId);
                boolean guessed = cached != null && cached.zone().source() != ZoneInUse.Source.PROFILE;
                if (guessed
                        || events.stream()
                                .anyMatch(e -> e.type().equals("profile.updated")
                                        || e.subject().isPresent())) {
                    zoneInvalidations.incrementAndGet();
                    zones.remove(userId);
                }
            }
        };
    }

    private ZoneInUse readTimeZone(UUID userId) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE((SELECT state ->> 'timeZone' FROM projection_states WHERE user_id = ? AND projection = 'profile' AND key = 'profile'),"
                            + " NULLIF(time_zone, 'UTC')) FROM users WHERE user_id = ?")) {
                ps.setObject(1, userId);
                ps.setObject(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        return ZoneInUse.ofProfile(ZoneId.of(rs.getString(1)));
                    }
                }
            }
            return inferred(c, userId);
        } catch (SQLException | DateTimeException e) {
            return ZoneInUse.fallback();
        }
    }

    /** The zone most of the person's latest events carry (ties: the one seen last), else UTC. */
    private static ZoneInUse inferred(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INFER)) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ZoneInUse.fallback();
                }
                ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                return new ZoneInUse(
                        zone.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : zone,
                        ZoneInUse.Source.INFERRED,
                        rs.getInt("matching"),
                        rs.getInt("sampled"));
            }
        }
    }

    private record CachedZone(ZoneInUse zone, long readAt) {}
}
