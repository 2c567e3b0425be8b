package dev.td.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One td event read from a file, before the server checks and stores it.
 *
 * <p>{@code data} follows the event type's schema, with one exception: a {@code set.logged} from an app names its
 * exercise by the name the app used ({@code exercise}) and leaves {@code exercise_id} out; the server resolves the name
 * in the person's catalog (and creates a personal exercise for a name nothing matches). A set from a td export keeps
 * the {@code exercise_id} it had, and the export's {@code exercise.*} events define the personal ones.
 *
 * @param type       a loggable td event type ({@code activity.logged}, {@code set.logged}, {@code metric.recorded}…)
 * @param occurredAt when it happened
 * @param timeZone   the zone the file gives for it; empty when the file gives none (the person's zone is used)
 * @param recordId   what identifies this record at its source, stable across re-exports of the same record (a FIT
 *                   file's serial and creation time with the session index, a workout's start with the exercise and set
 *                   order, a hash of the content when the source has no id); at most 150 characters. The server
 *                   keys the event by it, so importing it twice stores it once.
 */
public record Draft(String type, Instant occurredAt, Optional<ZoneId> timeZone, ObjectNode data, String recordId) {

    public static final int MAX_RECORD_ID = 150;

    public Draft {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(recordId, "recordId");
        if (recordId.isEmpty() || recordId.length() > MAX_RECORD_ID) {
            throw new IllegalArgumentException(
                    "recordId must be 1-" + MAX_RECORD_ID + " characters, was " + recordId.length() + ": " + recordId);
        }
    }
}
