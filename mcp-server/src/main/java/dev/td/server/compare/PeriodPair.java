package dev.td.server.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.health.Health;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.PeriodWords;
import dev.td.tools.ToolException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two periods a comparison is about, as asked: {@code a} and {@code b}, each {@code {from, to}} (dates, both
 * included) or {@code {period}} in words; or the shortcut {@code periods} ("January vs February", "Januar gegen
 * Februar"), never both. Words are {@link PeriodWords} in the person's zone (a month without a year is its latest
 * occurrence not after this month), or a program block: "this block" (the phase the person is in) and "last block"
 * (the one before it).
 */
record PeriodPair(PeriodPair.Side a, PeriodPair.Side b) {

    /** The longest side: ten years of days. */
    static final int MAX_DAYS = 3653;

    /**
     * One side of the comparison.
     *
     * @param label as asked: the words, or {@code from..to}
     * @param block the program block the words named, said in a line, when they named one
     */
    record Side(String label, DayRange days, Optional<String> block) {}

    /** The program blocks of the person up to a day; the path is where the words that need them were given. */
    @FunctionalInterface
    interface Blocks {
        List<Health.Block> upTo(LocalDate day, String path);
    }

    private static final Pattern VERSUS =
            Pattern.compile("\\s+(?:vs\\.?|versus|gegen)\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern BLOCK = Pattern.compile("(?:(?:the|den|der|die|im)\\s+)?"
            + "(this|current|dies(?:e[nrs]?)?|aktuelle[nrs]?|last|previous|prior|letzte[nrs]?|vorige[nrs]?"
            + "|vorherige[nrs]?)\\s+(?:block|phase)");

    /** Reads {@code periods}, or {@code a} and {@code b}, of a call's arguments. */
    static PeriodPair of(JsonNode args, LocalDate today, Blocks blocks) {
        if (args.has("periods")) {
            if (args.has("a") || args.has("b")) {
                throw ToolException.invalid(
                        "$.periods",
                        "give either periods (\"January vs February\") or a and b, not both: which would count is a"
                                + " guess");
            }
            String said = args.get("periods").asText();
            String[] parts = VERSUS.split(said.strip(), -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw ToolException.invalid(
                        "$.periods",
                        "'" + said + "' is not two periods; write them with vs, versus or gegen between:"
                                + " \"January vs February\", \"last week vs this week\", \"Juni 2025 gegen Juni 2026\","
                                + " \"last block vs this block\"");
            }
            return new PeriodPair(
                    words(parts[0].strip(), today, blocks, "$.periods"),
                    words(parts[1].strip(), today, blocks, "$.periods"));
        }
        return new PeriodPair(side(args, "a", today, blocks), side(args, "b", today, blocks));
    }

    /** Whether the two sides share days, and which. */
    Optional<DayRange> overlap() {
        LocalDate from = a.days().from().isAfter(b.days().from())
                ? a.days().from()
                : b.days().from();
        LocalDate to =
                a.days().to().isBefore(b.days().to()) ? a.days().to() : b.days().to();
        return to.isBefore(from) ? Optional.empty() : Optional.of(new DayRange(from, to));
    }

    private static Side side(JsonNode args, String field, LocalDate today, Blocks blocks) {
        String path = "$." + field;
        JsonNode side = args.get(field);
        if (side == null) {
            throw ToolException.invalid(
                    path,
                    "name the " + (field.equals("a") ? "first" : "second") + " period: " + field
                            + ": {\"period\": \"January 2026\"} or {\"from\": \"2026-01-01\", \"to\": \"2026-01-31\"};"
                            + " or give both at once as periods: \"January vs February\"");
        }
        if (side.has("period")) {
            if (side.has("from") || side.has("to")) {
                throw ToolException.invalid(
                        path + ".period",
                        "give either period or from/to in " + field + ", not both; period \""
                                + side.get("period").asText() + "\" already names the days");
            }
            return words(side.get("period").asText(), today, blocks, path + ".period");
        }
        if (!side.has("from") || !side.has("to")) {
            String missing = side.has("from") ? "to" : "from";
            throw ToolException.invalid(
                    path + "." + missing,
                    field + " needs from and to (YYYY-MM-DD, both days included), or a period in words instead"
                            + " (\"January 2026\", \"last week\")");
        }
        LocalDate from = date(side, path, "from");
        LocalDate to = date(side, path, "to");
        if (to.isBefore(from)) {
            throw ToolException.invalid(
                    path + ".to",
                    field + ".to (" + to + ") is before " + field + ".from (" + from + "); both days are"
                            + " included, so to is the last day");
        }
        return new Side(from + ".." + to, limited(new DayRange(from, to), path + ".to"), Optional.empty());
    }

    private static LocalDate date(JsonNode side, String path, String field) {
        try {
            return LocalDate.parse(side.get(field).asText());
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(
                    path + "." + field, "'" + side.get(field).asText() + "' is not a date; write YYYY-MM-DD");
        }
    }

    /** A period in words: a program block, or what {@link PeriodWords} reads. */
    private static Side words(String said, LocalDate today, Blocks blocks, String path) {
        Matcher block = BLOCK.matcher(said.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (block.matches()) {
            boolean current = block.group(1).startsWith("this")
                    || block.group(1).startsWith("current")
                    || block.group(1).startsWith("dies")
                    || block.group(1).startsWith("aktuell");
            List<Health.Block> all = blocks.upTo(today, path);
            int index = all.size() - (current ? 1 : 2);
            if (index < 0) {
                throw ToolException.invalid(
                        path,
                        all.isEmpty()
                                ? "'" + said + "' needs a program, and the person has none started (start_program);"
                                        + " give the days instead"
                                : "'" + said + "' is the block before the current one, and there is none: the"
                                        + " current block (" + line(all.getLast()) + ") is the first");
            }
            Health.Block b = all.get(index);
            return new Side(said, b.days(), Optional.of(said + ": " + line(b)));
        }
        return new Side(said, limited(PeriodWords.resolve(said, today, path), path), Optional.empty());
    }

    private static String line(Health.Block b) {
        return b.program() + b.phase().map(p -> " phase " + p).orElse("") + ", "
                + b.days().from() + " to " + b.days().to();
    }

    private static DayRange limited(DayRange days, String path) {
        if (ChronoUnit.DAYS.between(days.from(), days.to()) + 1 > MAX_DAYS) {
            throw ToolException.invalid(
                    path,
                    days.from() + " to " + days.to() + " is longer than the ten years one side of a comparison may"
                            + " span; compare shorter periods");
        }
        return days;
    }
}
