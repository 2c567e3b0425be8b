package dev.td.server.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import dev.td.tools.ToolException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The days a ranged tool was asked about: {@code from}/{@code to} (dates, both included) or a
 * {@code period} in words, never both, resolved in the person's time zone.
 *
 * @param from  the first day, when bounded below
 * @param to    the last day, when bounded above
 * @param words the period as asked, when given in words
 * @param zone  the zone the days are counted in
 * @param today the person's date now
 */
@Published
public record AskedPeriod(
        Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> words, ZoneInUse zone, LocalDate today) {

    public AskedPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(today, "today");
    }

    /** Reads {@code from}, {@code to} and {@code period} of a tool's arguments. */
    public static AskedPeriod of(JsonNode args, ZoneInUse zone, Instant now) {
        LocalDate today = now.atZone(zone.zone()).toLocalDate();
        Optional<String> words = text(args, "period");
        if (words.isPresent()) {
            requireAlone(args);
            DayRange r = PeriodWords.resolve(words.get(), today, "$.period");
            return new AskedPeriod(Optional.of(r.from()), Optional.of(r.to()), words, zone, today);
        }
        Optional<LocalDate> from = date(args, "from");
        Optional<LocalDate> to = date(args, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ToolException.invalid(
                    "$.to", "to (" + to.get() + ") is before from (" + from.get() + "); both days are included");
        }
        return new AskedPeriod(from, to, Optional.empty(), zone, today);
    }

    /** Refuses from or to next to period: which one wins would be a guess. */
    public static void requireAlone(JsonNode args) {
        if (text(args, "from").isPresent() || text(args, "to").isPresent()) {
            throw ToolException.invalid(
                    "$.period",
                    "give either period or from/to, not both; period \""
                            + args.get("period").asText() + "\" already names the days");
        }
    }

    /** Whether the call named any bound. */
    public boolean bounded() {
        return from.isPresent() || to.isPresent();
    }

    public boolean contains(LocalDate day) {
        return from.map(f -> !day.isBefore(f)).orElse(true)
                && to.map(t -> !day.isAfter(t)).orElse(true);
    }

    /** The same question with other bounds (a tool's default window). */
    public AskedPeriod withBounds(Optional<LocalDate> newFrom, Optional<LocalDate> newTo) {
        return new AskedPeriod(newFrom, newTo, words, zone, today);
    }

    /**
     * {@code meta.period}: the days answered for (null where unbounded), the words asked, the time zone and
     * where it comes from.
     */
    public ObjectNode toJson() {
        return json(from, to, words, zone);
    }

    /** {@code meta.period} for any range of days. */
    public static ObjectNode json(
            Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> words, ZoneInUse zone) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("from", from.map(LocalDate::toString).orElse(null));
        n.put("to", to.map(LocalDate::toString).orElse(null));
        n.put("asked", words.orElse(null));
        n.put("time_zone", zone.name());
        n.put("time_zone_source", zone.source().wire());
        return n;
    }

    private static Optional<String> text(JsonNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<LocalDate> date(JsonNode args, String field) {
        try {
            return text(args, field).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(
                    "$." + field,
                    "'" + args.get(field).asText()
                            + "' is not a date; write YYYY-MM-DD, e.g. 2026-11-01, or use period (\"last month\")");
        }
    }
}
