package dev.td.server.past;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Capability;
import dev.td.server.capability.Platform;
import dev.td.server.events.TimeInput;
import dev.td.server.profile.Profiles;
import dev.td.server.projections.AsOf;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs every read that asks {@code as_of} or {@code as_known_at} under that cut-off ({@link AsOf}): the effective log,
 * the projections (a snapshot and the tail after it), the context hooks and "today" all answer for then; the
 * answer's {@code meta.as_of} says what was resolved.
 *
 * <p>A date means the end of that day in the person's time zone (what had happened, or what td had been told, by
 * midnight); a date-time with offset means that instant. Neither may lie in the future: the record of then is asked
 * about, not a forecast (what_if is that).
 */
public final class PastCapability implements Capability {

    static final String AS_OF = "as_of";
    static final String AS_KNOWN_AT = "as_known_at";

    private final Profiles profiles;
    private Optional<DataSource> db = Optional.empty();

    public PastCapability(Profiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public void install(Platform platform) {
        db = Optional.of(platform.database());
        platform.tools().frame(this::run);
    }

    private Envelope run(ToolCall call, Supplier<Envelope> answer) {
        JsonNode args = call.arguments();
        if (!args.has(AS_OF) && !args.has(AS_KNOWN_AT)) {
            return answer.get();
        }
        UUID user = call.principal().userId();
        ZoneId zone = profiles.timeZoneOf(user);
        Instant now = Instant.now();
        Optional<Instant> asOf = moment(args, AS_OF, zone, now);
        Optional<Instant> knownAt = moment(args, AS_KNOWN_AT, zone, now);
        long knownUpTo = knownAt.map(at -> sequenceKnownAt(user, at)).orElse(Long.MAX_VALUE);
        Instant answersFor = asOf.or(() -> knownAt).orElse(now).minusNanos(1);
        AsOf.Cut cut = new AsOf.Cut(user, asOf, knownUpTo, answersFor);
        AsOf.Binding bound = AsOf.bind(cut);
        try {
            Envelope e = answer.get();
            return new Envelope(e.data(), e.context(), e.meta().withAsOf(resolved(cut, asOf, knownAt, zone)));
        } finally {
            bound.close();
        }
    }

    /**
     * The instant a date or date-time argument stands for: a date's end (the next day's start in {@code zone}), a
     * date-time's own instant; refused in the future.
     */
    static Optional<Instant> moment(JsonNode args, String field, ZoneId zone, Instant now) {
        if (!args.has(field)) {
            return Optional.empty();
        }
        String path = "$." + field;
        String said = args.get(field).asText();
        Instant at = TimeInput.bound(said, zone, path); // a date or a date-time with offset, years 1900 to 9999
        try {
            at = LocalDate.parse(said).plusDays(1).atStartOfDay(zone).toInstant(); // a day: its end
        } catch (DateTimeParseException notADate) {
            // a date-time: that instant
        }
        if (at.isAfter(now.plusSeconds(60))
                && !LocalDate.ofInstant(now, zone).toString().equals(said)) {
            throw ToolException.invalid(
                    path,
                    field + " " + said + " is in the future (now is "
                            + now.atZone(zone).toLocalDateTime().withNano(0)
                            + " in the person's zone " + zone + "); the record of a past moment is asked for: leave "
                            + field + " out for now, and use what_if for what would change");
        }
        return Optional.of(at.isAfter(now) ? now : at);
    }

    /** The last sequence td had recorded before {@code at} (0: nothing yet). */
    private long sequenceKnownAt(UUID user, Instant at) {
        try (Connection c = db.orElseThrow().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT sequence FROM events WHERE user_id = ?"
                        + " AND recorded_at < ? ORDER BY sequence DESC LIMIT 1")) {
            ps.setObject(1, user);
            ps.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the log as known at " + at + " could not be read: " + e.getMessage(), e);
        }
    }

    /** {@code meta.as_of}: the moments as resolved, and the last event of the log the answer could see. */
    private static JsonNode resolved(AsOf.Cut cut, Optional<Instant> asOf, Optional<Instant> knownAt, ZoneId zone) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        asOf.ifPresent(
                a -> n.put("occurred_before", a.atZone(zone).toOffsetDateTime().toString()));
        knownAt.ifPresent(k -> {
            n.put("recorded_before", k.atZone(zone).toOffsetDateTime().toString());
            n.put("known_up_to_sequence", cut.knownUpTo());
        });
        n.put("today", LocalDate.ofInstant(cut.now(), zone).toString());
        n.put("time_zone", zone.getId());
        var folded = n.putArray("folded");
        for (AsOf.Fold f : AsOf.folds()) {
            folded.addObject()
                    .put("projection", f.projection())
                    .put("from_snapshot_at", f.snapshot())
                    .put("events_folded", f.facts());
        }
        return n;
    }
}
