package dev.td.server.insights;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code analyses} table: the latest result of each kind per person, with the sequence it reflects. */
final class Analyses {

    /**
     * A stored result.
     *
     * @param reflectsSequence the last event sequence the result was computed from
     * @param computeMs        the worker time it took
     */
    record Stored(String kind, JsonNode result, long reflectsSequence, Instant computedAt, double computeMs) {
        Stored {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(computedAt, "computedAt");
        }
    }

    private final DataSource db;

    Analyses(DataSource db) {
        this.db = db;
    }

    /** Stores a result unless one reflecting later events is stored already (two workers, one slow). */
    void put(UUID user, Stored stored) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO analyses"
                        + " (user_id, kind, result, reflects_sequence, computed_at, compute_ms)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?, ?)"
                        + " ON CONFLICT (user_id, kind) DO UPDATE SET result = EXCLUDED.result,"
                        + " reflects_sequence = EXCLUDED.reflects_sequence, computed_at = EXCLUDED.computed_at,"
                        + " compute_ms = EXCLUDED.compute_ms, runs = analyses.runs + 1"
                        + " WHERE analyses.reflects_sequence <= EXCLUDED.reflects_sequence")) {
            ps.setObject(1, user);
            ps.setString(2, stored.kind());
            ps.setString(3, stored.result().toString());
            ps.setLong(4, stored.reflectsSequence());
            ps.setTimestamp(5, Timestamp.from(stored.computedAt()));
            ps.setDouble(6, stored.computeMs());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored result of a kind, if any was computed; the caller's own copy. */
    Optional<Stored> get(UUID user, String kind) {
        return shared(user, kind)
                .map(st -> new Stored(
                        st.kind(), st.result().deepCopy(), st.reflectsSequence(), st.computedAt(), st.computeMs()));
    }

    private record Key(UUID user, String kind) {}

    /**
     * Parsed results of recent reads. Every read still asks the database for the row's stamp (the sequence it
     * reflects, when it was computed) and ships the JSON only when it changed, so any worker's new result is seen at
     * once; only the parsing (a year's screen: ~1 ms) is saved.
     */
    private final Map<Key, Stored> parsed =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Stored> eldest) {
                    return size() > 1024;
                }
            });

    /**
     * The stored result of a kind, shared with other readers: read it, never change it (a context hook picks a few
     * findings and copies those).
     */
    Optional<Stored> shared(UUID user, String kind) {
        return Optional.ofNullable(kept(user, List.of(kind)).stored().get(kind));
    }

    /**
     * Stored results of several kinds, shared as by {@link #shared}, and the person's head: what a context hook needs,
     * in one round trip.
     *
     * @param stored the results found, by kind
     * @param head the person's last event sequence (0: none yet)
     */
    record Kept(Map<String, Stored> stored, long head) {}

    /** The stored results of {@code kinds} and the person's head, in one query. */
    Kept kept(UUID user, List<String> kinds) {
        Long[] sequences = new Long[kinds.size()];
        Timestamp[] times = new Timestamp[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            Stored known = parsed.get(new Key(user, kinds.get(i)));
            sequences[i] = known == null ? -1 : known.reflectsSequence();
            times[i] = Timestamp.from(known == null ? Instant.EPOCH : known.computedAt());
        }
        Map<String, Stored> found = new java.util.LinkedHashMap<>();
        long head = 0;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT k.kind, a.reflects_sequence, a.computed_at,"
                        + " a.compute_ms, CASE WHEN a.reflects_sequence = k.seq AND a.computed_at = k.at THEN NULL"
                        + " ELSE a.result::text END,"
                        + " (SELECT last_sequence FROM event_streams WHERE user_id = ?)"
                        + " FROM unnest(?::text[], ?::bigint[], ?::timestamptz[]) AS k(kind, seq, at)"
                        + " LEFT JOIN analyses a ON a.user_id = ? AND a.kind = k.kind")) {
            ps.setObject(1, user);
            ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
            ps.setArray(3, c.createArrayOf("int8", sequences));
            ps.setArray(4, c.createArrayOf("timestamptz", times));
            ps.setObject(5, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    head = rs.getLong(6);
                    String kind = rs.getString(1);
                    Key key = new Key(user, kind);
                    if (rs.getTimestamp(3) == null) {
                        parsed.remove(key); // never computed
                        continue;
                    }
                    String text = rs.getString(5);
                    Stored known = parsed.get(key);
                    if (text == null && known != null) {
                        found.put(kind, known); // the stamp matched the parsed one
                        continue;
                    }
                    if (text == null) {
                        continue; // evicted meanwhile: read again next time
                    }
                    Stored read = new Stored(
                            kind,
                            Json.mapper().readTree(text),
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getDouble(4));
                    parsed.put(key, read);
                    found.put(kind, read);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Kept(found, head);
    }
}
