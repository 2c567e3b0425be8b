package dev.td.server.events;

import dev.td.tools.ToolException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads times as agents write them, in the person's time zone, with errors that name the field. */
public final class TimeInput {

    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    /** The earliest moment td records or queries: nobody's training log starts before 1900. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The latest bound a query may name (PostgreSQL and ISO 8601 both stay four-digit years). */
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private TimeInput() {}

    /** A moment and the zone it happened in. */
    public record Moment(Instant instant, ZoneId zone) {}

    /** An IANA zone id from an argument, or an error at {@code path}. */
    public static ZoneId zone(String value, String path) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ToolException.invalid(
                    path,
                    "'" + value
                            + "' is not a time zone; use an IANA name such as Europe/Berlin, America/New_York or UTC");
        }
    }

    /**
     * {@code occurred_at} with an optional explicit zone. With an offset, the zone defaults to the person's
     * zone when its offset matches at that moment, else to the offset itself; without one, the time is
     * local to the given zone or the person's.
     */
    public static Moment occurredAt(
            String value, Optional<String> zoneArg, ZoneId personZone, String path, Instant now) {
        Moment moment = moment(value, zoneArg, personZone, path);
        if (moment.instant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ToolException.invalid(
                    path,
                    "'" + value
                            + "' is more than a day in the future; events record what happened. Check the date and the time zone");
        }
        return moment;
    }

    /**
     * The time of an event proposed, not logged (what_if): read as {@link #occurredAt}, and up to {@value
     * #PLANNED_DAYS} days ahead ("what if I hit 130 kg next week?").
     */
    public static Moment plannedAt(
            String value, Optional<String> zoneArg, ZoneId personZone, String path, Instant now) {
        Moment moment = moment(value, zoneArg, personZone, path);
        if (moment.instant().isAfter(now.plus(Duration.ofDays(PLANNED_DAYS)))) {
            throw ToolException.invalid(
                    path,
                    "'" + value + "' is more than " + PLANNED_DAYS
                            + " days ahead; a what-if looks at most a year forward. Check the date");
        }
        return moment;
    }

    /** How far ahead a proposed event may lie. */
    public static final int PLANNED_DAYS = 366;

    private static Moment moment(String value, Optional<String> zoneArg, ZoneId personZone, String path) {
        Optional<ZoneId> explicit = zoneArg.map(z -> zone(z, siblingPath(path, "time_zone")));
        Moment moment;
        try {
            OffsetDateTime odt = OffsetDateTime.parse(value);
            ZoneId zone = explicit.orElseGet(
                    () -> personZone.getRules().getOffset(odt.toInstant()).equals(odt.getOffset())
                            ? personZone
                            : odt.getOffset());
            moment = new Moment(odt.toInstant(), zone);
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                ZoneId zone = explicit.orElse(personZone);
                moment = new Moment(local.atZone(zone).toInstant(), zone);
            } catch (DateTimeParseException e) {
                throw ToolException.invalid(
                        path,
                        "'" + value
                                + "' is not a date-time; write 2026-11-24T07:30:00+01:00 (with offset) or 2026-11-24T07:30:00 (local, with time_zone)");
            }
        }
        if (moment.instant().isBefore(EARLIEST)) {
            throw ToolException.invalid(
                    path, "'" + value + "' is before 1900; td records training from 1900 on. Check the year");
        }
        return moment;
    }

    /** {@code $.events[0].occurred_at} → {@code $.events[0].time_zone}. */
    private static String siblingPath(String path, String field) {
        int dot = path.lastIndexOf('.');
        return (dot < 0 ? path : path.substring(0, dot)) + "." + field;
    }

    /** A bound of a time range: a date-time with offset, or a date meaning its start in the person's zone. */
    public static Instant bound(String value, ZoneId personZone, String path) {
        Instant bound = parseBound(value, personZone, path);
        if (bound.isBefore(EARLIEST) || bound.isAfter(LATEST)) {
            throw ToolException.invalid(
                    path, "'" + value + "' is outside the years 1900 to 9999 that td keeps; name a date in that range");
        }
        return bound;
    }

    private static Instant parseBound(String value, ZoneId personZone, String path) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(personZone).toInstant();
            } catch (DateTimeParseException e) {
                throw ToolException.invalid(
                        path,
                        "'" + value
                                + "' is neither a date (2026-11-01) nor a date-time with offset (2026-11-01T00:00:00+01:00)");
            }
        }
    }
}
