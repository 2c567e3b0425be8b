package dev.td.importers.wearables;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WHOOP's times: local date-times ({@code 2024-06-23 20:24:26}) in the cycle's time zone, which the export writes as
 * an offset from UTC ({@code UTC-04:00}, {@code UTC+01:00}; UTC itself as {@code UTCZ} or {@code UTC}).
 */
final class WhoopClock {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern OFFSET =
            Pattern.compile("(?:UTC|GMT)?\\s*(Z|[+-]\\d{1,2}(?::?\\d{2})?)?", Pattern.CASE_INSENSITIVE);

    private WhoopClock() {}

    /** The offset in a {@code Cycle timezone} cell; empty when the cell is blank or the column absent. */
    static Optional<ZoneOffset> offset(Row row, Optional<Column> column) {
        return column.flatMap(c -> row.text(c).map(text -> {
            Matcher m = OFFSET.matcher(text);
            if (!m.matches()) {
                throw notAnOffset(row, c, text);
            }
            String offset = m.group(1);
            if (offset == null || offset.equalsIgnoreCase("Z")) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneOffset.of(offset);
            } catch (DateTimeException e) {
                throw notAnOffset(row, c, text);
            }
        }));
    }

    /** The instant of a local date-time cell in {@code zone}; empty when the cell is blank or the column absent. */
    static Optional<Instant> time(Row row, Optional<Column> column, ZoneId zone) {
        return column.flatMap(c -> row.text(c).map(text -> {
            try {
                return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw row.bad(
                        c,
                        "\"" + text + "\" is not a date and time like 2024-06-23 20:24:26",
                        "WHOOP's export writes them so; " + WhoopImporter.HOW_TO_EXPORT);
            }
        }));
    }

    private static RuntimeException notAnOffset(Row row, Column column, String text) {
        return row.bad(
                column,
                "\"" + text + "\" is not a time zone like UTC-05:00",
                "WHOOP's export writes the cycle's offset from UTC there; " + WhoopImporter.HOW_TO_EXPORT);
    }
}
