package dev.td.server.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.td.importers.Draft;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The same activity from two sources (the watch's FIT file and Strava's export of it) is one activity: an imported
 * activity that repeats a stored one is linked to it instead of stored again. Repeats means: the same sport, times that
 * overlap by at least half of the shorter one (or, without durations, starts at most {@value #START_SLACK_S} s apart),
 * and distances within {@value #DISTANCE_TOLERANCE} of the longer or {@value #DISTANCE_SLACK_M} m (whichever is more)
 * when both have one. Voided activities do not count.
 */
final class ActivityLinks {

    static final double DISTANCE_TOLERANCE = 0.05;
    static final double DISTANCE_SLACK_M = 100;
    static final long START_SLACK_S = 120;

    private final DataSource db;
    private final ObjectMapper json = Json.mapper();

    ActivityLinks(DataSource db) {
        this.db = db;
    }

    /** A stored activity an import may repeat. */
    record Stored(
            UUID eventId, Instant start, String sport, OptionalDouble seconds, OptionalDouble metres, String from) {}

    /** The person's stored activities that could overlap any of these drafts. */
    List<Stored> near(UUID user, List<Draft> activities) {
        List<Stored> out = new ArrayList<>();
        if (activities.isEmpty()) {
            return out;
        }
        Instant from = activities.stream()
                .map(Draft::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant to = activities.stream()
                .map(Draft::occurredAt)
                .max(Instant::compareTo)
                .orElseThrow();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT e.event_id, e.occurred_at, e.data, e.metadata FROM events e WHERE e.user_id = ? "
                                + "AND e.type = 'activity.logged' AND e.occurred_at >= ? AND e.occurred_at <= ? "
                                + "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.user_id = e.user_id "
                                + "AND v.type = 'event.voided' AND v.subject_event_id = e.event_id)")) {
            ps.setObject(1, user);
            ps.setTimestamp(2, Timestamp.from(from.minus(Duration.ofDays(2))));
            ps.setTimestamp(3, Timestamp.from(to.plus(Duration.ofDays(2))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode data = json.readTree(rs.getString(3));
                    JsonNode metadata = json.readTree(rs.getString(4));
                    String source =
                            data.path("source").asText(metadata.path("source").asText("td"));
                    out.add(new Stored(
                            rs.getObject(1, UUID.class),
                            rs.getTimestamp(2).toInstant(),
                            data.path("sport").asText(),
                            seconds(data),
                            metres(data),
                            source));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading activities to link failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The stored activity this draft repeats, if one does. */
    static Optional<Stored> repeated(Draft draft, List<Stored> stored) {
        String sport = draft.data().path("sport").asText();
        OptionalDouble seconds = seconds(draft.data());
        OptionalDouble metres = metres(draft.data());
        return stored.stream()
                .filter(s -> s.sport().equals(sport))
                .filter(s -> overlap(draft.occurredAt(), seconds, s.start(), s.seconds()))
                .filter(s -> closeDistance(metres, s.metres()))
                .findFirst();
    }

    private static boolean overlap(Instant a, OptionalDouble aSeconds, Instant b, OptionalDouble bSeconds) {
        if (aSeconds.isEmpty() || bSeconds.isEmpty()) {
            return Math.abs(Duration.between(a, b).toSeconds()) <= START_SLACK_S;
        }
        double aStart = a.toEpochMilli() / 1000.0;
        double bStart = b.toEpochMilli() / 1000.0;
        double aEnd = aStart + aSeconds.getAsDouble();
        double bEnd = bStart + bSeconds.getAsDouble();
        double shared = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
        return shared > 0 && shared >= 0.5 * Math.min(aSeconds.getAsDouble(), bSeconds.getAsDouble());
    }

    private static boolean closeDistance(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        double longer = Math.max(a.getAsDouble(), b.getAsDouble());
        return Math.abs(a.getAsDouble() - b.getAsDouble()) <= Math.max(DISTANCE_TOLERANCE * longer, DISTANCE_SLACK_M);
    }

    private static OptionalDouble seconds(JsonNode data) {
        JsonNode s = data.has("elapsed_s") ? data.get("elapsed_s") : data.path("moving_s");
        return s.isNumber() ? OptionalDouble.of(s.asDouble()) : OptionalDouble.empty();
    }

    /** An activity's distance in metres (1 mi = 1609.344 m, 1 yd = 0.9144 m exactly). */
    static OptionalDouble metres(JsonNode data) {
        JsonNode d = data.path("distance");
        if (!d.path("value").isNumber()) {
            return OptionalDouble.empty();
        }
        double v = d.get("value").asDouble();
        return switch (d.path("unit").asText()) {
            case "km" -> OptionalDouble.of(v * 1000);
            case "mi" -> OptionalDouble.of(v * 1609.344);
            case "yd" -> OptionalDouble.of(v * 0.9144);
            case "m" -> OptionalDouble.of(v);
            default -> OptionalDouble.empty();
        };
    }
}
