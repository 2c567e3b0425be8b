package dev.td.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event as stored in the log.
 *
 * @param occurredAt when it happened, at the offset of its time zone
 * @param replayed   true when an append found this event already stored under the same idempotency key
 */
// The hash is an array on purpose (it goes to and from bytea as is); nothing compares events with equals().
@SuppressWarnings("ArrayRecordComponent")
public record StoredEvent(
        UUID userId,
        UUID eventId,
        long sequence,
        String type,
        OffsetDateTime occurredAt,
        String timeZone,
        Instant recordedAt,
        ObjectNode data,
        ObjectNode metadata,
        String idempotencyKey,
        Optional<UUID> subject,
        byte[] hash,
        boolean replayed) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(subject, "subject");
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    StoredEvent asReplay() {
        return new StoredEvent(
                userId,
                eventId,
                sequence,
                type,
                occurredAt,
                timeZone,
                recordedAt,
                data,
                metadata,
                idempotencyKey,
                subject,
                hash,
                true);
    }

    /** This event's canonical form: the text its hash covers after the previous hash. */
    String canonical() {
        return canonical(
                userId,
                eventId,
                sequence,
                type,
                occurredAt.toInstant(),
                timeZone,
                recordedAt,
                data,
                metadata,
                idempotencyKey,
                subject);
    }

    /** The canonical form the hash chain covers. */
    static String canonical(
            UUID userId,
            UUID eventId,
            long sequence,
            String type,
            Instant occurredAt,
            String timeZone,
            Instant recordedAt,
            ObjectNode data,
            ObjectNode metadata,
            String idempotencyKey,
            Optional<UUID> subject) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("user_id", userId.toString());
        c.put("event_id", eventId.toString());
        c.put("sequence", sequence);
        c.put("type", type);
        c.put("occurred_at", occurredAt.toString());
        c.put("time_zone", timeZone);
        c.put("recorded_at", recordedAt.toString());
        c.set("data", data);
        c.set("metadata", metadata);
        c.put("idempotency_key", idempotencyKey);
        c.put("subject_event_id", subject.map(UUID::toString).orElse(null));
        return CanonicalJson.of(c);
    }

    /** ISO-8601 with offset, always with seconds ({@code 2026-11-24T07:30:00+01:00}). */
    public static String iso(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The event as tools return it. */
    public ObjectNode toJson() {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("event_id", eventId.toString());
        e.put("sequence", sequence);
        e.put("type", type);
        e.put("occurred_at", iso(occurredAt));
        e.put("time_zone", timeZone);
        e.put("recorded_at", recordedAt.toString());
        e.set("data", data);
        e.set("metadata", metadata);
        e.put("idempotency_key", idempotencyKey);
        e.put("hash", HexFormat.of().formatHex(hash));
        return e;
    }
}
