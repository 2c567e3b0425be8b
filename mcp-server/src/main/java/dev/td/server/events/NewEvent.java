package dev.td.server.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event about to be appended, already validated against its type.
 *
 * @param subject the event a correction or void points at
 */
public record NewEvent(
        String type,
        Instant occurredAt,
        ZoneId timeZone,
        ObjectNode data,
        String idempotencyKey,
        ObjectNode metadata,
        Optional<UUID> subject) {

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(subject, "subject");
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotencyKey must be 1-200 characters");
        }
        occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Whether a stored event carries the same content (a true retry), ignoring metadata and time of recording. */
    boolean sameContentAs(StoredEvent stored) {
        return stored.type().equals(type)
                && stored.occurredAt().toInstant().equals(occurredAt)
                && CanonicalJson.of(stored.data()).equals(CanonicalJson.of(data))
                && stored.subject().equals(subject);
    }
}
