package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Days of the person's calendar, from {@code from} to {@code to}, both included. */
@Published
public record DayRange(LocalDate from, LocalDate to) {

    public DayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static DayRange of(LocalDate day) {
        return new DayRange(day, day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The first moment of the range in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the range in {@code zone} (the range is [start, end)). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
