package dev.td.importers.td;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.ImportException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of {@code events.jsonl}: an event as td stored it, with the fields the import reads checked.
 *
 * @param line    its line number in events.jsonl (1 = the first)
 * @param origin  the id of the record across tds: the event id of the td that first stored it (its own event id, or
 *                the one its idempotency key {@code import:td:<id>} names when it came from another td's export)
 * @param subject the event a correction or void compensates; empty for an original event
 */
record ExportLine(
        int line,
        String eventId,
        String origin,
        long sequence,
        String type,
        Instant occurredAt,
        ZoneId timeZone,
        ObjectNode data,
        Optional<String> subject) {

    static final String CORRECTED = "event.corrected";
    static final String VOIDED = "event.voided";
    /** How td keys the events it imported from another td's export. */
    static final String IMPORTED = "import:td:";

    /**
     * The event on this line.
     *
     * @throws ImportException when a field the import needs is missing or malformed
     */
    static ExportLine of(JsonNode event, int line) {
        if (!event.isObject()) {
            throw bad(line, "is not a JSON object");
        }
        String eventId = text(event, "event_id", line);
        if (eventId.length() > Draft.MAX_RECORD_ID) {
            throw bad(line, "has an event_id of " + eventId.length() + " characters");
        }
        if (!event.path("sequence").canConvertToExactIntegral()) {
            throw bad(line, "has no whole-number sequence");
        }
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            throw bad(line, "has no data object");
        }
        JsonNode subject = event.path("subject_event_id");
        String key = event.path("idempotency_key").asText("");
        return new ExportLine(
                line,
                eventId,
                key.startsWith(IMPORTED)
                                && key.length() > IMPORTED.length()
                                && key.length() - IMPORTED.length() <= Draft.MAX_RECORD_ID
                        ? key.substring(IMPORTED.length())
                        : eventId,
                event.get("sequence").asLong(),
                text(event, "type", line),
                instant(text(event, "occurred_at", line), line),
                zone(text(event, "time_zone", line), line),
                (ObjectNode) data,
                subject.isTextual() ? Optional.of(subject.textValue()) : Optional.empty());
    }

    /** Whether this line corrects or voids another event rather than recording something. */
    boolean compensates() {
        return subject.isPresent() || type.equals(CORRECTED) || type.equals(VOIDED);
    }

    private static String text(JsonNode event, String field, int line) {
        JsonNode v = event.path(field);
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw bad(line, "has no " + field);
        }
        return v.textValue();
    }

    private static Instant instant(String text, int line) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(line, "has an occurred_at that is not a date-time with offset: " + text);
        }
    }

    private static ZoneId zone(String text, int line) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw bad(line, "has a time_zone that is no time zone: " + text);
        }
    }

    static ImportException bad(int line, String what) {
        return ImportException.badFile("events.jsonl line " + line + " " + what
                + ": the export was changed or damaged; export it again from the td it came from");
    }
}
