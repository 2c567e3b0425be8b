package dev.td.importers.apple;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date as the export writes it, {@code "2016-11-14 07:25:41 -0700"}: local date and time with the offset in force
 * there. Parsed by hand (no formatter, no regex) because a large export holds tens of millions of them.
 *
 * @param epochSecond   the instant
 * @param offsetSeconds the offset the value was written with (the same instant can come with -0700 in one file and
 *                      -0800 in another)
 */
record HealthDate(long epochSecond, int offsetSeconds) {

    private static final int SECONDS_PER_DAY = 86_400;

    /** @throws DateTimeException when {@code text} is not {@code yyyy-MM-dd HH:mm:ss ±hhmm} or names no real date */
    static HealthDate parse(String text) {
        if (text.length() != 25
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != ' '
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != ' ') {
            throw new DateTimeException("not yyyy-MM-dd HH:mm:ss ±hhmm: " + text);
        }
        char sign = text.charAt(20);
        if (sign != '+' && sign != '-') {
            throw new DateTimeException("no offset sign: " + text);
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int offsetHours = digits(text, 21, 2);
        int offsetMinutes = digits(text, 23, 2);
        if (hour > 23 || minute > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) {
            throw new DateTimeException("time out of range: " + text);
        }
        long epochDay = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2))
                .toEpochDay();
        int offset = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        return new HealthDate(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offset, offset);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i + ": " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    Instant instant() {
        return Instant.ofEpochSecond(epochSecond);
    }

    ZoneOffset offset() {
        return ZoneOffset.ofTotalSeconds(offsetSeconds);
    }

    /** The calendar day where the value was written (in its own offset), as an epoch day. */
    long localEpochDay() {
        return Math.floorDiv(epochSecond + offsetSeconds, SECONDS_PER_DAY);
    }
}
