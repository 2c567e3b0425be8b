package dev.td.server.profile;

import dev.td.server.events.EventStore;
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
 * Each person's time zone, read from the profile projection (else the account's), cached because every
 * write and every date-bounded read needs it.
 */
final class TimeZones {

    private static final long ZONE_TTL_NANOS = 10_000_000_000L;

    private final DataSource db;
    private final ConcurrentHashMap<UUID, CachedZone> zones = new ConcurrentHashMap<>();
    /** Counts profile changes, so a read that overlapped one is not cached. */
    private final AtomicLong zoneInvalidations = new AtomicLong();

    TimeZones(DataSource db) {
        this.db = db;
    }

    /**
     * The person's time zone: their profile's, else UTC. Cached for {@link #ZONE_TTL_NANOS}; appends that can
     * change the profile drop the entry once committed (see {@link #profileChanges()}), so the TTL only bounds
     * staleness after changes made outside this process.
     */
    ZoneId timeZoneOf(UUID userId) {
        CachedZone cached = zones.get(userId);
        if (cached != null && System.nanoTime() - cached.readAt() < ZONE_TTL_NANOS) {
            return cached.zone();
        }
        long generation = zoneInvalidations.get();
        long readAt = System.nanoTime();
        ZoneId zone = readTimeZone(userId);
        // not cached when a profile change committed while reading: the value read may predate it
        zones.compute(userId, (id, old) -> zoneInvalidations.get() == generation ? new CachedZone(zone, readAt) : null);
        return zone;
    }

    /** Drops cached time zones when profile.updated (or a correction or void, which may touch one) commits. */
    EventStore.AppendListener profileChanges() {
        return new EventStore.AppendListener() {
            @Override
            public void appended(Connection tx, UUID userId, List<StoredEvent> events) {}

            @Override
            public void committed(UUID userId, List<StoredEvent> events) {
                if (events.stream()
                        .anyMatch(e -> e.type().equals("profile.updated")
                                || e.subject().isPresent())) {
                    zoneInvalidations.incrementAndGet();
                    zones.remove(userId);
                }
            }
        };
    }

    private ZoneId readTimeZone(UUID userId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COALESCE((SELECT state ->> 'timeZone' FROM projection_states WHERE user_id = ? AND projection = 'profile' AND key = 'profile'),"
                                + " time_zone) FROM users WHERE user_id = ?")) {
            ps.setObject(1, userId);
            ps.setObject(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ZoneId.of(rs.getString(1)) : ZoneOffset.UTC;
            }
        } catch (SQLException | DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private record CachedZone(ZoneId zone, long readAt) {}
}
