package dev.td.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An original event and everything the log says about it since: the stored event with the previous hash
 * stored beside it, and the corrections and void that point at it, oldest first. From these it reads the
 * event as the effective history does (a void hides it; otherwise the latest correction's data and time
 * count, as in {@link EffectiveLog}), and every version it was known in, each with the event that
 * recorded it, so an answer can say when td learned what it now shows.
 *
 * @param prevHash      the previous event's hash stored with the event (hex; 64 zeros at sequence 1)
 * @param compensations corrections and voids of the event, in sequence order
 */
public record EventTrail(StoredEvent event, String prevHash, List<StoredEvent> compensations) {

    public EventTrail {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        if (event.subject().isPresent()) {
            throw new IllegalArgumentException(
                    "a trail starts at an original event, not at the " + event.type() + " " + event.eventId());
        }
        for (StoredEvent c : compensations) {
            if (!c.subject().equals(Optional.of(event.eventId()))) {
                throw new IllegalArgumentException("event " + c.eventId() + " does not compensate " + event.eventId());
            }
        }
        compensations = List.copyOf(compensations);
    }

    /** One reading of the event: the fact as the effective history showed it, and the event that recorded it. */
    public record Version(Fact fact, StoredEvent recordedBy) {
        public Version {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(recordedBy, "recordedBy");
        }
    }

    /** The void that took the event out of the effective history, if any (the first; a second is refused). */
    public Optional<StoredEvent> voiding() {
        return compensations.stream()
                .filter(c -> c.type().equals(EventTypes.VOIDED))
                .findFirst();
    }

    /** The corrections of the event, oldest first. */
    public List<StoredEvent> corrections() {
        return compensations.stream()
                .filter(c -> c.type().equals(EventTypes.CORRECTED))
                .toList();
    }

    /**
     * The versions the event was known in, oldest first: its own, then one per correction with the
     * corrected data and time (the correction's {@code data.data}, {@code occurred_at} and {@code time_zone}).
     */
    public List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(Fact.of(event), event));
        for (StoredEvent c : corrections()) {
            JsonNode data = c.data().get("data");
            if (data instanceof ObjectNode corrected) {
                versions.add(new Version(
                        new Fact(event.eventId(), event.sequence(), event.type(), c.occurredAt(), corrected), c));
            }
        }
        return versions;
    }
}
