package dev.td.server.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of the effective history: its data as last corrected, its time as last corrected,
 * its place in the log. Voided events and the compensating events themselves never appear.
 */
public record Fact(UUID eventId, long sequence, String type, OffsetDateTime occurredAt, ObjectNode data) {

    public Fact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    public static Fact of(StoredEvent e) {
        return new Fact(e.eventId(), e.sequence(), e.type(), e.occurredAt(), e.data());
    }
}
