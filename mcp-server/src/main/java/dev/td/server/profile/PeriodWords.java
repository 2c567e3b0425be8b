package dev.td.server.profile;

import dev.td.server.capability.Published;
import dev.td.tools.ToolException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as people say them, in English or German, turned into days of their calendar relative to
 * today. German words are first translated word by word ("letzte Woche" → "last week"), so both
 * languages share one grammar:
 *
 * <ul>
 *   <li>{@code today}, {@code yesterday} (heute, gestern)
 *   <li>{@code this|last week|month|year}: calendar units, weeks Monday to Sunday (diese/letzte Woche,
 *       diesen/letzten Monat, dieses/letztes Jahr; also previous, vorige, vergangene)
 *   <li>{@code last N days|weeks|months|years}: the N units up to and including today, e.g. last 4 weeks
 *       is the 28 days ending today (die letzten 4 Wochen)
 *   <li>a month and year ({@code June 2025}, {@code Juni 2025}, {@code Jun 2025}), a month alone (its
 *       latest occurrence not after this month), a year ({@code 2025})
 *   <li>ISO: a date {@code 2026-06-01}, a month {@code 2026-06}, a week {@code 2026-W23}, a range
 *       {@code 2026-06-01..2026-06-30} ({@code /}, {@code to} and {@code bis} work too)
 *   <li>{@code since} any of these (seit): from its first day to today
 * </ul>
 *
 * "Since the injury" (seit der Verletzung) is refused with a clear message: injuries are not recorded yet.
 */
@Published
public final class PeriodWords {

