package dev.td.importers;

/** Where an importer puts what it read: drafts, and records it skipped with the reason. */
public interface DraftSink {

    void accept(Draft draft);

    /**
     * A record of the file that is not imported, and why (a waypoint without a track, a set without reps): reported to
     * the person, never an error for the file.
     *
     * @param where the record in the file ({@code row 12}, {@code session 3}, {@code Record at byte 5120})
     */
    void skipped(String where, String reason);
}
