package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * How a series over days is summed up into rows: per day, ISO week or calendar month. Without a choice, the
 * length of the range picks one, so an answer stays readable (a year of days is 365 rows, of weeks 53): days up to
 * {@link #DAILY_DAYS}, weeks up to {@link #WEEKLY_DAYS}, months beyond. Answers hold at most {@link #MAX_ROWS} rows.
 */
@Published
public enum Aggregate {
    DAY,
    WEEK,
    MONTH;

    /** The longest range shown per day by default: 16 weeks. */
    public static final int DAILY_DAYS = 16 * 7;
    /** The longest range shown per ISO week by default: two years. */
    public static final int WEEKLY_DAYS = 731;
    /** The most rows one answer holds. */
    public static final int MAX_ROWS = 366;

    /** The aggregate for a range's length when none is asked for. */
    public static Aggregate forRange(DayRange range) {
        long span = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        return span <= DAILY_DAYS ? DAY : span <= WEEKLY_DAYS ? WEEK : MONTH;
    }

    /** From its wire name ({@code day}, {@code week}, {@code month}); the input schema's enum admits no other. */
    public static Aggregate of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The row a day falls in: {@code 2026-11-30}, ISO week {@code 2026-W49}, or month {@code 2026-11}. */
    public String label(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> isoWeek(day);
            case MONTH -> YearMonth.from(day).toString();
        };
    }

    /** How many rows a range makes: its days, the ISO weeks it touches, or the months it touches. */
    public long rows(DayRange range) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
            case WEEK ->
                ChronoUnit.WEEKS.between(
                                range.from().with(java.time.DayOfWeek.MONDAY),
                                range.to().with(java.time.DayOfWeek.MONDAY))
                        + 1;
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(range.from()), YearMonth.from(range.to())) + 1;
        };
    }

    /** The ISO week of a day, {@code 2026-W49} (week-based year: 2027-01-01 is in 2026-W53). */
    public static String isoWeek(LocalDate day) {
        return String.format(
                Locale.ROOT,
                "%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