    /** Examples for error messages and descriptions. */
    public static final String EXAMPLES = "today, yesterday, this week, last week, letzte Woche, last 4 weeks,"
            + " die letzten 30 Tage, this month, last month, June 2025, Juni 2025, 2025, since last month,"
            + " seit Juni 2025, 2026-06-01, 2026-06-01..2026-06-30";

    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-w(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\S+)\\s*(?:\\.\\.|/|\\s(?:to|bis|until)\\s)\\s*(\\S+)");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** German words (accents stripped, lower case) and English synonyms, as the English word of the grammar. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("heute", "today"),
            Map.entry("gestern", "yesterday"),
            Map.entry("seit", "since"),
            Map.entry("ab", "since"),
            Map.entry("diese", "this"),
            Map.entry("diesen", "this"),
            Map.entry("dieser", "this"),
            Map.entry("diesem", "this"),
            Map.entry("dieses", "this"),
            Map.entry("current", "this"),
            Map.entry("letzte", "last"),
            Map.entry("letzten", "last"),
            Map.entry("letzter", "last"),
            Map.entry("letztem", "last"),
            Map.entry("letztes", "last"),
            Map.entry("vorige", "last"),
            Map.entry("vorigen", "last"),
            Map.entry("voriger", "last"),
            Map.entry("vorigem", "last"),
            Map.entry("voriges", "last"),
            Map.entry("vergangene", "last"),
            Map.entry("vergangenen", "last"),
            Map.entry("vergangener", "last"),
            Map.entry("vergangenem", "last"),
            Map.entry("vergangenes", "last"),
            Map.entry("previous", "last"),
            Map.entry("past", "last"),
            Map.entry("woche", "week"),
            Map.entry("wochen", "weeks"),
            Map.entry("monat", "month"),
            Map.entry("monate", "months"),
            Map.entry("monaten", "months"),
            Map.entry("jahr", "year"),
            Map.entry("jahre", "years"),
            Map.entry("jahren", "years"),
            Map.entry("tag", "day"),
            Map.entry("tage", "days"),
            Map.entry("tagen", "days"));

    /** Words that carry no meaning here ("in the last 4 weeks", "in den letzten 4 Wochen", "im Juni"). */
    private static final List<String> FILLER = List.of("the", "in", "during", "im", "den", "die", "der", "dem", "of");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("januar", 1),
            Map.entry("janner", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("februar", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("marz", 3),
            Map.entry("maerz", 3),
            Map.entry("mrz", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("mai", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("juni", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("juli", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("oktober", 10),
            Map.entry("okt", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12),
            Map.entry("dezember", 12),
            Map.entry("dez", 12));

    private PeriodWords() {}

    /**
     * The days {@code words} stand for, seen from {@code today} (the person's date).
     *
     * @param path the argument's JSON path, for errors
     * @throws ToolException when the words name no period td knows, or one outside the years 1900-9999
     */
    public static DayRange resolve(String words, LocalDate today, String path) {
        String plain = normalize(words);
        if (plain.contains("injur") || plain.contains("verletz")) {
            throw ToolException.invalid(
                    path,
                    "'" + words + "' needs injuries, and td records injuries from a later release on. Until then give"
                            + " the day of the injury instead: from: YYYY-MM-DD, or period: \"since 2026-03-14\"");
        }
        Optional<DayRange> range;
        try {
            range = parse(tokens(plain), plain, today);
        } catch (DateTimeException e) {
            range = Optional.empty();
        }
        DayRange r = range.orElseThrow(() -> ToolException.invalid(
                path,
                "'" + words + "' is not a period td knows. Write one of: " + EXAMPLES
                        + " (English or German), or give from/to as YYYY-MM-DD"));
        if (r.from().isBefore(EARLIEST) || r.to().isAfter(LATEST)) {
            throw ToolException.invalid(
                    path, "'" + words + "' reaches outside the years 1900 to 9999 that td keeps; name a later period");
        }
        return r;
    }

    /** Lower case, accents and ß spelled plainly, one space between words, no trailing punctuation. */
    static String normalize(String words) {
        String decomposed = Normalizer.normalize(words.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss");
        return decomposed.replaceAll("[\\s,;!?]+$", "").replaceAll("\\s+", " ");
    }

    /** The words of the grammar: German ones translated, filler dropped. */
    private static List<String> tokens(String plain) {
        List<String> out = new ArrayList<>();
        for (String w : plain.split(" ", -1)) {
            if (!FILLER.contains(w) && !w.isEmpty()) {
                out.add(WORDS.getOrDefault(w, w));
            }
        }
        return out;
    }

    private static Optional<DayRange> parse(List<String> t, String plain, LocalDate today) {
        Matcher range = RANGE.matcher(plain);
        if (range.matches()) {
            Optional<DayRange> a = iso(range.group(1));
            Optional<DayRange> b = iso(range.group(2));
            return a.isPresent()
                            && b.isPresent()
                            && !b.get().to().isBefore(a.get().from())
                    ? Optional.of(new DayRange(a.get().from(), b.get().to()))
                    : Optional.empty();
        }
        if (!t.isEmpty() && t.getFirst().equals("since")) {
            return parse(t.subList(1, t.size()), String.join(" ", t.subList(1, t.size())), today)
                    .filter(anchor -> !anchor.from().isAfter(today))
                    .map(anchor -> new DayRange(anchor.from(), today));
        }
        return switch (t.size()) {
            case 1 -> single(t.getFirst(), today);
            case 2 -> pair(t.get(0), t.get(1), today);
            case 3 -> t.get(0).equals("last") ? rolling(t.get(1), t.get(2), today) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<DayRange> single(String w, LocalDate today) {
        return switch (w) {
            case "today" -> Optional.of(DayRange.of(today));
            case "yesterday" -> Optional.of(DayRange.of(today.minusDays(1)));
            default -> {
                if (MONTHS.containsKey(w)) {
                    YearMonth m = YearMonth.of(today.getYear(), MONTHS.get(w));
                    yield Optional.of(month(m.isAfter(YearMonth.from(today)) ? m.minusYears(1) : m));
                }
                if (YEAR.matcher(w).matches()) {
                    int y = Integer.parseInt(w);
                    yield Optional.of(new DayRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
                }
                yield iso(w);
            }
        };
    }

    private static Optional<DayRange> pair(String a, String b, LocalDate today) {
        if (MONTHS.containsKey(a) && YEAR.matcher(b).matches()) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(b), MONTHS.get(a))));
        }
        if (!a.equals("this") && !a.equals("last")) {
            return Optional.empty();
        }
        int back = a.equals("this") ? 0 : 1;
        return switch (b) {
            case "week" -> {
                LocalDate monday = today.with(DayOfWeek.MONDAY).minusWeeks(back);
                yield Optional.of(new DayRange(monday, monday.plusDays(6)));
            }
            case "month" -> Optional.of(month(YearMonth.from(today).minusMonths(back)));
            case "year" -> {
                int y = today.getYear() - back;
                yield Optional.of(new DayRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
            default -> Optional.empty();
        };
    }

    /** The N units up to and including today. */
    private static Optional<DayRange> rolling(String n, String unit, LocalDate today) {
        if (!NUMBER.matcher(n).matches() || Integer.parseInt(n) < 1) {
            return Optional.empty();
        }
        int count = Integer.parseInt(n);
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        if (count > 1 && singular.equals(unit)) {
            return Optional.empty();
        }
        return switch (singular) {
            case "day" -> Optional.of(new DayRange(today.minusDays(count - 1L), today));
            case "week" -> Optional.of(new DayRange(today.minusDays(7L * count - 1), today));
            case "month" -> Optional.of(new DayRange(today.minusMonths(count).plusDays(1), today));
            case "year" -> Optional.of(new DayRange(today.minusYears(count).plusDays(1), today));
            default -> Optional.empty();
        };
    }

    /** An ISO date, month ({@code 2026-06}) or week ({@code 2026-w23}, lower case after normalizing). */
    private static Optional<DayRange> iso(String w) {
        Matcher month = ISO_MONTH.matcher(w);
        if (month.matches()) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))));
        }
        Matcher week = ISO_WEEK.matcher(w);
        if (week.matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                    .with(DayOfWeek.MONDAY);
            return Optional.of(new DayRange(monday, monday.plusDays(6)));
        }
        try {
            return Optional.of(DayRange.of(LocalDate.parse(w)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DayRange month(YearMonth m) {
        return new DayRange(m.atDay(1), m.atEndOfMonth());
    }
}
