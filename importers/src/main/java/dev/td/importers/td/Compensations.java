package dev.td.importers.td;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compensation that counts for each event of an exported log, as td's effective history counts it: a void, else
 * the latest correction (by sequence). A correction's data is its {@code data.data}; its time and zone are the
 * correction event's own {@code occurred_at} and {@code time_zone}, which td sets to the corrected time (the original's
 * when the correction left the time alone). Fed the lines in sequence order.
 */
final class Compensations {

    /** What counts for one event: voided (with the reason), or its data, time and zone as last corrected. */
    sealed interface Counted {}

    record Voided(String reason) implements Counted {}

    record Corrected(ObjectNode data, Instant occurredAt, ZoneId timeZone) implements Counted {}

    private final Map<String, Counted> bySubject = new HashMap<>();

    /** Takes one compensating line; lines that compensate nothing td knows are ignored, as td ignores them. */
    void add(ExportLine line) {
        if (line.subject().isEmpty()) {
            return;
        }
        String subject = line.subject().get();
        if (line.type().equals(ExportLine.VOIDED)) {
            bySubject.put(subject, new Voided(line.data().path("reason").asText("")));
        } else if (line.type().equals(ExportLine.CORRECTED)) {
            JsonNode data = line.data().path("data");
            if (!data.isObject()) {
                throw ExportLine.bad(line.line(), "is a correction without a data object");
            }
            if (!(bySubject.get(subject) instanceof Voided)) {
                bySubject.put(subject, new Corrected((ObjectNode) data, line.occurredAt(), line.timeZone()));
            }
        }
    }

    /** What counts for this event; empty when it was neither corrected nor voided. */
    Optional<Counted> of(String eventId) {
        return Optional.ofNullable(bySubject.get(eventId));
    }
}
